import { z } from 'zod';
import { isoDateSchema, municipalityCodeSchema } from '../contracts/common';
import { FatalImportError } from './problems';
import type { ParsedFile } from './records';

/**
 * A dataset manifest (`{"renkeiMapDataset": 1, …}`): names the region, its as-of date and
 * attribution, marks made-up data as fictional, and may add 指定都市/中核市 the national table lacks
 * (the demo region's fictional city).
 */
export function looksLikeManifest(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'renkeiMapDataset' in json;
}

const manifestSchema = z.object({
  renkeiMapDataset: z.literal(1),
  label: z.string().min(1),
  fictional: z.boolean().default(false),
  asOf: isoDateSchema.nullable().default(null),
  attribution: z.string().min(1),
  designatedCities: z
    .array(z.object({ code: municipalityCodeSchema, prefName: z.string().min(1), name: z.string().min(1), kind: z.enum(['指定都市', '中核市']) }))
    .default([]),
});

export function parseManifest(json: unknown, path: string): ParsedFile {
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FatalImportError({ file: path, row: null, column: issue ? issue.path.join('.') : null, message: `Invalid dataset manifest: ${issue?.message}` });
  }
  const m = result.data;
  return {
    kind: 'manifest',
    path,
    rows: 1,
    skipped: 0,
    problems: [],
    asOf: m.asOf,
    manifest: { label: m.label, fictional: m.fictional, asOf: m.asOf, attribution: m.attribution, designatedCities: m.designatedCities },
  };
}
