import type { FacilityType, FacilityTypeKey } from './facility-types';
import { unionRequirements, type Requirement } from './requirements';

/**
 * 協力医療機関連携加算 (the facility's monthly add-on for working with its partners, domain.md §4),
 * as tables a reader can check, and the month-by-month verdict worked out from meetings and partners.
 *
 * Units by facility group, tier and fiscal year:
 *   特養・地域密着特養・老健・介護医療院  tier 1 (partner meets ①②③): 100 in FY2024, 50 from FY2025 [確認]
 *                                          tier 2 (otherwise): 5 [確認]
 *   特定施設・地域密着特定・グループホーム  tier 1 (partner meets ①②): 100 [二次]; tier 2: 40 [二次]
 *   養護・軽費: not 介護保険 services — no such add-on.
 */
export type KasanGroup = 'shisetsu' | 'kyoju';

export interface KasanUnits {
  /** First fiscal year the row applies to (inclusive). */
  fromFiscalYear: number;
  tier1: number;
  tier2: number;
  /** 確認 (primary text) or 二次 (secondary source only). */
  confidence: '確認' | '二次';
}

export const KASAN_GROUP: Partial<Record<FacilityTypeKey, KasanGroup>> = {
  tokuyo: 'shisetsu',
  chiiki_tokuyo: 'shisetsu',
  roken: 'shisetsu',
  iryoin: 'shisetsu',
  tokutei: 'kyoju',
  chiiki_tokutei: 'kyoju',
  group_home: 'kyoju',
};

/** Newest row last; the row for a fiscal year is the last one whose fromFiscalYear ≤ it. */
export const KASAN_UNITS: Record<KasanGroup, KasanUnits[]> = {
  shisetsu: [
    { fromFiscalYear: 2024, tier1: 100, tier2: 5, confidence: '確認' },
    { fromFiscalYear: 2025, tier1: 50, tier2: 5, confidence: '確認' },
  ],
  kyoju: [{ fromFiscalYear: 2024, tier1: 100, tier2: 40, confidence: '二次' }],
};

/**
 * The rules as named choices (domain.md §4; the 解釈通知 wording is 「概ね月1回以上」, or 「年3回以上」
 * where the partner can see residents' information electronically at any time):
 *   monthly           a month qualifies when a meeting with an active partner was held in it
 *   electronicAnnual  the fiscal year qualifies with ≥ ELECTRONIC_MEETINGS_PER_YEAR meetings with an
 *                     active partner sharing information electronically; its months qualify from the
 *                     month of the first such meeting (none before the partnership worked that way)
 *   tier 1            the partner(s) met meet the facility's whole required set — a single partner, or,
 *                     when `unionCounts` is set, the partners met in that month (or year) together.
 *                     Whether a union counts is 未確認: the default is the strict reading.
 */
export const ELECTRONIC_MEETINGS_PER_YEAR = 3;
export const KASAN_DEFAULT_SETTINGS = { unionCounts: false } as const;
export interface KasanSettings {
  unionCounts: boolean;
}

export interface KasanMeeting {
  heldOn: string;
  institutionCode: string;
  electronicSharing: boolean;
}

/** An agreement as the rule sees it: who, what it covers, and when it was in force. */
export interface KasanAgreement {
  institutionCode: string;
  covers: readonly Requirement[];
  agreedOn: string | null;
  endedOn: string | null;
  status: 'active' | 'ended';
}

export type KasanBasis = 'monthly' | 'electronic_annual';

export interface KasanMonth {
  /** yyyy-mm */
  month: string;
  eligible: boolean;
  tier: 1 | 2 | null;
  units: number;
  basis: KasanBasis | null;
  /** The partners whose meetings count for the month. */
  partners: string[];
  /** Why, in a sentence a facility can act on (Japanese). */
  reason: string;
  /** The same reason as a key (the web app words it in either language), with the count it names. */
  reasonKey: KasanReasonKey;
  /** Meetings of the year with a partner sharing information electronically (named by `no_meeting_electronic_short` and `electronic_annual`). */
  electronicMeetings: number;
  /** The month has not ended yet (or not begun): the verdict may still change. */
  provisional: boolean;
}

/** Every reason a month earns the add-on or not. `_1`/`_2`: the tier earned. */
export const KASAN_REASON_KEYS = ['not_this_year', 'not_this_type', 'no_meeting', 'no_meeting_electronic_short', 'monthly_1', 'monthly_2', 'electronic_annual_1', 'electronic_annual_2'] as const;
export type KasanReasonKey = (typeof KASAN_REASON_KEYS)[number];

/** The fiscal year (4月–3月) a date falls in. */
export const fiscalYearOf = (iso: string): number => Number(iso.slice(0, 4)) - (Number(iso.slice(5, 7)) < 4 ? 1 : 0);

/** The twelve months of a fiscal year, April first. */
export const monthsOfFiscalYear = (fy: number): string[] =>
  Array.from({ length: 12 }, (_, k) => {
    const m = ((k + 3) % 12) + 1;
    return `${k < 9 ? fy : fy + 1}-${String(m).padStart(2, '0')}`;
  });

export function kasanUnitsFor(type: Pick<FacilityType, 'key'>, fiscalYear: number): KasanUnits | null {
  const group = KASAN_GROUP[type.key];
  if (!group) return null;
  return KASAN_UNITS[group].filter((r) => r.fromFiscalYear <= fiscalYear).at(-1) ?? null;
}

/** Was the agreement in force on that date? */
function inForce(a: KasanAgreement, date: string): boolean {
  if (a.agreedOn && a.agreedOn > date) return false;
  if (a.endedOn && a.endedOn < date) return false;
  return a.status === 'active' || !!a.endedOn;
}

/**
 * The add-on month by month for a facility and fiscal year. Pure: `today` decides which months are
 * still open. Meetings with an institution that was not a partner on the day do not count.
 */
export function kasanByMonth(input: {
  type: Pick<FacilityType, 'key' | 'required'>;
  fiscalYear: number;
  meetings: readonly KasanMeeting[];
  agreements: readonly KasanAgreement[];
  settings?: KasanSettings;
  today: string;
}): KasanMonth[] {
  const { type, fiscalYear, today } = input;
  const settings = input.settings ?? KASAN_DEFAULT_SETTINGS;
  const units = kasanUnitsFor(type, fiscalYear);
  const months = monthsOfFiscalYear(fiscalYear);
  const todayMonth = today.slice(0, 7);
  let electronicMeetings = 0;
  const empty = (month: string, reason: string, reasonKey: KasanReasonKey): KasanMonth => ({ month, eligible: false, tier: null, units: 0, basis: null, partners: [], reason, reasonKey, electronicMeetings, provisional: month >= todayMonth });
  if (!units) {
    const [why, key]: [string, KasanReasonKey] = KASAN_GROUP[type.key] ? [`${fiscalYear}年度にはこの加算はありません`, 'not_this_year'] : ['この種別には協力医療機関連携加算はありません', 'not_this_type'];
    return months.map((m) => empty(m, why, key));
  }
  // Meetings of the year that count: held, in the year, with a partner in force that day.
  const counted = input.meetings
    .filter((m) => fiscalYearOf(m.heldOn) === fiscalYear && m.heldOn <= today)
    .map((m) => ({ ...m, agreement: input.agreements.find((a) => a.institutionCode === m.institutionCode && inForce(a, m.heldOn)) }))
    .filter((m): m is typeof m & { agreement: KasanAgreement } => !!m.agreement)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const electronic = counted.filter((m) => m.electronicSharing);
  electronicMeetings = electronic.length;
  const electronicFrom = electronic.length >= ELECTRONIC_MEETINGS_PER_YEAR ? electronic[0]!.heldOn.slice(0, 7) : null;

  const tierOf = (met: (typeof counted)[number][]): 1 | 2 => {
    const meets = (covers: readonly Requirement[]) => type.required.every((r) => covers.includes(r));
    if (met.some((m) => meets(m.agreement.covers))) return 1;
    if (settings.unionCounts && meets(unionRequirements(...met.map((m) => m.agreement.covers)))) return 1;
    return 2;
  };

  return months.map((month) => {
    const inMonth = counted.filter((m) => m.heldOn.startsWith(month));
    let basis: KasanBasis | null = null;
    let met = inMonth;
    if (inMonth.length > 0) basis = 'monthly';
    else if (electronicFrom && month >= electronicFrom) {
      basis = 'electronic_annual';
      met = electronic;
    }
    if (!basis) {
      const short = electronic.length > 0 && electronic.length < ELECTRONIC_MEETINGS_PER_YEAR;
      const why = short
        ? `この月に協力医療機関との会議がありません（電子的共有の会議は年度内 ${electronic.length} 回で、${ELECTRONIC_MEETINGS_PER_YEAR} 回に届いていません）`
        : 'この月に協力医療機関との会議がありません';
      return empty(month, why, short ? 'no_meeting_electronic_short' : 'no_meeting');
    }
    const tier = tierOf(met);
    const partners = [...new Set(met.map((m) => m.institutionCode))];
    const reason =
      (basis === 'monthly' ? 'この月に協力医療機関と会議を開催' : `電子的に情報共有する協力医療機関と年度内 ${electronic.length} 回の会議`) +
      (tier === 1 ? '。会議の相手が必要な要件を満たす：協力医療機関連携加算(1)' : '。会議の相手が必要な要件を満たさない：協力医療機関連携加算(2)');
    const reasonKey: KasanReasonKey = `${basis}_${tier}`;
    return { month, eligible: true, tier, units: tier === 1 ? units.tier1 : units.tier2, basis, partners, reason, reasonKey, electronicMeetings, provisional: month >= todayMonth };
  });
}
