/**
 * `npm run user -- add --role ROLE --scope CODES --login NAME` (the password is read from standard
 * input, one line), `npm run user -- list`, `npm run user -- remove --login NAME`. Works on
 * DATABASE_PATH (or --db PATH). Roles: admin (no scope), municipality (municipality or 2-digit
 * prefecture codes), facility (事業所番号), institution (医療機関コード); CODES comma-separated.
 */
import { userInfo } from 'node:os';
import { addAccount, AccountError, listAccounts, removeAccount } from '../server/auth/accounts';
import { ROLES } from '../server/auth/principal';
import { openDb } from '../server/db/client';
import { loadConfig } from '../server/env';
import { parseUserArgs, type UserCommand } from './lib/user-args';

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
  let args: UserCommand;
  try {
    args = parseUserArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof AccountError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  if (args.command === 'usage') {
    console.error(USAGE);
    return 2;
  }
  const db = openDb(args.db ?? loadConfig().DATABASE_PATH);
  const actor = `cli:${userInfo().username}`;
  try {
    if (args.command === 'add') {
      const { login, role, scope } = args;
      await addAccount(db, { login, role, scope, password: await readPassword() }, actor);
      console.log(`Added ${role} account "${login}"${scope.length ? ` for ${scope.join(', ')}` : ''}.`);
    } else if (args.command === 'list') {
      for (const u of listAccounts(db)) console.log(`${u.login.padEnd(20)} ${u.role.padEnd(13)} ${u.scope.join(',') || '(all)'}  created ${u.createdAt}${u.disabledAt ? `  disabled ${u.disabledAt}` : ''}`);
    } else {
      removeAccount(db, args.login, actor);
      console.log(`Removed account "${args.login}" and its sessions.`);
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
