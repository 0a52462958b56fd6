/**
 * One grid for every page type (issue 21, item 8), measured in Chromium at 1280 and 1600 px on one page of each
 * type: every line of text in the main content is at most 75 characters long (the measure, 60–75), and the
 * main content's blocks start on the grid's text line (or stand in its margin), so no page invents its own column.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { asReturningReader, launchBrowser, scriptsRan } from '../../support/browser.ts';
import { gridAlignment, lineLengths } from '../../support/layout.ts';

const baseUrl = inject('baseUrl');
/** One page of each type; search with a query, so its results (running text) are drawn. */
const PAGES = [
  '/',
  '/articles/hanoi-hangover/',
  '/people/',
  '/people/hong-min/',
  '/quotes/',
  '/quotes/hong-min-peaceful-but-cold-coexistence/',
  '/timeline/',
  '/timeline/hanoi-summit-2019/',
  '/positions/',
  '/search/?q=summit',
  '/404.html',
];
const WIDTHS = [1280, 1600];
/** The longest line running text may have, in characters (the measure: 60–75). */
const MEASURE = 75;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Goes to `path` in the tab, once the fonts and the margin script have laid it out. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  await scriptsRan(page);
  await page.evaluate(() => document.fonts.ready);
  if (path.startsWith('/search/')) await page.locator('#search .result').first().waitFor();
  // Two frames: the margin script places the article's margin in the next one.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

describe.each(WIDTHS)('at %i px', (width) => {
  // One tab per width, reused page after page.
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height: 900 } });
    page = await context.newPage();
    await asReturningReader(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(PAGES)('%s: no line of text over 75 characters, and the main content stands on the grid’s text line', async (path) => {
    await open(page, path);
    const blocks = await lineLengths(page);
    const { text, off, checked } = await gridAlignment(page);
    expect(blocks.length).toBeGreaterThan(3);
    const long = blocks.filter((block) => block.chars > MEASURE).map((block) => `${block.chars}: ${block.label}`);
    expect(long).toEqual([]);
    expect(checked).toBeGreaterThan(1);
    // The text column is the measure wide, centred with its gutter and margin: never at the window's edge.
    expect(text.right - text.left).toBeGreaterThan(400);
    expect(text.left).toBeGreaterThan(100);
    expect(off).toEqual([]);
  });
});
