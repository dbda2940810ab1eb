import type { Db } from './db/client';
import type { EngineStore } from './features/engine/engine-store';
import type { VersionMemo } from './features/engine/version-memo';
import type { TravelTimes } from './routing/travel-times';
import type { Basemap } from './features/shared/basemaps';
import type { Principal } from './auth/principal';

/** What every handler can read from `c.var`. */
export interface AppEnv {
  Variables: {
    db: Db;
    /** Today's date (ISO) — the clock is a dependency so tests can fix it. */
    today: () => string;
    engine: EngineStore;
    /** Values worked out from the data, kept until it changes (tiles, search index, reach). */
    memo: VersionMemo;
    /** Road travel times for the final ranking (OSRM), or null to use the built-in estimate. */
    routing: TravelTimes | null;
    /** The clock (a dependency so tests can fix it). */
    now: () => Date;
    /** The signed-in user, or null for an anonymous visitor (server/auth/middleware.ts). */
    user: Principal | null;
    /** The session's CSRF token, or null without a session. */
    csrfToken: string | null;
    /** Who is making the request, for the audit log: the user's login, or 'anonymous'. */
    actor: string;
    /** The online basemap offered to the map, or null (offline). */
    basemap: Basemap | null;
  };
}
