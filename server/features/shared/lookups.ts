import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutions } from '../../db/schema';
import { notFound } from '../../errors';
import { findFacility, type FacilityRow } from './facility-queries';

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

export { ofFacility } from '../../db/keys';
