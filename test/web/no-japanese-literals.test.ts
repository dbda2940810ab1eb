import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The English toggle covers every label only if no Japanese is written into the views: every
 * Japanese word of the UI lives in web/src/i18n (ja.ts, and the glossary). Comments may be Japanese
 * (domain terms are named as they are); code may not, except for the few lines allowed here, each
 * with its reason.
 */
const WEB = join(import.meta.dirname, '../../web/src');
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3000-\u303f\uff01-\uff5e①-⑳]/u;

const ALLOWED: { file: string; contains: string; reason: string }[] = [
  { file: 'views/officer/AccountsPage.tsx', contains: "split(/[,、，\\s\\u3000]+/)", reason: 'reads the separators a Japanese user types between codes (、，and the full-width space); not a label' },
  { file: 'map/picking.ts', contains: "replace('1', '①')", reason: 'the requirement symbols ①②③ are the same in both languages' },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return relative(WEB, path) === 'i18n' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The code of a file without its comments (block, JSDoc, `//` lines and `{/* … *\/}` in JSX), line numbers kept. */
export function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

describe('no Japanese literals outside web/src/i18n', () => {
  it('the scan sees Japanese in strings and JSX text, not in comments', () => {
    expect(JAPANESE.test(withoutComments("const a = '未把握';"))).toBe(true);
    expect(JAPANESE.test(withoutComments('<p>協力医療機関</p>'))).toBe(true);
    expect(JAPANESE.test(withoutComments('// 協力医療機関\n/** 未把握 */ const x = 1;'))).toBe(false);
  });

  it('every label comes from i18n (the allowlist aside)', () => {
    const files = sources(WEB);
    expect(files.length).toBeGreaterThan(20);
    const found: string[] = [];
    const used = new Set<string>();
    for (const file of files) {
      const rel = relative(WEB, file).split('\\').join('/');
      withoutComments(readFileSync(file, 'utf8')).split('\n').forEach((line, i) => {
        if (!JAPANESE.test(line)) return;
        const allowed = ALLOWED.find((a) => a.file === rel && line.includes(a.contains));
        if (allowed) used.add(`${allowed.file}|${allowed.contains}`);
        else found.push(`${rel}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(found).toEqual([]);
    // An entry that no longer matches anything is stale: remove it.
    expect(ALLOWED.filter((a) => !used.has(`${a.file}|${a.contains}`))).toEqual([]);
  });
});
