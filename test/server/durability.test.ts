import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { openDb } from '../../server/db/client';
import { withCareOfficeCheckDigit } from '../../server/domain/identifiers';
import { importPaths } from '../../server/import/run-import';
import { addDemoAccounts } from '../../server/auth/demo-accounts';
import { snapshot } from '../helpers/db';
import { signInAs } from '../helpers/session';

/** The database on disk: WAL, waits for locks, survives a killed import, backs up online. */
const dir = mkdtempSync(join(tmpdir(), 'renkei-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = { now: new Date('2026-11-01T00:00:00Z') };

describe('the database file', () => {
  it('is in WAL mode and waits for a lock instead of failing at once', () => {
    const db = openDb(join(dir, 'wal.db'));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.$client.close();
  });

  it('settles concurrent edits of one record through two connections: one wins, the other gets 409', async () => {
    const path = join(dir, 'concurrent.db');
    const setup = openDb(path);
    await importPaths(setup, ['data/demo'], NOW);
    await addDemoAccounts(setup);
    setup.$client.close();
    // Two servers on the same file, as two processes would be.
    const [a, b] = [createApp({ db: openDb(path) }), createApp({ db: openDb(path) })];
    const [sa, sb] = await Promise.all([signInAs(a, 'facility'), signInAs(b, 'admin')]);
    const { version } = (await sa.call('GET', '/api/facilities/9971600862-510')).body;
    const [ra, rb] = await Promise.all([
      sa.call('PUT', '/api/facilities/9971600862-510/seeking', { seeking: ['admit'], version }),
      sb.call('PUT', '/api/facilities/9971600862-510/seeking', { seeking: ['consult', 'examine'], version }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const winner = ra.status === 200 ? ['admit'] : ['consult', 'examine'];
    expect((await sb.call('GET', '/api/facilities/9971600862-510')).body).toMatchObject({ seeking: winner, version: version + 1 });
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.body.error).toMatchObject({ code: 'conflict', issues: [{ path: 'version' }] });
  });
});

describe('an import killed mid-run (SIGKILL)', () => {
  it('leaves the database exactly as it was, and whole', async () => {
    // A large 介護 open-data file, so the kill lands while it is being written.
    const [header, first] = readFileSync('data/demo/kaigo/jigyosho_510.csv', 'utf8').split(/\r?\n/) as [string, string];
    const cells = first.split(',');
    const rows = Array.from({ length: 60_000 }, (_, i) => {
      const number = withCareOfficeCheckDigit(`997${String(i).padStart(6, '0')}`);
      const c = [...cells];
      c[1] = number;
      c[4] = `特別養護老人ホーム試験${i}`;
      c[15] = number;
      return c.join(',');
    });
    const big = join(dir, 'jigyosho_510_big.csv');
    writeFileSync(big, [header, ...rows].join('\r\n'));
    const path = join(dir, 'killed.db');
    const db = openDb(path);
    await importPaths(db, ['data/demo/kouseikyoku'], NOW);
    const before = snapshot(db);
    db.$client.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--db', path, 'data/demo/boundaries/n03_demo.geojson', big], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const killedAfter = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        log += String(d);
        // The boundaries are written (inside the transaction); the big file is next: kill now.
        if (/written .*n03_demo/.test(log) && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal ? resolve(signal) : reject(new Error(`the import finished before it was killed:\n${log}`))));
    });
    expect(killedAfter).toBe('SIGKILL');
    expect(log).not.toMatch(/written .*jigyosho_510_big/);

    const after = openDb(path);
    expect(after.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshot(after)).toBe(before);
    expect(after.$client.prepare('select count(*) n from municipalities').get()).toEqual({ n: 0 });
    // And it works on: the same import, run to its end, commits.
    const summary = await importPaths(after, ['data/demo/boundaries/n03_demo.geojson'], NOW);
    expect(summary.files[0]!.imported).toBeGreaterThan(0);
    after.$client.close();
  }, 120_000);
});

describe('npm run backup', () => {
  it('copies a live database with the online backup, and refuses to overwrite', async () => {
    const path = join(dir, 'live.db');
    const db = openDb(path);
    await importPaths(db, ['data/demo'], NOW);
    // A reader holds the database open the whole time, as the server would.
    const reading = db.$client.prepare('select * from facilities').iterate();
    reading.next();
    const target = join(dir, 'backup.db');
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', '--db', path, target], { encoding: 'utf8' });
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/Backed up .* to .*backup\.db: \d+ pages/);
    reading.return?.();
    const copy = openDb(target);
    expect(snapshot(copy)).toBe(snapshot(db));
    copy.$client.close();
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    db.$client.close();
  }, 60_000);
});
