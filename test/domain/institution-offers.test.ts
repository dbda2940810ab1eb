import { describe, expect, it } from 'vitest';
import { assertAgreementEligible } from '../../server/domain/agreements';
import { DomainError } from '../../server/domain/errors';
import { eligibleOffers, institutionOffers, kindFromBeds, likelyOffers, mayAdmit, normalizeSymbol } from '../../server/domain/institution-offers';

describe('eligible — by kind', () => {
  it('any hospital or clinic ①②, hospitals alone ③, unknown never ③', () => {
    expect(eligibleOffers('hospital')).toEqual(['consult', 'examine', 'admit']);
    expect(eligibleOffers('clinic')).toEqual(['consult', 'examine']);
    expect(eligibleOffers('unknown')).toEqual(['consult', 'examine']);
  });
  it('a 病院 has 20 beds or more (医療法)', () => {
    expect(kindFromBeds(19)).toBe('clinic');
    expect(kindFromBeds(20)).toBe('hospital');
    expect(kindFromBeds(null)).toBe('unknown');
  });
});

describe('likely — from notifications (domain.md §5)', () => {
  it('reads the full-width symbols as published', () => expect(normalizeSymbol('支援診３')).toBe('支援診3'));
  it.each([
    ['clinic', ['支援診３'], ['consult', 'examine']],
    ['hospital', ['支援病１'], ['consult', 'examine', 'admit']],
    ['hospital', ['在後病'], ['consult', 'examine', 'admit']],
    ['hospital', ['地包ケア２'], ['admit']],
    ['hospital', ['地包医'], ['admit']],
    ['hospital', ['地包加', '食'], []],
    ['hospital', [], []],
  ] as const)('%s holding %j likely offers %j', (kind, symbols, offers) => {
    expect(likelyOffers(kind, symbols)).toEqual(offers);
  });
  it('never makes a clinic or an unknown kind likely for ③, whatever it holds', () => {
    expect(likelyOffers('clinic', ['地包ケア1', '支援病1'])).toEqual(['consult', 'examine']);
    expect(likelyOffers('unknown', ['在後病'])).toEqual(['consult', 'examine']);
  });
});

describe('declared — overrides likely', () => {
  it('uses the declaration when there is one', () => {
    const o = institutionOffers({ kind: 'hospital', symbols: ['支援病1'], declared: ['admit'] });
    expect(o).toMatchObject({ offers: ['admit'], source: 'declared', likely: ['consult', 'examine', 'admit'] });
  });
  it('uses likely when nothing is declared', () => {
    expect(institutionOffers({ kind: 'clinic', symbols: ['支援診2'], declared: null })).toMatchObject({ offers: ['consult', 'examine'], source: 'likely' });
  });
  it('caps a declaration at what the kind is eligible for', () => {
    expect(institutionOffers({ kind: 'clinic', symbols: [], declared: ['consult', 'admit'] }).offers).toEqual(['consult']);
  });
});

describe('agreements are validated against eligible', () => {
  it('rejects ③ from a clinic with a clear message', () => {
    expect(() => assertAgreementEligible('clinic', ['consult', 'admit'], '9910101234')).toThrow(DomainError);
    expect(() => assertAgreementEligible('clinic', ['admit'], '9910101234')).toThrow(/③ 入院を原則受入れ can only be supplied by a 病院; 医療機関コード 9910101234 is a 診療所/);
  });
  it('rejects ③ from an institution of unknown kind', () => {
    expect(() => assertAgreementEligible('unknown', ['admit'], '9910101234')).toThrow(/種別不明/);
  });
  it('accepts ①② from a clinic and ①②③ from a hospital', () => {
    expect(() => assertAgreementEligible('clinic', ['consult', 'examine'], 'x')).not.toThrow();
    expect(() => assertAgreementEligible('hospital', ['consult', 'examine', 'admit'], 'x')).not.toThrow();
  });
});

describe('whether an institution may give ③', () => {
  it('is a hospital that declared ③, or has not declared; never a clinic', () => {
    expect(mayAdmit(institutionOffers({ kind: 'hospital', symbols: [], declared: null }))).toBe(true);
    expect(mayAdmit(institutionOffers({ kind: 'hospital', symbols: [], declared: ['consult'] }))).toBe(false);
    expect(mayAdmit(institutionOffers({ kind: 'hospital', symbols: [], declared: ['admit'] }))).toBe(true);
    expect(mayAdmit(institutionOffers({ kind: 'clinic', symbols: ['支援診1'], declared: ['admit'] }))).toBe(false);
    expect(mayAdmit(institutionOffers({ kind: 'unknown', symbols: [], declared: null }))).toBe(false);
  });
});
