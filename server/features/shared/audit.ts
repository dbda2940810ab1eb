import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';

/** The transaction handle drizzle gives (the same query API as the database). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * One row of the audit log per change: who, what, before and after (JSON). Called inside the
 * transaction that makes the change, so the log and the data never disagree.
 */
export function recordAudit(tx: Tx | Db, entry: { actor: string; entity: string; entityId: string | number; action: string; before: unknown; after: unknown }): void {
  tx.insert(auditLog)
    .values({
      actor: entry.actor,
      entity: entry.entity,
      entityId: String(entry.entityId),
      action: entry.action,
      before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}
