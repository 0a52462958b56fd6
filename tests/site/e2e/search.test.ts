/**
 * Search in real Chromium against the built site: hits land on the exact
 * quote card, facets narrow, the URL carries the search, the dialog works
 * from the keyboard, and a query is only ever text.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, scriptsRan } from '../../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

/** A page that records console errors, uncaught exceptions and failed responses. */
async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: exception: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${path}: ${response.status()} ${response.url()}`);
  });
  await page.goto(`${baseUrl}${path}`);
  await scriptsRan(page);
  return page;
}

const results = (page: Page, scope = '#search') => page.locator(`${scope} .result`);

async function searchFor(page: Page, query: string, scope = '#search') {
  const input = page.locator(`${scope} input[type="search"]`);
  await input.fill(query);
  await page
    .locator(`${scope} .search-status`)
    .filter({ hasText: /result/ })
    .waitFor();
}

describe('search', () => {
  it('words of a quotation give a hit on its card, and following it lands on the card, focused and marked', async () => {
    const page = await open('/search/');
    await searchFor(page, 'peaceful but cold coexistence');
    // The quotation's result links straight to its card (no sub-result repeating its own title), highlighting the words Pagefind matched.
    const result = page.locator('#search .result--quote').filter({ has: page.locator('a[href*="#hong-min-peaceful-but-cold-coexistence"]') });
    await expect(result.locator('a[href*="#hong-min-peaceful-but-cold-coexistence"]').count()).resolves.toBe(1);
    // The article's hit on the same paragraph is grouped under it, not listed again as a result of its own.
    await expect(result.locator('.result-also a').getAttribute('href')).resolves.toMatch(
      /^\/articles\/hanoi-hangover\/\?highlight=.*#p-instead-north-korea-appears-focused-on$/,
    );
    const link = result.locator('.result-title a');
    await expect(link.getAttribute('href')).resolves.toMatch(
      /^\/quotes\/hong-min-peaceful-but-cold-coexistence\/\?(highlight=[^&#]+&)*highlight=coexistence(&highlight=[^&#]+)*#hong-min-peaceful-but-cold-coexistence$/,
    );
    // The whole (short) quotation is shown, starting with its words, its kind as a badge, and the matched words marked.
    await expect(result.locator('.result-quote').textContent()).resolves.toBe('“peaceful but cold coexistence”');
    await expect(result.locator('.badge').textContent()).resolves.toBe('Direct quote');
    const marked = await result.locator('.result-quote mark').allTextContents();
    expect(marked.map((m) => m.toLowerCase().replace(/[^\p{L}]/gu, ''))).toEqual(expect.arrayContaining(['peaceful', 'coexistence']));
    await link.click();
    await page.waitForURL(/#hong-min-peaceful-but-cold-coexistence$/);
    await page.locator('.search-hit').first().waitFor();
    const target = await page.evaluate(() => ({
      active: document.activeElement?.id,
      marked: document.activeElement?.classList.contains('search-target'),
      hits: [...document.querySelectorAll('.search-hit')].map((m) => m.textContent),
    }));
    expect(target.active).toBe('hong-min-peaceful-but-cold-coexistence');
    expect(target.marked).toBe(true);
    expect(target.hits.map((h) => h?.toLowerCase())).toContain('coexistence');
    await page.close();
  });

  it('a speaker’s name finds their quotations, and the speaker filter narrows to them', async () => {
    const page = await open('/search/');
    await searchFor(page, 'Hong Min');
    const quotes = results(page).and(page.locator('.result--quote'));
    expect(await quotes.locator('.result-title').allTextContents()).toEqual(expect.arrayContaining(['Hong Min', 'Hong Min', 'Hong Min']));
    expect(await results(page).count()).toBeGreaterThan(await quotes.count()); // the person's page, the article…
    const box = page.getByRole('checkbox', { name: /^Hong Min \(\d+\)$/ });
    const count = Number((await box.locator('xpath=following-sibling::label').textContent())!.match(/\((\d+)\)/)![1]);
    expect(count).toBeGreaterThanOrEqual(3);
    await box.check();
    await page.waitForURL(/speaker=Hong\+Min/);
    await expect.poll(() => results(page).count()).toBe(count);
    const narrowed = await results(page).locator('.result-title').allTextContents();
    expect(narrowed).toHaveLength(count);
    expect(narrowed.filter((t) => t !== 'Hong Min')).toEqual([]);
    // Said once the results have settled, not on every change.
    await expect.poll(() => page.locator('#search .search-status').textContent(), { timeout: 15_000 }).toBe(`${count} results for “Hong Min”.`);
    await page.close();
  });

  it('a topic finds the positions matrix and the quotations on it, and the topic filter keeps only those', async () => {
    const page = await open('/search/?q=Sanctions+relief');
    await page.locator('#search .result').first().waitFor();
    const hrefs = await results(page)
      .locator('.result-title a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('?')[0]!));
    expect(hrefs).toContain('/positions/');
    expect(hrefs.some((h) => h.startsWith('/quotes/'))).toBe(true);
    const box = page.getByRole('checkbox', { name: /^Sanctions relief \(\d+\)$/ });
    const count = Number((await box.locator('xpath=following-sibling::label').textContent())!.match(/\((\d+)\)/)![1]);
    expect(count).toBeGreaterThan(0);
    await box.check();
    await page.waitForURL(/topic=Sanctions\+relief/);
    // Poll for the narrowed list itself: "every" over a list that has not arrived yet (or is empty) proves nothing.
    await expect.poll(() => results(page).count()).toBe(count);
    const narrowed = await results(page)
      .locator('.result-title a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(narrowed).toHaveLength(count);
    expect(narrowed.filter((h) => !h.startsWith('/quotes/'))).toEqual([]);
    await page.close();
  });

  it('keeps query and filters in the URL: reload and back/forward restore them', async () => {
    const page = await open('/search/?q=summit&kind=Direct+quote');
    const input = page.locator('#search input[type="search"]');
    await page.locator('#search .result').first().waitFor();
    await expect(input.inputValue()).resolves.toBe('summit');
    await expect(page.getByRole('checkbox', { name: /^Direct quote \(\d+\)$/ }).isChecked()).resolves.toBe(true);
    const directCount = await results(page).count();

    await input.fill('Kim');
    await page.waitForURL((url) => url.search === '?q=Kim&kind=Direct+quote');
    await page.getByRole('checkbox', { name: /^Direct quote \(\d+\)$/ }).uncheck();
    await page.waitForURL((url) => url.search === '?q=Kim');

    await page.goBack();
    await page.waitForURL((url) => url.search === '?q=Kim&kind=Direct+quote');
    await expect.poll(() => page.getByRole('checkbox', { name: /^Direct quote \(\d+\)$/ }).isChecked()).toBe(true);
    await page.goBack();
    await page.waitForURL((url) => url.search === '?q=summit&kind=Direct+quote');
    await expect.poll(() => input.inputValue()).toBe('summit');
    await expect.poll(() => results(page).count()).toBe(directCount);
    await page.goForward();
    await page.waitForURL((url) => url.search === '?q=Kim&kind=Direct+quote');
    await expect.poll(() => input.inputValue()).toBe('Kim');

    await page.reload();
    await page.locator('#search .result').first().waitFor();
    await expect(input.inputValue()).resolves.toBe('Kim');
    await expect(page.getByRole('checkbox', { name: /^Direct quote \(\d+\)$/ }).isChecked()).resolves.toBe(true);
    await page.close();
  });

  it('opens the dialog with /, Ctrl+K and the header link; Esc closes it and focus goes back', async () => {
    const page = await open('/articles/hanoi-hangover/');
    const dialog = page.locator('dialog.search-dialog');
    await page.keyboard.press('/');
    await dialog.locator('input[type="search"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('dialog[open] input[type="search"]'))).toBe(true);
    await searchFor(page, 'Nobel', 'dialog');
    await expect(dialog.locator('.result').count()).resolves.toBeGreaterThan(0);
    await expect(dialog.getByRole('link', { name: /search page/ }).getAttribute('href')).resolves.toBe('/search/?q=Nobel');
    // Focus stays in the modal dialog however far a reader tabs.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' }); // a closed <dialog> is not displayed; Playwright waits for that, not a fixed time

    const link = page.locator('header a[data-search-open]');
    await link.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    expect(page.url()).toBe(`${baseUrl}/articles/hanoi-hangover/`); // the link opened the dialog, not the page
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('header a[data-search-open]'))).toBe(true);

    await page.keyboard.press('Control+k');
    await dialog.waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('treats a query with markup as text: nothing runs, the words are shown', async () => {
    const page = await open('/search/');
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    // Every element the page adds from now on is recorded, so an <img> that was added and removed again still counts
    // (no fixed wait: the record is read after the query's answer is on screen).
    await page.evaluate(() => {
      const added: string[] = [];
      (window as unknown as { __added: string[] }).__added = added;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof Element) added.push(node.tagName, ...[...node.querySelectorAll('*')].map((inner) => inner.tagName));
      }).observe(document, { childList: true, subtree: true });
    });
    const query = '<img src=x onerror=alert(1)>';
    await page.locator('#search input[type="search"]').fill(query);
    // Said back as text in the live region, which is written once the answer is on the page: waiting for that
    // (not for a fixed time, nor expect.poll's one second) holds however long a busy machine takes to search.
    await page.locator('#search .search-status', { hasText: `“${query}”` }).waitFor();
    const added = await page.evaluate(() => (window as unknown as { __added: string[] }).__added);
    expect(added.length, 'the answer was rendered').toBeGreaterThan(0);
    expect(added.filter((tag) => tag === 'IMG' || tag === 'SCRIPT')).toEqual([]);
    expect(dialogs).toBe(0);
    expect(await page.locator('#search img, #search script').count()).toBe(0);
    expect(await page.locator('#search').evaluate((root) => root.innerHTML.includes('<img'))).toBe(false);
    await page.close();
  });

  it('says when nothing matches and offers the browse pages', async () => {
    const page = await open('/search/?q=zzxqvbnonsense');
    const none = page.locator('#search .no-results');
    await none.waitFor();
    await expect(none.textContent()).resolves.toContain('No results for');
    const hrefs = await none.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/quotes/', '/people/', '/timeline/']);
    await expect.poll(() => page.locator('#search .search-status').textContent(), { timeout: 15_000 }).toBe('No results.');
    await page.close();
  });

  it('costs reading pages only the small loader until a reader starts to search, and the dialog nothing of the facets', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script' || /\/pagefind\/|\/search-vocabulary\.json$/.test(request.url())) requested.push(new URL(request.url()).pathname);
    });
    await page.goto(`${baseUrl}/articles/trump-kim-fourth-meeting/`);
    await scriptsRan(page);
    await page.waitForLoadState('networkidle');
    // The exact list: the page's own <script src> (added after its first paint), and nothing they import on their own.
    // File names change with every bundle, so the list is read from the page, not written here.
    const declared = await page
      .locator('script[src]')
      .evaluateAll((elements) => elements.map((element) => new URL((element as HTMLScriptElement).src).pathname));
    expect(
      declared.filter((path) => /^\/_astro\/PageScripts\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.test(path)),
      'the page bundle, with the search loader in it',
    ).toHaveLength(1);
    expect(
      declared.some((path) => path.includes('/pagefind/') || /\/app\.[\w-]+\.js$/.test(path)),
      'no search code at load',
    ).toBe(false);
    expect(requested).toEqual(declared);
    // Reading on, and focusing the search link, still loads nothing more; starting a search does.
    await page.keyboard.press('End');
    await page.locator('header a[data-search-open]').focus();
    await page.waitForLoadState('networkidle');
    expect(requested).toEqual(declared);

    requested.length = 0;
    await page.keyboard.press('/');
    await searchFor(page, 'Yongbyon', 'dialog');
    await page.waitForLoadState('networkidle');
    const kinds = requested.map((path) =>
      path
        .replace(/^\/_astro\/app\.[\w-]+\.js$/, 'search UI')
        .replace(/^\/pagefind\/(pagefind\.js|pagefind-entry\.json|wasm\.en\.pagefind)$/, 'Pagefind $1')
        .replace(/^\/pagefind\/pagefind\.en_\w+\.pf_meta$/, 'Pagefind meta')
        .replace(/^\/pagefind\/index\/en_\w+\.pf_index$/, 'index chunk')
        .replace(/^\/pagefind\/fragment\/en_\w+\.pf_fragment$/, 'fragment')
        .replace(/^\/search-vocabulary\.json$/, 'vocabulary'),
    );
    // The UI, Pagefind's runtime, the index chunk(s) for the words and one fragment per result shown (three in the dialog):
    // no facet code, no filter index, no web worker, and (every word found as typed) no vocabulary for corrections.
    expect(new Set(kinds)).toEqual(
      new Set(['search UI', 'Pagefind pagefind.js', 'Pagefind pagefind-entry.json', 'Pagefind wasm.en.pagefind', 'Pagefind meta', 'index chunk', 'fragment']),
    );
    expect(await page.locator('dialog .result').count()).toBe(3); // "Yongbyon" has more hits: the rest wait for "Show more"
    expect(kinds.filter((kind) => kind === 'fragment')).toHaveLength(3);
    await page.close();
  });

  it('without JavaScript, the header link goes to /search/, which says why and links the browse pages', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${baseUrl}/articles/hanoi-hangover/`);
    await expect(page.locator('header a[data-search-open]').getAttribute('href')).resolves.toBe('/search/');
    await page.goto(`${baseUrl}/search/`);
    const text = await page.locator('#search').innerText();
    expect(text).toContain('Search needs JavaScript');
    const hrefs = await page.locator('#search a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/quotes/', '/people/', '/timeline/']);
    await noJs.close();
  });

  it('logged no console errors, exceptions or failed requests on the way', () => {
    expect(problems).toEqual([]);
  });
});
