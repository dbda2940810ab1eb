import { describe, expect, it } from 'vitest';
import { addAccount } from '../../server/auth/accounts';
import { firstRunLines } from '../../server/auth/first-run';
import { parseUserArgs } from '../../scripts/lib/user-args';
import { memoryDb } from '../helpers/db';

/** The `npm run user -- …` line printed, split as a POSIX shell would split it (plain words and '…'). */
function printedCommand(lines: string[]): string[] {
  const line = lines.find((l) => l.trim().startsWith('npm run user -- '));
  expect(line, lines.join('\n')).toBeDefined();
  const words = [...line!.trim().slice('npm run user -- '.length).matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!));
  return words;
}

describe('first run: a database without accounts says how to create one', () => {
  it('prints a command the user script accepts, making an administrator', () => {
    const lines = firstRunLines(memoryDb(), 'data/renkei.db');
    expect(parseUserArgs(printedCommand(lines))).toEqual({ command: 'add', role: 'admin', login: 'admin', scope: [] });
  });

  it('names the database when it is not the default one, so the account lands where the server reads', () => {
    expect(parseUserArgs(printedCommand(firstRunLines(memoryDb(), 'data/tottori.db')))).toMatchObject({ command: 'add', role: 'admin', db: 'data/tottori.db' });
    expect(parseUserArgs(printedCommand(firstRunLines(memoryDb(), "/srv/renkei's data/x.db")))).toMatchObject({ db: "/srv/renkei's data/x.db" });
  });

  it('says nothing once an account exists', async () => {
    const db = memoryDb();
    expect(firstRunLines(db, 'data/renkei.db').length).toBeGreaterThan(0);
    await addAccount(db, { login: 'first-admin', role: 'admin', scope: [], password: 'a long unusual passphrase 42' }, 'test');
    expect(firstRunLines(db, 'data/renkei.db')).toEqual([]);
  });

  it('the user script refuses what the message must not say: a role it does not know', () => {
    expect(() => parseUserArgs(['add', '--role', 'root', '--login', 'admin'])).toThrow(/expected one of admin/);
  });
});
