import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { insertChunked } from './bulk-insert';
import type { Tx } from '../db/client';
import { institutionNotifications, institutions, municipalities, naviiFacilities, townPoints } from '../db/schema';
import { emptyCounts, differs, type WriteCounts } from './counts';
import type { InstitutionRecord, NaviiRecord, NotificationRecord, TownPointRecord } from './records';


const noteKey = (n: { symbol: string; acceptedNumber: string }) => `${n.symbol}|${n.acceptedNumber}`;
const noteSignature = (ns: readonly { symbol: string; acceptedNumber: string; startDate: string | null; name: string | null }[]) =>
  ns.map((n) => `${noteKey(n)}|${n.startDate ?? ''}|${n.name ?? ''}`).sort().join(';');

/** Rows `[prefix, next prefix)` of a text key: the codes of one prefecture, read through the index. */
const prefixRange = (column: SQLiteColumn, prefix: string) => and(gte(column, prefix), lt(column, `${prefix}\uffff`));

/**
 * Institutions from a 名簿. A standard list is the full list per institution: its notifications
 * replace the stored ones, and institutions of its prefectures it no longer lists are withdrawn. A
 * 項目別 list holds some notifications only: they are added to what is known. Position, ナビイ link
 * and declarations are left alone (reconcile.ts places institutions). Only the rows of the file's own
 * prefectures are read, so a national run of 47 lists does not read the whole table 47 times.
 */
export function applyInstitutions(tx: Tx, records: readonly InstitutionRecord[], complete: boolean, prefCodes: readonly string[], asOf: string, at: string): WriteCounts {
  const counts = emptyCounts();
  const known = new Set(tx.select({ code: municipalities.code }).from(municipalities).all().map((m) => m.code));
  const prefixes = [...new Set([...prefCodes, ...records.map((r) => r.code.slice(0, 2))])];
  const existing = new Map<string, typeof institutions.$inferSelect>();
  const existingNotes = new Map<string, (typeof institutionNotifications.$inferSelect)[]>();
  for (const prefix of prefixes) {
    for (const i of tx.select().from(institutions).where(prefixRange(institutions.code, prefix)).all()) existing.set(i.code, i);
    for (const n of tx.select().from(institutionNotifications).where(prefixRange(institutionNotifications.institutionCode, prefix)).all()) {
      const list = existingNotes.get(n.institutionCode);
      if (list) list.push(n);
      else existingNotes.set(n.institutionCode, [n]);
    }
  }
  const newInstitutions: (typeof institutions.$inferInsert)[] = [];
  const newNotes: (typeof institutionNotifications.$inferInsert)[] = [];
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
      newInstitutions.push({ code: r.code, ...row, geocodePrecision: 'none', updatedAt: at });
      counts.imported++;
    } else if (differs(prev, row) || notesChanged) {
      tx.update(institutions).set({ ...row, version: sql`${institutions.version} + 1`, updatedAt: at }).where(eq(institutions.code, r.code)).run();
      counts.updated++;
    } else {
      counts.unchanged++;
      continue;
    }
    if (notesChanged || !prev) {
      if (prev) tx.delete(institutionNotifications).where(eq(institutionNotifications.institutionCode, r.code)).run();
      for (const n of notes) newNotes.push({ institutionCode: r.code, ...n });
    }
  }
  insertChunked(tx, institutions, newInstitutions, 500);
  insertChunked(tx, institutionNotifications, newNotes, 2000);
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
  for (const prefix of prefCodes) {
    for (const inst of tx.select({ code: institutions.code }).from(institutions).where(and(prefixRange(institutions.code, prefix), isNull(institutions.withdrawnOn))).all()) {
      if (listed.has(inst.code)) continue;
      tx.update(institutions).set({ withdrawnOn: asOf, version: sql`${institutions.version} + 1` }).where(eq(institutions.code, inst.code)).run();
      n++;
    }
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
