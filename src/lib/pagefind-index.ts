/**
 * Builds the Pagefind search index of a built site through Pagefind's Node
 * API. Any error Pagefind reports fails the caller: a site whose search
 * silently misses pages is worse than a failed build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';

export interface IndexResult {
  pageCount: number;
  outputPath: string;
}

export interface IndexOptions {
  /** Site-relative paths of built pages to leave out of the index ("quotes/index.html"). */
  excludePages?: readonly string[];
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
export const EXCLUDE_SELECTORS = ['.visually-hidden', '.self-link', '[aria-hidden="true"]', '.quote-cards', '.mention-list', 'ol.cards > li > .quote-card'] as const;

const BODY_MARKER = /<[^>]+\sdata-pagefind-body[\s=>]/;

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

/** Every HTML file under the site folder, as site-relative paths with "/" separators; Pagefind's own output is skipped. */
export function htmlFiles(siteDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!(dir === siteDir && name === 'pagefind')) walk(path);
      } else if (name.endsWith('.html')) found.push(relative(siteDir, path).split(sep).join('/'));
    }
  };
  walk(siteDir);
  return found.sort();
}

export async function buildSearchIndex(siteDir: string, outputPath: string, options: IndexOptions = {}): Promise<IndexResult> {
  const exclude = new Set(options.excludePages ?? []);
  const missing = [...exclude].filter((page) => !htmlFiles(siteDir).includes(page));
  if (missing.length > 0) throw new Error(`Search index: pages to exclude were not built: ${missing.join(', ')}. Fix the excludePages option of the Pagefind integration.`);
  const pages = htmlFiles(siteDir)
    .filter((page) => !exclude.has(page))
    .map((page) => ({ page, content: readFileSync(join(siteDir, page), 'utf8') }));
  // Without any data-pagefind-body, Pagefind would index every page's whole
  // <body>, navigation and footer included: a broken layout, not a choice.
  if (!pages.some(({ content }) => BODY_MARKER.test(content))) {
    throw new Error(`Search index: none of the ${pages.length} HTML pages in ${siteDir} marks its content with data-pagefind-body. Put data-pagefind-body on the main content (src/layouts/Base.astro, <main>).`);
  }
  const ms = options.stepTimeoutMs ?? 60_000;
  try {
    const created = await step('createIndex', pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: [...(options.excludeSelectors ?? EXCLUDE_SELECTORS)] }), ms);
    check('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index.');
    for (const { page, content } of pages) {
      const added = await step(`indexing ${page}`, index.addHTMLFile({ sourcePath: page, content }), ms);
      check(`indexing ${page}`, added.errors);
    }
    const written = await step('writeFiles', index.writeFiles({ outputPath }), ms);
    check('writeFiles', written.errors);
    const files = await step('getFiles', index.getFiles(), ms);
    check('getFiles', files.errors);
    const entry = files.files.find((file) => file.path === 'pagefind-entry.json');
    const pageCount = entry ? Object.values((JSON.parse(Buffer.from(entry.content).toString('utf8')) as { languages: Record<string, { page_count: number }> }).languages).reduce((n, l) => n + l.page_count, 0) : 0;
    if (pageCount === 0) throw new Error(`Search index: Pagefind indexed no pages from ${siteDir}; is data-pagefind-body on the main content?`);
    return { pageCount, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}
