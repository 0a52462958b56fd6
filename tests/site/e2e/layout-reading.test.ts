/**
 * Reading modes in Chromium: quiet marks by default (at most a quarter of the
 * body text decorated), "Annotations" (every mark), "Plain text" (the site's
 * marks and margin off, remembered across pages, no layout shift when a page
 * opens in it); the length of an article on a phone; and
 * paper (notes as numbered endnotes, link addresses, no navigation or buttons).
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, scriptsRan } from '../../support/browser.ts';
import { decoratedShare, layoutShift, lengthRatio } from '../../support/layout.ts';

const baseUrl = inject('baseUrl');
const ARTICLE = '/articles/hanoi-hangover/';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('marks', () => {
  const ARTICLES = [ARTICLE, '/articles/trump-kim-fourth-meeting/'];
  const mode = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });

  it.each(ARTICLES)('%s: by default at most a quarter of the body text is decorated; Annotations shows every mark', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}${path}`);
    await scriptsRan(page);
    const quiet = await decoratedShare(page);
    expect(quiet.total).toBeGreaterThan(1000);
    expect(quiet.decorated / quiet.total).toBeLessThanOrEqual(0.25);
    expect(await mode(page, 'Quiet').isChecked()).toBe(true);
    await mode(page, 'Annotations').check();
    const all = await decoratedShare(page);
    // Every quotation underlined: more than the quiet share, and at least the quotations' characters.
    const quoted = await page
      .locator('[data-article-body] [data-quote]')
      .evaluateAll((spans) => spans.reduce((sum, q) => sum + (q.textContent ?? '').length, 0));
    expect(all.decorated).toBeGreaterThan(quiet.decorated);
    expect(all.decorated).toBeGreaterThanOrEqual(quoted * 0.95);
    await page.close();
  });

  it("a card hovered or focused lights up its own quotation's words, not its neighbours'", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}${ARTICLE}`);
    await scriptsRan(page);
    const card = page
      .locator('.margin-card')
      .filter({ has: page.locator('a[href^="/quotes/"]') })
      .nth(2);
    const quote = decodeURIComponent((await card.locator('a[href^="/quotes/"]').first().getAttribute('href'))!.split('/')[2]!);
    const lit = () => page.locator('[data-quote][data-lit]').evaluateAll((spans) => spans.map((q) => q.getAttribute('data-quote')));
    expect(await lit()).toEqual([]);
    await card.locator('a[href^="/quotes/"]').first().focus();
    expect(await lit()).toContain(quote);
    const background = await page.locator(`[data-quote="${quote}"]`).evaluate((q) => getComputedStyle(q).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await card.locator('a[href^="/quotes/"]').first().blur();
    expect(await lit()).toEqual([]);
    await page.close();
  });

  it('Plain text switches the marks and the margin off, says it is on, and the choice holds on the next page without a shift', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${ARTICLE}`);
    await scriptsRan(page);
    const mention = () =>
      page
        .locator('[data-article-body] a[data-mention]')
        .first()
        .evaluate((a) => getComputedStyle(a).textDecorationLine);
    expect(await mention()).toBe('underline');
    expect(await page.locator('.margin').first().isVisible()).toBe(true);
    await mode(page, 'Plain text').check();
    expect(await mode(page, 'Plain text').isChecked()).toBe(true);
    expect(await mode(page, 'Quiet').isChecked()).toBe(false);
    expect(await mention()).toBe('none');
    expect((await decoratedShare(page)).decorated).toBe(0);
    expect(await page.locator('.margin').first().isVisible()).toBe(false);
    // Another article opens plain, and nothing moves while it does.
    const next = await context.newPage();
    expect(await layoutShift(next, `${baseUrl}/articles/trump-kim-fourth-meeting/`, { font: 'blocked' })).toBe(0);
    expect(await mode(next, 'Plain text').isChecked()).toBe(true);
    expect(await next.locator('.margin').first().isVisible()).toBe(false);
    await mode(next, 'Quiet').check();
    expect(await next.locator('.margin').first().isVisible()).toBe(true);
    await context.close();
  });

  it('are not offered as a choice without JavaScript, where the page keeps its quiet marks', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${ARTICLE}`);
    expect(await mode(page, 'Plain text').isVisible()).toBe(false);
    expect(
      await page
        .locator('[data-article-body] a[data-mention]')
        .first()
        .evaluate((a) => getComputedStyle(a).textDecorationLine),
    ).toBe('underline');
    await context.close();
  });
});

describe('phones', () => {
  it('names a speaker once where their cards follow one another under consecutive paragraphs, and beside the text always', async () => {
    const names = async (width: number) => {
      const page = await browser.newPage({ viewport: { width, height: 844 } });
      await page.goto(`${baseUrl}${ARTICLE}`);
      await scriptsRan(page);
      const cards = await page.locator('[data-article-body] .margin-card').evaluateAll((cards) =>
        cards.map((card) => {
          const name = card.querySelector(':scope > a')!;
          return { again: card.hasAttribute('data-again'), speaker: name.getAttribute('href'), shown: name.getBoundingClientRect().width > 1 };
        }),
      );
      // Still a named link for assistive technology.
      const accessible = await page.getByRole('link', { name: 'Hong Min', exact: true }).count();
      await page.close();
      return { cards, accessible };
    };
    const phone = await names(390);
    const again = phone.cards.filter((card) => card.again);
    expect(again.length).toBeGreaterThan(2);
    for (const card of phone.cards) expect(card.shown, card.speaker!).toBe(!card.again);
    // Only ever after a card for the same speaker.
    for (const [index, card] of phone.cards.entries()) if (card.again) expect(phone.cards[index - 1]?.speaker).toBe(card.speaker);
    const wide = await names(1280);
    for (const card of wide.cards) expect(card.shown, card.speaker!).toBe(true);
    expect(phone.accessible).toBe(wide.accessible);
  });

  it.each([ARTICLE, '/articles/trump-kim-fourth-meeting/'])('%s at 390 px is at most 1.3 times the length of its text', async (path) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}${path}`);
    await scriptsRan(page);
    await page.evaluate(() => document.fonts.ready);
    const ratio = await lengthRatio(page);
    await page.close();
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThanOrEqual(1.3);
  });
});

describe('on paper', () => {
  it("prints the notes as numbered endnotes and the links' addresses, without navigation or buttons", async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await page.goto(`${baseUrl}${ARTICLE}`);
    await scriptsRan(page);
    // The print sheet is linked after the first paint, with the scripts (src/client/boot.ts).
    await page.waitForFunction(() => [...document.styleSheets].some((sheet) => sheet.media.mediaText === 'print' && sheet.cssRules.length > 0));
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (selector: string) =>
        [...document.querySelectorAll(selector)].filter((el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0).length;
      const marks = [...document.querySelectorAll('[data-article-body] .with-margin > p')]
        .map((p) => getComputedStyle(p, '::after').content)
        .filter((c) => c !== 'none');
      const link = document.querySelector('.source-line a, [data-article-body] a[href^="/"]:not([data-mention])');
      return {
        nav: shown('header.site-header, nav, .margin'),
        buttons: shown('button'),
        endnotes: shown('.endnotes li'),
        marks,
        address: link ? getComputedStyle(link, '::after').content : undefined,
      };
    });
    await page.close();
    expect(printed.nav).toBe(0);
    expect(printed.buttons).toBe(0);
    expect(printed.endnotes).toBeGreaterThan(0);
    expect(printed.marks.length).toBe(printed.endnotes);
    // getComputedStyle gives the counter unresolved: one numbered mark per paragraph with notes, counting them.
    expect(printed.marks[0]).toBe('" [" counter(note) "]"');
    expect(printed.address).toMatch(/^" <\/.+>"$/);
  });

  it('has its print sheet without JavaScript too', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${ARTICLE}`);
    const sheets = await page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.media.mediaText === 'print').length);
    await context.close();
    expect(sheets).toBe(1);
  });
});
