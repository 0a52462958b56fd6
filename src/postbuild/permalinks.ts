/**
 * Permalinks that never break. Every page path and every fragment id a reader
 * may have linked to (article paragraphs, headings and the pull quote,
 * quotations, meetings and other events, people, organisations, places) is
 * pinned in a committed manifest, src/data/permalinks.json. A build that
 * would drop one fails, naming it, unless src/data/permalink-moves.json says
 * where it went:
 *
 *   {"paths": {"/quotes/<old-id>/": "/quotes/<new-id>/"},
 *    "fragments": {"/articles/<slug>/#<old-id>": "<new-id>"}}
 *
 * For a moved fragment the build adds an empty element with the old id at the
 * start of the element with the new one; for a moved path, a `_redirects`
 * line (read by Netlify and Cloudflare Pages) and a static redirect page.
 * New ids are added to the manifest by `npm run ids -- --update`, never by the build.
 */
import { scanPage, type PageScan } from './page-scan.ts';

/** The manifest: for each page path, its permalink ids (both sorted). */
export interface PermalinkManifest {
  pages: Record<string, string[]>;
}

export interface PermalinkMoves {
  paths: Record<string, string>;
  fragments: Record<string, string>;
}

/** Site path of a built file: "articles/x/index.html" → "/articles/x/", "404.html" → "/404.html". */
export function sitePath(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** A redirect page written by this module: it is a pointer, not a page of its own. */
export const REDIRECT_MARK = '<meta name="generator" content="summit-desk redirect">';

export function isRedirectPage(html: string): boolean {
  return html.includes(REDIRECT_MARK);
}

const ARTICLE = /^\/articles\/[^/]+\/$/;
const QUOTE_PAGE = /^\/quotes\/([^/]+)\/$/;
/** Prefixes that say which kind of record an id names on a listing page ("org-mit", "place-hanoi"). */
const KIND_PREFIX = /^(?:person|org|place|event)-/;
/**
 * The permalink ids of each page, fed one page at a time (`page`, with its
 * scan when the caller has made one) and reported once all are seen (`result`).
 * `recordIds` are the ids of the data records (people, organisations, places,
 * events); quotation ids are those with a page of their own (/quotes/<id>/),
 * so ids are kept per page first and filtered once every quote page has been seen.
 */
export function permalinkCollector(recordIds: ReadonlySet<string>) {
  const known = new Set(recordIds);
  const found: { path: string; ids: PageScan['ids'] }[] = [];
  /** A page already scanned, by its ids; undefined for a redirect page (isRedirectPage), which has none of its own. */
  const scanned = (file: string, ids: PageScan['ids'] | undefined) => {
    const path = sitePath(file);
    if (ids === undefined) {
      found.push({ path, ids: [] });
      return;
    }
    const quote = QUOTE_PAGE.exec(path)?.[1];
    if (quote) known.add(quote);
    found.push({ path, ids });
  };
  return {
    page(file: string, html: string, scan?: PageScan) {
      scanned(file, isRedirectPage(html) ? undefined : (scan ?? scanPage(html)).ids);
    },
    scanned,
    result(): PermalinkManifest {
      const result: Record<string, string[]> = {};
      for (const { path, ids } of found.sort((a, b) => a.path.localeCompare(b.path))) {
        const kept = new Set<string>();
        for (const { tag, id, alias } of ids) {
          // An alias anchor keeps a moved permalink alive, whatever kind of id it was.
          const inArticle = ARTICLE.test(path) && (/^pq?-/.test(id) || /^h[2-6]$/i.test(tag));
          if (alias || inArticle || known.has(id) || known.has(id.replace(KIND_PREFIX, ''))) kept.add(id);
        }
        result[path] = [...kept].sort();
      }
      return { pages: result };
    },
  };
}

/** The permalink ids of each page, in one pass over the pages (read one at a time). */
export function collectPermalinks(pages: Iterable<readonly [string, string]>, recordIds: ReadonlySet<string>): PermalinkManifest {
  const collector = permalinkCollector(recordIds);
  for (const [file, html] of pages) collector.page(file, html);
  return collector.result();
}

/**
 * What the manifest holds that the build does not: "path" or "path#id".
 * A path in `redirected` is a redirect now; its ids go with it to the new page.
 */
export function droppedPermalinks(manifest: PermalinkManifest, current: PermalinkManifest, redirected: ReadonlySet<string> = new Set()): string[] {
  const dropped: string[] = [];
  for (const [path, ids] of Object.entries(manifest.pages)) {
    const now = current.pages[path];
    if (!now) {
      dropped.push(path);
      continue;
    }
    if (redirected.has(path)) continue;
    const present = new Set(now);
    for (const id of ids) if (!present.has(id)) dropped.push(`${path}#${id}`);
  }
  return dropped;
}

/** What the build has that the manifest does not yet list (for `npm run ids`). */
export function addedPermalinks(manifest: PermalinkManifest, current: PermalinkManifest): string[] {
  return droppedPermalinks(current, manifest);
}

/** Reads and checks the shape of the moves file's JSON; throws with the fix when it is wrong. */
export function parseMoves(json: string | undefined, file = 'src/data/permalink-moves.json'): PermalinkMoves {
  if (json === undefined) return { paths: {}, fragments: {} };
  const value = parseJson(json, file, 'Fix the JSON at the place given (`git diff` shows what changed).');
  const problems: string[] = [];
  const record = (key: string): Record<string, string> => {
    const part = (value as Record<string, unknown> | null)?.[key] ?? {};
    if (typeof part !== 'object' || part === null || Array.isArray(part) || Object.values(part).some((v) => typeof v !== 'string')) {
      problems.push(`"${key}" must be an object of strings`);
      return {};
    }
    return part as Record<string, string>;
  };
  const moves = { paths: record('paths'), fragments: record('fragments') };
  const pathShape = /^\/(?:[a-z0-9-]+\/)*$/;
  for (const [from, to] of Object.entries(moves.paths)) {
    if (!pathShape.test(from) || !pathShape.test(to)) problems.push(`paths: "${from}" → "${to}": both must be site paths like "/quotes/<id>/"`);
  }
  for (const [from, to] of Object.entries(moves.fragments)) {
    if (!/^\/(?:[a-z0-9-]+\/)*#[A-Za-z0-9_-]+$/.test(from) || !/^[A-Za-z0-9_-]+$/.test(to)) {
      problems.push(`fragments: "${from}" → "${to}": the key is "/page/path/#old-id" and the value the new id alone`);
    }
  }
  if (problems.length > 0)
    throw new Error(
      `${file}: ${problems.join('; ')}. Shape: {"paths": {"/quotes/<old-id>/": "/quotes/<new-id>/"}, "fragments": {"/articles/<slug>/#<old-id>": "<new-id>"}}.`,
    );
  return moves;
}

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * Adds `<span id="old"></span>` as the first child of the element with id
 * `target`, so that a link to #old lands where #target does. Throws when the
 * page has no such element, or already has the old id.
 */
export function addAlias(html: string, page: string, oldId: string, target: string): string {
  if (html.includes(` id="${oldId}"`))
    throw new Error(
      `${page}#${oldId} is recorded as moved to #${target}, but the page still has id "${oldId}". Remove the move from src/data/permalink-moves.json.`,
    );
  // The first start tag that carries the id: found by the attribute, then the tag around it (the listing
  // pages of a large site run to megabytes, where a pattern that tries every tag in turn is slow).
  let at = -1;
  for (let found = html.indexOf(`id="${target}"`); found >= 0 && at < 0; found = html.indexOf(`id="${target}"`, found + 1)) {
    const start = html.lastIndexOf('<', found);
    if (/\s/.test(html[found - 1] ?? '') && start >= 0 && /^<[a-zA-Z]/.test(html.slice(start, start + 2)) && !html.slice(start, found).includes('>'))
      at = html.indexOf('>', found) + 1;
  }
  if (at <= 0)
    throw new Error(
      `${page}#${oldId} is recorded as moved to #${target}, but ${page} has no element with id "${target}". Fix the move in src/data/permalink-moves.json.`,
    );
  // Empty, so readers and assistive technology never meet it: it only gives the old link somewhere to land.
  return `${html.slice(0, at)}<span id="${escapeAttribute(oldId)}" data-permalink-alias></span>${html.slice(at)}`;
}

const QUOTE_PATH = /^\/quotes\/([^/]+)\/$/;

/** The built file a moved fragment is on, and its old id: "/articles/x/#p-old" → ["articles/x/index.html", "p-old"]. */
export function fragmentPage(fragment: string): [page: string, oldId: string] {
  const [path, oldId] = fragment.split('#') as [string, string];
  return [`${path.replace(/^\//, '')}index.html`, oldId];
}

/**
 * The edit that gives a built page the alias anchors the moves ask for, given the page's file
 * ("articles/x/index.html"), its markup and its scan: an anchor for each fragment moved on that page,
 * and, since a quotation's id is both its page (/quotes/<id>/) and its fragment wherever it is shown
 * (the article, /quotes/, people and meeting pages), one for each quotation whose path moved, on every
 * page that shows the quotation under its new id. Pure: the page pass runs it in its worker thread.
 */
export function aliasEditor(moves: PermalinkMoves): (page: string, html: string, scan: PageScan) => string {
  const fragmentMoves = new Map<string, [string, string][]>();
  for (const [fragment, target] of Object.entries(moves.fragments)) {
    const [page, oldId] = fragmentPage(fragment);
    fragmentMoves.set(page, [...(fragmentMoves.get(page) ?? []), [oldId, target]]);
  }
  const quoteMoves = Object.entries(moves.paths).flatMap(([from, to]) => {
    const [oldId, newId] = [QUOTE_PATH.exec(from)?.[1], QUOTE_PATH.exec(to)?.[1]];
    return oldId && newId ? [[oldId, newId] as const] : [];
  });
  return (page, original, scan) => {
    let html = original;
    const added = new Set<string>();
    for (const [oldId, target] of fragmentMoves.get(page) ?? []) {
      html = addAlias(html, `/${page.replace(/index\.html$/, '')}`, oldId, target);
      added.add(oldId);
    }
    // The page's ids from its scan, not by searching its markup once for each move: every page is asked about every quotation move.
    const has = (id: string) => added.has(id) || scan.ids.some((element) => element.id === id);
    for (const [oldId, newId] of quoteMoves) {
      if (has(newId) && !has(oldId)) {
        html = addAlias(html, page, oldId, newId);
        added.add(oldId);
      }
    }
    return html;
  };
}

/** A static page that sends the reader (and search engines) from a moved path to its new one, with no script. */
export function redirectPage(to: string, site: string | undefined): string {
  const absolute = site ? new URL(to, site).href : to;
  const href = escapeAttribute(to);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script or style at all, so the strictest policy fits; a meta refresh is not governed by CSP.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">`,
    REDIRECT_MARK,
    '<meta name="robots" content="noindex">',
    '<title>This page has moved</title>',
    `<link rel="canonical" href="${escapeAttribute(absolute)}">`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    '</head>',
    '<body>',
    `<main><h1>This page has moved</h1><p>It is now at <a href="${href}">${escapeAttribute(absolute)}</a>.</p></main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** `_redirects` lines (Netlify, Cloudflare Pages): permanent, one per moved path. */
export function redirectLines(paths: Record<string, string>): string {
  return Object.entries(paths)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, to]) => `${from} ${to} 301\n`)
    .join('');
}

/** The manifest as committed: stable order, one id per line, so diffs show exactly what was added. */
export function formatManifest(manifest: PermalinkManifest): string {
  const pages = Object.fromEntries(
    Object.keys(manifest.pages)
      .sort()
      .map((path) => [path, [...manifest.pages[path]!].sort()]),
  );
  return `${JSON.stringify({ $comment: 'Every published page path and permalink id. Checked by every build (src/integrations/permalinks.ts); update with `npm run ids -- --update`.', pages }, null, 2)}\n`;
}

/** JSON.parse, with the file's name and the fix in the error (JSON.parse names neither). */
function parseJson(json: string, file: string, fix: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}. ${fix}`, { cause: error });
  }
}

export function parseManifest(json: string, file = 'src/data/permalinks.json'): PermalinkManifest {
  const value = parseJson(json, file, 'Fix it (`git diff` shows what changed), or recreate it with `npm run build && npm run ids -- --update`.') as {
    pages?: Record<string, string[]>;
  } | null;
  const pages = value?.pages;
  if (!pages || typeof pages !== 'object' || Object.values(pages).some((ids) => !Array.isArray(ids) || ids.some((id) => typeof id !== 'string')))
    throw new Error(`${file}: expected {"pages": {"/path/": ["id", …]}}. Recreate it with \`npm run build && npm run ids -- --update\`.`);
  return { pages };
}
