/**
 * `npm run user -- add --role ROLE --scope CODES --login NAME` (the password is read from standard
 * input, one line), `npm run user -- list`, `npm run user -- remove --login NAME`. Works on
 * DATABASE_PATH (or --db PATH). Roles: admin (no scope), municipality (municipality or 2-digit
 * prefecture codes), facility (事業所番号), institution (医療機関コード); CODES comma-separated.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { addAccount, AccountError, listAccounts, removeAccount } from '../server/auth/accounts';
import { ROLES, type Role } from '../server/auth/principal';
import { openDb } from '../server/db/client';
import { loadConfig } from '../server/env';

const USAGE = `Usage:
  npm run user -- add --role ${ROLES.join('|')} [--scope CODE,CODE…] --login NAME   (password on standard input)
  npm run user -- list
  npm run user -- remove --login NAME
Options: --db PATH (default: DATABASE_PATH)`;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (12 characters or more, not a common one): ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { role: { type: 'string' }, scope: { type: 'string' }, login: { type: 'string' }, db: { type: 'string' } },
    allowPositionals: true,
  });
  const command = positionals[0];
  const db = openDb(values.db ?? loadConfig().DATABASE_PATH);
  const actor = `cli:${userInfo().username}`;
  try {
    if (command === 'add') {
      if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new AccountError('role', `expected one of ${ROLES.join(', ')}${values.role ? `, got "${values.role}"` : ''}`);
      if (!values.login) throw new AccountError('login', 'expected the account name');
      const scope = (values.scope ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      await addAccount(db, { login: values.login, role: values.role as Role, scope, password: await readPassword() }, actor);
      console.log(`Added ${values.role} account "${values.login}"${scope.length ? ` for ${scope.join(', ')}` : ''}.`);
    } else if (command === 'list') {
      for (const u of listAccounts(db)) console.log(`${u.login.padEnd(20)} ${u.role.padEnd(13)} ${u.scope.join(',') || '(all)'}  created ${u.createdAt}${u.disabledAt ? `  disabled ${u.disabledAt}` : ''}`);
    } else if (command === 'remove') {
      if (!values.login) throw new AccountError('login', 'expected the account name');
      removeAccount(db, values.login, actor);
      console.log(`Removed account "${values.login}" and its sessions.`);
    } else {
      console.error(USAGE);
      return 2;
    }
    return 0;
  } catch (e) {
    if (e instanceof AccountError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    db.$client.close();
  }
}

process.exit(await main());
