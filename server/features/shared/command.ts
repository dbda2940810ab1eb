import type { Db, Tx } from '../../db/client';
import { recordAudit } from '../../db/audit';
import { DomainError } from '../../domain/errors';

/**
 * The one path every write of the API takes, after the route has checked who may do it and
 * validated the body: in one transaction, the write — an update guarded by the version the client
 * read (409 when it moved meanwhile), or a create — then its audit entry. The data version moves by
 * itself (triggers on the data tables), so every read model sees the change; timestamps come from the
 * app's one clock.
 */
export interface CommandContext {
  db: Db;
  actor: string;
  now: () => Date;
}

interface Audited {
  entity: string;
  entityId: string | number;
  action: string;
  /** The municipality or authority the record belongs to (officers see their area's log). */
  areaCode: string | null;
}

/**
 * An update of a record read at `current.version`, the client having read `expected`. `write` returns
 * how many rows it changed under `where version = expected` (0: someone else changed it first).
 */
export function runUpdate(
  ctx: CommandContext,
  cmd: Audited & {
    what: string;
    expected: number;
    current: number;
    write: (tx: Tx, at: string) => number;
    before: unknown;
    after: unknown;
    /** More writes of the same change, inside the transaction after the guarded one and its audit. */
    then?: (tx: Tx, at: string) => void;
  },
): void {
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    if (cmd.write(tx, at) === 0) throw new DomainError('conflict', `${cmd.what} was changed since version ${cmd.expected} (now ${cmd.current}): reload it and try again`, 'version');
    recordAudit(tx, { actor: ctx.actor, entity: cmd.entity, entityId: cmd.entityId, action: cmd.action, before: cmd.before, after: cmd.after, areaCode: cmd.areaCode });
    cmd.then?.(tx, at);
  });
}

/** A create (a request, a meeting, a deadline, a received filing): written, then audited. */
export function runCreate<T extends { id: string | number; after: unknown }>(
  ctx: CommandContext,
  cmd: Omit<Audited, 'entityId'> & { before?: unknown; write: (tx: Tx, at: string) => T },
): T {
  const at = ctx.now().toISOString();
  return ctx.db.transaction((tx) => {
    const made = cmd.write(tx, at);
    recordAudit(tx, { actor: ctx.actor, entity: cmd.entity, entityId: made.id, action: cmd.action, before: cmd.before ?? null, after: made.after, areaCode: cmd.areaCode });
    return made;
  });
}
