import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../server/contracts/error-codes';
import { DOMAIN_ERROR_CODES } from '../../server/domain/errors';
import { en } from '../../web/src/i18n/en';
import { ja } from '../../web/src/i18n/ja';

const ROOT = join(import.meta.dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The codes the server sources emit, in the forms the codebase uses: `new ApiFailure(<status>, '<code>'`,
 * `new DomainError('<code>'`, and error bodies written as `error: { code: '<code>'` (errors.ts) or
 * `error: { code: '<code>' | …` result types (filings/intake.ts).
 */
function emittedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/new ApiFailure\(\s*\d+,\s*'([a-z_]+)'/g, /new DomainError\(\s*'([a-z_]+)'/g, /error: \{ code: '([a-z_]+)'/g, /error: \{ code: ((?:'[a-z_]+'\s*\|?\s*)+);/g];
  for (const file of tsFiles(join(ROOT, 'server'))) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) for (const code of m[1]!.match(/[a-z_]+/g) ?? []) found.set(code, file.slice(ROOT.length + 1));
  }
  return found;
}

describe('server error codes in the UI', () => {
  it('every code the server can emit has a Japanese and an English message', () => {
    for (const code of ERROR_CODES) {
      const key = `error.${code}` as keyof typeof ja;
      expect(ja[key], `ja ${key}`).toMatch(/\S/);
      expect(en[key], `en ${key}`).toMatch(/\S/);
      expect(ja[key], `ja ${key} is Japanese`).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
      expect(en[key], `en ${key} is not the Japanese text`).not.toBe(ja[key]);
    }
  });

  it('the list holds the domain codes and no duplicates', () => {
    for (const code of DOMAIN_ERROR_CODES) expect(ERROR_CODES).toContain(code);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('the server sources emit no code missing from the list', () => {
    const emitted = emittedCodes();
    // The scan finds what it is meant to: the codes of the auth routes and the one error handler.
    for (const code of ['bad_credentials', 'invalid_parameter', 'internal', 'conflict']) expect(emitted.has(code), code).toBe(true);
    const missing = [...emitted].filter(([code]) => !(ERROR_CODES as readonly string[]).includes(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('every code of the list is emitted somewhere (no stale entries)', () => {
    const emitted = emittedCodes();
    const unused = ERROR_CODES.filter((c) => !emitted.has(c));
    expect(unused).toEqual([]);
  });
});
