import { describe, expect, it } from 'vitest';
import { isOfficer, sectionMode } from '../../web/src/state/access';

const admin = { role: 'admin' as const, scope: [] };
const officer = { role: 'municipality' as const, scope: ['99'] };
const facility = { role: 'facility' as const, scope: ['9971600862'] };
const hospital = { role: 'institution' as const, scope: ['9910110130'] };

describe('what the signed-in user may see drawn', () => {
  it('gives the plan, the filing tracker and the change log to administrators and officers only', () => {
    expect([admin, officer, facility, hospital, null].map(isOfficer)).toEqual([true, true, false, false, false]);
  });

  it("draws a record's own section as the server's access for it says: all of it to who acts, the read-only parts to who reads", () => {
    expect(sectionMode(['read', 'act', 'administer'])).toBe('act');
    expect(sectionMode(['read', 'act'])).toBe('act');
    expect(sectionMode(['read', 'administer'])).toBe('read');
    expect(sectionMode([])).toBeNull();
  });
});
