/**
 * Reading modes in Chromium: "Plain text" (the site's marks and margin off,
 * remembered across pages, no layout shift when a page opens in it) and
 * paper (notes as numbered endnotes, link addresses, no navigation or buttons).
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../support/browser.ts';
import { layoutShift } from '../../support/layout.ts';

const baseUrl = inject('baseUrl');
const ARTICLE = '/articles/hanoi-hangover/';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Plain text', () => {
  it('switches the marks and the margin off, and the choice holds on the next page without a shift', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${ARTICLE}`);
    const toggle = page.getByRole('button', { name: 'Plain text' });
    const marked = () =>
      page
        .locator('[data-quote]')
        .first()
        .evaluate((q) => getComputedStyle(q).textDecorationLine);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await marked()).toBe('underline');
    expect(await page.locator('.margin').first().isVisible()).toBe(true);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await marked()).toBe('none');
    expect(await page.locator('.margin').first().isVisible()).toBe(false);
    // Another article opens plain, and nothing moves while it does.
    const next = await context.newPage();
    expect(await layoutShift(next, `${baseUrl}/articles/trump-kim-fourth-meeting/`, { font: 'blocked' })).toBe(0);
    expect(await next.getByRole('button', { name: 'Plain text' }).getAttribute('aria-pressed')).toBe('true');
    expect(await next.locator('.margin').first().isVisible()).toBe(false);
    await next.getByRole('button', { name: 'Plain text' }).click();
    expect(await next.locator('.margin').first().isVisible()).toBe(true);
    await context.close();
  });

  it('is not offered without JavaScript, where the page keeps its light marks', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${ARTICLE}`);
    expect(await page.getByRole('button', { name: 'Plain text' }).isVisible()).toBe(false);
    expect(
      await page
        .locator('[data-quote]')
        .first()
        .evaluate((q) => getComputedStyle(q).textDecorationLine),
    ).toBe('underline');
    await context.close();
  });
});

describe('on paper', () => {
  it("prints the notes as numbered endnotes and the links' addresses, without navigation or buttons", async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await page.goto(`${baseUrl}${ARTICLE}`);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (selector: string) =>
        [...document.querySelectorAll(selector)].filter((el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0).length;
      const marks = [...document.querySelectorAll('[data-article-body] .with-margin > p')]
        .map((p) => getComputedStyle(p, '::after').content)
        .filter((c) => c !== 'none');
      const link = document.querySelector('.source-line a, [data-article-body] a[href]:not([data-mention])');
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
});
