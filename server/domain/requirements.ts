/**
 * The three requirements a partner institution can supply (domain.md §1; 運営基準 as revised 2024).
 * Keys are stable API values; symbols and labels are what users read.
 */
export const REQUIREMENTS = ['consult', 'examine', 'admit'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export interface RequirementInfo {
  /** ①②③ as written in the regulation and on the filing. */
  symbol: '①' | '②' | '③';
  /** ⅰ/ⅱ/ⅲ as tallied in MHLW's municipal survey. */
  survey: 'ⅰ' | 'ⅱ' | 'ⅲ';
  labelJa: string;
  labelEn: string;
  /** ③ can be supplied by a 病院 only — a 診療所, even with beds, cannot. [確認] */
  hospitalOnly: boolean;
}

export const REQUIREMENT_INFO: Record<Requirement, RequirementInfo> = {
  consult: { symbol: '①', survey: 'ⅰ', labelJa: '相談対応を常時確保', labelEn: '24-hour consultation', hospitalOnly: false },
  examine: { symbol: '②', survey: 'ⅱ', labelJa: '診療体制を常時確保', labelEn: 'examination on request', hospitalOnly: false },
  admit: { symbol: '③', survey: 'ⅲ', labelJa: '入院を原則受入れ', labelEn: 'admission in principle', hospitalOnly: true },
};

export function isRequirement(value: unknown): value is Requirement {
  return typeof value === 'string' && (REQUIREMENTS as readonly string[]).includes(value);
}

/** Canonical form of a requirement set: unique, in ①②③ order. Does not mutate its input. */
export function normalizeRequirements(values: Iterable<Requirement>): Requirement[] {
  const set = new Set(values);
  return REQUIREMENTS.filter((r) => set.has(r));
}

export function unionRequirements(...sets: Iterable<Requirement>[]): Requirement[] {
  const all = new Set<Requirement>();
  for (const s of sets) for (const r of s) all.add(r);
  return normalizeRequirements(all);
}

export function intersectRequirements(a: Iterable<Requirement>, b: Iterable<Requirement>): Requirement[] {
  const bs = new Set(b);
  return normalizeRequirements([...a].filter((r) => bs.has(r)));
}

export function subtractRequirements(a: Iterable<Requirement>, b: Iterable<Requirement>): Requirement[] {
  const bs = new Set(b);
  return normalizeRequirements([...a].filter((r) => !bs.has(r)));
}

/** A set from the three booleans a row stores it as (①, ②, ③). */
export function requirementsFromFlags(consult: boolean, examine: boolean, admit: boolean): Requirement[] {
  return REQUIREMENTS.filter((_, k) => [consult, examine, admit][k]);
}

/** "①②③" style text for a set, "—" when empty. */
export function requirementSymbols(set: Iterable<Requirement>): string {
  const text = normalizeRequirements(set).map((r) => REQUIREMENT_INFO[r].symbol).join('');
  return text === '' ? '—' : text;
}
