/**
 * Loads one page of each type from the served dist/ in Chromium and records
 * what the browser fetched until `load` (plus a short quiet period for
 * module scripts): requests, bytes by kind. Bytes are the response bodies
 * gzipped as `serve` sends them (images and fonts as they are: already
 * compressed formats), so the numbers match the budgets test.
 * Then, if the search page has a search box, times a cold and a warm query.
 */
import type { Browser, Page } from 'playwright-core';
import { gzipSize } from '../support/weight.ts';

export interface PageLoad {
  type: string;
  path: string;
  htmlRaw: number;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  requests: number;
  imageFontBytes: number;
}

interface Fetched {
  url: string;
  kind: string;
  raw: number;
  gzip: number;
  /** Bytes on the wire: headers plus the body as sent (compressed when the server compressed it). */
  transfer: number;
}

async function record(page: Page, action: () => Promise<unknown>): Promise<Fetched[]> {
  const fetched: Promise<Fetched | undefined>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    fetched.push(
      (async () => {
        const body = await response.body().catch(() => undefined);
        if (!body) return undefined;
        const sizes = await response.request().sizes().catch(() => undefined);
        const transfer = sizes ? sizes.responseBodySize + sizes.responseHeadersSize : body.length;
        return { url: response.url(), kind: response.request().resourceType(), raw: body.length, gzip: gzipSize(body), transfer };
      })(),
    );
  };
  page.on('response', onResponse);
  try {
    await action();
  } finally {
    page.off('response', onResponse);
  }
  return (await Promise.all(fetched)).filter((entry): entry is Fetched => entry !== undefined);
}

export async function measurePage(browser: Browser, baseUrl: string, type: string, path: string): Promise<PageLoad> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const fetched = await record(page, async () => {
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
    });
    // Inline scripts arrive inside the HTML but still run at load: counted as JS too (as the budgets test does).
    const inline = await page.evaluate(() =>
      [...document.scripts].filter((script) => !script.src && !/json|importmap|speculationrules/.test(script.type)).map((script) => script.textContent ?? ''),
    );
    const inlineJs = inline.reduce((total, code) => total + gzipSize(code), 0);
    const html = fetched.find((entry) => entry.kind === 'document');
    if (!html) throw new Error(`No document response for ${path}`);
    const sum = (kinds: string[], key: 'raw' | 'gzip') => fetched.filter((entry) => kinds.includes(entry.kind)).reduce((total, entry) => total + entry[key], 0);
    return {
      type,
      path,
      htmlRaw: html.raw,
      htmlGzip: html.gzip,
      cssGzip: sum(['stylesheet'], 'gzip'),
      jsGzip: sum(['script'], 'gzip') + inlineJs,
      requests: fetched.length,
      imageFontBytes: sum(['image', 'font', 'media'], 'raw'),
    };
  } finally {
    await context.close();
  }
}

export interface SearchTiming {
  available: boolean;
  /** Why there is nothing to measure, when available is false. */
  reason?: string;
  firstSearchBytes?: number;
  firstSearchRequests?: number;
  coldMs?: number;
  warmMs?: number;
  query?: string;
}

/** Search boxes the search page may offer, most specific first. */
const SEARCH_INPUT = 'main input[type="search"], main input[name="q"], main input[type="text"]';

/**
 * Types a query and waits until the results appear: the first time the
 * number of links in <main> outside any form grows. Returns milliseconds from
 * the input event to that DOM change, measured in the page.
 */
async function timeQuery(page: Page, query: string): Promise<number> {
  const input = page.locator(SEARCH_INPUT).first();
  await input.fill('');
  await page.waitForTimeout(300);
  return page.evaluate(
    ({ selector, query }) =>
      new Promise<number>((resolve, reject) => {
        const field = document.querySelector<HTMLInputElement>(selector)!;
        const main = document.querySelector('main')!;
        const links = () => [...main.querySelectorAll('a[href]')].filter((a) => !a.closest('form, nav, header, footer, noscript')).length;
        const before = links();
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (links() > before) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - start);
          }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`No search results for "${query}" within 10 s`));
        }, 10_000);
        observer.observe(main, { childList: true, subtree: true, attributes: true });
        field.value = query;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      }),
    { selector: SEARCH_INPUT, query },
  );
}

export async function measureSearch(browser: Browser, baseUrl: string, path = '/search/'): Promise<SearchTiming> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const response = await page.goto(baseUrl + path, { waitUntil: 'load' });
    if (!response?.ok()) return { available: false, reason: `no page at ${path}` };
    await page.waitForLoadState('networkidle');
    if ((await page.locator(SEARCH_INPUT).count()) === 0) return { available: false, reason: 'the search page has no search box yet' };
    // Cold: the first query loads Pagefind's script, WebAssembly and index chunks.
    let coldMs = 0;
    const query = 'Hanoi summit';
    const fetched = await record(page, async () => {
      coldMs = await timeQuery(page, query);
      await page.waitForLoadState('networkidle');
    });
    // Warm: a different query once everything is loaded (median of three).
    const warm: number[] = [];
    for (const q of ['sanctions relief', 'Kim', 'denuclearisation']) warm.push(await timeQuery(page, q));
    warm.sort((a, b) => a - b);
    return {
      available: true,
      query,
      firstSearchBytes: fetched.reduce((total, entry) => total + entry.transfer, 0),
      firstSearchRequests: fetched.length,
      coldMs: Math.round(coldMs),
      warmMs: Math.round(warm[1]!),
    };
  } catch (error) {
    return { available: false, reason: `search could not be measured: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await context.close();
  }
}
