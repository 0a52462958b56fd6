/**
 * Issue 13's budget: the first search from an article page transfers at most
 * 100 kB, for each of the issue's four queries, measured in Chromium against
 * the built site served as `npm start` serves it (tests/support/search-weight.ts,
 * the same code `npm run bench` reports with). Each query starts from a fresh
 * browser context, so nothing is cached.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../support/browser.ts';
import { BUDGET_QUERIES, FIRST_SEARCH_BUDGET, describeFirstSearch, measureFirstSearch } from '../../support/search-weight.ts';

const baseUrl = inject('baseUrl');
const ARTICLE = '/articles/hanoi-hangover/';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('first search weight', () => {
  it.each(BUDGET_QUERIES)('“%s” from an article page: results for at most 100 kB', async (query) => {
    const search = await measureFirstSearch(browser, baseUrl, ARTICLE, query);
    const report = describeFirstSearch(search);
    // The search worked, and what it downloaded was measured: Pagefind's runtime and the index are in the count.
    expect(search.results, report).toBeGreaterThan(0);
    const paths = search.files.map((file) => file.url);
    expect(paths, report).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/wasm.en.pagefind']));
    expect(
      paths.some((path) => /^\/pagefind\/index\/.+\.pf_index$/.test(path)),
      report,
    ).toBe(true);
    expect(search.bytes, report).toBeLessThanOrEqual(FIRST_SEARCH_BUDGET);
  });
});
