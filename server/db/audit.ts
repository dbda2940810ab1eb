import type { Db, Tx } from './client';
import { ofFacility } from './keys';
import { auditLog, facilities } from './schema';

/** The transaction handle drizzle gives (the same query API as the database). */

/**
 * One row of the audit log per change: who, what, before and after (JSON). Called inside the
 * transaction that makes the change, so the log and the data never disagree.
 */
export function recordAudit(
  tx: Tx | Db,
  entry: {
    actor: string;
    entity: string;
    entityId: string | number;
    action: string;
    before: unknown;
    after: unknown;
    /** The municipality or authority the record belongs to (officers see their area's log); null for none. */
    areaCode: string | null;
  },
): void {
  tx.insert(auditLog)
    .values({
      actor: entry.actor,
      entity: entry.entity,
      entityId: String(entry.entityId),
      action: entry.action,
      areaCode: entry.areaCode,
      before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

/** The municipality of a facility, where its records' changes are logged (null when unknown). */
export function facilityArea(tx: Tx | Db, key: { careOfficeNumber: string; serviceCode: string }): string | null {
  return tx.select({ code: facilities.municipalityCode }).from(facilities).where(ofFacility(facilities, key)).get()?.code ?? null;
}
