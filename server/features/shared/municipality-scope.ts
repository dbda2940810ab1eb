import { eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { municipalities } from '../../db/schema';

/**
 * The municipality codes a filter means: the code itself and, for a 政令市, all its wards.
 * Returns null when the code is unknown.
 */
export function municipalityScope(db: Db, code: string): Set<string> | null {
  const rows = db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(or(eq(municipalities.code, code), eq(municipalities.parentCode, code)))
    .all();
  return rows.length === 0 ? null : new Set(rows.map((r) => r.code));
}
