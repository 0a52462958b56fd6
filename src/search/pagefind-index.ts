/**
 * Builds the Pagefind search index of a built site through Pagefind's Node
 * API. The pages are handed to Pagefind one by one (addHTMLFile), a few
 * ahead of its answers, so a large site's HTML is never held in Node's
 * memory at once, as `forIndex` (index-text.ts) prepares them; what is
 * not to be indexed is marked in the markup: only
 * pages with data-pagefind-body are indexed (the home page and the quotes
 * listing, which repeat what other pages index, have none), and
 * data-pagefind-ignore or EXCLUDE_SELECTORS leave parts out.
 * Any error Pagefind reports fails the caller: a site whose search silently
 * misses pages is worse than a failed build.
 */
import { globSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { pipelined } from '../lib/pipelined.ts';
import { forIndex } from './index-text.ts';

export interface IndexResult {
  pageCount: number;
  outputPath: string;
}

export interface IndexOptions {
  /** CSS selectors of elements whose text is not indexed (default EXCLUDE_SELECTORS). */
  excludeSelectors?: readonly string[];
  /** How long one Pagefind step may take before the build fails (ms). */
  stepTimeoutMs?: number;
}

/**
 * Left out of every page's indexed text, wherever they appear: words that
 * are not this page's own content. Screen-reader helpers repeat what is
 * around them ("Permalink to this quotation by …"); self-links and
 * decorative marks are navigation; the article's margin cards only name
 * the speaker; the sentences in a mention list are the articles' own,
 * indexed on the article pages; and the quote cards listed on a person's or
 * a meeting's page are each indexed on the quotation's own page, with its
 * filters. Indexed twice, every hit would show twice, and the index (which
 * the first search downloads whole) would grow.
 */
export const EXCLUDE_SELECTORS = [
  '.visually-hidden',
  '.self-link',
  '[aria-hidden="true"]',
  '.quote-cards',
  '.mention-list',
  'ol.cards > li > .quote-card',
] as const;

const BODY_MARKER = /<[^>]+\sdata-pagefind-body[\s=>]/;

/**
 * How many word locations Pagefind puts in one index chunk (its default is
 * 20,000). A search downloads only the chunks whose word ranges hold its
 * words, so at the default the whole of this site's index (one 18 KB chunk)
 * came with every first search. At 4,000 a query's words cost one to three
 * chunks of about 5–6 KB; once quotation pages were indexed by their topics
 * and paragraphs became sub-results (issue 24), two-word queries often
 * spanned two such chunks (11 KB), so 2,500 (chunks of about 3.5 KB, which
 * kept the budget queries under 100 kB with the richer index).
 * Smaller still adds requests, and the list of chunks in the metadata every
 * search loads grows by ~12 B a chunk: at 1,000 articles 2,500 keeps that
 * list near 15 KB. Pagefind reads it from the environment of its service process only
 * (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, as of 1.6), so tests/site/integration/
 * pagefind.test.ts checks that the index really comes out split.
 */
export const INDEX_CHUNK_LOCATIONS = 2500;
const CHUNK_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/**
 * Creates a Pagefind index with the site's settings: the same for the build
 * and the dev server. The Node API starts its service process on the first
 * call (synchronously, inheriting this process's environment), so the chunk
 * size is put in the environment for that moment only and any value the
 * caller's shell had is ignored: the index must not depend on it. A service
 * already running from an earlier call keeps the environment it started
 * with; buildSearchIndex closes the service after every build.
 */
export function createSiteIndex(excludeSelectors: readonly string[] = EXCLUDE_SELECTORS): ReturnType<typeof pagefind.createIndex> {
  const previous = process.env[CHUNK_ENV];
  process.env[CHUNK_ENV] = String(INDEX_CHUNK_LOCATIONS);
  try {
    return pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: [...excludeSelectors] });
  } finally {
    if (previous === undefined) delete process.env[CHUNK_ENV];
    else process.env[CHUNK_ENV] = previous;
  }
}

/**
 * Pagefind runs as a separate service; some failures (an output path it
 * cannot create) leave a call unanswered rather than erroring. A step that
 * takes far longer than indexing this site ever should fails the build.
 */
async function step<T>(name: string, work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Pagefind ${name} did not finish within ${ms / 1000} s; check the output path and the Pagefind service.`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** Every HTML file under the site folder, as sorted site-relative paths with "/" separators; Pagefind's own output is skipped. */
export function htmlFiles(siteDir: string): string[] {
  return globSync('**/*.html', { cwd: siteDir, exclude: ['pagefind/**'] })
    .map((path) => path.split(sep).join('/'))
    .sort();
}

/** Pages handed to Pagefind before the first of them is answered: enough to keep its service busy, a few pages' markup in memory. */
export const PAGES_AHEAD = 8;

/** A Pagefind index with the site's settings, filled one built page at a time (withSearchIndex). */
export interface SiteSearchIndex {
  /**
   * Hands one built page to Pagefind: its site-relative path and its markup as `forIndex` (index-text.ts) prepares
   * it, which the caller does (the page pass, in its worker thread); settles once Pagefind has indexed it. Pagefind's service indexes pages one at a time in the order it is sent them, so a
   * caller may start the next few (PAGES_AHEAD, src/lib/pipelined.ts) while it works: the index is the same.
   */
  add(page: string, indexable: string): Promise<void>;
  /** Once every page is added: writes the index to `outputPath` and says how many pages it holds. */
  write(outputPath: string): Promise<IndexResult>;
}

/**
 * Runs `fill` with a new index and closes Pagefind's service after it, whatever happens. `where` names the
 * pages in the error for a site none of whose pages is marked for search.
 */
export async function withSearchIndex<T>(where: string, fill: (index: SiteSearchIndex) => Promise<T>, options: IndexOptions = {}): Promise<T> {
  const ms = options.stepTimeoutMs ?? 60_000;
  try {
    const created = await step('createIndex', createSiteIndex(options.excludeSelectors), ms);
    check('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index.');
    let pages = 0;
    let marked = false;
    return await fill({
      async add(page, indexable) {
        pages++;
        marked ||= BODY_MARKER.test(indexable);
        const added = await step('addHTMLFile', index.addHTMLFile({ sourcePath: page, content: indexable }), ms);
        check(`addHTMLFile (${page})`, added.errors);
      },
      async write(outputPath) {
        // Without any data-pagefind-body, Pagefind would index every page's whole
        // <body>, navigation and footer included: a broken layout, not a choice.
        if (!marked)
          throw new Error(
            `Search index: none of the ${pages} HTML pages in ${where} marks its content with data-pagefind-body. Put data-pagefind-body on the main content (src/layouts/Base.astro, <main>).`,
          );
        const written = await step('writeFiles', index.writeFiles({ outputPath }), ms);
        check('writeFiles', written.errors);
        // The count from the written entry file: getFiles() would copy the whole index into Node.
        const entry = JSON.parse(readFileSync(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
          languages: Record<string, { page_count: number }>;
        };
        const pageCount = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
        if (pageCount === 0) throw new Error(`Search index: Pagefind indexed no pages from ${where}; is data-pagefind-body on the main content?`);
        return { pageCount, outputPath: written.outputPath };
      },
    });
  } finally {
    await pagefind.close();
  }
}

/** Indexes every HTML page of a built site folder (Pagefind's own output skipped), read one page at a time. */
export function buildSearchIndex(siteDir: string, outputPath: string, options: IndexOptions = {}): Promise<IndexResult> {
  return withSearchIndex(
    siteDir,
    async (index) => {
      await pipelined(htmlFiles(siteDir), PAGES_AHEAD, (page) =>
        index.add(page, forIndex(readFileSync(join(siteDir, page), 'utf8'), page.startsWith('articles/'))),
      );
      return index.write(outputPath);
    },
    options,
  );
}
