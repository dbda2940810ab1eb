import { describe, expect, it } from 'vitest';
import { analyzeGaps, facilityReach } from '../../../server/domain/engine/gaps';
import { acrossWater, type EngineFacility, type EngineInstitution } from '../../../server/domain/engine/model';
import { InstitutionIndex } from '../../../server/domain/engine/spatial';
import { DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, haversineKm } from '../../../server/domain/geo';
import { randomInstitutions, rng } from '../../helpers/random-instances';

/** Reach by looking at every institution. */
function bruteReach(f: EngineFacility, insts: readonly EngineInstitution[], maxMinutes: number) {
  const inReach = insts.filter(
    (x) => x.willingness !== 'not_accepting' && !acrossWater(f.landmass, x.landmass) && estimateDriveMinutes(haversineKm([f.lng, f.lat], [x.lng, x.lat]), DEFAULT_TRAVEL_MODEL) <= maxMinutes,
  );
  const offered = inReach.reduce((u, x) => u | x.offers, 0);
  // Eligible by kind, neither notified nor declared: "no one has declared", not "no one in reach".
  const eligibleOnly = inReach.reduce((u, x) => u | (x.declared ? 0 : x.eligible & ~x.offers), 0);
  const unreachable = f.required & ~offered;
  return { noAdmitHospital: (f.required & 4) !== 0 && !inReach.some((x) => x.kind === 'hospital'), unreachable, eligibleOnly: unreachable & eligibleOnly };
}

function randomFacility(r: ReturnType<typeof rng>, k: number): EngineFacility {
  const required = r.pick([3, 7, 7, 7]);
  const met = r.int(0, 7) & required;
  return {
    id: `F${k}`, serviceCode: required === 7 ? '510' : '320', lng: 134.2 + (r.next() - 0.5) * 0.5, lat: 35.5 + (r.next() - 0.5) * 0.4,
    municipalityCode: r.pick(['31201', '31202']), prefCode: '31', required, met,
    status: r.pick(['covered', 'partial', 'none', 'unknown'] as const), a253Type: required === 7, landmass: r.pick(['main', 'island', null]),
    partnerCodes: [], specialRelationshipCodes: [],
  };
}

describe('coverage gaps', () => {
  it('tell "no one in reach" from "no one has declared": an un-notified hospital is eligible for ③', () => {
    const f: EngineFacility = { id: 'F', serviceCode: '510', lng: 134.2, lat: 35.5, municipalityCode: null, prefCode: '31', required: 7, met: 0, status: 'unknown', a253Type: true, landmass: null, partnerCodes: [], specialRelationshipCodes: [] };
    const at = (code: string, extra: Partial<EngineInstitution>): EngineInstitution => ({ code, kind: 'hospital', lng: 134.21, lat: 35.5, offers: 0, eligible: 7, declared: false, a253Basis: false, willingness: null, maxPartners: null, activePartners: 0, landmass: null, ...extra });
    const clinic = at('c', { kind: 'clinic', offers: 3, eligible: 3 });
    // A clinic for ①②, a hospital with no notification: ③ is unreachable, but asking the hospital may fix it.
    expect(facilityReach(f, new InstitutionIndex([clinic, at('h', {})]), { maxMinutes: 30 })).toEqual({ noAdmitHospital: false, unreachable: 4, eligibleOnly: 4 });
    // The same hospital having declared ①② only: its word stands, so no one in reach for ③.
    expect(facilityReach(f, new InstitutionIndex([clinic, at('h', { declared: true, offers: 3 })]), { maxMinutes: 30 })).toEqual({ noAdmitHospital: false, unreachable: 4, eligibleOnly: 0 });
    // Only the clinic: no hospital at all.
    expect(facilityReach(f, new InstitutionIndex([clinic]), { maxMinutes: 30 })).toEqual({ noAdmitHospital: true, unreachable: 4, eligibleOnly: 0 });
  });

  it('find the same structural gaps as a scan of every institution, on 150 random instances', () => {
    let gaps = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const r = rng(seed);
      // Sparse instances, so that many facilities lack something within reach.
      const insts = randomInstitutions(seed + 5000, r.int(1, 60), 30);
      const index = new InstitutionIndex(insts);
      const maxMinutes = r.pick([5, 20, 40]);
      for (let k = 0; k < 10; k++) {
        const f = randomFacility(r, k);
        const want = bruteReach(f, insts, maxMinutes);
        expect(facilityReach(f, index, { maxMinutes }), `seed ${seed} facility ${k}`).toEqual(want);
        if (want.noAdmitHospital || want.unreachable) gaps++;
      }
    }
    // The instances exercise both outcomes.
    expect(gaps).toBeGreaterThan(100);
    expect(gaps).toBeLessThan(1400);
  });

  it('tally every facility once per area, by status and in the survey table', () => {
    const r = rng(42);
    const insts = randomInstitutions(77, 40, 30);
    const facilities = Array.from({ length: 60 }, (_, k) => randomFacility(r, k));
    const unplaced = [{ ...facilities[0]!, id: 'U1', status: 'unknown' as const }];
    const report = analyzeGaps(facilities, unplaced, new InstitutionIndex(insts), { maxMinutes: 20 }, (f) => ['all', `m:${f.municipalityCode}`]);
    const all = report.areas.get('all')!;
    expect(all.counts.total).toBe(61);
    expect(all.counts.covered + all.counts.partial + all.counts.none + all.counts.unknown).toBe(61);
    expect(report.areas.get('m:31201')!.counts.total + report.areas.get('m:31202')!.counts.total).toBe(61);
    expect(all.survey.reduce((s, row) => s + row.facilities, 0)).toBe(61);
    expect(all.structural.unplaced).toBe(1);
    const structural = facilities.filter((f) => {
      const reach = bruteReach(f, insts, 20);
      return reach.noAdmitHospital || reach.unreachable !== 0;
    });
    expect([...report.structural.keys()].sort()).toEqual(structural.map((f) => f.id).sort());
    const everyone = [...facilities, ...unplaced];
    const tokuyo = all.survey.find((row) => row.type === 'tokuyo')!;
    expect(tokuyo.facilities).toBe(everyone.filter((f) => f.serviceCode === '510').length);
    expect(tokuyo.metIII).toBe(everyone.filter((f) => f.serviceCode === '510' && (f.met & 4) !== 0).length);
    expect(tokuyo.allMet).toBe(everyone.filter((f) => f.serviceCode === '510' && f.met === 7).length);
    expect(all.survey.find((row) => row.type === 'group_home')!.metIII).toBeNull();
  });
});
