/**
 * Builds the Pagefind search index of a built site through Pagefind's Node
 * API, from a folder of the pages as `forIndex` (index-text.ts) prepares
 * them, which Pagefind reads itself; what is not to be indexed is marked in
 * the markup: only
 * pages with data-pagefind-body are indexed (the home page and the quotes
 * listing, which repeat what other pages index, have none), and
 * data-pagefind-ignore or EXCLUDE_SELECTORS leave parts out.
 * Any error Pagefind reports fails the caller: a site whose search silently
 * misses pages is worse than a failed build.
 */
import { globSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { forIndex, marksBody, writePrepared } from './index-text.ts';

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
 * with; indexPreparedPages closes the service after every build.
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
    timer = setTimeout(
      () => reject(new Error(`Pagefind ${name} did not finish within ${Math.round(ms / 1000)} s; check the output path and the Pagefind service.`)),
      ms,
    );
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

/**
 * What the search index is built from: a folder holding each built page as `forIndex` (index-text.ts) prepares
 * it, under its site path, which Pagefind reads itself with all the machine's cores (`addDirectory`), how many
 * pages it holds, and whether any of them carries data-pagefind-body (`marksBody`). Given to Pagefind one at a
 * time through its Node API, the pages were indexed on one core, and each was copied and encoded on the way.
 */
export interface PreparedPages {
  folder: string;
  pages: number;
  marked: boolean;
}

/**
 * Indexes the prepared pages and writes the index to `outputPath`; Pagefind's service is closed after it, and the
 * folder is removed (while Pagefind writes, once it has read it), whatever happens. `where` names the pages in
 * the error for a site none of whose pages is marked for search.
 */
export async function indexPreparedPages(where: string, prepared: PreparedPages, outputPath: string, options: IndexOptions = {}): Promise<IndexResult> {
  const ms = options.stepTimeoutMs ?? 60_000;
  // Reading and writing grow with the site: a large one gets longer before it is taken for a hung service.
  const sized = ms + 20 * prepared.pages;
  let removed: Promise<void> | undefined;
  const remove = () => (removed ??= rm(prepared.folder, { recursive: true, force: true }));
  try {
    // Without any data-pagefind-body, Pagefind would index every page's whole
    // <body>, navigation and footer included: a broken layout, not a choice.
    if (!prepared.marked)
      throw new Error(
        `Search index: none of the ${prepared.pages} HTML pages in ${where} marks its content with data-pagefind-body. Put data-pagefind-body on the main content (src/layouts/Base.astro, <main>).`,
      );
    const created = await step('createIndex', createSiteIndex(options.excludeSelectors), ms);
    check('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index.');
    const added = await step('addDirectory', index.addDirectory({ path: prepared.folder }), sized);
    check('addDirectory', added.errors);
    void remove();
    const written = await step('writeFiles', index.writeFiles({ outputPath }), sized);
    check('writeFiles', written.errors);
    // The count from the written entry file: getFiles() would copy the whole index into Node.
    const entry = JSON.parse(readFileSync(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pageCount = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (pageCount === 0) throw new Error(`Search index: Pagefind indexed no pages from ${where}; is data-pagefind-body on the main content?`);
    return { pageCount, outputPath: written.outputPath };
  } finally {
    await Promise.all([pagefind.close(), remove()]);
  }
}

/** Indexes every HTML page of a built site folder (Pagefind's own output skipped), prepared in a temporary folder. */
export function buildSearchIndex(siteDir: string, outputPath: string, options: IndexOptions = {}): Promise<IndexResult> {
  const folder = mkdtempSync(join(tmpdir(), 'summit-search-'));
  const prepared: PreparedPages = { folder, pages: 0, marked: false };
  const folders = new Set<string>();
  for (const page of htmlFiles(siteDir)) {
    const indexable = forIndex(readFileSync(join(siteDir, page), 'utf8'), page.startsWith('articles/'));
    writePrepared(folder, page, indexable, folders);
    prepared.pages += 1;
    prepared.marked ||= marksBody(indexable);
  }
  return indexPreparedPages(siteDir, prepared, outputPath, options);
}
