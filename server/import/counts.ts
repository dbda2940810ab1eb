/** Per-file tallies of what the writers did. */
export interface WriteCounts {
  imported: number;
  updated: number;
  unchanged: number;
  /** Rows that could not be written (problems say why). */
  rejected: number;
  /** Rows deliberately passed over at write time. */
  skipped: number;
  /** Rows of earlier files of the same kind and scope that this file no longer lists. */
  withdrawn: number;
  notes: string[];
}

export const emptyCounts = (): WriteCounts => ({ imported: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, withdrawn: 0, notes: [] });

/** True when any key of `next` differs from `prev` (null and undefined are equal). */
export function differs<T extends object>(prev: T, next: Partial<T>): boolean {
  return (Object.keys(next) as (keyof T)[]).some((k) => (prev[k] ?? null) !== (next[k] ?? null));
}
