import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { institutionNotifications, institutions, municipalities, naviiFacilities, sqlNow, townPoints } from '../db/schema';
import { emptyCounts, differs, type WriteCounts } from './counts';
import type { InstitutionRecord, NaviiRecord, NotificationRecord, TownPointRecord } from './records';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const noteKey = (n: { symbol: string; acceptedNumber: string }) => `${n.symbol}|${n.acceptedNumber}`;
const noteSignature = (ns: readonly { symbol: string; acceptedNumber: string; startDate: string | null; name: string | null }[]) =>
  ns.map((n) => `${noteKey(n)}|${n.startDate ?? ''}|${n.name ?? ''}`).sort().join(';');

/**
 * Institutions from a 名簿. A standard list is the full list per institution: its notifications
 * replace the stored ones, and institutions of its prefectures it no longer lists are withdrawn. A
 * 項目別 list holds some notifications only: they are added to what is known. Position, ナビイ link
 * and declarations are left alone (reconcile.ts places institutions).
 */
export function applyInstitutions(tx: Tx, records: readonly InstitutionRecord[], complete: boolean, prefCodes: readonly string[], asOf: string): WriteCounts {
  const counts = emptyCounts();
  const known = new Set(tx.select({ code: municipalities.code }).from(municipalities).all().map((m) => m.code));
  const existing = new Map(tx.select().from(institutions).all().map((i) => [i.code, i]));
  const existingNotes = new Map<string, (typeof institutionNotifications.$inferSelect)[]>();
  for (const n of tx.select().from(institutionNotifications).all()) existingNotes.set(n.institutionCode, [...(existingNotes.get(n.institutionCode) ?? []), n]);

  for (const r of records) {
    const prev = existing.get(r.code);
    const before = existingNotes.get(r.code) ?? [];
    const notes: NotificationRecord[] = complete ? r.notifications : mergeNotes(before, r.notifications);
    // A kind learnt from ナビイ is kept when the list itself says nothing.
    const kind = r.kind === 'unknown' && prev ? prev.kind : r.kind;
    const row = {
      kind, name: r.name, postalCode: r.postalCode, address: r.address, phone: r.phone,
      beds: r.beds ?? prev?.beds ?? null, bedsDetail: r.bedsDetail ?? prev?.bedsDetail ?? null,
      municipalityCode: (r.municipalityCode && known.has(r.municipalityCode) ? r.municipalityCode : null) ?? prev?.municipalityCode ?? null,
      withdrawnOn: null,
    };
    const notesChanged = noteSignature(before) !== noteSignature(notes);
    if (!prev) {
      tx.insert(institutions).values({ code: r.code, ...row, geocodePrecision: 'none' }).run();
      counts.imported++;
    } else if (differs(prev, row) || notesChanged) {
      tx.update(institutions).set({ ...row, version: sql`${institutions.version} + 1`, updatedAt: sqlNow() }).where(eq(institutions.code, r.code)).run();
      counts.updated++;
    } else {
      counts.unchanged++;
      continue;
    }
    if (notesChanged || !prev) {
      tx.delete(institutionNotifications).where(eq(institutionNotifications.institutionCode, r.code)).run();
      if (notes.length > 0) tx.insert(institutionNotifications).values(notes.map((n) => ({ institutionCode: r.code, ...n }))).run();
    }
  }
  if (complete) counts.withdrawn = withdrawInstitutions(tx, new Set(records.map((r) => r.code)), prefCodes, asOf);
  return counts;
}

function mergeNotes(before: readonly NotificationRecord[], added: readonly NotificationRecord[]): NotificationRecord[] {
  const byKey = new Map(before.map((n) => [noteKey(n), { symbol: n.symbol, acceptedNumber: n.acceptedNumber, name: n.name, startDate: n.startDate }]));
  for (const n of added) byKey.set(noteKey(n), n);
  return [...byKey.values()];
}

function withdrawInstitutions(tx: Tx, listed: ReadonlySet<string>, prefCodes: readonly string[], asOf: string): number {
  let n = 0;
  for (const inst of tx.select({ code: institutions.code }).from(institutions).where(isNull(institutions.withdrawnOn)).all()) {
    if (!prefCodes.includes(inst.code.slice(0, 2)) || listed.has(inst.code)) continue;
    tx.update(institutions).set({ withdrawnOn: asOf, version: sql`${institutions.version} + 1` }).where(eq(institutions.code, inst.code)).run();
    n++;
  }
  return n;
}

/** ナビイ rows are stored as they are; the join to institutions runs after every import (reconcile.ts). */
export function applyNavii(tx: Tx, records: readonly NaviiRecord[]): WriteCounts {
  const counts = emptyCounts();
  const existing = new Map(tx.select().from(naviiFacilities).all().map((n) => [n.id, n]));
  for (const r of records) {
    const row = { name: r.name, kind: r.kind, prefCode: r.prefCode, municipalityCode: r.municipalityCode, address: r.address, lat: r.lat, lng: r.lng, beds: r.beds };
    const prev = existing.get(r.id);
    if (!prev) {
      tx.insert(naviiFacilities).values({ id: r.id, ...row }).run();
      counts.imported++;
    } else if (differs(prev, row)) {
      tx.update(naviiFacilities).set(row).where(eq(naviiFacilities.id, r.id)).run();
      counts.updated++;
    } else counts.unchanged++;
  }
  return counts;
}

/** A town-point file is the full list for its municipality: it replaces what was stored for it. */
export function applyTownPoints(tx: Tx, records: readonly TownPointRecord[]): WriteCounts {
  const counts = emptyCounts();
  const first = records[0];
  if (!first) return counts;
  const stored = tx.select().from(townPoints).all().filter((p) => p.prefName === first.prefName && p.municipalityName === first.municipalityName);
  const sig = (ps: readonly TownPointRecord[]) => ps.map((p) => `${p.town}|${p.koaza}|${p.lat}|${p.lng}`).sort().join(';');
  if (sig(stored) === sig(records)) {
    counts.unchanged = records.length;
    return counts;
  }
  if (stored.length > 0) {
    tx.delete(townPoints).where(and(eq(townPoints.prefName, first.prefName), eq(townPoints.municipalityName, first.municipalityName))).run();
  }
  const unique = new Map(records.map((r) => [`${r.town}|${r.koaza}`, r]));
  for (const r of unique.values()) tx.insert(townPoints).values(r).run();
  if (stored.length === 0) counts.imported = unique.size;
  else counts.updated = unique.size;
  return counts;
}
