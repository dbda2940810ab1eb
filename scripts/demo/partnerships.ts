import { facilityTypeOf } from '../../server/domain/facility-types';
import { estimateDriveMinutes, haversineKm } from '../../server/domain/geo';
import { likelyOffers } from '../../server/domain/institution-offers';
import type { Requirement } from '../../server/domain/requirements';
import type { DemoFacility } from './facilities';
import type { DemoInstitution } from './institutions';
import type { Rng } from './random';

/** One row of the partnership template. */
export interface DemoPartnership {
  facility: DemoFacility;
  institution: DemoInstitution | null;
  covers: Requirement[];
  agreedOn: string | null;
  confirmedOn: string | null;
  endedOn: string | null;
  specialRelationship: boolean;
  reportedOn: string | null;
}

const REPORTED_ON = '2026-06-30';

function date(rng: Rng, fromYear: number, toYear: number): string {
  return `${rng.int(fromYear, toYear)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function nearest(f: DemoFacility, insts: readonly DemoInstitution[], test: (i: DemoInstitution) => boolean, maxMinutes = 40): DemoInstitution | null {
  if (!f.position) return null;
  let best: DemoInstitution | null = null;
  let bestKm = Infinity;
  for (const i of insts) {
    if (!i.inNavii || !test(i)) continue;
    const km = haversineKm(f.position, i.position);
    if (km < bestKm && estimateDriveMinutes(km) <= maxMinutes) [best, bestKm] = [i, km];
  }
  return best;
}

const likely = (i: DemoInstitution) => likelyOffers(i.kind, i.symbols.map((s) => s.normalize('NFKC')));

/**
 * Recorded partners for part of the facilities so that every status appears: about 38% covered,
 * 20% partial, 8% none (half "reported no partner", half a legacy partner meeting none of ①②③),
 * the rest unknown (nothing recorded, as for all open-data facilities). Partners are near the facility
 * and never claim ③ from a clinic.
 */
export function makePartnerships(rng: Rng, facilities: readonly DemoFacility[], insts: readonly DemoInstitution[]): DemoPartnership[] {
  const out: DemoPartnership[] = [];
  const agree = (facility: DemoFacility, institution: DemoInstitution, covers: Requirement[], extra: Partial<DemoPartnership> = {}) => {
    const agreedOn = date(rng, 2019, 2025);
    // The yearly confirmation is on or after the agreement, and before the filing.
    const confirmed = date(rng, 2025, 2026);
    const confirmedOn = confirmed < agreedOn ? agreedOn : confirmed > REPORTED_ON ? REPORTED_ON : confirmed;
    out.push({ facility, institution, covers, agreedOn, confirmedOn, endedOn: null, specialRelationship: false, reportedOn: REPORTED_ON, ...extra });
  };

  for (const f of facilities) {
    const required = facilityTypeOf(f.serviceCode).required;
    const needsAdmit = required.includes('admit');
    const r = rng.next();
    if (r < 0.38) {
      // covered
      const admitter = needsAdmit ? nearest(f, insts, (i) => i.kind === 'hospital' && likely(i).includes('admit')) : null;
      if (needsAdmit && !admitter) continue; // no hospital in reach: stays unknown
      if (admitter && likely(admitter).includes('consult')) {
        agree(f, admitter, ['consult', 'examine', 'admit']);
        continue;
      }
      const local = nearest(f, insts, (i) => likely(i).includes('consult')) ?? nearest(f, insts, () => true);
      if (!local) continue;
      agree(f, local, ['consult', 'examine']);
      if (admitter) agree(f, admitter, ['admit'], { specialRelationship: f.serviceCode === '520' && rng.chance(0.3) });
    } else if (r < 0.58) {
      // partial: a clinic for ①② (no ③), or only ② for a 努力義務 type
      const clinic = nearest(f, insts, (i) => i.kind === 'clinic');
      if (clinic) agree(f, clinic, needsAdmit ? ['consult', 'examine'] : ['examine']);
    } else if (r < 0.62) {
      out.push({ facility: f, institution: null, covers: [], agreedOn: null, confirmedOn: null, endedOn: null, specialRelationship: false, reportedOn: REPORTED_ON });
    } else if (r < 0.66) {
      const legacy = nearest(f, insts, () => true);
      if (legacy) agree(f, legacy, []);
    }
  }
  // One agreement that ended: the facility changed partner in 2025.
  const changed = out.find((p) => p.institution !== null && p.covers.length === 3);
  if (changed) {
    const old = nearest(changed.facility, insts, (i) => i.kind === 'hospital' && i !== changed.institution, 60);
    if (old) out.push({ ...changed, institution: old, agreedOn: '2018-04-01', confirmedOn: '2024-06-01', endedOn: '2025-03-31' });
  }
  return out;
}
