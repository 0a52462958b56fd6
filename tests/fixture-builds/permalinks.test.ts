/**
 * Permalinks that never break, end to end on one copy of the project:
 * 1. a manifest that pins a paragraph id and a quote page this build does not
 *    have makes the build fail, naming both and the fix, with no dist/ left;
 * 2. the same build with the moves recorded succeeds, and the old links still
 *    land in Chromium: the fragment on its new paragraph (an alias anchor),
 *    the quote page by a static redirect page (and a `_redirects` line), and
 *    the quotation's fragment on the other pages that show it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { makeFixture, type Fixture } from '../support/fixture.ts';
import type { BuildResult } from '../support/build.ts';
import { builtPages, readPageSource } from '../support/dist.ts';
import { serveDist, type RunningServer } from '../support/server.ts';
import { launchBrowser } from '../support/browser.ts';

const ARTICLE = '/articles/hanoi-hangover/';
const OLD_PARAGRAPH = 'p-a-paragraph-that-was-here';
const NEW_PARAGRAPH = 'p-but-analysts-say-kim-is-increasingly';
const OLD_QUOTE = 'hong-min-an-old-quotation-id';
const NEW_QUOTE = 'hong-min-peaceful-but-cold-coexistence';

let fixture: Fixture;
let dropped: BuildResult & { distLeft: boolean };
let moved: BuildResult;

beforeAll(async () => {
  fixture = makeFixture('permalinks');
  const manifest = JSON.parse(fixture.read('src/data/permalinks.json')) as { pages: Record<string, string[]> };
  expect(manifest.pages[ARTICLE], 'the committed manifest pins the article').toContain(NEW_PARAGRAPH);
  manifest.pages[ARTICLE]!.push(OLD_PARAGRAPH);
  manifest.pages[`/quotes/${OLD_QUOTE}/`] = [OLD_QUOTE];
  // The quotation's old id was also a fragment wherever it was shown.
  for (const path of ['/quotes/', ARTICLE, '/people/hong-min/']) manifest.pages[path]!.push(OLD_QUOTE);
  fixture.write('src/data/permalinks.json', JSON.stringify(manifest));
  dropped = { ...(await fixture.build()), distLeft: false };
  dropped.distLeft = existsSync(fixture.outDir);
  // Added to the moves the project has recorded already, which stay in force.
  const moves = JSON.parse(fixture.read('src/data/permalink-moves.json')) as { paths: Record<string, string>; fragments: Record<string, string> };
  moves.paths[`/quotes/${OLD_QUOTE}/`] = `/quotes/${NEW_QUOTE}/`;
  moves.fragments[`${ARTICLE}#${OLD_PARAGRAPH}`] = NEW_PARAGRAPH;
  fixture.write('src/data/permalink-moves.json', JSON.stringify(moves));
  moved = await fixture.build();
}, 600_000);

afterAll(() => fixture?.remove());

describe('a build that would drop a pinned permalink', () => {
  test('fails, naming each dropped path and id and the moves file, and leaves no dist/', () => {
    expect(dropped.code).not.toBe(0);
    expect(dropped.output).toContain('5 published permalink(s) would break; src/data/permalinks.json lists them but this build does not have them:');
    expect(dropped.output).toContain(`  /people/hong-min/#${OLD_QUOTE}\n`);
    expect(dropped.output).toContain(`  ${ARTICLE}#${OLD_PARAGRAPH}\n`);
    expect(dropped.output).toContain(`  /quotes/${OLD_QUOTE}/\n`);
    expect(dropped.output).toMatch(/Fix: keep the id or page, or record where it went in src\/data\/permalink-moves\.json/);
    expect(dropped.distLeft).toBe(false);
  });
});

describe('a build with the moves recorded', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    expect(moved.code, moved.output).toBe(0);
    server = await serveDist(fixture.outDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('writes the alias anchor, the redirect page and the _redirects line', () => {
    const article = readPageSource(ARTICLE, fixture.outDir);
    expect(article).toMatch(new RegExp(`<p\\b[^>]*\\sid="${NEW_PARAGRAPH}"[^>]*><span id="${OLD_PARAGRAPH}" data-permalink-alias></span>`));
    expect(readFileSync(join(fixture.outDir, '_redirects'), 'utf8').split('\n')).toContain(`/quotes/${OLD_QUOTE}/ /quotes/${NEW_QUOTE}/ 301`);
    const redirect = readFileSync(join(fixture.outDir, 'quotes', OLD_QUOTE, 'index.html'), 'utf8');
    expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=/quotes/${NEW_QUOTE}/">`);
    expect(redirect).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/quotes/${NEW_QUOTE}/">`));
    // A pointer, not a page: the page-by-page tests skip it.
    expect(builtPages(fixture.outDir)).not.toContain(`/quotes/${OLD_QUOTE}/`);
    expect(builtPages(fixture.outDir)).toContain(`/quotes/${NEW_QUOTE}/`);
  });

  test('the aliased pages and the redirect page are valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off', 'attribute-misuse': 'off' } });
    for (const file of [join(ARTICLE, 'index.html'), 'quotes/index.html', `quotes/${OLD_QUOTE}/index.html`]) {
      const report = await validator.validateString(readFileSync(join(fixture.outDir, file), 'utf8'), file);
      expect(report.results.flatMap((result) => result.messages.map((m) => `${file}:${m.line} ${m.message}`))).toEqual([]);
    }
  });

  test('in Chromium, the old fragment lands on the new paragraph, and the old quote page on the new one', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}${ARTICLE}#${OLD_PARAGRAPH}`);
      expect(await page.evaluate(() => document.querySelector(':target')?.closest('p')?.id)).toBe(NEW_PARAGRAPH);
      expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toBe('');
      await page.goto(`${server.url}/quotes/${OLD_QUOTE}/`);
      await page.waitForURL(`${server.url}/quotes/${NEW_QUOTE}/`);
      expect(await page.locator('h1').count()).toBeGreaterThan(0);
      // The quotation's old id also lands where it is shown on other pages (one path move carries them).
      for (const path of ['/quotes/', ARTICLE, '/people/hong-min/']) {
        await page.goto(`${server.url}${path}#${OLD_QUOTE}`);
        expect(await page.evaluate(() => document.querySelector(':target')?.parentElement?.id), path).toBe(NEW_QUOTE);
      }
    } finally {
      await page.close();
    }
  });
});
