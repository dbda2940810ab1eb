import { basename } from 'node:path';
import { recordAudit } from '../db/audit';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { datasets } from '../db/schema';
import { DESIGNATED_CITIES } from '../domain/designated-cities';
import { emptyCounts, type WriteCounts } from './counts';
import { applyInstitutions, applyNavii, applyTownPoints } from './apply-institutions';
import { applyFacilities, applyMunicipalities } from './apply-places';
import { applyPartnerships } from './apply-partnerships';
import { parseManifest } from './manifest';
import { ProblemLog, type Problem } from './problems';
import { reconcile, type Origin, type ReconcileReport } from './reconcile';
import type { Manifest, ParsedFile, SourceKind } from './records';
import { expandPaths, isManifest, parseSource, readJson, readSource, type ParseContext } from './source-files';
import { SOURCE_INFO } from './source-info';
import { dateInJapan, isIsoDate } from '../domain/dates';

export interface FileSummary {
  path: string;
  kind: SourceKind;
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  withdrawn: number;
  asOf: string | null;
  notes: string[];
}

export interface ImportSummary {
  ok: boolean;
  files: FileSummary[];
  reconcile: Omit<ReconcileReport, 'problems'>;
  problems: Problem[];
}

/** Order in which kinds are written: places before what sits in them, partners last. */
const PHASE: Record<SourceKind, number> = {
  manifest: 0, n03_boundaries: 1, town_points: 1, kaigo_open_data: 2, facility_template: 2, kouseikyoku_meibo: 3, navii: 4, partnership_template: 5,
};

export interface ImportOptions {
  /** The clock, for `importedAt` and for withdrawal dates when a file states no as-of date. */
  now: Date;
  /** As-of date for files that state none (the 介護 open data does not). */
  asOf?: string;
  progress?: ParseContext['progress'];
  /** Who imports, for the audit log; `cli:import` by default. */
  actor?: string;
  /** Told after each file is written (inside the one transaction: nothing is committed until the last). */
  written?: (path: string, done: number, total: number) => void;
}

/**
 * Imports files and folders into the database as one transaction. Files are recognised by content
 * and parsed first; a fatal problem anywhere (unreadable file, missing column) writes nothing. Row
 * problems reject the row and are reported. After the writes, the ナビイ join and positions are
 * reconciled over the whole database. Re-running the same files changes nothing.
 */
export async function importPaths(db: Db, paths: readonly string[], opts: ImportOptions): Promise<ImportSummary> {
  const files = expandPaths(paths);
  // Manifests first: they may add designated cities that boundary files refer to.
  const manifests: ParsedFile[] = [];
  const others: string[] = [];
  for (const path of files) {
    const bytes = readSource(path);
    if (isManifest(path, bytes)) manifests.push(parseManifest(readJson(path, bytes), path));
    else others.push(path);
  }
  const manifest: Manifest | null = manifests[0]?.kind === 'manifest' ? manifests[0].manifest : null;
  const ctx: ParseContext = { designatedCities: [...DESIGNATED_CITIES, ...(manifest?.designatedCities ?? [])], progress: opts.progress };
  // One file at a time, its bytes dropped once parsed: a national run never holds every file at once.
  const parsed: ParsedFile[] = [...manifests];
  for (const path of others) parsed.push(...(await parseSource(path, readSource(path), ctx)));
  parsed.sort((a, b) => PHASE[a.kind] - PHASE[b.kind]);

  const problems: Problem[] = parsed.flatMap((p) => p.problems);
  const summaries: FileSummary[] = [];
  const today = dateInJapan(opts.now);
  const origins = new Map<string, Origin>();
  let report!: ReconcileReport;
  db.transaction((tx) => {
    for (const file of parsed) {
      const log = new ProblemLog(file.path);
      const asOf = file.asOf ?? manifest?.asOf ?? opts.asOf ?? dateInName(file.path);
      const counts = applyFile(tx, file, asOf ?? today, today, opts.now.toISOString(), log, file.problems.some((p) => p.level === 'error'));
      if (file.kind === 'kaigo_open_data' || file.kind === 'facility_template') {
        for (const r of file.records) origins.set(`${r.careOfficeNumber}-${r.serviceCode}`, { file: file.path, line: r.line });
      }
      problems.push(...log.problems);
      summaries.push({
        path: file.path,
        kind: file.kind,
        rows: file.rows,
        imported: counts.imported,
        updated: counts.updated,
        unchanged: counts.unchanged,
        skipped: file.skipped + counts.skipped,
        // Rows, not problems: one row may have several.
        rejected: counts.rejected + (file.rejectedRows ?? 0) + new Set(file.problems.filter((p) => p.level === 'error').map((p) => p.row)).size,
        withdrawn: counts.withdrawn,
        asOf,
        notes: [...(file.notes ?? []), ...counts.notes],
      });
      if (file.kind !== 'manifest' && counts.imported + counts.updated + counts.unchanged > 0) recordDataset(tx, file, asOf, manifest, opts.now);
      opts.written?.(file.path, summaries.length, parsed.length);
    }
    report = reconcile(tx, origins);
    // One audit entry per import that changed anything: which files, and what each changed.
    const changed = summaries.filter((f) => f.imported + f.updated + f.withdrawn > 0).map((f) => ({ path: f.path, kind: f.kind, imported: f.imported, updated: f.updated, withdrawn: f.withdrawn, rejected: f.rejected }));
    if (changed.length > 0) recordAudit(tx, { actor: opts.actor ?? 'cli:import', entity: 'dataset', entityId: today, action: 'import', before: null, after: { files: changed }, areaCode: null });
  });
  problems.push(...report.problems);
  const { problems: _reported, ...reconciled } = report;
  return { ok: problems.every((p) => p.level !== 'error'), files: summaries, reconcile: reconciled, problems };
}


/**
 * Writes one parsed file. A file with rejected rows withdraws nothing: a row it could not read may
 * be one of those that would look withdrawn.
 */
function applyFile(tx: Tx, file: ParsedFile, asOf: string, today: string, at: string, log: ProblemLog, hadRowErrors: boolean): WriteCounts {
  const withdrawIf = <T>(scope: T[]): T[] => {
    if (hadRowErrors && scope.length > 0) log.warn(null, null, 'Rows had errors, so no earlier row is marked withdrawn by this file: fix them and import again');
    return hadRowErrors ? [] : scope;
  };
  switch (file.kind) {
    case 'manifest':
      return { ...emptyCounts(), unchanged: 1 };
    case 'n03_boundaries':
      return applyMunicipalities(tx, file.records);
    case 'town_points':
      return applyTownPoints(tx, file.records);
    case 'kaigo_open_data':
    case 'facility_template':
      return applyFacilities(tx, file.records, withdrawIf(file.scope), asOf, log, at);
    case 'kouseikyoku_meibo':
      return applyInstitutions(tx, file.records, file.layout === 'standard', withdrawIf(file.prefCodes), asOf, at);
    case 'navii':
      return applyNavii(tx, file.records);
    case 'partnership_template':
      return applyPartnerships(tx, file.records, today, log);
  }
}

/** A date in a file name (`…_20250601_…`): a last resort for the as-of date of files that state none. */
export function dateInName(path: string): string | null {
  const m = /(?:^|[^\d])(20\d{2})(\d{2})(\d{2})(?:[^\d]|$)/.exec(basename(path));
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}

/** One row per source file (kind + file name), replaced on re-import. Town points: one row per prefecture folder. */
function recordDataset(tx: Tx, file: ParsedFile, asOf: string | null, manifest: Manifest | null, now: Date): void {
  const fileName = file.kind === 'town_points' ? basename(file.path.replace(/\/[^/]+$/, '')) : basename(file.path);
  const info = SOURCE_INFO[file.kind];
  tx.delete(datasets).where(and(eq(datasets.kind, file.kind), eq(datasets.fileName, fileName))).run();
  tx.insert(datasets)
    .values({
      kind: file.kind,
      label: manifest ? `${info.label}（${manifest.label}）` : info.label,
      fileName,
      asOf,
      // Made-up data replaces the credit (nothing came from the source); real data keeps it.
      attribution: manifest?.fictional ? manifest.attribution : [info.attribution, manifest?.attribution].filter(Boolean).join(' / '),
      fictional: manifest?.fictional ?? false,
      rows: file.rows,
      importedAt: now.toISOString(),
    })
    .run();
}
