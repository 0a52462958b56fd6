/**
 * The margin beside its words (issue 21, item 1), measured in Chromium on both articles and on a stress
 * fixture (a paragraph quoting five people, with two notes) at every width with a margin: each card and
 * note starts beside the paragraph it belongs to, each card's links to quotations stand beside the
 * paragraph holding the quoted words, and no paragraph gap opens beyond twice the ordinary one. Without
 * JavaScript no item is ever beside another paragraph either (a tall margin scrolls within its own).
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { asReturningReader, launchBrowser, scriptsRan } from '../../support/browser.ts';
import { addStressParagraph, measureArticle, measureMargin } from '../../support/layout.ts';

const baseUrl = inject('baseUrl');
const ARTICLES = ['/articles/hanoi-hangover/', '/articles/trump-kim-fourth-meeting/'];
const WIDTHS = [1024, 1280, 1600];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** Two frames: the margin script's placement after a change in the page's size runs in the next one. */
const settle = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function open(path: string, width: number, { javaScript = true, stress = false } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  // Set in Source Serif 4, as every page after a reader's first is (a first view keeps the fallback face: same metrics).
  await asReturningReader(page);
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  if (stress) await addStressParagraph(page);
  if (javaScript) {
    await scriptsRan(page);
    await settle(page);
  }
  return page;
}

async function check(page: Page) {
  const placement = await measureMargin(page);
  const { gaps } = await measureArticle(page);
  await page.context().close();
  const away = placement.items.filter((item) => item.distance > 0);
  expect(placement.items.length).toBeGreaterThan(0);
  expect(away, 'margin items not beside their paragraph').toEqual([]);
  expect(
    placement.links.filter((link) => link.distance > 0),
    'links not beside the quoted words',
  ).toEqual([]);
  const ordinary = median(gaps);
  expect(ordinary).toBeGreaterThan(0);
  for (const gap of gaps) expect(gap, `gaps ${gaps.join(', ')}`).toBeLessThanOrEqual(2 * ordinary);
  return placement;
}

describe.each(ARTICLES)('%s', (path) => {
  it.each(WIDTHS)('at %i px every card and note starts beside its own paragraph, and no gap opens', async (width) => {
    const placement = await check(await open(path, width));
    // Nearly every margin stays beside its paragraph; only one that cannot start there moves under it.
    expect(placement.under).toBeLessThanOrEqual(1);
    expect(placement.links.length).toBeGreaterThan(0);
  });

  it.each([1024, 1600])('at %i px without JavaScript, no card or note stands beside another paragraph', async (width) => {
    await check(await open(path, width, { javaScript: false }));
  });
});

describe('the stress fixture: five speakers and two notes on one paragraph', () => {
  it.each(WIDTHS)('at %i px every item starts beside its paragraph (or the margin moves under it), and no gap opens', async (width) => {
    const page = await open(ARTICLES[0]!, width, { stress: true });
    const fixture = await page.evaluate(() => {
      const margin = document.querySelector('#p-stress-fixture + .margin')!;
      return { cards: margin.querySelectorAll('.margin-card').length, notes: margin.querySelectorAll('.context-note').length };
    });
    expect(fixture).toEqual({ cards: 5, notes: 2 });
    await check(page);
  });

  it('without JavaScript, its margin scrolls within the paragraph rather than run beside the next', async () => {
    const page = await open(ARTICLES[0]!, 1024, { javaScript: false, stress: true });
    const box = await page.evaluate(() => {
      const paragraph = document.querySelector('#p-stress-fixture')!.getBoundingClientRect();
      const margin = document.querySelector('#p-stress-fixture + .margin')!.getBoundingClientRect();
      return { top: margin.top - paragraph.top, bottom: paragraph.bottom - margin.bottom, beside: margin.left >= paragraph.right };
    });
    await check(page);
    expect(box.beside).toBe(true);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeGreaterThanOrEqual(0);
  });
});
