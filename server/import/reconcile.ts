import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { facilities, institutions, municipalities, naviiFacilities, townPoints } from '../db/schema';
import { BOUNDARY_TOLERANCE_KM, checkPublished, placeFacility, type Precision } from '../domain/position-check';
import { TownGeocoder } from './geocoder';
import { LandIndex } from '../domain/engine/landmass';
import { namesMatch, normalizeAddress, normalizeName } from './join-keys';
import type { Problem } from './problems';

type Boundary = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/**
 * What runs after every import, over the whole database, so the result does not depend on the order
 * in which files were imported (deterministic: re-running writes nothing):
 *   1. the ナビイ join — each institution to the ナビイ row at the same normalised address whose name
 *      matches (join-keys.ts); failing that, the one row of its prefecture with the same name;
 *   2. institution positions — ナビイ coordinates (`source`), else the address geocoded from town
 *      points (`town` / `municipality`), else `none`;
 *   3. facility positions — domain/position-check.ts: the file's coordinates (`source`); flagged when
 *      outside Japan (then placed by address) or more than 1 km outside the own municipality polygon
 *      (then at the town point inside it, else kept as published); no coordinates: by address, else `none`.
 */
export interface ReconcileReport {
  navii: { rows: number; matched: number; hospitalsInLists: number; hospitalsMatched: number };
  /** Separate landmasses among the imported boundaries. */
  landmasses: number;
  institutions: Record<Precision, number>;
  facilities: Record<Precision, number> & { flagged: number };
  problems: Problem[];
}

export interface Origin {
  file: string;
  line: number;
}

const emptyPrecision = (): Record<Precision, number> => ({ source: 0, town: 0, municipality: 0, none: 0 });

export function reconcile(tx: Tx, origins: ReadonlyMap<string, Origin>): ReconcileReport {
  const boundaries = loadBoundaries(tx);
  const geocoder = new TownGeocoder(tx.select().from(townPoints).all());
  const navii = joinNavii(tx);
  const institutionsPlaced = placeInstitutions(tx, navii.byInstitution, geocoder);
  const { placed, flagged, problems } = placeFacilities(tx, boundaries, geocoder, origins);
  const landmasses = assignLandmasses(tx, boundaries);
  return { navii: navii.report, institutions: institutionsPlaced, facilities: { ...placed, flagged }, landmasses, problems };
}

/**
 * 4. Landmasses: the land each facility and institution stands on (engine/landmass.ts), so the
 * engine never treats a crossing to another island as a road trip. An institution whose address gave
 * no municipality takes the one its position falls in.
 */
function assignLandmasses(tx: Tx, b: Boundaries): number {
  const land = new LandIndex([...b.byCode].map(([code, m]) => ({ code, geometry: m.boundary })));
  const at = (lng: number | null, lat: number | null) => (lng === null || lat === null ? null : land.locate(lng, lat));
  for (const f of tx.select().from(facilities).all()) {
    const l = at(f.lng, f.lat)?.landmass ?? null;
    if (l !== f.landmass) tx.update(facilities).set({ landmass: l }).where(sql`${facilities.careOfficeNumber} = ${f.careOfficeNumber} and ${facilities.serviceCode} = ${f.serviceCode}`).run();
  }
  for (const i of tx.select().from(institutions).all()) {
    const hit = at(i.lng, i.lat);
    const next = { landmass: hit?.landmass ?? null, municipalityCode: i.municipalityCode ?? hit?.code ?? null };
    if (next.landmass !== i.landmass || next.municipalityCode !== i.municipalityCode) tx.update(institutions).set(next).where(eq(institutions.code, i.code)).run();
  }
  return land.count;
}

interface Boundaries {
  byCode: Map<string, { boundary: Boundary; name: string; prefName: string }>;
}

function loadBoundaries(tx: Tx): Boundaries {
  const byCode = new Map<string, { boundary: Boundary; name: string; prefName: string }>();
  for (const m of tx.select().from(municipalities).all()) {
    // A 政令市 row holds the union of its wards: the wards themselves are the parts.
    if (m.boundary && m.kind !== 'designated_city') byCode.set(m.code, { boundary: JSON.parse(m.boundary) as Boundary, name: m.name, prefName: m.prefName });
  }
  return { byCode };
}

type InstitutionRow = typeof institutions.$inferSelect;
type NaviiRow = typeof naviiFacilities.$inferSelect;

function joinNavii(tx: Tx) {
  const rows = tx.select().from(naviiFacilities).all();
  const byAddress = new Map<string, NaviiRow[]>();
  const byName = new Map<string, NaviiRow[]>();
  for (const r of rows) {
    const [a, n] = [normalizeAddress(r.address), normalizeName(r.name)];
    byAddress.set(a, [...(byAddress.get(a) ?? []), r]);
    byName.set(n, [...(byName.get(n) ?? []), r]);
  }
  const insts = tx.select().from(institutions).all().filter((i) => i.withdrawnOn === null);
  const byInstitution = new Map<string, NaviiRow>();
  const taken = new Set<string>();
  for (const inst of insts) {
    const sameAddress = inst.address ? (byAddress.get(normalizeAddress(inst.address)) ?? []).filter((r) => namesMatch(inst.name, r.name)) : [];
    const sameName = (byName.get(normalizeName(inst.name)) ?? []).filter((r) => r.prefCode === inst.code.slice(0, 2));
    const match = sameAddress.length === 1 ? sameAddress[0] : sameAddress.length === 0 && sameName.length === 1 ? sameName[0] : undefined;
    if (match && !taken.has(match.id)) {
      taken.add(match.id);
      byInstitution.set(inst.code, match);
    }
  }
  const codeByNavii = new Map([...byInstitution].map(([code, n]) => [n.id, code]));
  for (const r of rows) {
    const code = codeByNavii.get(r.id) ?? null;
    if (r.institutionCode !== code) tx.update(naviiFacilities).set({ institutionCode: code }).where(eq(naviiFacilities.id, r.id)).run();
  }
  const hospitals = insts.filter((i) => (byInstitution.get(i.code)?.kind ?? i.kind) === 'hospital');
  return {
    byInstitution,
    report: { rows: rows.length, matched: byInstitution.size, hospitalsInLists: hospitals.length, hospitalsMatched: hospitals.filter((h) => byInstitution.has(h.code)).length },
  };
}

function placeInstitutions(tx: Tx, matches: ReadonlyMap<string, NaviiRow>, geocoder: TownGeocoder): Record<Precision, number> {
  const counts = emptyPrecision();
  // Only municipalities the database knows (ナビイ may name one whose boundary was never imported).
  const known = new Set(tx.select({ code: municipalities.code }).from(municipalities).all().map((m) => m.code));
  const knownOrNull = (code: string | null | undefined) => (code && known.has(code) ? code : null);
  for (const inst of tx.select().from(institutions).all()) {
    const n = matches.get(inst.code);
    const placedBySource = n && n.lat !== null && n.lng !== null;
    const geo = placedBySource || !inst.address ? null : geocoder.geocode(inst.address);
    const next: Partial<InstitutionRow> = {
      naviiId: n?.id ?? null,
      kind: inst.kind === 'unknown' && n ? n.kind : inst.kind,
      beds: inst.beds ?? n?.beds ?? null,
      municipalityCode: knownOrNull(inst.municipalityCode) ?? knownOrNull(n?.municipalityCode),
      lat: placedBySource ? n.lat : (geo?.lat ?? null),
      lng: placedBySource ? n.lng : (geo?.lng ?? null),
      geocodePrecision: placedBySource ? 'source' : (geo?.precision ?? 'none'),
    };
    if (inst.withdrawnOn === null) counts[next.geocodePrecision as Precision]++;
    if ((Object.keys(next) as (keyof InstitutionRow)[]).some((k) => (inst[k] ?? null) !== (next[k] ?? null))) {
      tx.update(institutions).set({ ...next, version: sql`${institutions.version} + 1` }).where(eq(institutions.code, inst.code)).run();
    }
  }
  return counts;
}

function placeFacilities(tx: Tx, b: Boundaries, geocoder: TownGeocoder, origins: ReadonlyMap<string, Origin>) {
  const placed = emptyPrecision();
  const problems: Problem[] = [];
  let flagged = 0;
  for (const f of tx.select().from(facilities).all()) {
    const key = `${f.careOfficeNumber}-${f.serviceCode}`;
    const own = f.municipalityCode ? b.byCode.get(f.municipalityCode) : undefined;
    const published = f.sourceLat !== null && f.sourceLng !== null ? { lat: f.sourceLat, lng: f.sourceLng } : null;
    const check = published ? checkPublished(published.lng, published.lat, own?.boundary ?? null) : { flag: null, offsetKm: null };
    const geo = (published && check.flag === null) || !f.address ? null : geocoder.geocode(f.address, { prefName: own?.prefName, municipalityName: own?.name });
    const at = placeFacility(published, check, geo, own?.boundary ?? null);
    const next = { lat: at.lat, lng: at.lng, geocodePrecision: at.precision, positionFlag: check.flag, positionOffsetKm: check.offsetKm };
    if (f.withdrawnOn === null) placed[at.precision]++;
    if (check.flag) flagged++;
    const origin = origins.get(key);
    if (check.flag === 'outside_municipality' && origin && own) {
      const where = at.precision === 'town' ? 'placed at its town point inside it' : 'no town point inside it matched the address, so kept as published and flagged on the map';
      problems.push({
        file: origin.file, row: origin.line, column: '緯度', level: 'warning',
        message: `Coordinates ${f.sourceLat}, ${f.sourceLng} lie ${check.offsetKm} km outside ${own.name}, the facility's own municipality (more than ${BOUNDARY_TOLERANCE_KM} km): ${where}`,
      });
    }
    if (next.lat !== f.lat || next.lng !== f.lng || next.geocodePrecision !== f.geocodePrecision || next.positionFlag !== f.positionFlag || next.positionOffsetKm !== f.positionOffsetKm) {
      tx.update(facilities).set(next).where(sql`${facilities.careOfficeNumber} = ${f.careOfficeNumber} and ${facilities.serviceCode} = ${f.serviceCode}`).run();
    }
  }
  return { placed, flagged, problems };
}
