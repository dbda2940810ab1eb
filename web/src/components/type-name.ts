import { FACILITY_TYPES, type FacilityTypeKey } from '../../../server/domain/facility-types';
import { lang } from '../i18n';

const BY_SHORT_JA = new Map(Object.values(FACILITY_TYPES).map((ft) => [ft.shortJa, ft]));

/** A facility type's name in the current language: the short Japanese name, or the English name. */
export const typeName = (key: FacilityTypeKey): string => (lang() === 'ja' ? FACILITY_TYPES[key].shortJa : FACILITY_TYPES[key].nameEn);

/**
 * The same from the short Japanese name the API answers with (`typeJa`), so a type badge follows
 * the language; a name the table does not know is shown as sent.
 */
export const typeLabel = (shortJa: string): string => {
  const ft = BY_SHORT_JA.get(shortJa);
  return ft ? typeName(ft.key) : shortJa;
};
