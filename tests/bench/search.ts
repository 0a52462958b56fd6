/**
 * Search, as a reader uses it: on an article page, press "/" to open the
 * search dialog, type, and wait for results. Records (against the served dist/):
 * - bytes transferred for the first search: every response from the keystroke
 *   to rendered results (Chromium's encodedDataLength, headers included;
 *   `serve` compresses as in production), split into runtime, index and UI;
 * - for each of BUDGET_QUERIES, in a fresh browser context: bytes and responses of that
 *   first search, with each response's path, so the heaviest is reported
 *   (tests/support/search-weight.ts, shared with the budget test);
 * - keystroke to rendered results, cold (first search) and warm (median of three);
 * - the index's size on disk;
 * - the judged query set (tests/support/judged-queries.ts): the share with a right answer in the top 3, and the misses.
 * When the site has no search dialog, says so instead of failing the bench.
 * (Written with the search feature, issue 5, as a top-level bench/; moved here.)
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { distDir } from '../support/paths.ts';
import { serveDist } from '../support/server.ts';
import { BUDGET_QUERIES, NetworkLog, measureFirstSearch, type FirstSearch } from '../support/search-weight.ts';
import { runJudgedQueries, summariseJudged } from '../support/judged-search.ts';

export interface SearchTiming {
  available: boolean;
  /** Why there is nothing to measure, when available is false. */
  reason?: string;
  page?: string;
  query?: string;
  firstSearchBytes?: number;
  firstSearchResponses?: number;
  runtimeBytes?: number;
  indexBytesFetched?: number;
  uiBytes?: number;
  coldMs?: number;
  warmMs?: number;
  warmRunsMs?: number[];
  /** The first search of each query, each from a fresh page (nothing cached). */
  queries?: FirstSearch[];
  /** The judged query set: "58/60 (96.7 %) with a right result in the top 3". */
  judged?: string;
  /** Its misses, one a line. */
  judgedMisses?: string[];
  /** dist/pagefind, everything in it. */
  indexOnDisk?: number;
  /** The index proper: index, filter and fragment folders. */
  indexProperOnDisk?: number;
}

function du(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return sum + (stat.isDirectory() ? du(path) : stat.size);
  }, 0);
}

export async function measureSearch(browser: Browser, baseUrl: string, articlePath: string): Promise<SearchTiming> {
  const index = join(distDir, 'pagefind');
  const onDisk = existsSync(index)
    ? { indexOnDisk: du(index), indexProperOnDisk: du(join(index, 'index')) + du(join(index, 'filter')) + du(join(index, 'fragment')) }
    : {};
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const log = new NetworkLog(cdp);

    await page.goto(`${baseUrl}${articlePath}`, { waitUntil: 'networkidle' });
    await log.settle();
    const mark = log.mark();
    const keystroke = Date.now();
    await page.keyboard.press('/');
    const input = page.locator('dialog[open] input[type="search"]');
    try {
      await input.waitFor({ timeout: 5_000 });
    } catch {
      return { available: false, reason: 'no search dialog opens on "/" on an article page', ...onDisk };
    }
    const query = 'Nobel';
    await page.keyboard.type(query);
    await page.locator('dialog .result').first().waitFor({ timeout: 15_000 });
    const coldMs = Date.now() - keystroke;
    await log.settle();
    const firstSearch = log.since(mark);
    const bytesOf = (test: (url: string) => boolean) => firstSearch.filter((entry) => test(entry.url)).reduce((sum, entry) => sum + entry.bytes, 0);

    const warmRunsMs: number[] = [];
    for (const next of ['coexistence', 'Hong Min', 'sanctions relief']) {
      await input.fill('');
      await page.locator('dialog .result').first().waitFor({ state: 'detached' });
      const started = Date.now();
      await input.fill(next);
      await page.locator('dialog .search-status').filter({ hasText: next }).waitFor({ timeout: 15_000 });
      warmRunsMs.push(Date.now() - started);
    }
    const queries: FirstSearch[] = [];
    for (const each of BUDGET_QUERIES) queries.push(await measureFirstSearch(browser, baseUrl, articlePath, each));
    const judged = summariseJudged(await runJudgedQueries(browser, baseUrl));
    return {
      available: true,
      judged: judged.line,
      judgedMisses: judged.misses,
      page: articlePath,
      queries,
      query,
      firstSearchBytes: bytesOf(() => true),
      firstSearchResponses: firstSearch.length,
      runtimeBytes: bytesOf((url) => /pagefind\.js$|\.pagefind$/.test(url)),
      indexBytesFetched: bytesOf((url) => /\/pagefind\/(index|filter|fragment)\//.test(url)),
      uiBytes: bytesOf((url) => url.startsWith('/_astro/')),
      coldMs,
      warmMs: [...warmRunsMs].sort((a, b) => a - b)[1]!,
      warmRunsMs,
      ...onDisk,
    };
  } catch (error) {
    return { available: false, reason: `search could not be measured: ${(error as Error).message.split('\n')[0]}`, ...onDisk };
  } finally {
    await context.close();
  }
}

/** The first searches on a synthetic corpus, and the parts of its index that grow with it. */
export interface CorpusSearch {
  /** Pages in the index. */
  pages: number;
  /** Pagefind's metadata file, which every search loads whole: one entry per indexed page and per chunk. */
  metaBytes: number;
  chunks: number;
  largestChunkBytes: number;
  queries: FirstSearch[];
  /** Why the searches could not be measured, if they could not. */
  error?: string;
}

/**
 * Serves a built corpus (a synthetic project's dist/) and measures the first
 * search of each budget query from its first real article, so `npm run bench`
 * shows how the first search grows with the corpus (issue 13): the metadata
 * grows with the number of pages, the chunks and fragments do not.
 */
export async function measureCorpusSearch(root: string): Promise<CorpusSearch> {
  const index = join(root, 'pagefind');
  const meta = readdirSync(index).find((name) => name.endsWith('.pf_meta'));
  const chunkSizes = readdirSync(join(index, 'index')).map((name) => statSync(join(index, 'index', name)).size);
  const entry = JSON.parse(readFileSync(join(index, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const stats = {
    pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0),
    metaBytes: meta ? statSync(join(index, meta)).size : 0,
    chunks: chunkSizes.length,
    largestChunkBytes: Math.max(0, ...chunkSizes),
  };
  const article = readdirSync(join(root, 'articles'))
    .filter((name) => !name.startsWith('synthetic-'))
    .sort()[0];
  const server = await serveDist(root);
  try {
    const browser = await launchBrowser();
    try {
      const queries: FirstSearch[] = [];
      for (const query of BUDGET_QUERIES) queries.push(await measureFirstSearch(browser, server.url, `/articles/${article}/`, query));
      return { ...stats, queries };
    } finally {
      await browser.close();
    }
  } catch (error) {
    return { ...stats, queries: [], error: (error as Error).message.split('\n')[0] ?? String(error) };
  } finally {
    await server.stop();
  }
}
