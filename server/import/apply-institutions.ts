import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { institutionNotifications, institutions } from '../db/schema';
import { emptyCounts, differs, type WriteCounts } from './counts';
import { namesMatch, normalizeAddress } from './join-keys';
import type { InstitutionRecord, NaviiRecord } from './records';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const notificationKey = (ns: readonly { symbol: string; acceptedNumber: string; startDate: string | null }[]) =>
  ns.map((n) => `${n.symbol}|${n.acceptedNumber}|${n.startDate ?? ''}`).sort().join(';');

/**
 * Institutions from a 名簿. Their notifications are replaced by the list's (it is the full current
 * list per institution). Position, ナビイ link and declarations are left as they are.
 */
export function applyInstitutions(tx: Tx, records: readonly InstitutionRecord[]): WriteCounts {
  const counts = emptyCounts();
  const existing = new Map(tx.select().from(institutions).all().map((i) => [i.code, i]));
  const existingNotes = new Map<string, { symbol: string; acceptedNumber: string; startDate: string | null }[]>();
  for (const n of tx.select().from(institutionNotifications).all()) {
    const list = existingNotes.get(n.institutionCode) ?? [];
    list.push(n);
    existingNotes.set(n.institutionCode, list);
  }
  for (const r of records) {
    const prev = existing.get(r.code);
    // A kind learnt from ナビイ is kept when the list itself says nothing.
    const kind = r.kind === 'unknown' && prev ? prev.kind : r.kind;
    const row = { kind, name: r.name, postalCode: r.postalCode, address: r.address, phone: r.phone, beds: r.beds ?? prev?.beds ?? null, bedsDetail: r.bedsDetail };
    const notesChanged = notificationKey(existingNotes.get(r.code) ?? []) !== notificationKey(r.notifications);
    if (!prev) {
      tx.insert(institutions).values({ code: r.code, ...row, municipalityCode: null, geocodePrecision: 'none' }).run();
      counts.imported++;
    } else if (differs(prev, row) || notesChanged) {
      tx.update(institutions).set({ ...row, version: sql`${institutions.version} + 1`, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(institutions.code, r.code)).run();
      counts.updated++;
    } else {
      counts.unchanged++;
      continue;
    }
    tx.delete(institutionNotifications).where(eq(institutionNotifications.institutionCode, r.code)).run();
    if (r.notifications.length > 0) {
      tx.insert(institutionNotifications).values(r.notifications.map((n) => ({ institutionCode: r.code, ...n }))).run();
    }
  }
  return counts;
}

/**
 * Joins ナビイ rows to institutions by normalised address and name (join-keys.ts) and takes their
 * coordinates (precision `source`), beds and — when the list left it open — kind.
 */
export function applyNavii(tx: Tx, records: readonly NaviiRecord[]): WriteCounts {
  const counts = emptyCounts();
  const all = tx.select().from(institutions).all();
  const byAddress = new Map<string, typeof all>();
  for (const inst of all) {
    if (!inst.address) continue;
    const key = normalizeAddress(inst.address);
    byAddress.set(key, [...(byAddress.get(key) ?? []), inst]);
  }
  let unmatched = 0;
  const matchedKinds = { hospital: 0, clinic: 0, unknown: 0 };
  for (const r of records) {
    const candidates = (byAddress.get(normalizeAddress(r.address)) ?? []).filter((i) => namesMatch(i.name, r.name));
    if (candidates.length !== 1) {
      unmatched++;
      continue;
    }
    const inst = candidates[0] as (typeof all)[number];
    const placed = r.lat !== null && r.lng !== null;
    const row = {
      naviiId: r.id,
      kind: inst.kind === 'unknown' ? r.kind : inst.kind,
      beds: inst.beds ?? r.beds,
      municipalityCode: inst.municipalityCode ?? r.municipalityCode,
      ...(placed ? { lat: r.lat, lng: r.lng, geocodePrecision: 'source' as const } : {}),
    };
    matchedKinds[row.kind]++;
    if (differs(inst, row)) {
      tx.update(institutions).set({ ...row, version: sql`${institutions.version} + 1` }).where(eq(institutions.code, inst.code)).run();
      if (inst.naviiId === null) counts.imported++;
      else counts.updated++;
    } else counts.unchanged++;
  }
  counts.skipped = unmatched;
  counts.notes.push(
    `ナビイ join: ${records.length - unmatched} of ${records.length} rows matched a 名簿 institution (${matchedKinds.hospital} hospitals, ${matchedKinds.clinic} clinics); ${unmatched} unmatched`,
  );
  return counts;
}
