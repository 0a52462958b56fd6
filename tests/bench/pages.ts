/**
 * Loads one page of each type from the served dist/ in Chromium and records
 * what the browser fetched until `load` (plus a short quiet period for
 * module scripts): requests, bytes by kind. Bytes are the response bodies
 * gzipped as `serve` sends them (images and fonts as they are: already
 * compressed formats), so the numbers match the budgets test.
 */
import type { Browser, Page } from 'playwright-core';
import { gzipSize } from '../support/weight.ts';
import { scriptsRan } from '../support/browser.ts';

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
        const sizes = await response
          .request()
          .sizes()
          .catch(() => undefined);
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
      // With what the page adds after its first paint: its scripts and, on a first view, the text face's files.
      await scriptsRan(page);
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
