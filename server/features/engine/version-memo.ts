import type { EngineStore } from './engine-store';

/** Values kept per data version: the few built once (tiles, search) and the parameter variants. */
export const MEMO_ENTRIES = 64;

/**
 * Values worked out from the data — the tiles, the search index, each facility's reach — kept until
 * the data (or the date) changes: every value is dropped when the engine's version moves on. At most
 * `maxEntries` are kept, least recently used first out: parameters (a time limit, an area, a sort)
 * make many keys, and a caller cycling through them must not grow memory without bound.
 */
export class VersionMemo {
  private version = '';
  /** In order of last use, oldest first (a Map keeps insertion order; a use re-inserts). */
  private readonly values = new Map<string, unknown>();
  constructor(
    private readonly engine: EngineStore,
    private readonly maxEntries = MEMO_ENTRIES,
  ) {}

  /** The current data version (GET /api/meta dataVersion). */
  versionOn(today: string): string {
    return this.engine.version(today);
  }

  get<T>(today: string, key: string, build: () => T): T {
    const version = this.engine.version(today);
    if (version !== this.version) {
      this.version = version;
      this.values.clear();
    }
    if (this.values.has(key)) {
      const value = this.values.get(key) as T;
      this.values.delete(key);
      this.values.set(key, value);
      return value;
    }
    const value = build();
    this.values.set(key, value);
    if (this.values.size > this.maxEntries) this.values.delete(this.values.keys().next().value!);
    return value;
  }

  /** How many values are kept now. */
  get size(): number {
    return this.values.size;
  }
}
