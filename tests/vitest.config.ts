import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Tests that build throwaway copies of the project (tests/support/fixture.ts)
 * rather than read the site's dist/: they need no global build, but each takes
 * a build's time, so they stay out of the fast loop.
 */
const FIXTURE_BUILDS = ['tests/content/bad-input.test.ts', 'tests/build/escaping.test.ts', 'tests/build/third-article.test.ts'];

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
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'plugins', include: ['tests/plugins/**/*.test.ts'] } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], exclude: FIXTURE_BUILDS } },
      { test: { name: 'fixtures', include: FIXTURE_BUILDS } },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: FIXTURE_BUILDS,
          // Builds the site once and serves dist/ for the browser tests.
          globalSetup: ['tests/global-setup.ts'],
        },
      },
    ],
  },
});
