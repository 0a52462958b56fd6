/**
 * Sharing in a real browser: "Copy link" puts the link's public URL on the
 * clipboard and says so in the status region; without JavaScript the links
 * are plain links; a shared link lands on its target, marked and clear of the
 * sticky header.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, scriptsRan } from '../../support/browser.ts';
import { SITE_URL } from '../../support/site.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}${path}`);
  await scriptsRan(page);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

// The article's own paragraphs (a margin, standing before its paragraph, has paragraphs of its own).
const BODY_PARAGRAPHS = '[data-article-body] > p[id], [data-article-body] > .with-margin > p[id]';

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe('copy link', () => {
  it('on a paragraph copies its public URL and announces it', async () => {
    const page = await open('/articles/hanoi-hangover/');
    const paragraph = page.locator(BODY_PARAGRAPHS).nth(2);
    const id = await paragraph.getAttribute('id');
    await paragraph.hover();
    // One share control per paragraph; its menu holds the actions.
    await paragraph.getByRole('button', { name: 'Share this paragraph' }).click();
    await page.getByRole('button', { name: 'Copy link to this paragraph' }).click();
    const expected = new URL(`/articles/hanoi-hangover/#${id}`, SITE_URL).href;
    expect(await clipboard(page)).toBe(expected);
    const status = page.locator('#share-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe(`Link to this paragraph copied: ${expected}`);
    expect(await status.isVisible()).toBe(true);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('a section heading is its own link, named by its words alone (no control inside it)', async () => {
    const page = await open('/articles/hanoi-hangover/');
    const heading = page.locator('.article-body h2[id]').first();
    const id = await heading.getAttribute('id');
    expect(await heading.locator('a').getAttribute('href')).toBe(`#${id}`);
    expect(await heading.locator('button').count()).toBe(0);
    await page.close();
  });

  it('the Share menu is a disclosure: aria-expanded, no aria-haspopup, a labelled group after its button', async () => {
    const page = await open('/articles/hanoi-hangover/');
    const control = page.locator('.margin-card .share-button').first();
    expect(await control.getAttribute('aria-haspopup')).toBeNull();
    expect(await control.getAttribute('aria-expanded')).toBe('false');
    await control.focus();
    await page.keyboard.press('Enter');
    // The popover's toggle event, which sets the state, comes after the key: wait for it rather than read at once.
    await expect.poll(() => control.getAttribute('aria-expanded')).toBe('true');
    const menu = page.locator('#share-menu');
    expect(await menu.getAttribute('role')).toBe('group');
    expect(await menu.getAttribute('aria-label')).toMatch(/^Share /);
    // Right after its button in the document, so the focus order runs button, menu, what follows.
    expect(await control.evaluate((button) => button.nextElementSibling?.id)).toBe('share-menu');
    await page.keyboard.press('Escape');
    await expect.poll(() => control.getAttribute('aria-expanded')).toBe('false');
    expect(await control.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.close();
  });

  it('Tab past the last item and Shift+Tab before the first leave the open menu for the controls after and before its button, and close it', async () => {
    const page = await open('/articles/hanoi-hangover/');
    const control = page.locator('.margin-card .share-button').first();
    // The focusable elements around the button, in document (= focus) order, with the menu closed.
    const neighbours = await control.evaluate((button) => {
      const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, summary, [tabindex="0"]')].filter(
        (el) => !el.closest('#share-menu') && el.getClientRects().length > 0,
      );
      const at = focusable.indexOf(button as HTMLElement);
      const mark = (el: HTMLElement | undefined) => el && el.setAttribute('data-test-neighbour', String(focusable.indexOf(el) - at));
      mark(focusable[at - 1]);
      mark(focusable[at + 1]);
      return [focusable[at - 1]?.outerHTML.slice(0, 60), focusable[at + 1]?.outerHTML.slice(0, 60)];
    });
    expect(neighbours.every(Boolean)).toBe(true);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-test-neighbour') ?? document.activeElement?.className);
    const isOpen = () => page.locator('#share-menu').evaluate((menu) => menu.matches(':popover-open'));

    await control.focus();
    await page.keyboard.press('Enter');
    const items = await page.locator('#share-menu button').count();
    for (let i = 0; i < items; i += 1) await page.keyboard.press('Tab');
    expect(await focused()).toBe('1');
    expect(await isOpen()).toBe(false);
    expect(await control.getAttribute('aria-expanded')).toBe('false');

    await control.focus();
    await page.keyboard.press('Enter');
    // Shift+Tab from the first item: to the button that opened it (the control before the menu), and once more to the one before it.
    await page.keyboard.press('Shift+Tab');
    expect(await control.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await isOpen()).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('-1');
    await page.close();
  });

  it('on a quote card shares the card’s own page, and its words by the one attribution rule (issue 21 item 6, issue 22)', async () => {
    const page = await open('/quotes/hong-min-there-is-little-possibility-of-the/');
    const link = page.locator('.quote-card a[data-share]').filter({ hasText: 'Read in context' });
    expect(await link.getAttribute('href')).toContain(':~:text=');
    const card = page.locator('.quote-card');
    expect(await card.getByRole('button', { name: /^Share / }).count()).toBe(1);
    await card.getByRole('button', { name: 'Share this quotation by Hong Min' }).click();
    await page.getByRole('button', { name: 'Copy link to this quotation by Hong Min' }).click();
    const own = new URL('/quotes/hong-min-there-is-little-possibility-of-the/', SITE_URL).href;
    expect(await clipboard(page)).toBe(own);
    expect(await page.locator('#share-status').textContent()).toContain('copied');
    await card.getByRole('button', { name: 'Share this quotation by Hong Min' }).click();
    await page.getByRole('button', { name: 'Copy words with link' }).click();
    const words = (await card.locator('h1').textContent())!.replace(/\s+/g, ' ').trim();
    expect(await clipboard(page)).toBe(`Hong Min: ${words}\n${own}`);
    await page.close();
  });

  it('on a margin card for several quotations by one speaker copies their words with the paragraph link', async () => {
    const page = await open('/articles/hanoi-hangover/');
    // A grouped card carries the later quotations' ids on their links.
    const grouped = page.locator('.margin-card:has(a[id])').first();
    const ids = await grouped.evaluate((card) => [card.id, ...[...card.querySelectorAll('a[id]')].map((a) => a.id)]);
    expect(ids.length).toBeGreaterThan(1);
    const paragraph = await page.locator(`[data-quote="${ids[0]}"]`).evaluate((q) => q.closest('p')!.id);
    await grouped.getByRole('button', { name: /^Share the words of / }).click();
    await page.getByRole('button', { name: 'Copy words with link' }).click();
    const copied = await clipboard(page);
    for (const id of ids) expect(copied).toContain((await page.locator(`[data-quote="${id}"]`).textContent())!);
    expect(copied.endsWith(`\n${new URL(`/articles/hanoi-hangover/#${paragraph}`, SITE_URL).href}`)).toBe(true);
    await page.close();
  });

  it('on a timeline entry copies the entry link', async () => {
    const page = await open('/timeline/');
    await page.getByRole('button', { name: 'Share this entry: Hanoi summit', exact: true }).click();
    await page.getByRole('button', { name: 'Copy link to this entry: Hanoi summit' }).click();
    expect(await clipboard(page)).toBe(new URL('/timeline/#hanoi-summit-2019', SITE_URL).href);
    await page.close();
  });
});

describe('Web Share', () => {
  it('is offered where the browser has it, with the page title and the link', async () => {
    const page = await context.newPage();
    // Headless Chromium on Linux has no share sheet: stand in for it, and record what it is given.
    await page.addInitScript(() => {
      const shared: ShareData[] = [];
      Object.assign(window, { shared });
      Object.defineProperty(navigator, 'share', { value: async (data: ShareData) => void shared.push(data) });
    });
    await page.goto(`${baseUrl}/timeline/`);
    await scriptsRan(page);
    await page.getByRole('button', { name: 'Share this entry: Hanoi summit', exact: true }).click();
    await page.getByRole('button', { name: 'Share this entry: Hanoi summit with another app' }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toEqual([{ title: await page.title(), url: new URL('/timeline/#hanoi-summit-2019', SITE_URL).href }]);
    await page.close();
  });

  it('is not offered where the browser lacks it', async () => {
    const page = await open('/timeline/');
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
    await page.getByRole('button', { name: 'Share this entry: Hanoi summit', exact: true }).click();
    expect(await page.locator('#share-menu button').count()).toBe(1);
    expect(await page.getByRole('button', { name: /with another app$/ }).count()).toBe(0);
    await page.close();
  });
});

describe('arriving by a shared link', () => {
  it("to a quotation's words scrolls to those words (Chromium follows the text fragment)", async () => {
    const quotePage = await open('/quotes/hong-min-it-may-feign-interest-in-dialogue/');
    const href = await quotePage.locator('.quote-card a[data-share]').filter({ hasText: 'Read in context' }).getAttribute('href');
    await quotePage.close();
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Without the paragraph's id, only the text directive can move the page, so this checks that Chromium finds the words.
    const textOnly = href!.replace(/#[^:]*:~:/, '#:~:');
    expect(textOnly).toMatch(/^\/articles\/hanoi-hangover\/#:~:text=/);
    await page.goto(`${baseUrl}${textOnly}`);
    await scriptsRan(page);
    await page.waitForFunction(() => window.scrollY > 0);
    const words = page.locator('[data-quote="hong-min-it-may-feign-interest-in-dialogue"]');
    expect(
      await words.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    await page.close();
  });

  it('marks the target and keeps it clear of the sticky header', async () => {
    const page = await context.newPage();
    // Smooth scrolling would leave the page mid-scroll when measured.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${baseUrl}/articles/hanoi-hangover/`);
    await scriptsRan(page);
    const id = await page.locator(BODY_PARAGRAPHS).nth(12).getAttribute('id');
    await page.goto(`${baseUrl}/articles/hanoi-hangover/#${id}`);
    await scriptsRan(page);
    const target = page.locator(`[id="${id}"]`);
    await page.waitForFunction(() => window.scrollY > 0);
    expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
    const { background, top, headerBottom } = await target.evaluate((element) => ({
      background: getComputedStyle(element).backgroundColor,
      top: element.getBoundingClientRect().top,
      headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
    }));
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(top).toBeGreaterThanOrEqual(headerBottom);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('share links are plain links to the anchor, with no buttons', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const page = await plain.newPage();
    await page.goto(`${baseUrl}/articles/hanoi-hangover/`);
    expect(await page.locator('.share-button').count()).toBe(0);
    const link = page.locator('.article-body p[id] > a.self-link').first();
    const id = await page.locator(BODY_PARAGRAPHS).first().getAttribute('id');
    expect(await link.getAttribute('href')).toBe(`#${id}`);
    await link.focus();
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    await plain.close();
  });
});
