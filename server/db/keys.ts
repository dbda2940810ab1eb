import { and, eq } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** The rows of one facility, in any table keyed by 事業所番号 + service code. */
export const ofFacility = (t: { careOfficeNumber: AnySQLiteColumn; serviceCode: AnySQLiteColumn }, id: { careOfficeNumber: string; serviceCode: string }) =>
  and(eq(t.careOfficeNumber, id.careOfficeNumber), eq(t.serviceCode, id.serviceCode));
