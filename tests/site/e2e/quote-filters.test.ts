/** The quotes page's filters in real Chromium: they narrow the list, live in the URL, and survive reload and back/forward. */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, scriptsRan } from '../../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  // Failed requests are reported by URL (the console only says "404").
  page.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
});
afterAll(async () => browser?.close());

// Selected by data attributes and roles, which the markup promises, not by the cards' class names (a design detail).
const visibleCount = () => page.locator('[data-quote-item]:not([hidden])').count();
const totalCount = () => page.locator('[data-quote-item]').count();

describe('quote filters', () => {
  it('narrow the list to the chosen topic and keep it in the URL', async () => {
    await page.goto(`${baseUrl}/quotes/`);
    await scriptsRan(page);
    const total = await totalCount();
    expect(total).toBeGreaterThan(10);
    expect(await visibleCount()).toBe(total);
    // Behind one "Filter" disclosure, closed at first so the list starts on the first screen.
    const summary = page.locator('quote-filters summary');
    expect(await page.locator('select[name="topic"]').isVisible()).toBe(false);
    expect(await summary.textContent()).toBe('Filter');
    await summary.click();
    await page.selectOption('select[name="topic"]', 'talks-prospects');
    expect(await summary.textContent()).toBe('Filter (1 active)');
    const shown = await page
      .locator('[data-quote-item]:not([hidden]) [data-topics]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-topics')));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(total);
    for (const topics of shown) expect(topics!.split(' ')).toContain('talks-prospects');
    expect(new URL(page.url()).searchParams.get('topic')).toBe('talks-prospects');
    await expect(page.locator('quote-filters .count').textContent()).resolves.toBe(`Showing ${shown.length} of ${total} quotations and paraphrases`);
  });

  it('combine, and hide speakers with nothing left', async () => {
    await page.selectOption('select[name="kind"]', 'paraphrase');
    expect(await page.locator('quote-filters summary').textContent()).toBe('Filter (2 active)');
    const kinds = await page.locator('[data-quote-item]:not([hidden]) [data-kind]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['paraphrase']));
    // The White House is quoted on talks, but in a statement, not a paraphrase.
    expect(await page.locator('#speaker-white-house').isVisible()).toBe(false);
    expect(await page.locator('#speaker-hong-min').isVisible()).toBe(true);
  });

  it('keep the speaker list true: counts of what is shown, no link to a hidden section, and the arrow not read', async () => {
    const nav = page.getByRole('navigation', { name: 'Speakers' });
    const links = await nav.getByRole('link').evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })));
    expect(links.length).toBeGreaterThan(0);
    for (const { href, text } of links) {
      const section = page.locator(`section:has(${href})`);
      expect(await section.isVisible(), `${text} links to a hidden section`).toBe(true);
      const [, shown, all] = text.match(/\((\d+) of (\d+)\)$/) ?? [];
      expect(Number(shown), text).toBe(await section.locator('[data-quote-item]:not([hidden])').count());
      expect(Number(all), text).toBe(await section.locator('[data-quote-item]').count());
    }
    expect(links.map((l) => l.href)).not.toContain('#speaker-white-house');
    // "▸ Filter" was read with its arrow: the summary's accessible name is its words only.
    const snapshot = await page.locator('quote-filters details').ariaSnapshot();
    expect(snapshot).toMatch(/Filter \(2 active\)/);
    expect(snapshot).not.toMatch(/[▸▾]/);
  });

  it('never drop focus to the page when what had it is hidden', async () => {
    // Hong Min's link has focus; back/forward brings filters under which he has nothing (he speaks to no topic but renewed talks).
    await page.locator('[data-speaker-link="hong-min"] a').focus();
    const before = new URL(page.url()).search;
    const goTo = (search: string) =>
      page.evaluate((to) => {
        // In place, so the history the next tests walk stays as it was.
        history.replaceState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, search);
    await goTo('?topic=deterrence');
    await expect.poll(() => page.locator('[data-speaker-link="hong-min"]').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('quote-filters summary'))).toBe(true);
    await goTo(before);
  });

  it('restore from the URL on reload and follow back/forward', async () => {
    await page.reload();
    await scriptsRan(page);
    // Active filters from the URL open the disclosure (the filters' script does, once it has run).
    expect(await page.locator('quote-filters details').getAttribute('open')).toBe('');
    expect(await page.inputValue('select[name="topic"]')).toBe('talks-prospects');
    expect(await page.inputValue('select[name="kind"]')).toBe('paraphrase');
    const filtered = await visibleCount();
    await page.goBack();
    expect(await page.inputValue('select[name="kind"]')).toBe('');
    expect(await visibleCount()).toBeGreaterThan(filtered);
    await page.goForward();
    expect(await page.inputValue('select[name="kind"]')).toBe('paraphrase');
    expect(await visibleCount()).toBe(filtered);
  });

  it('clear with the reset button, operable from the keyboard', async () => {
    await page.focus('quote-filters button[type="reset"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !location.search);
    expect(await visibleCount()).toBe(await totalCount());
  });

  it('ignore unknown values in the URL instead of showing nothing, and still apply the known ones', async () => {
    // The known value proves the script ran: without it every quotation would show, and the test would pass on nothing.
    await page.goto(`${baseUrl}/quotes/?topic=not-a-topic&kind=paraphrase`);
    await scriptsRan(page);
    const total = await totalCount();
    const paraphrases = await page.locator('[data-quote-item] [data-kind="paraphrase"]').count();
    expect(paraphrases).toBeGreaterThan(0);
    expect(paraphrases).toBeLessThan(total);
    await expect.poll(() => visibleCount()).toBe(paraphrases);
    expect(await page.inputValue('select[name="topic"]')).toBe('');
    expect(await page.inputValue('select[name="kind"]')).toBe('paraphrase');
  });

  it('raised no script errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('quote filters without JavaScript', () => {
  it('are not shown, and every quotation is', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${baseUrl}/quotes/`);
    expect(await plain.locator('quote-filters summary').isVisible()).toBe(false);
    expect(await plain.locator('quote-filters form').isVisible()).toBe(false);
    const all = await plain.locator('[data-quote-item]').count();
    expect(all).toBeGreaterThan(10);
    expect(await plain.locator('[data-quote-item]:visible').count()).toBe(all);
    await context.close();
  });
});
