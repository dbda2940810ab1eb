import { and, between, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agreements, institutionNotifications, institutions } from '../../db/schema';
import { institutionOffers, isRelevantSymbol } from '../../domain/institution-offers';
import { requirementListSchema } from '../../contracts/common';
import type { BBox } from '../../domain/geo';
import { activeCountByInstitution, isActiveOn } from './agreements-query';

export type InstitutionRow = typeof institutions.$inferSelect;

/** Declared offers are stored as a JSON array; anything unreadable counts as "not declared". */
export function parseDeclared(raw: string | null) {
  if (raw === null) return null;
  try {
    const parsed = requirementListSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface InstitutionWithOffers {
  row: InstitutionRow;
  symbols: string[];
  offers: ReturnType<typeof institutionOffers>;
  activePartners: number;
}

/**
 * Which institutions: one by code (shown even when withdrawn — its history matters), or those not
 * withdrawn, optionally inside a box. Expressed in SQL so related rows are fetched by join, never by
 * binding one parameter per institution (SQLite caps the number of parameters).
 */
function institutionFilter(opts: { bbox?: BBox; code?: string }): SQL | undefined {
  if (opts.code !== undefined) return eq(institutions.code, opts.code);
  const live = isNull(institutions.withdrawnOn);
  if (!opts.bbox) return live;
  const [w, s, e, n] = opts.bbox;
  return and(live, between(institutions.lng, w, e), between(institutions.lat, s, n));
}

/**
 * Institutions with their relevant notification symbols, what they offer at each level, and their
 * active partner count on `today`.
 */
export function loadInstitutions(db: Db, today: string, opts: { bbox?: BBox; code?: string } = {}): InstitutionWithOffers[] {
  const where = institutionFilter(opts);
  const rows = db.select().from(institutions).where(where).all();
  const symbols = new Map<string, string[]>();
  const notes = db
    .select({ code: institutionNotifications.institutionCode, symbol: institutionNotifications.symbol })
    .from(institutionNotifications)
    .innerJoin(institutions, eq(institutions.code, institutionNotifications.institutionCode))
    .where(where)
    .all();
  for (const n of notes) if (isRelevantSymbol(n.symbol)) symbols.set(n.code, [...(symbols.get(n.code) ?? []), n.symbol]);
  const agreementRows = db
    .select({ a: agreements })
    .from(agreements)
    .innerJoin(institutions, eq(institutions.code, agreements.institutionCode))
    .where(and(where, eq(agreements.status, 'active')))
    .all()
    .map((r) => r.a)
    .filter((a) => isActiveOn(a, today));
  const counts = activeCountByInstitution(agreementRows);
  return rows.map((row) => {
    const s = symbols.get(row.code) ?? [];
    return {
      row,
      symbols: s,
      offers: institutionOffers({ kind: row.kind, symbols: s, declared: parseDeclared(row.declaredOffers) }),
      activePartners: counts.get(row.code) ?? 0,
    };
  });
}
