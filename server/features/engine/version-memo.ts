import type { EngineStore } from './engine-store';

/**
 * Values worked out from the data — the tiles, the search index, each facility's reach — kept until
 * the data (or the date) changes: every value is dropped when the engine's version moves on.
 */
export class VersionMemo {
  private version = '';
  private readonly values = new Map<string, unknown>();
  constructor(private readonly engine: EngineStore) {}

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
    if (!this.values.has(key)) this.values.set(key, build());
    return this.values.get(key) as T;
  }
}
