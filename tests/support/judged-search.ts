/**
 * Runs the judged query set (tests/support/judged-queries.ts) through the
 * site's own search page in Chromium, as a reader would: the query and
 * filters in the URL, the page's search UI (query understanding included)
 * answers, and the links of the first three results are compared with the
 * judged answers. Shared by the test and `npm run bench`.
 */
import type { Browser } from 'playwright-core';
import { serializeSearchState } from '../../src/search/browser/state.ts';
import { JUDGED_QUERIES, type JudgedQuery } from './judged-queries.ts';

export interface JudgedRun {
  query: JudgedQuery;
  /** The links of the first three results (title and sub-result links, paths with fragments), in order. */
  top: string[];
  hit: boolean;
  /** What the search said it did (corrections, any-word fallback) and how many results it showed. */
  status: string;
}

export const JUDGED_BAR = 0.95;
const TOP = 3;

export async function runJudgedQueries(browser: Browser, baseUrl: string, queries: readonly JudgedQuery[] = JUDGED_QUERIES): Promise<JudgedRun[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const runs: JudgedRun[] = [];
  try {
    await page.goto(`${baseUrl}/search/`);
    await page.locator('[data-search-page] input[type="search"]').waitFor();
    for (const query of queries) {
      const search = serializeSearchState({ q: query.q, filters: query.filters ?? {} });
      // As the browser's back/forward would bring it: the URL changes and the page's search follows it.
      await page.evaluate((url) => {
        history.pushState(null, '', url);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `/search/${search}`);
      // Settled: the results on screen are this search's (the UI marks the state it rendered) and nothing is in flight.
      await page.waitForFunction(
        (expected) => {
          const root = document.querySelector<HTMLElement>('[data-search-page]');
          return root?.dataset['settled'] === expected && !root.hasAttribute('aria-busy');
        },
        search,
        { timeout: 15_000 },
      );
      const top = await page.evaluate((n) => {
        const items = [...document.querySelectorAll('[data-search-page] .result')].slice(0, n);
        return items.flatMap((item) =>
          [...item.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => `${new URL(a.href).pathname}${new URL(a.href).hash}`),
        );
      }, TOP);
      const status = [
        await page.locator('[data-search-page] .search-notice').textContent(),
        (await page.locator('[data-search-page] .result').count()) + ' results',
      ]
        .filter(Boolean)
        .join(' ');
      const hit = top.some((link) => query.answers.some((answer) => link.startsWith(answer)));
      runs.push({ query, top, hit, status: status.trim() });
    }
    return runs;
  } finally {
    await context.close();
  }
}

export function describeQuery(query: JudgedQuery): string {
  const filters = Object.entries(query.filters ?? {})
    .map(([key, values]) => `${key}=${values.join('|')}`)
    .join(', ');
  return `“${query.q}”${filters ? ` [${filters}]` : ''}`;
}

/** "47/53 (88.7 %)", and the misses, one a line. */
export function summariseJudged(runs: readonly JudgedRun[]): { hits: number; total: number; share: number; line: string; misses: string[] } {
  const hits = runs.filter((run) => run.hit).length;
  const total = runs.length;
  const share = total ? hits / total : 0;
  const misses = runs
    .filter((run) => !run.hit)
    .map(
      (run) =>
        `${describeQuery(run.query)} (${run.query.kind}): wanted ${run.query.answers.join(' or ')}; got ${run.top.slice(0, 4).join(', ') || 'nothing'} — ${run.status}`,
    );
  return { hits, total, share, line: `${hits}/${total} (${(share * 100).toFixed(1)} %) with a right result in the top ${TOP}`, misses };
}
