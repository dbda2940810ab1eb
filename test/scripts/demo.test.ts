import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoFiles } from '../../scripts/demo/build';
import { SERVICE_CODES } from '../../server/domain/facility-types';
import { demoDb } from '../helpers/db';

describe('the demo region', async () => {
  it('is exactly what the committed generator makes (run `npm run demo` after changing it)', () => {
    const files = buildDemoFiles();
    expect(files.size).toBeGreaterThan(15);
    for (const [path, text] of files) expect(readFileSync(join('data/demo', path), 'utf8'), path).toBe(text);
  });

  it('is the same on every run (seeded)', () => {
    expect([...buildDemoFiles()]).toEqual([...buildDemoFiles()]);
  });

  const db = await demoDb();
  const q = <T>(sql: string) => db.$client.prepare(sql).all() as T[];

  it('has about 10 municipalities with polygons, 政令市 wards among them', () => {
    const rows = q<{ kind: string; n: number }>('select kind, count(*) n from municipalities where boundary is not null group by kind');
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.n]))).toEqual({ designated_city: 1, municipality: 7, ward: 3 });
  });

  it('has ~150 facilities across every facility type of domain.md §2', () => {
    const codes = q<{ c: string }>('select distinct service_code c from facilities').map((r) => r.c);
    expect(new Set(codes)).toEqual(new Set(SERVICE_CODES.map((s) => s.code)));
    expect(q<{ n: number }>('select count(*) n from facilities')[0]!.n).toBeGreaterThanOrEqual(140);
  });

  it('has ~300 institutions with a realistic mix of notifications', () => {
    const kinds = Object.fromEntries(q<{ kind: string; n: number }>('select kind, count(*) n from institutions group by kind').map((r) => [r.kind, r.n]));
    expect(kinds.hospital).toBeGreaterThanOrEqual(35);
    expect(kinds.clinic).toBeGreaterThanOrEqual(250);
    const symbols = q<{ s: string }>('select distinct substr(symbol, 1, 3) s from institution_notifications').map((r) => r.s);
    for (const prefix of ['支援診', '支援病', '在後病', '地包ケ', '地包医']) expect(symbols).toContain(prefix);
    const without = q<{ n: number }>("select count(*) n from institutions i where i.kind = 'hospital' and not exists (select 1 from institution_notifications n where n.institution_code = i.code and (n.symbol like '支援%' or n.symbol like '在後%' or n.symbol like '地包ケア%' or n.symbol = '地包医'))")[0]!.n;
    expect(without).toBeGreaterThan(5); // eligible for ③ by kind, with nothing notified
  });

  it('never records ③ from a clinic', () => {
    expect(q("select 1 from agreements a join institutions i on i.code = a.institution_code where a.covers_admit = 1 and i.kind != 'hospital'")).toEqual([]);
  });
});
