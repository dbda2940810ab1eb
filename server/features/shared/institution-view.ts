import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutionNotifications, institutions } from '../../db/schema';
import { institutionOffers, isRelevantSymbol } from '../../domain/institution-offers';
import { requirementListSchema } from '../../contracts/common';
import type { BBox } from '../../domain/geo';
import { activeAgreements, activeCountByInstitution } from './agreements-query';

export type InstitutionRow = typeof institutions.$inferSelect;

/** Declared offers are stored as a JSON array; anything unreadable counts as "not declared". */
export function parseDeclared(raw: string | null) {
  if (raw === null) return null;
  try {
    const parsed = requirementListSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface InstitutionWithOffers {
  row: InstitutionRow;
  symbols: string[];
  offers: ReturnType<typeof institutionOffers>;
  activePartners: number;
}

/**
 * Institutions (optionally those inside a box) with their relevant notification symbols, what they
 * offer at each level, and their active partner count on `today`.
 */
export function loadInstitutions(db: Db, today: string, opts: { bbox?: BBox; codes?: string[] } = {}): InstitutionWithOffers[] {
  let rows = opts.codes ? db.select().from(institutions).where(inArray(institutions.code, opts.codes)).all() : db.select().from(institutions).all();
  if (opts.bbox) {
    const [w, s, e, n] = opts.bbox;
    rows = rows.filter((r) => r.lng !== null && r.lat !== null && r.lng >= w && r.lng <= e && r.lat >= s && r.lat <= n);
  }
  const codes = rows.map((r) => r.code);
  const symbols = new Map<string, string[]>();
  const noteRows = opts.codes || opts.bbox
    ? db.select().from(institutionNotifications).where(inArray(institutionNotifications.institutionCode, codes)).all()
    : db.select().from(institutionNotifications).all();
  for (const n of noteRows) {
    if (!isRelevantSymbol(n.symbol)) continue;
    symbols.set(n.institutionCode, [...(symbols.get(n.institutionCode) ?? []), n.symbol]);
  }
  const counts = activeCountByInstitution(activeAgreements(db, today, opts.codes || opts.bbox ? codes : undefined));
  return rows.map((row) => {
    const s = symbols.get(row.code) ?? [];
    return {
      row,
      symbols: s,
      offers: institutionOffers({ kind: row.kind, symbols: s, declared: parseDeclared(row.declaredOffers) }),
      activePartners: counts.get(row.code) ?? 0,
    };
  });
}
