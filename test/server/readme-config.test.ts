import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../server/env';

const README = readFileSync('README.md', 'utf8');

/** The rows of the table under `## Configuration`: the variables its first column names. */
function configTable(): string[] {
  const section = README.slice(README.indexOf('\n## Configuration\n'), README.indexOf('\n## ', README.indexOf('\n## Configuration\n') + 5));
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((r) => [...r.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
}

/** Every `.ts` file under the folders (node_modules and builds aside). */
function sources(...roots: string[]): string[] {
  return roots.flatMap((root) => {
    if (statSync(root).isFile()) return [root];
    return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));
  });
}

/** Variables read from process.env outside the env module (scripts, tests, Vite's config). */
function otherEnvReads(): Set<string> {
  const names = new Set<string>();
  for (const file of sources('scripts', 'test', 'vite.config.ts', 'server')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)) names.add((m[1] ?? m[2])!);
  }
  return names;
}

describe('README: one configuration table', () => {
  it('there is one table of variables, and it names every variable the env module reads', () => {
    expect(README.match(/^\| variable \|/gm)).toHaveLength(1);
    const table = configTable();
    expect(new Set(table).size, 'a variable listed twice').toBe(table.length);
    for (const v of CONFIG_VARIABLES) expect(table, v).toContain(v);
  });

  it('and nothing more than the code reads: the env module plus the variables scripts and tests read', () => {
    const read = new Set([...CONFIG_VARIABLES, ...otherEnvReads()]);
    expect([...configTable()].sort()).toEqual([...read].sort());
  });

  it('in the server only the env module reads the environment', () => {
    const readers = sources('server').filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([join('server', 'env.ts')]);
  });
});

/** The commands in the README's ```sh blocks. */
const shellLines = () => [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n')).map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);

describe('README: examples work from the project root', () => {
  it('every file or folder an example reads is in the project', () => {
    const inputs: string[] = [];
    for (const line of shellLines()) {
      const words = line.split(/\s+/);
      const i = words.indexOf('import');
      if (words[0] !== 'npm' || i < 0) continue;
      // After `--`: options with a value (--db PATH: written, not read) and then the paths read.
      const args = words.slice(words.indexOf('--') + 1);
      for (let k = 0; k < args.length; k++) {
        if (args[k]!.startsWith('--')) {
          if (['--db', '--as-of'].includes(args[k]!)) k++;
          continue;
        }
        inputs.push(args[k]!);
      }
    }
    expect(inputs.length).toBeGreaterThan(0);
    for (const p of inputs) {
      expect(p.startsWith('..') || p.startsWith('/'), `${p}: outside the project`).toBe(false);
      expect(existsSync(p), `${p}: named in a README example, not in the project`).toBe(true);
    }
  });

  it('a database an example writes lies inside the project, where .gitignore keeps it out of commits', () => {
    const written = shellLines().flatMap((l) => [...l.matchAll(/(?:--db |DATABASE_PATH=)(\S+)/g)].map((m) => m[1]!));
    expect(written.length).toBeGreaterThan(0);
    for (const p of written) expect(p, p).toMatch(/^data\/[\w.-]+\.db$/);
  });
});
