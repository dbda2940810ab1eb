import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { FatalImportError, ProblemLog } from './problems';
import type { ParsedFile } from './records';

/**
 * Town-point files in the Geolonia japanese-addresses layout: `<都道府県>/<郡市区町村>.json`, each an
 * array of `{ town, koaza, lat, lng }`. The kind is told by the content; the prefecture and
 * municipality the points belong to are, in this format, only in the folder and file name.
 */
export function looksLikeTownPoints(json: unknown): boolean {
  if (!Array.isArray(json) || json.length === 0) return false;
  const first = json[0] as Record<string, unknown>;
  return typeof first === 'object' && first !== null && 'town' in first && 'lat' in first && 'lng' in first;
}

const pointSchema = z.object({
  town: z.string(),
  koaza: z.string().default(''),
  lat: z.number().min(20).max(46),
  lng: z.number().min(122).max(154.5),
});

export function parseTownPoints(json: unknown[], path: string): ParsedFile {
  const log = new ProblemLog(path);
  const municipalityName = basename(path).replace(/\.json$/i, '');
  const prefName = basename(dirname(path.replace(/!\//g, '/')));
  if (!/(都|道|府|県)$/.test(prefName)) {
    throw new FatalImportError({
      file: path,
      row: null,
      column: null,
      message: `Town points must be laid out as <都道府県>/<郡市区町村>.json (Geolonia japanese-addresses); found the folder "${prefName}"`,
    });
  }
  const records = json.flatMap((raw, i) => {
    const r = pointSchema.safeParse(raw);
    if (!r.success) {
      log.error(i + 1, String(r.error.issues[0]?.path[0] ?? ''), `Expected { town, koaza, lat, lng } with coordinates in Japan: ${r.error.issues[0]?.message}`);
      return [];
    }
    return [{ prefName, municipalityName, ...r.data }];
  });
  return { kind: 'town_points', path, rows: json.length, skipped: 0, problems: log.problems, asOf: null, records };
}
