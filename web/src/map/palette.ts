import type { CoverageStatus } from '../../../server/domain/coverage';

/**
 * Colour-blind-safe colours (Okabe & Ito, 2008). Status is also told by the legend labels, never by
 * colour alone.
 */
export const STATUS_COLORS: Record<CoverageStatus, string> = {
  covered: '#009E73', // bluish green
  partial: '#E69F00', // orange
  none: '#D55E00', // vermillion
  unknown: '#8C8C8C', // grey
};

export const INSTITUTION_COLOR = '#0072B2'; // blue
export const FACILITY_CLUSTER_COLOR = '#4D4D4D';
export const LINE_COLOR = '#CC79A7'; // reddish purple
export const LAND_COLOR = '#F4F1EA';
export const SEA_COLOR = '#DCE9F2';

/** Institution marker shape by what it offers: keys of the icons made in icons.ts. */
export type InstitutionShape = 'full' | 'admit' | 'primary' | 'none';
export const INSTITUTION_SHAPES: readonly InstitutionShape[] = ['full', 'admit', 'primary', 'none'];
