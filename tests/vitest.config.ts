import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Five projects. `npm run test:unit` runs the first three (pure helpers, one
 * plugin at a time, schemas and the CLI), which never build the site; `npm test`
 * runs them all, and only `site` builds dist/ first (tests/global-setup.ts).
 * Inline projects inherit this root config (Vitest 5), so settings shared by
 * all sit at the root and the global setup sits in `site` alone.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: browser tests and fixture builds are heavy, so files run two at a time at most.
    maxWorkers: 2,
    projects: [
      // Pure tests: one module graph per worker instead of one per file (most of their time was importing).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      { test: { name: 'plugins', include: ['tests/plugins/**/*.test.ts'], isolate: false } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], isolate: false } },
      // Each builds a throwaway copy of the project (tests/support/fixture.ts), not the site's dist/.
      { test: { name: 'fixtures', include: ['tests/fixture-builds/**/*.test.ts'] } },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          // Builds the site once and serves dist/ for the browser tests.
          globalSetup: ['tests/global-setup.ts'],
        },
      },
    ],
  },
});
