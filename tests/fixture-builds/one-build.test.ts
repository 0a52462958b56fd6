/**
 * One build at a time, and never half a site (issue 23): two builds of one checkout started at once (as
 * `npm test` or `npm run bench` beside `npm run build` did). The second waits for the first and says so;
 * both succeed; dist/ is, whenever it exists, a whole site (its stamp, written last, is there), and at the
 * end it is the build of the sources as they are.
 */
import { afterAll, expect, test } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixture } from '../support/fixture.ts';
import { sourcesDigest } from '../../src/model/inputs.ts';
import { STAMP_FILE, readStamp } from '../../src/postbuild/build-stamp.ts';

const fixture = makeFixture('one-build');
afterAll(() => fixture.remove());

test('a second build waits for the first; dist/ is never a part of a site', { timeout: 600_000 }, async () => {
  // What a server reading dist/ meanwhile would find: every look, either no dist/ or a whole one.
  const partial: string[] = [];
  let looks = 0;
  const watcher = setInterval(() => {
    looks += 1;
    try {
      const files = readdirSync(fixture.outDir);
      if (!files.includes(STAMP_FILE) || !files.includes('index.html') || !files.includes('pagefind')) partial.push(files.join(' '));
    } catch {
      // no dist/: nothing is served, which is not a part of a site
    }
  }, 20);
  const [a, b] = await Promise.all([fixture.build(), fixture.build()]).finally(() => clearInterval(watcher));

  expect(a.code, a.output.slice(-3000)).toBe(0);
  expect(b.code, b.output.slice(-3000)).toBe(0);
  const waited = [a, b].filter((build) => /Another build of this checkout is running \(pid \d+, started [^)]+\); waiting for it to finish/.test(build.output));
  expect(waited).toHaveLength(1);
  expect(looks).toBeGreaterThan(10);
  expect(partial).toEqual([]);
  expect(readStamp(fixture.outDir)?.sources).toBe(sourcesDigest(fixture.root));
  expect(existsSync(join(fixture.root, '.dist.building')), 'the folder the site was built in is gone').toBe(false);
  expect(existsSync(join(fixture.root, 'node_modules', '.astro', 'build.lock')), 'the lock is released').toBe(false);
});
