import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const alias = {
  '@domain': here('./server/domain'),
  '@contracts': here('./server/contracts'),
};

// One config for the web build (root web/, output dist/web) and for vitest.
// Browser tests (test/e2e) run against the *built* app, so `npm test` builds first.
export default defineConfig({
  root: here('./web'),
  plugins: [solid()],
  resolve: { alias },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // MapLibre in a chunk of its own: the app's own JS is measured apart from it (npm run bench:web).
      output: { manualChunks: (id: string) => (id.includes('node_modules/maplibre-gl/') ? 'maplibre' : undefined) },
    },
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? '8787'}` },
  },
  test: {
    root: here('.'),
    // The Solid plugin would default tests to jsdom; every test here runs in node (browser tests drive real Chromium).
    environment: 'node',
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          root: here('.'),
          environment: 'node',
          include: ['test/domain/**/*.test.ts', 'test/server/**/*.test.ts', 'test/import/**/*.test.ts', 'test/web/**/*.test.ts', 'test/scripts/**/*.test.ts'],
          // A guard against a hang, not a speed check: a sign-in hashes with scrypt at N = 2^17 (about
          // 0.3 s, two at a time), and a test that signs in four accounts on a shared, busy machine
          // can take well over vitest's default 5 s; a beforeAll that creates accounts, over its 10 s.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          root: here('.'),
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
