/**
 * Search benchmark (numbers, not pass/fail), against the built dist/:
 * - JS at page load on an article page (bytes as transferred and gzip of each script);
 * - bytes transferred for the first search on an article page: every response
 *   from the first keystroke to rendered results (Chromium's encodedDataLength,
 *   headers included; `serve` compresses as in production);
 * - time from the keystroke to rendered results, cold (first search) and warm;
 * - the index's size on disk (dist/pagefind, and the part a first search fetches).
 */
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveDist } from '../tests/support/server.ts';
import { distDir } from '../tests/support/paths.ts';

const ARTICLE = '/articles/hanoi-hangover/';

function du(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return sum + (stat.isDirectory() ? du(path) : stat.size);
  }, 0);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchSearch(): Promise<Record<string, string>> {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    const urls = new Map<string, string>();
    const headerBytes = new Map<string, number>();
    const sizes: { url: string; bytes: number; headers: number; at: number }[] = [];
    cdp.on('Network.responseReceived', (e) => {
      urls.set(e.requestId, new URL(e.response.url).pathname);
      headerBytes.set(e.requestId, e.response.encodedDataLength);
    });
    cdp.on('Network.loadingFinished', (e) => sizes.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength, headers: headerBytes.get(e.requestId) ?? 0, at: Date.now() }));

    await page.goto(`${server.url}${ARTICLE}`, { waitUntil: 'networkidle' });
    const loadScripts = sizes.filter((s) => s.url.endsWith('.js'));
    const loadJsGzip = loadScripts.reduce((sum, s) => sum + gzipSync(readFileSync(join(distDir, s.url))).length, 0);

    const keystroke = Date.now();
    await page.keyboard.press('/');
    await page.locator('dialog[open] input[type="search"]').waitFor();
    await page.keyboard.type('Nobel');
    await page.locator('dialog .result').first().waitFor();
    const cold = Date.now() - keystroke;
    await page.waitForLoadState('networkidle');
    const firstSearch = sizes.filter((s) => s.at >= keystroke);

    const input = page.locator('dialog input[type="search"]');
    const warmTimes: number[] = [];
    for (const query of ['coexistence', 'Hong Min', 'sanctions relief']) {
      await input.fill('');
      await page.locator('dialog .result').first().waitFor({ state: 'detached' });
      const started = Date.now();
      await input.fill(query);
      await page.locator('dialog .search-status').filter({ hasText: query }).waitFor();
      warmTimes.push(Date.now() - started);
    }

    const index = join(distDir, 'pagefind');
    if (process.env['BENCH_VERBOSE']) for (const s of firstSearch) console.log(s.bytes, s.url);
    const fetchedIndex = firstSearch.filter((s) => /\/pagefind\/(index|filter|fragment)\//.test(s.url)).reduce((n, s) => n + s.bytes, 0);
    return {
      'article page: JS at load (transferred)': `${kb(loadScripts.reduce((n, s) => n + s.bytes, 0))} in ${loadScripts.length} file(s), ${kb(loadJsGzip)} gzip`,
      'first search on an article page (transferred)': `${kb(firstSearch.reduce((n, s) => n + s.bytes, 0))} in ${firstSearch.length} responses (${kb(firstSearch.reduce((n, s) => n + s.bytes - s.headers, 0))} without HTTP headers)`,
      '  of which Pagefind runtime (pagefind.js + wasm)': kb(firstSearch.filter((s) => /pagefind\.js$|\.pagefind$/.test(s.url)).reduce((n, s) => n + s.bytes, 0)),
      '  of which index, filters, fragments': kb(fetchedIndex),
      '  of which site search UI (JS + CSS)': kb(firstSearch.filter((s) => s.url.startsWith('/_astro/')).reduce((n, s) => n + s.bytes, 0)),
      'keystroke to rendered results, cold (incl. 200 ms debounce)': `${cold} ms`,
      'query to rendered results, warm (incl. 200 ms debounce)': warmTimes.map((t) => `${t} ms`).join(', '),
      'index on disk (du dist/pagefind, all bundles and UIs)': kb(du(index)),
      'index proper (index + filter + fragment folders)': kb(du(join(index, 'index')) + du(join(index, 'filter')) + du(join(index, 'fragment'))),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
