import { intersectRequirements, normalizeRequirements, unionRequirements, type Requirement } from './requirements';

/**
 * What an institution can offer, at three levels (domain.md §5):
 *  - eligible — by kind alone: any 病院 or 診療所 ①②; only a 病院 ③; unknown kind never ③;
 *  - likely   — from its accepted notifications (届出受理医療機関名簿), capped by eligible;
 *  - declared — what the institution itself says, which overrides likely (also capped by eligible).
 */
export type InstitutionKind = 'hospital' | 'clinic' | 'unknown';
export const INSTITUTION_KINDS: readonly InstitutionKind[] = ['hospital', 'clinic', 'unknown'];

/** 医療法 第1条の5: a 病院 has 20 or more inpatient beds, a 診療所 19 or fewer. */
export const HOSPITAL_MIN_BEDS = 20;

export function kindFromBeds(beds: number | null): InstitutionKind {
  if (beds === null) return 'unknown';
  return beds >= HOSPITAL_MIN_BEDS ? 'hospital' : 'clinic';
}

/**
 * Some notifications exist for one kind only: 在宅療養支援病院, 在宅療養後方支援病院 and 地域包括ケア病棟
 * for a 病院; 在宅療養支援診療所 for a 診療所. Used when neither 種別 nor 病床数 tells the kind.
 */
export function kindFromSymbols(symbols: Iterable<string>): InstitutionKind {
  const kinds = new Set<InstitutionKind>();
  for (const raw of symbols) {
    const s = normalizeSymbol(raw);
    if (/^(支援病|在後病|地包ケア|地包医)/.test(s)) kinds.add('hospital');
    else if (/^支援診/.test(s)) kinds.add('clinic');
  }
  return kinds.size === 1 ? ([...kinds][0] as InstitutionKind) : 'unknown';
}

export function eligibleOffers(kind: InstitutionKind): Requirement[] {
  return kind === 'hospital' ? ['consult', 'examine', 'admit'] : ['consult', 'examine'];
}

export interface NotificationSymbol {
  /** Symbol as normalised by `normalizeSymbol` (half-width digits). */
  symbol: string;
  nameJa: string;
  /** Requirements the notification makes natural (domain.md §5). */
  offers: readonly Requirement[];
  /**
   * One of the bases A253 asks of the admitting hospital (domain.md §4): 在宅療養支援病院, 在宅療養後方支援病院
   * or a 地域包括ケア病棟. 支援診 is a clinic's: a clinic cannot provide ③, so it never earns A253.
   */
  a253Basis: boolean;
}

const S12: readonly Requirement[] = ['consult', 'examine'];
const S123: readonly Requirement[] = ['consult', 'examine', 'admit'];
const S3: readonly Requirement[] = ['admit'];

/**
 * The notification symbols that matter, as the 厚生局 lists write them (digits normalised).
 * Whether the digit means 機能強化型 differs by bureau — the offers do not depend on it.
 */
export const NOTIFICATION_SYMBOLS: readonly NotificationSymbol[] = [
  ...[1, 2, 3].map((n) => ({ symbol: `支援診${n}`, nameJa: '在宅療養支援診療所', offers: S12, a253Basis: false })),
  ...[1, 2, 3].map((n) => ({ symbol: `支援病${n}`, nameJa: '在宅療養支援病院', offers: S123, a253Basis: true })),
  { symbol: '在後病', nameJa: '在宅療養後方支援病院', offers: S123, a253Basis: true },
  ...[1, 2, 3, 4].map((n) => ({ symbol: `地包ケア${n}`, nameJa: '地域包括ケア病棟入院料・入院医療管理料', offers: S3, a253Basis: true })),
  { symbol: '地包医', nameJa: '地域包括医療病棟', offers: S3, a253Basis: false },
];

const SYMBOLS = new Map(NOTIFICATION_SYMBOLS.map((s) => [s.symbol, s]));

/** Full-width digits and spaces as published → half-width, trimmed: `支援診３` → `支援診3`. */
export function normalizeSymbol(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

export function notificationSymbol(symbol: string): NotificationSymbol | undefined {
  return SYMBOLS.get(normalizeSymbol(symbol));
}

/** True when a symbol is one of those in `NOTIFICATION_SYMBOLS` (the rest are kept but do not count). */
export function isRelevantSymbol(symbol: string): boolean {
  return SYMBOLS.has(normalizeSymbol(symbol));
}

export function likelyOffers(kind: InstitutionKind, symbols: Iterable<string>): Requirement[] {
  const fromSymbols = unionRequirements(...[...symbols].map((s) => notificationSymbol(s)?.offers ?? []));
  return intersectRequirements(fromSymbols, eligibleOffers(kind));
}

export type OffersSource = 'declared' | 'likely';

export interface InstitutionOffers {
  eligible: Requirement[];
  likely: Requirement[];
  declared: Requirement[] | null;
  /** declared when declared, else likely — what maps and rankings use. */
  offers: Requirement[];
  source: OffersSource;
}

export function institutionOffers(input: {
  kind: InstitutionKind;
  symbols: Iterable<string>;
  declared: readonly Requirement[] | null;
}): InstitutionOffers {
  const eligible = eligibleOffers(input.kind);
  const likely = likelyOffers(input.kind, input.symbols);
  const declared = input.declared === null ? null : intersectRequirements(input.declared, eligible);
  return {
    eligible,
    likely,
    declared,
    offers: declared ?? likely,
    source: declared === null ? 'likely' : 'declared',
  };
}

/**
 * Whether it may give ③ (admission): a 病院 whose declaration includes it, or — undeclared — whose kind
 * allows it (only a 病院). What the engine asks with masks (nearby.ts: offered | eligibleOnly).
 */
export const mayAdmit = (o: Pick<InstitutionOffers, 'declared' | 'eligible'>): boolean => (o.declared ?? o.eligible).includes('admit');

/** Requirements in `covers` that an institution of this kind can never supply (③ from a clinic or an unknown kind). */
export function ineligibleRequirements(kind: InstitutionKind, covers: readonly Requirement[]): Requirement[] {
  const eligible = new Set(eligibleOffers(kind));
  return normalizeRequirements(covers.filter((r) => !eligible.has(r)));
}

/** Remaining partner capacity: maxPartners − active agreements; null when not declared. */
export function remainingCapacity(maxPartners: number | null, activeAgreements: number): number | null {
  return maxPartners === null ? null : maxPartners - activeAgreements;
}
