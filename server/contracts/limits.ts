/**
 * Limits of the API's inputs that the web app applies too, before it asks: plain numbers, so the
 * browser imports them without the schemas (and zod).
 */

/** The longest search text GET /api/search reads, in UTF-16 units (as zod and an input's maxlength count). */
export const SEARCH_QUERY_MAX = 100;
