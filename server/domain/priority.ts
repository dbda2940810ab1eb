import type { CoverageStatus } from './coverage';
import type { FacilityType } from './facility-types';
import type { Requirement } from './requirements';

/**
 * Which facilities lacking coverage to look at first, and by when each must act (the 自治体 view).
 *
 * Severity, most urgent first — a table a reader can check against domain.md §2:
 *   1  義務 type, ③ (admission) missing — the scarcest partner, binding from 2027-04-01
 *   2  義務 type, only ① or ② missing
 *   3  義務 type, partner situation unknown (未把握): may be either of the above
 *   4  努力義務 type, ① or ② missing
 *   5  努力義務 type, unknown
 *   9  covered
 */
export function severity(type: Pick<FacilityType, 'level'>, status: CoverageStatus, missing: readonly Requirement[]): number {
  if (status === 'covered') return 9;
  if (type.level === 'mandatory') return status === 'unknown' ? 3 : missing.includes('admit') ? 1 : 2;
  return status === 'unknown' ? 5 : 4;
}

export interface Deadline {
  date: string;
  /** binding: the 義務 takes effect (2027-04-01); annual: a year after partners were last confirmed or filed. */
  kind: 'binding' | 'annual';
}

const addYear = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');

/**
 * The next date the facility must act by: the binding date of its 義務 while not covered, and the
 * annual confirmation and filing (domain.md §2: "at least once a year") a year after the last one
 * known — whichever comes first; null when neither applies.
 */
export function nextDeadline(type: Pick<FacilityType, 'level' | 'bindingFrom'>, status: CoverageStatus, lastConfirmedOn: string | null): Deadline | null {
  const candidates: Deadline[] = [];
  if (type.bindingFrom && status !== 'covered') candidates.push({ date: type.bindingFrom, kind: 'binding' });
  if (lastConfirmedOn) candidates.push({ date: addYear(lastConfirmedOn), kind: 'annual' });
  return candidates.sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
}

/** Whole days from `today` to `date` (negative once past): the one day count, in dates.ts. */
export { daysFrom } from './dates';

/** How the lacking-coverage list can be ordered; each order breaks ties by the others, then by name. */
export type LackingSort = 'severity' | 'deadline' | 'name';
export const LACKING_SORTS: readonly LackingSort[] = ['severity', 'deadline', 'name'];

export interface LackingKey {
  severity: number;
  deadline: Deadline | null;
  /** Has a structural gap: within a severity, those first. */
  structural: boolean;
  name: string;
  id: string;
}

const byDeadline = (a: LackingKey, b: LackingKey) => (a.deadline?.date ?? '9999').localeCompare(b.deadline?.date ?? '9999');
const bySeverity = (a: LackingKey, b: LackingKey) => a.severity - b.severity || Number(b.structural) - Number(a.structural);
// One collator for every comparison: String#localeCompare builds one per call (slow on long lists).
const collator = new Intl.Collator('ja');
const byName = (a: LackingKey, b: LackingKey) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const LACKING_ORDER: Record<LackingSort, (a: LackingKey, b: LackingKey) => number> = {
  severity: (a, b) => bySeverity(a, b) || byDeadline(a, b) || byName(a, b),
  deadline: (a, b) => byDeadline(a, b) || bySeverity(a, b) || byName(a, b),
  name: byName,
};
