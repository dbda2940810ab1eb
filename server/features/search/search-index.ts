import { isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { facilities, institutions } from '../../db/schema';
import { facilityTypeOf } from '../../domain/facility-types';
import { facilityId } from '../../domain/identifiers';
import { digitsOf, searchKey } from '../../domain/search-text';

export interface SearchHit {
  kind: 'facility' | 'institution';
  /** Facility id (`<事業所番号>-<serviceCode>`) or 医療機関コード. */
  id: string;
  name: string;
  /** Type (facilities) or kind (institutions), for the list. */
  detail: string;
  address: string | null;
  position: [number, number] | null;
}

interface Entry {
  hit: SearchHit;
  code: string;
  name: string;
  kana: string;
  address: string;
}

/**
 * Every live facility and institution, its name, kana, code and address in search form
 * (search-text.ts). Ranked: the code itself, a code beginning with the digits typed, a name beginning
 * with the words, a name containing them, the kana, the address; then the shorter name.
 */
export class SearchIndex {
  private readonly entries: Record<SearchHit['kind'], Entry[]>;

  constructor(db: Db) {
    const facilityEntries = db.select().from(facilities).where(isNull(facilities.withdrawnOn)).all().map((r) => ({
      hit: {
        kind: 'facility' as const, id: facilityId(r.careOfficeNumber, r.serviceCode), name: r.name, detail: facilityTypeOf(r.serviceCode).shortJa, address: r.address,
        position: r.lng === null || r.lat === null ? null : ([r.lng, r.lat] as [number, number]),
      },
      code: r.careOfficeNumber, name: searchKey(r.name), kana: searchKey(r.kana ?? ''), address: searchKey(r.address ?? ''),
    }));
    const institutionEntries = db.select().from(institutions).where(isNull(institutions.withdrawnOn)).all().map((r) => ({
      hit: {
        kind: 'institution' as const, id: r.code, name: r.name, detail: r.kind, address: r.address,
        position: r.lng === null || r.lat === null ? null : ([r.lng, r.lat] as [number, number]),
      },
      code: r.code, name: searchKey(r.name), kana: '', address: searchKey(r.address ?? ''),
    }));
    this.entries = { facility: facilityEntries, institution: institutionEntries };
  }

  find(query: string, kind: SearchHit['kind'], limit: number): SearchHit[] {
    const q = searchKey(query);
    const digits = digitsOf(query);
    const codeLike = digits.length >= 4 && digits.length >= q.replace(/[^0-9a-z]/g, '').length - 1;
    if (q === '') return [];
    const ranked: [number, Entry][] = [];
    for (const e of this.entries[kind]) {
      const rank =
        codeLike && e.code === digits ? 0
        : codeLike && e.code.startsWith(digits) ? 1
        : e.name.startsWith(q) ? 2
        : e.name.includes(q) ? 3
        : e.kana.includes(q) ? 4
        : e.address.includes(q) ? 5
        : -1;
      if (rank >= 0) ranked.push([rank, e]);
    }
    ranked.sort((a, b) => a[0] - b[0] || a[1].hit.name.length - b[1].hit.name.length || a[1].hit.name.localeCompare(b[1].hit.name, 'ja') || a[1].hit.id.localeCompare(b[1].hit.id));
    return ranked.slice(0, limit).map(([, e]) => e.hit);
  }
}
