import type { Db } from './db/client';

/** What every handler can read from `c.var`. */
export interface AppEnv {
  Variables: {
    db: Db;
    /** Today's date (ISO) — the clock is a dependency so tests can fix it. */
    today: () => string;
  };
}
