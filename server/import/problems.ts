/**
 * What an import reports. A problem names the file, the row (1-based line in the file) and the
 * column, and says what was expected and what was found. `error` rows are not imported; `warning`
 * rows are imported with the flagged value cleared.
 */
export interface Problem {
  file: string;
  row: number | null;
  column: string | null;
  message: string;
  level: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.row ?? '-'}:${p.column ?? '-'} — ${p.message}`;
}

/** A problem that stops the whole run (unreadable file, missing column): nothing is written. */
export class FatalImportError extends Error {
  override name = 'FatalImportError';
  constructor(readonly problem: Omit<Problem, 'level'>) {
    super(formatProblem({ ...problem, level: 'error' }));
  }
}

/** Collects problems for one file. */
export class ProblemLog {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}
  error(row: number | null, column: string | null, message: string): void {
    this.problems.push({ file: this.file, row, column, message, level: 'error' });
  }
  warn(row: number | null, column: string | null, message: string): void {
    this.problems.push({ file: this.file, row, column, message, level: 'warning' });
  }
}
