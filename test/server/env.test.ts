import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/env';

describe('configuration', () => {
  it('defaults to data/renkei.db on 127.0.0.1:8787 with the demo region, CORS closed', () => {
    expect(parseConfig({})).toEqual({ DATABASE_PATH: 'data/renkei.db', HOST: '127.0.0.1', PORT: 8787, WEB_DIST: 'dist/web', DEMO_DATA: 'data/demo', LOAD_DEMO: true, BASEMAP: 'none', CORS_ORIGINS: [], PUBLIC_HOSTS: [], TRUST_PROXY: false });
  });
  it('reads the environment', () => {
    expect(parseConfig({ PORT: '0', DATABASE_PATH: ':memory:', LOAD_DEMO: '0', CORS_ORIGINS: 'https://a.example.jp, https://b.example.jp', TRUST_PROXY: '1', PUBLIC_HOSTS: 'Renkei.Example.jp, [::1]' })).toMatchObject({
      PUBLIC_HOSTS: ['renkei.example.jp', '[::1]'], PORT: 0, DATABASE_PATH: ':memory:', LOAD_DEMO: false, CORS_ORIGINS: ['https://a.example.jp', 'https://b.example.jp'], TRUST_PROXY: true,
    });
  });
  it.each([
    [{ PORT: 'abc' }, 'PORT: expected a port number from 0 to 65535, got "abc"'],
    [{ PORT: '70000' }, 'PORT: expected a port number from 0 to 65535, got "70000"'],
    [{ LOAD_DEMO: 'yes' }, 'LOAD_DEMO: expected 0 or 1, got "yes"'],
    [{ HOST: '' }, 'HOST: expected a host name or IP address'],
    [{ BASEMAP: 'osm' }, 'BASEMAP: expected none or gsi-pale, got "osm"'],
    [{ CORS_ORIGINS: 'example.jp' }, 'CORS_ORIGINS: expected origins such as https://example.jp, comma-separated'],
    [{ PUBLIC_HOSTS: 'https://renkei.example.jp' }, 'PUBLIC_HOSTS: expected host names such as renkei.example.jp (no scheme or port), comma-separated'],
  ])('stops on %j naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });
});
