import { parseArgs } from 'node:util';
import { AccountError } from '../../server/auth/accounts';
import { ROLES, type Role } from '../../server/auth/principal';

/** What `npm run user -- …` was asked to do. */
export type UserCommand =
  | { command: 'add'; role: Role; login: string; scope: string[]; db?: string }
  | { command: 'list'; db?: string }
  | { command: 'remove'; login: string; db?: string }
  | { command: 'usage' };

/** The arguments of `npm run user` (after `--`); AccountError names a missing or wrong option. */
export function parseUserArgs(args: string[]): UserCommand {
  const { values, positionals } = parseArgs({
    args,
    options: { role: { type: 'string' }, scope: { type: 'string' }, login: { type: 'string' }, db: { type: 'string' } },
    allowPositionals: true,
  });
  const db = values.db === undefined ? {} : { db: values.db };
  const command = positionals[0];
  if (command === 'add') {
    if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new AccountError('role', `expected one of ${ROLES.join(', ')}${values.role ? `, got "${values.role}"` : ''}`);
    if (!values.login) throw new AccountError('login', 'expected the account name');
    const scope = (values.scope ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return { command, role: values.role as Role, login: values.login, scope, ...db };
  }
  if (command === 'list') return { command, ...db };
  if (command === 'remove') {
    if (!values.login) throw new AccountError('login', 'expected the account name');
    return { command, login: values.login, ...db };
  }
  return { command: 'usage' };
}
