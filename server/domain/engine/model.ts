import type { InstitutionKind } from '../institution-offers';
import type { SearchBasis } from '../coverage';
import type { Requirement } from '../requirements';
import { requirementsOf, type Mask } from './masks';

/**
 * What the engine works on: plain records with positions ([lng, lat]), requirement masks and the
 * numbers capacity needs. Built from the database by the server, or generated for benchmarks.
 */
export interface EngineInstitution {
  code: string;
  kind: InstitutionKind;
  lng: number;
  lat: number;
  /** What it offers: declared, else likely from notifications (masks: ① 1, ② 2, ③ 4). */
  offers: Mask;
  /** What its kind makes it eligible for. */
  eligible: Mask;
  /** Whether `offers` is its own declaration (then nothing beyond it counts as eligible only). */
  declared: boolean;
  /** A 病院 holding 在支病, 在後病 or a 地包ケア ward (a253.ts holdsA253Basis): giving ③ to a 特養/老健/医療院 earns it A253. */
  a253Basis: boolean;
  willingness: 'accepting' | 'not_accepting' | null;
  maxPartners: number | null;
  activePartners: number;
  /** Connected land it stands on (from boundary polygons); null when unknown. */
  landmass: string | null;
}

export interface EngineFacility {
  id: string;
  serviceCode: string;
  lng: number;
  lat: number;
  municipalityCode: string | null;
  prefCode: string | null;
  required: Mask;
  /** Met by its active partners. */
  met: Mask;
  status: 'covered' | 'partial' | 'none' | 'unknown';
  /** Its type earns a partner hospital A253 (特養, 地域密着特養, 老健, 介護医療院). */
  a253Type: boolean;
  landmass: string | null;
  /** Current partners, and those of them in a 特別の関係 (no A253). */
  partnerCodes: readonly string[];
  specialRelationshipCodes: readonly string[];
  /** What it has said it is seeking partners for (0 or absent: not said). */
  seeking?: Mask;
}

/**
 * What the engine searches for a facility (a mask): what is missing, or — with its partners unknown —
 * the whole required set, since nothing is known to be covered (domain.md §3).
 */
export const searchMask = (f: Pick<EngineFacility, 'required' | 'met'>): Mask => f.required & ~f.met;

/** What is reported missing: null for an unknown facility (未把握 is not 不足). */
export const reportedMissing = (f: Pick<EngineFacility, 'required' | 'met' | 'status'>): Requirement[] | null =>
  f.status === 'unknown' ? null : requirementsOf(f.required & ~f.met);

/** The basis of a search: known gaps, or the whole set of an unknown facility. */
export const searchBasis = (f: Pick<EngineFacility, 'status'>): SearchBasis => (f.status === 'unknown' ? 'unknown' : 'known');

/** Two places are on different landmasses only when both are known and differ. */
export const acrossWater = (a: string | null, b: string | null): boolean => a !== null && b !== null && a !== b;

/**
 * Remaining partner slots: the declared maximum minus active partners — `defaultCapacity` stands in
 * for the maximum when none is declared; 0 when it declared it takes no new partners.
 */
export function remainingSlots(i: EngineInstitution, defaultCapacity: number): number {
  if (i.willingness === 'not_accepting') return 0;
  return Math.max(0, (i.maxPartners ?? defaultCapacity) - i.activePartners);
}
