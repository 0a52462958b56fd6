/**
 * Search in `astro dev`: there is no built site to index, so on the first
 * request for /pagefind/… the dev server's own pages are fetched (following
 * links from the home page), indexed in memory with Pagefind's Node API and
 * served from memory until a source file changes. Errors are returned as
 * the response (status 500 with the message), so the search UI says why it
 * cannot search instead of showing an empty list.
 */
import { createSiteIndex } from './pagefind-index.ts';
import { forIndex } from './index-text.ts';

export type IndexFiles = Map<string, Uint8Array>;

const SKIP = /^\/(?:_astro|@|node_modules|pagefind|src)\b/;

/** Same-site page paths linked from an HTML document (fragments and queries dropped). */
export function pageLinks(html: string): string[] {
  const out = new Set<string>();
  for (const match of html.matchAll(/\shref="(\/[^"#?]*)/g)) {
    const path = match[1]!;
    if (!SKIP.test(path) && (path.endsWith('/') || path.endsWith('.html'))) out.add(path);
  }
  return [...out];
}

export async function crawl(origin: string, start = '/', limit = 500): Promise<{ url: string; content: string }[]> {
  const seen = new Set([start]);
  const queue = [start];
  const pages: { url: string; content: string }[] = [];
  while (queue.length > 0) {
    const batch = queue.splice(0, 4);
    await Promise.all(
      batch.map(async (path) => {
        const response = await fetch(new URL(path, origin), { headers: { accept: 'text/html' } });
        if (!response.ok || !(response.headers.get('content-type') ?? '').includes('text/html')) return;
        const content = await response.text();
        pages.push({ url: path, content });
        for (const link of pageLinks(content)) {
          if (!seen.has(link) && seen.size < limit) {
            seen.add(link);
            queue.push(link);
          }
        }
      }),
    );
  }
  return pages;
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed (dev index):\n  ${errors.join('\n  ')}`);
}

/** The URL a built file is served at ("quotes/index.html" → "/quotes/"). */
export function pageUrl(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

export async function buildDevIndex(origin: string, excludePages: readonly string[] = []): Promise<IndexFiles> {
  const excluded = new Set(excludePages.map(pageUrl));
  const pages = (await crawl(origin)).filter((page) => !excluded.has(page.url));
  const created = await createSiteIndex();
  check('createIndex', created.errors);
  const index = created.index!;
  for (const page of pages)
    check(`indexing ${page.url}`, (await index.addHTMLFile({ url: page.url, content: forIndex(page.content, page.url.startsWith('/articles/')) })).errors);
  const files = await index.getFiles();
  check('getFiles', files.errors);
  await index.deleteIndex();
  return new Map(files.files.map((file) => [`/${file.path.replace(/^\/+/, '')}`, file.content]));
}

export function contentType(path: string): string {
  if (path.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (path.endsWith('.css')) return 'text/css; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json; charset=utf-8';
  return 'application/octet-stream';
}
