import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../server/domain/errors';
import { checkAgreementDates, checkMeetingDate, checkRequest, confirmationDue, twoPartyChanges, type TwoPartyTerms } from '../../server/domain/partnership';

describe('the partnership cycle rules', () => {
  it('refuses ③ from a clinic, naming what a clinic cannot give', () => {
    expect(() => checkRequest({ careOfficeNumber: '3170100011', institutionCode: '3110000029', institutionKind: 'clinic', requirements: ['consult', 'admit'] })).toThrow(/③ .*病院/);
    expect(() => checkRequest({ careOfficeNumber: '3170100011', institutionCode: '3110000029', institutionKind: 'hospital', requirements: ['admit'] })).not.toThrow();
  });

  it('refuses a request to the facility itself (事業所番号 = 医療機関コード)', () => {
    const e = (() => {
      try {
        checkRequest({ careOfficeNumber: '3110000029', institutionCode: '3110000029', institutionKind: 'hospital', requirements: ['consult'] });
      } catch (err) {
        return err as DomainError;
      }
    })();
    expect(e?.field).toBe('institutionCode');
    expect(e?.message).toContain('the facility itself');
  });

  it('refuses a meeting dated after today, and agreement dates in the future or out of order', () => {
    expect(() => checkMeetingDate('2026-11-24', '2026-11-23')).toThrow(/heldOn: 2026-11-24 is in the future/);
    expect(() => checkMeetingDate('2026-11-23', '2026-11-23')).not.toThrow();
    expect(() => checkAgreementDates({ agreedOn: '2027-01-01', confirmedOn: null, endedOn: null }, '2026-11-23')).toThrow(/agreedOn/);
    expect(() => checkAgreementDates({ agreedOn: '2026-01-01', confirmedOn: null, endedOn: '2025-12-31' }, '2026-11-23')).toThrow(/endedOn/);
  });

  it('shows a confirmation older than 12 months as overdue', () => {
    expect(confirmationDue({ confirmedOn: '2025-11-22', agreedOn: '2020-01-01' }, '2026-11-23')).toEqual({ dueOn: '2026-11-22', overdue: true });
    expect(confirmationDue({ confirmedOn: '2025-11-23', agreedOn: null }, '2026-11-23')).toEqual({ dueOn: '2026-11-23', overdue: false });
    expect(confirmationDue({ confirmedOn: null, agreedOn: '2026-03-01' }, '2026-11-23')).toEqual({ dueOn: '2027-03-01', overdue: false });
    expect(confirmationDue({ confirmedOn: null, agreedOn: null }, '2026-11-23').overdue).toBe(true);
  });
});

describe('which changes of an agreement wait for the other party', () => {
  const current: TwoPartyTerms = { covers: ['admit'], agreedOn: '2026-06-01', specialRelationship: false, infectionAgreement: false, status: 'active' };

  it('counts only the terms both signed that differ from the agreement', () => {
    expect(twoPartyChanges(current, { covers: ['consult', 'examine', 'admit'], agreedOn: '2026-06-01', infectionAgreement: true, specialRelationship: false })).toEqual({ covers: ['consult', 'examine', 'admit'], infectionAgreement: true });
    expect(twoPartyChanges(current, { covers: ['admit'] })).toEqual({});
    expect(twoPartyChanges(current, { agreedOn: null })).toEqual({ agreedOn: null });
  });

  it('leaves ending to either party alone, and proposes re-activating an ended agreement', () => {
    expect(twoPartyChanges(current, { status: 'ended' })).toEqual({});
    expect(twoPartyChanges(current, { status: 'active' })).toEqual({});
    expect(twoPartyChanges({ ...current, status: 'ended' }, { status: 'active' })).toEqual({ status: 'active' });
  });

  it('does not mutate its inputs', () => {
    const asked = { covers: ['consult' as const] };
    const out = twoPartyChanges(current, asked);
    out.covers!.push('admit');
    expect(asked.covers).toEqual(['consult']);
    expect(current.covers).toEqual(['admit']);
  });
});
