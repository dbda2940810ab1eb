import type { CoverageStatus } from '../../../server/domain/coverage';

/**
 * Colour-blind-safe colours (Okabe & Ito, 2008) for categories, and a single-hue ramp for the
 * choropleth (ColorBrewer Purples — a hue no point layer uses). Status is also told by the legend
 * labels, never by colour alone.
 */
export const STATUS_COLORS: Record<CoverageStatus, string> = {
  covered: '#009E73', // bluish green
  partial: '#E69F00', // orange
  none: '#D55E00', // vermillion
  unknown: '#8C8C8C', // grey
};

export const INSTITUTION_COLOR = '#0072B2'; // blue
/** Institutions gathered at a low zoom: the institutions' blue (facility clusters are dark grey). */
export const INSTITUTION_CLUSTER_COLOR = INSTITUTION_COLOR;
export const FACILITY_CLUSTER_COLOR = '#4D4D4D';
export const LINE_COLOR = '#CC79A7'; // reddish purple: the hovered candidate
export const COMBINATION_COLOR = '#0072B2'; // blue: members of the chosen combination
export const PLAN_COLOR = '#56B4E9'; // sky blue: the regional plan
export const GAP_COLOR = '#000000'; // a black ring: structural gap
export const SEEKING_COLOR = '#CC79A7'; // reddish purple: a facility seeking partners
/** The institution view's ring around a facility seeking what the institution gives (purple when it would bring A253). */
export const SEEKING_HIGHLIGHT_COLOR = '#7A7A7A';
/** The ring around the selected facility or institution. */
export const SELECTION_COLOR = '#000000';
export const ACCEPTING_COLOR = '#009E73'; // bluish green halo: an institution taking new partners
export const RING_COLOR = '#6B6253';
export const LAND_COLOR = '#F4F1EA';
export const SEA_COLOR = '#DCE9F2';
export const NO_DATA_COLOR = '#E4E2DC';
/** An area where most facilities' partners are unknown: no share is drawn (a neutral grey, off the ramp). */
export const MOSTLY_UNKNOWN_COLOR = '#A6A6A6';

/** Share of facilities covered, 0 → 1: dark (few covered: look here) to pale (all covered). */
export const SHARE_RAMP: readonly [number, string][] = [
  [0, '#54278F'],
  [0.25, '#756BB1'],
  [0.5, '#9E9AC8'],
  [0.75, '#CBC9E2'],
  [1, '#F2F0F7'],
];

/** Institution marker shape by what it offers: keys of the icons made in icons.ts. */
export type InstitutionShape = 'full' | 'admit' | 'primary' | 'none';
export const INSTITUTION_SHAPES: readonly InstitutionShape[] = ['full', 'admit', 'primary', 'none'];
