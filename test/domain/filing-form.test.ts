import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors';
import { FACILITY_TYPES, type FacilityTypeKey } from '../../server/domain/facility-types';
import { FILING_FORMS, FILING_LAYOUTS, filingAddressee, filingAsksAdmit, filingFormFor, filingFromValues, formatFilingValue, headerValues, partnerBlockRow, type FilingData, type FilingLayout, type FilingPartner } from '../../server/domain/filing-form';
import { placeRange, rangeCells, rangeRows } from '../../server/domain/a1-range';
import { validateFilingData } from '../../server/domain/filing-validate';
import { withCareOfficeCheckDigit, withMedicalCheckDigit } from '../../server/domain/identifiers';

// Fictional facility and institutions; codes carry valid check digits.
const partner = (n: number, over: Partial<FilingPartner> = {}): FilingPartner => ({
  name: `架空第${n}病院`, institutionCode: withMedicalCheckDigit(`31101${String(n).padStart(4, '0')}`), address: `鳥取県架空市本町${n}丁目`,
  phone: '0857-00-0000', consult: true, examine: true, admit: false, confirmedOn: '2026-04-10', agreedOn: '2024-04-01', ...over,
});
const sample = (over: Partial<FilingData> = {}): FilingData => ({
  form: '別紙1', fiscalYear: 2026, submittedOn: '2026-04-30', addressee: '鳥取県知事', operatorName: '社会福祉法人架空会', representative: '理事長　架空太郎',
  facility: { name: '特別養護老人ホーム架空の郷', careOfficeNumber: withCareOfficeCheckDigit('317000001'), serviceCode: '510', serviceTypeJa: '介護老人福祉施設', address: '鳥取県架空市1-2-3', phone: '0857-11-1111' },
  partners: [partner(1, { admit: true }), partner(2)],
  unmet: null,
  infection: { agreed: true, withWhom: '架空第1病院' },
  ...over,
});

const EXPECTED_FORM: Record<FacilityTypeKey, '別紙1' | '別紙3'> = {
  tokuyo: '別紙1', chiiki_tokuyo: '別紙3', roken: '別紙1', iryoin: '別紙1', yogo: '別紙1', tokutei: '別紙1', chiiki_tokutei: '別紙3', group_home: '別紙3', keihi: '別紙1',
};
const EXPECTED_ADMIT: Record<FacilityTypeKey, boolean> = {
  tokuyo: true, chiiki_tokuyo: true, roken: true, iryoin: true, yogo: true, tokutei: false, chiiki_tokutei: false, group_home: false, keihi: false,
};

describe('filingFormFor', () => {
  for (const type of Object.values(FACILITY_TYPES)) {
    it(`files ${type.shortJa} on ${EXPECTED_FORM[type.key]}`, () => expect(filingFormFor(type)).toBe(EXPECTED_FORM[type.key]));
  }
  it('asks ③ of exactly the types that must secure it — 地域密着特養 on 別紙3 included', () => {
    for (const type of Object.values(FACILITY_TYPES)) expect(filingAsksAdmit(type), type.key).toBe(EXPECTED_ADMIT[type.key]);
    expect(filingFormFor(FACILITY_TYPES.chiiki_tokuyo)).toBe('別紙3');
  });
  it('addresses the prefecture governor or the head of the municipality', () => {
    expect(filingAddressee({ level: 'prefecture', code: '310000', name: '鳥取県' })).toBe('鳥取県知事');
    expect(filingAddressee({ level: 'municipality', code: '312011', name: '鳥取市' })).toBe('鳥取市長');
  });
});

/** Every item of a layout with the cells it covers, partner blocks placed at `blocks` indexes. */
function items(layout: FilingLayout, blocks: number[]): { what: string; cells: string[]; rows: [number, number] }[] {
  const out = [
    ...layout.texts.map((t) => ({ what: `text ${t.id}`, range: t.at })),
    ...layout.fields.flatMap((f) => [{ what: `label ${f.key}`, range: f.labelAt }, { what: `value ${f.key}`, range: f.valueAt }]),
    { what: 'overflow heading', range: layout.partners.overflowHeading.at },
    ...blocks.flatMap((i) => {
      const row = partnerBlockRow(layout, i);
      const p = layout.partners;
      return [
        { what: `block ${i} title`, range: placeRange(p.title.at, row) },
        ...p.texts.map((t) => ({ what: `block ${i} ${t.id}`, range: placeRange(t.at, row) })),
        ...p.fields.flatMap((f) => [{ what: `block ${i} label ${f.key}`, range: placeRange(f.labelAt, row) }, { what: `block ${i} value ${f.key}`, range: placeRange(f.valueAt, row) }]),
      ];
    }),
  ];
  return out.map((o) => ({ what: o.what, cells: rangeCells(o.range), rows: rangeRows(o.range) }));
}

describe.each(FILING_FORMS)('the %s layout', (form) => {
  const layout = FILING_LAYOUTS[form];
  const p = layout.partners;

  it('puts no two items on one cell, with overflow blocks placed too', () => {
    const owner = new Map<string, string>();
    for (const item of items(layout, [0, 1, 2, 3, 4, 5, 6, 7])) {
      for (const cell of item.cells) {
        expect(owner.get(cell), `${cell}: ${item.what}`).toBeUndefined();
        owner.set(cell, item.what);
      }
    }
  });

  it('keeps the printed blocks between the header and the sections below, and overflow blocks after the last section', () => {
    const fixed = items(layout, []).filter((i) => i.what !== 'overflow heading');
    const blocksEnd = partnerBlockRow(layout, p.blocksOnSheet - 1) + p.rowsPerBlock - 1;
    const header = fixed.filter((i) => i.rows[1] < p.firstRow);
    const sections = fixed.filter((i) => i.rows[0] > blocksEnd);
    expect(header.length + sections.length).toBe(fixed.length);
    expect(sections.map((s) => s.what)).toEqual(expect.arrayContaining(['text unmetHeading', 'value unmet.plan', 'value infection.withWhom']));
    const lastSectionRow = Math.max(...sections.map((s) => s.rows[1]));
    expect(rangeRows(p.overflowHeading.at)[0]).toBeGreaterThan(lastSectionRow);
    expect(p.overflowFirstRow).toBeGreaterThan(rangeRows(p.overflowHeading.at)[1]);
    expect(partnerBlockRow(layout, p.blocksOnSheet)).toBe(p.overflowFirstRow);
    expect(partnerBlockRow(layout, p.blocksOnSheet + 1)).toBe(p.overflowFirstRow + p.rowsPerBlock);
  });

  it('keeps every block item inside its block rows and the sheet columns A–H', () => {
    for (const r of [...p.fields.flatMap((f) => [f.labelAt, f.valueAt]), ...p.texts.map((t) => t.at), p.title.at]) {
      const [r1, r2] = rangeRows(r);
      expect(r1).toBeGreaterThanOrEqual(1);
      expect(r2).toBeLessThanOrEqual(p.rowsPerBlock);
    }
    for (const item of items(layout, [0, 5])) for (const c of item.cells) expect(c, item.what).toMatch(/^[A-H]\d+$/);
  });

  it('has one field per FilingData value and Japanese labels', () => {
    expect(new Set(layout.fields.map((f) => f.key)).size).toBe(layout.fields.length);
    expect(layout.fields.map((f) => f.key).sort()).toEqual(Object.keys(headerValues(sample())).sort());
    expect(p.fields.map((f) => f.key).sort()).toEqual(Object.keys(partner(1)).sort());
    for (const f of [...layout.fields, ...p.fields]) expect(f.label, f.key).toMatch(/[\u3000-\u9fff]/);
    expect(layout.sheetName).toBe(form);
    expect(layout.texts.find((t) => t.id === 'formMark')?.text).toBe(form);
  });
});

describe('header values', () => {
  it('round-trip through headerValues and filingFromValues, an empty unmet section being null', () => {
    const d = sample();
    expect(filingFromValues(d.form, headerValues(d), d.partners)).toEqual(d);
    const unmet = sample({ unmet: { requirements: ['admit'], plan: '近隣の架空病院と協議中', targetDate: '2027-03-31' } });
    expect(filingFromValues(unmet.form, headerValues(unmet), unmet.partners)).toEqual(unmet);
  });
  it('format as printed', () => {
    expect(formatFilingValue('date', '2026-04-01')).toBe('2026年4月1日');
    expect(formatFilingValue('flag', true)).toBe('○');
    expect(formatFilingValue('flag', false)).toBe('');
    expect(formatFilingValue('fiscalYear', 2026)).toBe('2026年度');
    expect(formatFilingValue('text', null)).toBe('');
  });
});

describe('validateFilingData', () => {
  const fails = (d: FilingData, field: string, message: RegExp) => {
    let error: unknown;
    try {
      validateFilingData(d);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe(field);
    expect((error as DomainError).message).toMatch(message);
  };
  it('accepts a complete filing', () => expect(() => validateFilingData(sample())).not.toThrow());
  it('rejects a service code filed on the other form', () => fails(sample({ form: '別紙3' }), 'facility.serviceCode', /filed on 別紙3 \(540, 361, 362, 364, 320\), found "510"/));
  it('rejects ③ marked for a グループホーム, whose sheet does not ask it', () => {
    const gh = sample({ form: '別紙3', facility: { ...sample().facility, serviceCode: '320', serviceTypeJa: '認知症対応型共同生活介護' } });
    expect(() => validateFilingData(gh)).toThrow(/partners\.0\.admit: ③ is not asked of service 320/);
  });
  it('rejects a bad check digit naming the partner', () => fails(sample({ partners: [partner(1, { institutionCode: '3110100001' })] }), 'partners.0.institutionCode', /fails its check digit/));
  it('rejects an unmet section with nothing marked', () => fails(sample({ unmet: { requirements: [], plan: '検討中', targetDate: null } }), 'unmet.consult', /at least one/));
  it('rejects text that would not read back the same', () => fails(sample({ operatorName: ' 架空会 ' }), 'operatorName', /trimmed/));
  it('rejects a date that is not yyyy-mm-dd', () => fails(sample({ submittedOn: '2026-02-30' }), 'submittedOn', /yyyy-mm-dd, found "2026-02-30"/));
  it('does not mutate its input', () => {
    const d = sample();
    const copy = structuredClone(d);
    validateFilingData(d);
    expect(d).toEqual(copy);
  });
});
