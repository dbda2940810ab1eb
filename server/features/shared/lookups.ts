import { and, eq } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { institutions } from '../../db/schema';
import { notFound } from '../../errors';
import { findFacility, type FacilityRow } from '../facilities/queries';

/** The facility of a validated id, or a 404 naming it. */
export function requireFacility(db: Db, id: { careOfficeNumber: string; serviceCode: string; id: string }): FacilityRow {
  const row = findFacility(db, id.careOfficeNumber, id.serviceCode);
  if (!row) throw notFound('facility', id.id);
  return row;
}

/** The institution of a validated 医療機関コード, or a 404 naming it. */
export function requireInstitution(db: Db, code: string): typeof institutions.$inferSelect {
  const row = db.select().from(institutions).where(eq(institutions.code, code)).get();
  if (!row) throw notFound('institution', code);
  return row;
}

/** The rows of one facility, in any table keyed by 事業所番号 + service code. */
export const ofFacility = (t: { careOfficeNumber: AnySQLiteColumn; serviceCode: AnySQLiteColumn }, id: { careOfficeNumber: string; serviceCode: string }) =>
  and(eq(t.careOfficeNumber, id.careOfficeNumber), eq(t.serviceCode, id.serviceCode));
