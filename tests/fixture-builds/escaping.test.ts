/**
 * Article fields are rendered as text, never as markup. A copy of the project
 * whose site-written headline and dek carry an HTML injection is built, and
 * every page of that build is checked: the words show up as text, and no
 * script, image or event handler comes out of them.
 *
 * Why a build and not Astro's container API: the fields travel to many places
 * (the <h1>, <title>, meta description, JSON-LD, the home and quote pages,
 * the search index), and only a real build passes them all through the same
 * path a reader gets. The headline and dek chosen are the site's own (the
 * trump-kim-fourth-meeting article has `headlineBy: site`), so the source-text
 * fidelity check does not stop the build first.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { makeFixture, type Fixture } from '../support/fixture.ts';
import { builtPages, fileFor } from '../support/dist.ts';
import { parseHTML } from 'linkedom';
import { serveDist } from '../support/server.ts';
import { launchBrowser } from '../support/browser.ts';

const HEADLINE = 'A fourth meeting <script>window.__pwned = 1</script> is floated';
const DEK = 'Trump says "><img src=x onerror="window.__pwned=2"> he would welcome it';

let fixture: Fixture;
let build: { code: number | null; output: string };

beforeAll(async () => {
  fixture = makeFixture('escaping');
  const file = 'content/articles/trump-kim-fourth-meeting.mdx';
  const text = fixture.read(file);
  const headline = /^headline: .*$/m.exec(text)![0];
  const dek = /^dek: .*$/m.exec(text)![0];
  fixture.replace(file, headline, `headline: ${JSON.stringify(HEADLINE)}`);
  fixture.replace(file, dek, `dek: ${JSON.stringify(DEK)}`);
  build = await fixture.build();
}, 180_000);

afterAll(() => fixture?.remove());

test('a headline with <script> and a dek with "><img onerror> are shown as text on every page', () => {
  expect(build.code, build.output).toBe(0);
  const pages = builtPages(fixture.outDir);
  expect(pages.length).toBeGreaterThan(10);
  let shownAsText = 0;
  const jsonLd: string[] = [];
  for (const path of pages) {
    const html = readFileSync(fileFor(path, fixture.outDir)!, 'utf8');
    const { document } = parseHTML(html);
    // No element or attribute came out of the injected markup.
    expect(document.querySelectorAll('img').length, path).toBe(0);
    expect(document.querySelectorAll('[onerror]').length, path).toBe(0);
    for (const script of document.querySelectorAll('script')) {
      // JSON-LD holds the headline as data, with "<" escaped; executable scripts never hold it.
      if (script.getAttribute('type') === 'application/ld+json') {
        expect(script.textContent ?? '', path).not.toContain('<');
        jsonLd.push(script.textContent ?? '');
      } else expect(script.textContent ?? '', path).not.toContain('__pwned');
    }
    if ((document.body.textContent ?? '').includes(HEADLINE)) shownAsText += 1;
  }
  // The article page, the home page and its quote pages show the headline as words.
  expect(shownAsText).toBeGreaterThanOrEqual(2);

  const article = parseHTML(readFileSync(fileFor('/articles/trump-kim-fourth-meeting/', fixture.outDir)!, 'utf8')).document;
  expect(article.querySelector('h1')?.textContent).toBe(HEADLINE);
  expect(article.querySelector('.dek')?.textContent).toBe(DEK);
  expect(article.querySelector('title')?.textContent).toContain(HEADLINE);
  // The description of a site-written article says whose words it carries (issue 12): the dek, then the site's mark.
  expect(article.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(`${DEK} (Headline and summary by Summit Desk; the source has none.)`);
  // Structured data (on the quote pages) keeps the headline as a JSON string, intact.
  expect(jsonLd.some((text) => JSON.stringify(JSON.parse(text)).includes(HEADLINE))).toBe(true);
});

test('the search index holds the headline and dek as the words written', () => {
  expect(build.code, build.output).toBe(0);
  const dir = join(fixture.outDir, 'pagefind', 'fragment');
  const fragments = readdirSync(dir).map((name) => {
    const raw = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    return JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string; content: string; meta: Record<string, string> };
  });
  expect(fragments.length).toBeGreaterThan(10);
  const article = fragments.find((fragment) => fragment.url === '/articles/trump-kim-fourth-meeting/');
  expect(article, 'the article is indexed').toBeDefined();
  // The index stores words, not markup: the title and body text hold the literal characters a reader typed,
  // which the search UI only ever turns into text nodes (src/search/browser/excerpt.ts; checked in Chromium below).
  expect(article!.meta['title']).toBe(HEADLINE);
  expect(article!.content).toContain(HEADLINE);
  expect(article!.content).toContain(DEK);
});

test('in Chromium, search results for the headline show it as text and run nothing', { timeout: 120_000 }, async () => {
  expect(build.code, build.output).toBe(0);
  const server = await serveDist(fixture.outDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('fourth meeting floated')}`);
    const hit = page.locator('#search').getByRole('link', { name: HEADLINE }).first();
    await hit.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('#search').innerText()).toContain('onerror="window.__pwned=2"');
    expect(await page.locator('#search img, #search script, #search [onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('the RSS feed carries the headline and dek escaped, as text', () => {
  expect(build.code, build.output).toBe(0);
  const xml = readFileSync(join(fixture.outDir, 'rss.xml'), 'utf8');
  const { document } = parseHTML(xml.replace(/^<\?xml[^>]*>/, ''));
  // Raw markup would be elements in the feed (or CDATA a reader might render); escaped, it is text.
  expect(xml).not.toMatch(/<script|<img|CDATA/i);
  const items = [...document.querySelectorAll('item')];
  expect(items.length).toBeGreaterThanOrEqual(2);
  // A site-written headline and dek carry the site's bracketed mark after them.
  const item = items.find((element) => element.querySelector('title')?.textContent === `${HEADLINE} [headline by Summit Desk]`);
  expect(item, 'the item titled with the headline').toBeDefined();
  // The feed's description goes on with the credit line and any corrections (issue 22); the dek leads it, as text.
  expect(item!.querySelector('description')?.textContent?.startsWith(`${DEK} [summary by Summit Desk; the source has no headline or summary] [`)).toBe(true);
});
