/** The glossary's entries, by id (`?view=help&term=<id>`); the texts load with the help page (glossary.ts). */
export const GLOSSARY_IDS = ['requirements', 'duty', 'kasan', 'a253', 'authority', 'unknown', 'zaishin', 'zaishibyo', 'kouhou', 'chiiki-care'] as const;
export type GlossaryId = (typeof GLOSSARY_IDS)[number];
export const isGlossaryId = (v: string | null): v is GlossaryId => v !== null && (GLOSSARY_IDS as readonly string[]).includes(v);

/** The glossary entry of a 届出受理医療機関名簿 symbol (支援診１, 支援病２, 在後病, 地包ケア３ …), if it has one. */
export function notificationTerm(symbol: string): GlossaryId | null {
  if (symbol.startsWith('支援診')) return 'zaishin';
  if (symbol.startsWith('支援病')) return 'zaishibyo';
  if (symbol.startsWith('在後病')) return 'kouhou';
  if (symbol.startsWith('地包ケア')) return 'chiiki-care';
  return null;
}
