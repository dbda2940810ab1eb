import { basename } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { datasets } from '../db/schema';
import { DESIGNATED_CITIES } from '../domain/designated-cities';
import { emptyCounts, type WriteCounts } from './counts';
import { applyInstitutions, applyNavii } from './apply-institutions';
import { applyFacilities, applyMunicipalities } from './apply-places';
import { applyPartnerships } from './apply-partnerships';
import { FatalImportError, ProblemLog, type Problem } from './problems';
import type { Manifest, ParsedFile, SourceKind } from './records';
import { expandPaths, isJsonSource, parseSource, readJson, readSource } from './source-files';
import { looksLikeManifest, parseManifest } from './manifest';

export interface FileSummary {
  path: string;
  kind: SourceKind;
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  notes: string[];
}

export interface ImportSummary {
  ok: boolean;
  files: FileSummary[];
  problems: Problem[];
}

/** Order in which kinds are written: places before what sits in them, partners last. */
const PHASE: Record<SourceKind, number> = {
  manifest: 0, n03_boundaries: 1, kaigo_open_data: 2, facility_template: 2, kouseikyoku_meibo: 3, navii: 4, partnership_template: 5,
};

const SOURCE_INFO: Record<SourceKind, { label: string; attribution: string }> = {
  manifest: { label: 'データセット', attribution: '' },
  n03_boundaries: { label: '行政区域', attribution: '「国土数値情報（行政区域データ）」（国土交通省）を加工して作成' },
  kaigo_open_data: { label: '介護事業所', attribution: '厚生労働省 介護サービス情報公表システム' },
  facility_template: { label: '施設（テンプレート）', attribution: '自治体提供（Renkei Map テンプレート）' },
  kouseikyoku_meibo: { label: '届出受理医療機関名簿', attribution: '地方厚生局 届出受理医療機関名簿' },
  navii: { label: '医療機関の位置', attribution: '厚生労働省 医療情報ネット（ナビイ）' },
  partnership_template: { label: '協力医療機関（テンプレート）', attribution: '自治体提供（Renkei Map テンプレート）' },
};

export interface ImportOptions {
  /** The clock, for `importedAt`. */
  now: Date;
}

/**
 * Imports files and folders into the database as one transaction. Files are recognised by content
 * and parsed first; a fatal problem anywhere (unreadable file, missing column) writes nothing.
 * Row problems reject the row and are reported. Re-running the same files changes nothing.
 */
export function importPaths(db: Db, paths: readonly string[], opts: ImportOptions): ImportSummary {
  const files = expandPaths(paths).map((path) => ({ path, bytes: readSource(path) }));
  // Manifests first: they may add designated cities that boundary files refer to.
  const manifests = files.filter((f) => isJsonSource(f.path, f.bytes) && looksLikeManifest(readJson(f.path, f.bytes)));
  const parsedManifests = manifests.map((f) => parseManifest(readJson(f.path, f.bytes), f.path));
  const manifest: Manifest | null = parsedManifests.length > 0 && parsedManifests[0]?.kind === 'manifest' ? parsedManifests[0].manifest : null;
  const cities = [...DESIGNATED_CITIES, ...(manifest?.designatedCities ?? [])];

  const parsed: ParsedFile[] = [
    ...parsedManifests,
    ...files.filter((f) => !manifests.includes(f)).map((f) => parseSource(f.path, f.bytes, cities)),
  ].sort((a, b) => PHASE[a.kind] - PHASE[b.kind]);

  const problems: Problem[] = parsed.flatMap((p) => p.problems);
  const summaries: FileSummary[] = [];
  db.transaction((tx) => {
    for (const file of parsed) {
      const log = new ProblemLog(file.path);
      const counts = applyFile(tx, file, log);
      problems.push(...log.problems);
      const rejectedAtParse = file.problems.filter((p) => p.level === 'error').length;
      summaries.push({
        path: file.path,
        kind: file.kind,
        rows: file.rows,
        imported: counts.imported,
        updated: counts.updated,
        unchanged: counts.unchanged,
        skipped: file.skipped + counts.skipped,
        rejected: counts.rejected + rejectedAtParse,
        notes: counts.notes,
      });
      if (file.kind !== 'manifest') recordDataset(tx, file, manifest, opts.now);
    }
  });
  return { ok: problems.every((p) => p.level !== 'error'), files: summaries, problems };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function applyFile(tx: Tx, file: ParsedFile, log: ProblemLog): WriteCounts {
  switch (file.kind) {
    case 'manifest':
      return { ...emptyCounts(), imported: 1 };
    case 'n03_boundaries':
      return applyMunicipalities(tx, file.records);
    case 'kaigo_open_data':
    case 'facility_template':
      return applyFacilities(tx, file.records, log);
    case 'kouseikyoku_meibo':
      return applyInstitutions(tx, file.records);
    case 'navii':
      return applyNavii(tx, file.records);
    case 'partnership_template':
      return applyPartnerships(tx, file.records, log);
  }
}

/** One row per source file (kind + file name), replaced on re-import. */
function recordDataset(tx: Tx, file: ParsedFile, manifest: Manifest | null, now: Date): void {
  const fileName = basename(file.path);
  const info = SOURCE_INFO[file.kind];
  tx.delete(datasets).where(and(eq(datasets.kind, file.kind), eq(datasets.fileName, fileName))).run();
  tx.insert(datasets)
    .values({
      kind: file.kind,
      label: manifest ? `${info.label}（${manifest.label}）` : info.label,
      fileName,
      asOf: file.asOf ?? manifest?.asOf ?? null,
      attribution: manifest?.attribution ?? info.attribution,
      fictional: manifest?.fictional ?? false,
      rows: file.rows,
      importedAt: now.toISOString(),
    })
    .run();
}

export { FatalImportError };
