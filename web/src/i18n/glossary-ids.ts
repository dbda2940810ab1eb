/** The glossary's entries, by id (`?view=help&term=<id>`); the texts load with the help page (glossary.ts). */
export const GLOSSARY_IDS = ['requirements', 'duty', 'kasan', 'a253', 'authority', 'unknown', 'zaishin', 'zaishibyo', 'kouhou', 'chiiki-care'] as const;
export type GlossaryId = (typeof GLOSSARY_IDS)[number];
export const isGlossaryId = (v: string | null): v is GlossaryId => v !== null && (GLOSSARY_IDS as readonly string[]).includes(v);
