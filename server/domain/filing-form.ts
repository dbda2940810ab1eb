import type { Authority } from './designating-authority';
import type { FacilityType } from './facility-types';
import { REQUIREMENT_INFO, REQUIREMENTS, type Requirement } from './requirements';

/**
 * The annual filing 協力医療機関に関する届出書 (domain.md §3). We do not have MHLW's Excel template: this
 * is a reconstruction from the field list [未確認], and every label and cell address lives in the one
 * table below (FILING_LAYOUTS) so it can be corrected in one place. The .xlsx writer/reader and the
 * printable HTML are both driven by it; what a filing must hold is checked in filing-validate.ts.
 *
 * Choices: dates are real Excel dates shown as 2026年4月1日 (西暦; the reader also takes ISO text and
 * 令和 text); a met/agreed box prints 「○」 or stays blank (the reader also takes 有/無, あり/なし, 1/0 …);
 * 5 partner blocks are printed on the form, a 6th and later go below the last section, same layout.
 */
export type FilingFormKind = '別紙1' | '別紙3';
export const FILING_FORMS: readonly FilingFormKind[] = ['別紙1', '別紙3'];

/** 地域密着 types (540, 361–364, 320) file with the municipality on 別紙3, the others on 別紙1. */
export function filingFormFor(type: FacilityType): FilingFormKind {
  return type.designatedBy === 'municipality' ? '別紙3' : '別紙1';
}

/**
 * Whether the sheet asks about ③. domain.md §3 puts ③ "only on the 施設 version", yet 地域密着特養
 * (540) must secure ①②③ and files on 別紙3: so the ③ boxes follow the facility type, not the form —
 * shown whenever the type's required set includes ③ (特養, 地域密着特養, 老健, 介護医療院, 養護).
 */
export function filingAsksAdmit(type: FacilityType): boolean {
  return type.required.includes('admit');
}

/** Whom the filing is addressed to: 鳥取県知事, 鳥取市長 … */
export function filingAddressee(authority: Authority): string {
  return authority.level === 'prefecture' ? `${authority.name}知事` : `${authority.name}長`;
}

export interface FilingPartner {
  name: string;
  institutionCode: string;
  address: string | null;
  phone: string | null;
  consult: boolean;
  examine: boolean;
  admit: boolean;
  /** ISO yyyy-mm-dd: when the response to acute deterioration was last confirmed with the partner. */
  confirmedOn: string | null;
  agreedOn: string | null;
}

export interface FilingData {
  form: FilingFormKind;
  fiscalYear: number;
  /** ISO yyyy-mm-dd */
  submittedOn: string | null;
  /** The designating authority, e.g. 鳥取県知事 or 鳥取市長. */
  addressee: string;
  operatorName: string | null;
  representative: string | null;
  /** careOfficeNumber: the 10-character 介護保険事業所番号. */
  facility: { name: string; careOfficeNumber: string; serviceCode: string; serviceTypeJa: string; address: string | null; phone: string | null };
  partners: FilingPartner[];
  /** Requirements not yet secured, with the plan to secure them (by 2027-03-31 for 義務 types). */
  unmet: { requirements: Requirement[]; plan: string | null; targetDate: string | null } | null;
  /** Agreement on emerging infections with a 第二種協定指定医療機関. */
  infection: { agreed: boolean; withWhom: string | null };
}

export type FilingCellKind = 'text' | 'date' | 'flag' | 'fiscalYear' | 'careOfficeNumber' | 'institutionCode' | 'serviceCode';
export type HeaderKey =
  | 'fiscalYear' | 'submittedOn' | 'addressee' | 'operatorName' | 'representative'
  | 'facility.name' | 'facility.careOfficeNumber' | 'facility.serviceCode' | 'facility.serviceTypeJa' | 'facility.address' | 'facility.phone'
  | 'unmet.consult' | 'unmet.examine' | 'unmet.admit' | 'unmet.plan' | 'unmet.targetDate'
  | 'infection.agreed' | 'infection.withWhom';
export type PartnerKey = keyof FilingPartner;
/** A cell's value: text/ISO date/code as string, fiscal year as number, a box as boolean; blank is null. */
export type FilingValue = string | number | boolean | null;

export interface FilingField<K extends string = string> {
  key: K;
  label: string;
  /** Label cell or merged range, A1-style; for partner blocks the rows count from the block's first row (1). */
  labelAt: string;
  /** Value cell or merged range; the value sits in its top-left cell. */
  valueAt: string;
  kind: FilingCellKind;
  required: boolean;
  /** Printed only for facility types that must secure ③ (filingAsksAdmit). */
  admitOnly: boolean;
  /** Row height in points, when the row needs more than the default. */
  rowHeight?: number;
}

export interface FilingText {
  id: string;
  text: string;
  at: string;
  style: 'mark' | 'title' | 'heading' | 'body' | 'label';
  admitOnly: boolean;
  rowHeight?: number;
}

export interface FilingLayout {
  form: FilingFormKind;
  sheetName: string;
  title: string;
  /** Column widths in characters, A→H. */
  columnWidths: readonly number[];
  texts: FilingText[];
  fields: FilingField<HeaderKey>[];
  partners: {
    firstRow: number;
    rowsPerBlock: number;
    /** Blocks printed on the blank form; further partners continue from overflowFirstRow. */
    blocksOnSheet: number;
    overflowHeading: FilingText;
    overflowFirstRow: number;
    /** `{n}` is the partner's number, 1-based. */
    title: FilingText;
    texts: FilingText[];
    fields: FilingField<PartnerKey>[];
  };
}

// ———————————————————————————— the table ————————————————————————————
// One entry per printed item. `w(別紙1 wording, 別紙3 wording)` where the forms differ (施設/入所者 vs 事業所/利用者).
type Wording = string | Record<FilingFormKind, string>;
const w = (b1: string, b3: string): Wording => ({ 別紙1: b1, 別紙3: b3 });
interface Opts { required?: boolean; admitOnly?: boolean; rowHeight?: number }
type FieldRow<K extends string> = [key: K, kind: FilingCellKind, label: Wording, labelAt: string, valueAt: string, opts?: Opts];
type TextRow = [id: string, style: FilingText['style'], text: Wording, at: string, opts?: Opts];
const REQ: Opts = { required: true };
const ADMIT: Opts = { admitOnly: true };
const req = (r: Requirement) => `${REQUIREMENT_INFO[r].symbol}${REQUIREMENT_INFO[r].labelJa}`;
const BLOCKS_ON_SHEET = 5;

const TEXTS: TextRow[] = [
  ['formMark', 'mark', w('別紙1', '別紙3'), 'A1:B1'],
  ['title', 'title', '協力医療機関に関する届出書', 'A2:H2', { rowHeight: 30 }],
  ['addresseeSuffix', 'body', '様', 'E5'],
  ['applicant', 'body', '（届出者）', 'D6:E6'],
  ['statement', 'body', w('入所者等の病状が急変した場合等の対応について協力医療機関との確認を行ったので、下記のとおり届け出ます。', '利用者等の病状が急変した場合等の対応について協力医療機関との確認を行ったので、下記のとおり届け出ます。'), 'A10:H10', { rowHeight: 32 }],
  ['facilityHeading', 'heading', w('【施設・事業所の概要】', '【事業所の概要】'), 'A11:H11'],
  ['partnersHeading', 'heading', '【協力医療機関】', 'A18:H18'],
  ['legend.consult', 'body', w('① 入所者等の病状が急変した場合等において、医師又は看護職員が相談対応を行う体制を常時確保していること', '① 利用者等の病状が急変した場合等において、医師又は看護職員が相談対応を行う体制を常時確保していること'), 'A19:H19', { rowHeight: 30 }],
  ['legend.examine', 'body', w('② 施設からの診療の求めがあった場合において、診療を行う体制を常時確保していること', '② 事業所からの診療の求めがあった場合において、診療を行う体制を常時確保していること'), 'A20:H20', { rowHeight: 30 }],
  ['legend.admit', 'body', '③ 入所者等の病状が急変した場合等において、入院を要すると認められた入所者等の入院を原則として受け入れる体制を確保していること', 'A21:H21', { rowHeight: 30, admitOnly: true }],
  ['partnersNote', 'body', `※協力内容は該当する項目に「○」を記入すること。協力医療機関が${BLOCKS_ON_SHEET}を超える場合は、最下欄に同じ形式で続けて記入すること。`, 'A22:H22', { rowHeight: 30 }],
  ['unmetHeading', 'heading', '【要件を満たす協力医療機関を定めていない場合の対応】', 'A59:H59'],
  ['unmetRequirements', 'label', '満たしていない要件（該当に○）', 'A60:B61'],
  ['targetNote', 'body', '（経過措置期間は令和9年3月31日まで）', 'E63:H63'],
  ['infectionHeading', 'heading', '【第二種協定指定医療機関との新興感染症発生時等の対応の取決め】', 'A65:H65'],
];

const FIELDS: FieldRow<HeaderKey>[] = [
  ['fiscalYear', 'fiscalYear', '対象年度', 'F3', 'G3:H3', REQ],
  ['submittedOn', 'date', '提出日', 'F4', 'G4:H4'],
  ['addressee', 'text', '宛先', 'A5', 'B5:D5', REQ],
  ['operatorName', 'text', '法人の名称', 'D7:E7', 'F7:H7'],
  ['representative', 'text', '代表者の職・氏名', 'D8:E8', 'F8:H8'],
  ['facility.name', 'text', w('施設・事業所の名称', '事業所の名称'), 'A12:B12', 'C12:H12', REQ],
  ['facility.careOfficeNumber', 'careOfficeNumber', '介護保険事業所番号', 'A13:B13', 'C13:D13', REQ],
  ['facility.serviceCode', 'serviceCode', 'サービスコード', 'E13:F13', 'G13:H13', REQ],
  ['facility.serviceTypeJa', 'text', 'サービスの種類', 'A14:B14', 'C14:H14', REQ],
  ['facility.address', 'text', '所在地', 'A15:B15', 'C15:H15'],
  ['facility.phone', 'text', '電話番号', 'A16:B16', 'C16:D16'],
  ['unmet.consult', 'flag', req('consult'), 'C60:D60', 'C61:D61'],
  ['unmet.examine', 'flag', req('examine'), 'E60:F60', 'E61:F61'],
  ['unmet.admit', 'flag', req('admit'), 'G60:H60', 'G61:H61', ADMIT],
  ['unmet.plan', 'text', '確保に向けた今後の計画', 'A62:B62', 'C62:H62', { rowHeight: 54 }],
  ['unmet.targetDate', 'date', '確保予定時期', 'A63:B63', 'C63:D63'],
  ['infection.agreed', 'flag', '取決めの有無（有の場合○）', 'A66:B66', 'C66:D66'],
  ['infection.withWhom', 'text', '取決めの相手先（医療機関名）', 'A67:B67', 'C67:H67'],
];

/** One partner block; rows count from the block's first row (1). */
const BLOCK_TITLE: TextRow = ['partnerTitle', 'heading', '協力医療機関（{n}）', 'A1:H1'];
const BLOCK_TEXTS: TextRow[] = [['partnerRequirements', 'label', '協力内容（該当に○）', 'A5:B6']];
const BLOCK_FIELDS: FieldRow<PartnerKey>[] = [
  ['name', 'text', '協力医療機関の名称', 'A2:B2', 'C2:H2', REQ],
  ['institutionCode', 'institutionCode', '医療機関コード', 'A3:B3', 'C3:D3', REQ],
  ['phone', 'text', '電話番号', 'E3:F3', 'G3:H3'],
  ['address', 'text', '所在地', 'A4:B4', 'C4:H4'],
  ['consult', 'flag', req('consult'), 'C5:D5', 'C6:D6'],
  ['examine', 'flag', req('examine'), 'E5:F5', 'E6:F6'],
  ['admit', 'flag', req('admit'), 'G5:H5', 'G6:H6', ADMIT],
  ['confirmedOn', 'date', '急変時対応の確認日', 'A7:B7', 'C7:D7'],
  ['agreedOn', 'date', '協定締結日', 'E7:F7', 'G7:H7'],
];
const PARTNER_ROWS = { firstRow: 23, rowsPerBlock: 7, overflowHeadingAt: 'A69:H69', overflowFirstRow: 70 };
// ——————————————————————————————————————————————————————————————————————

function layoutFor(form: FilingFormKind): FilingLayout {
  const say = (t: Wording) => (typeof t === 'string' ? t : t[form]);
  const text = ([id, style, t, at, o]: TextRow): FilingText => ({ id, style, text: say(t), at, admitOnly: o?.admitOnly ?? false, ...(o?.rowHeight ? { rowHeight: o.rowHeight } : {}) });
  const field = <K extends string>([key, kind, label, labelAt, valueAt, o]: FieldRow<K>): FilingField<K> => ({
    key, kind, label: say(label), labelAt, valueAt, required: o?.required ?? false, admitOnly: o?.admitOnly ?? false, ...(o?.rowHeight ? { rowHeight: o.rowHeight } : {}),
  });
  return {
    form,
    sheetName: form,
    title: '協力医療機関に関する届出書',
    columnWidths: [14, 14, 12, 12, 12, 12, 12, 12],
    texts: TEXTS.map(text),
    fields: FIELDS.map(field),
    partners: {
      firstRow: PARTNER_ROWS.firstRow,
      rowsPerBlock: PARTNER_ROWS.rowsPerBlock,
      blocksOnSheet: BLOCKS_ON_SHEET,
      overflowHeading: text(['overflowHeading', 'heading', '【協力医療機関（続き）】', PARTNER_ROWS.overflowHeadingAt]),
      overflowFirstRow: PARTNER_ROWS.overflowFirstRow,
      title: text(BLOCK_TITLE),
      texts: BLOCK_TEXTS.map(text),
      fields: BLOCK_FIELDS.map(field),
    },
  };
}

export const FILING_LAYOUTS: Record<FilingFormKind, FilingLayout> = { 別紙1: layoutFor('別紙1'), 別紙3: layoutFor('別紙3') };

// ———————————————————————————— partner blocks ————————————————————————————
/** First sheet row of the `index`-th (0-based) partner block: on the form, then below the last section. */
export function partnerBlockRow(layout: FilingLayout, index: number): number {
  const p = layout.partners;
  return index < p.blocksOnSheet ? p.firstRow + index * p.rowsPerBlock : p.overflowFirstRow + (index - p.blocksOnSheet) * p.rowsPerBlock;
}


// ———————————————————————————— values ————————————————————————————
export function headerValues(d: FilingData): Record<HeaderKey, FilingValue> {
  const unmet = new Set(d.unmet?.requirements ?? []);
  return {
    fiscalYear: d.fiscalYear, submittedOn: d.submittedOn, addressee: d.addressee, operatorName: d.operatorName, representative: d.representative,
    'facility.name': d.facility.name, 'facility.careOfficeNumber': d.facility.careOfficeNumber, 'facility.serviceCode': d.facility.serviceCode,
    'facility.serviceTypeJa': d.facility.serviceTypeJa, 'facility.address': d.facility.address, 'facility.phone': d.facility.phone,
    'unmet.consult': unmet.has('consult'), 'unmet.examine': unmet.has('examine'), 'unmet.admit': unmet.has('admit'),
    'unmet.plan': d.unmet?.plan ?? null, 'unmet.targetDate': d.unmet?.targetDate ?? null,
    'infection.agreed': d.infection.agreed, 'infection.withWhom': d.infection.withWhom,
  };
}

const s = (v: FilingValue) => (v === null ? '' : String(v));
const sn = (v: FilingValue) => (v === null ? null : String(v));
/** The inverse of headerValues: an unmet section with nothing marked or written is null. */
export function filingFromValues(form: FilingFormKind, h: Record<HeaderKey, FilingValue>, partners: FilingPartner[]): FilingData {
  const requirements = REQUIREMENTS.filter((r) => h[`unmet.${r}`] === true);
  const plan = sn(h['unmet.plan']);
  const targetDate = sn(h['unmet.targetDate']);
  return {
    form, fiscalYear: Number(h.fiscalYear), submittedOn: sn(h.submittedOn), addressee: s(h.addressee), operatorName: sn(h.operatorName), representative: sn(h.representative),
    facility: {
      name: s(h['facility.name']), careOfficeNumber: s(h['facility.careOfficeNumber']), serviceCode: s(h['facility.serviceCode']),
      serviceTypeJa: s(h['facility.serviceTypeJa']), address: sn(h['facility.address']), phone: sn(h['facility.phone']),
    },
    partners,
    unmet: requirements.length === 0 && plan === null && targetDate === null ? null : { requirements, plan, targetDate },
    infection: { agreed: h['infection.agreed'] === true, withWhom: sn(h['infection.withWhom']) },
  };
}

/** Display text of a value, as printed: ○ for a marked box, 2026年4月1日, 2026年度. */
export function formatFilingValue(kind: FilingCellKind, v: FilingValue): string {
  if (v === null || v === false) return '';
  if (kind === 'flag') return FILING_MARK;
  if (kind === 'fiscalYear') return `${v}年度`;
  if (kind === 'date') {
    const [y, m, d] = String(v).split('-');
    return `${y}年${Number(m)}月${Number(d)}日`;
  }
  return String(v);
}
export const FILING_MARK = '○';
/** Excel number formats matching formatFilingValue. */
export const FILING_NUMFMT = { date: 'yyyy"年"m"月"d"日"', fiscalYear: '0"年度"', text: '@' } as const;

