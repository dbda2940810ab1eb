import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once; a wrong value stops the program with a message
 * naming the variable and what was expected.
 */
const schema = z.object({
  DATABASE_PATH: z.string().min(1, { message: 'expected a file path (or :memory:)' }).default('data/renkei.db'),
  HOST: z.string().min(1, { message: 'expected a host name or IP address' }).default('127.0.0.1'),
  PORT: z
    .string()
    .default('8787')
    .refine((s) => /^\d+$/.test(s) && Number(s) <= 65535, { error: (iss) => `expected a port number from 0 to 65535, got "${String(iss.input)}"` })
    .transform(Number),
  /** Folder of the built web app. */
  WEB_DIST: z.string().min(1).default('dist/web'),
  /** Folder (or files, comma-separated) loaded into an empty database at start. */
  DEMO_DATA: z.string().min(1).default('data/demo'),
  /** An OSRM-compatible table service for road travel times (optional), e.g. http://127.0.0.1:5000 */
  ROUTING_URL: z
    .string()
    .optional()
    .refine((s) => s === undefined || /^https?:\/\/[^\s]+$/.test(s), { error: (iss) => `expected an http(s) URL of an OSRM-compatible service, got "${String(iss.input)}"` }),
  /**
   * An online basemap under the data: `gsi-pale` offers 国土地理院's 淡色地図 raster tiles (the map
   * then needs the internet for it); `none` keeps the map fully offline.
   */
  BASEMAP: z.enum(['none', 'gsi-pale'], { error: (iss) => `expected none or gsi-pale, got "${String(iss.input)}"` }).default('none'),
  /** Other sites (origins, comma-separated) allowed to call the API with the user's session; none by default. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((list) => list.every((o) => /^https?:\/\/[^\s/]+$/.test(o)), { error: 'expected origins such as https://example.jp, comma-separated' }),
  /**
   * Host names (comma-separated) the site is reached by besides HOST, localhost and 127.0.0.1, e.g.
   * renkei.example.jp: a request naming any other Host is refused (DNS rebinding).
   */
  PUBLIC_HOSTS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .refine((list) => list.every((h) => /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(h)), { error: 'expected host names such as renkei.example.jp (no scheme or port), comma-separated' }),
  /** `1` behind an https reverse proxy that sets X-Forwarded-Proto: session cookies are then marked Secure. */
  TRUST_PROXY: z.enum(['0', '1'], { error: (iss) => `expected 0 or 1, got "${String(iss.input)}"` }).default('0').transform((v) => v === '1'),
  /** Load the demo region into an empty database at start (`0` to start empty). */
  LOAD_DEMO: z.enum(['0', '1'], { error: (iss) => `expected 0 or 1, got "${String(iss.input)}"` }).default('1').transform((v) => v === '1'),
});

export type Config = z.infer<typeof schema>;

/** Every variable this module reads (the README's configuration table lists each). */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof Config)[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Config from the real environment; prints the problem and exits when it is wrong. */
export function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
