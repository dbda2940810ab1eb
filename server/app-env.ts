import type { Db } from './db/client';
import type { EngineStore } from './features/engine/engine-store';
import type { TravelTimes } from './routing/travel-times';

/** What every handler can read from `c.var`. */
export interface AppEnv {
  Variables: {
    db: Db;
    /** Today's date (ISO) — the clock is a dependency so tests can fix it. */
    today: () => string;
    engine: EngineStore;
    /** Road travel times for the final ranking (OSRM), or null to use the built-in estimate. */
    routing: TravelTimes | null;
  };
}
