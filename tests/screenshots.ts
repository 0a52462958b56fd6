/**
 * `npm run screenshots`: light and dark screenshots of one page of each type
 * at 390, 1280 and 1600 px, written to screenshots/ (git-ignored), for a
 * person to look at before calling a design change done. Uses the built
 * dist/ (run `npm run build` first) and the system Chromium.
 *
 *   npm run screenshots                  every page type
 *   npm run screenshots -- article quote only those types
 */
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './support/browser.ts';
import { serveDist } from './support/server.ts';
import { distDir, projectRoot } from './support/paths.ts';

/** One page per type: the type's name (used in file names) and its path. */
const PAGES: Record<string, string> = {
  home: '/',
  article: '/articles/hanoi-hangover/',
  'article-short': '/articles/trump-kim-fourth-meeting/',
  quotes: '/quotes/',
  quote: '/quotes/hong-min-it-may-feign-interest-in-dialogue/',
  people: '/people/',
  person: '/people/hong-min/',
  timeline: '/timeline/',
  meeting: '/timeline/hanoi-summit-2019/',
  positions: '/positions/',
  search: '/search/',
};
const WIDTHS = [390, 1280, 1600] as const;
const SCHEMES = ['light', 'dark'] as const;

if (!existsSync(join(distDir, 'index.html'))) throw new Error('No built site in dist/: run `npm run build` first.');
const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in PAGES));
if (unknown.length) throw new Error(`Unknown page type ${unknown.join(', ')}; known: ${Object.keys(PAGES).join(', ')}`);
const outDir = join(projectRoot, 'screenshots');
await mkdir(outDir, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
try {
  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      for (const [name, path] of Object.entries(PAGES)) {
        if (only.length && !only.includes(name)) continue;
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const file = join(outDir, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
