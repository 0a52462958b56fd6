/**
 * Checks a built site for links that lead nowhere: every internal `href`,
 * `src` and `srcset` must name a file that exists, and every `#fragment` an
 * element id on the page it points to. Also reports ids used twice on a page
 * (a fragment to such an id is ambiguous). Pure: it reads nothing itself, so
 * the build integration and the tests hand it the pages.
 *
 * Streaming: each page is scanned (src/postbuild/page-scan.ts) and dropped; what is kept per page is its
 * set of ids, and per distinct link (attribute, URL, resolved target) the
 * pages that carry it, so a link repeated on every page is stored once.
 */
import { scanPage, type PageScan } from './page-scan.ts';

export interface Problem {
  /** The page the link or id is on, as a file path in the site ("articles/x/index.html"). */
  page: string;
  message: string;
}

export interface SiteFiles {
  /**
   * Every HTML page as [site-relative file path, markup]. Iterated once, one
   * page at a time: a lazy iterable keeps only one page's markup in memory.
   */
  pages: Iterable<[string, string]>;
  /** Whether a site-relative file path exists (assets, pages, anything). */
  exists(file: string): boolean;
}

/** The page's file path for a site path ("/a/" → "a/index.html"), trying the forms a static server serves. */
function candidateFiles(pathname: string): string[] {
  const clean = decodeURIComponent(pathname).replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) return [`${clean}index.html`];
  return [clean, `${clean}/index.html`, `${clean}.html`];
}

function pageUrl(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

interface Link {
  attribute: string;
  url: string;
  /** The file the link resolves to, or undefined when it is not in the build. */
  file: string | undefined;
  pathname: string;
  fragment: string;
  pages: string[];
}

export interface CheckOptions {
  /** The live site's address: links to it are checked as internal ones. */
  site?: string;
}

/**
 * A link check fed one page at a time (`page`), which reports once every page
 * has been seen (`problems`). The build's pass over dist/ (src/integrations/page-pass.ts)
 * feeds it the scans it makes anyway; `checkSite` reads and scans the pages itself.
 */
export function linkChecker(exists: SiteFiles['exists'], options: CheckOptions = {}) {
  const base = 'http://site.invalid';
  const siteOrigin = options.site ? new URL(options.site).origin : undefined;
  const ids = new Map<string, Set<string>>();
  const links = new Map<string, Link>();
  const problems: Problem[] = [];

  /** Where a URL leads: undefined when it is not valid, null when it leaves the site. */
  type Target = { pathname: string; fragment: string } | null | undefined;
  const targets = new Map<string, Target>();
  const resolve = (page: string, url: string): Target => {
    // A URL with a scheme or starting with "/" leads to the same place from every page: resolved once for the site
    // (a link repeated on every page is most of them); a relative one ("#id", "../x/") once per page.
    const key = url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${page}\0${url}`;
    if (targets.has(key)) return targets.get(key);
    let target: Target;
    try {
      const parsed = new URL(url, new URL(pageUrl(page), base));
      const internal = parsed.origin === base || (siteOrigin !== undefined && parsed.origin === siteOrigin);
      // A text fragment (#id:~:text=…) is a directive for the browser, not part of the id.
      target = internal ? { pathname: parsed.pathname, fragment: decodeURIComponent(parsed.hash.slice(1).split(':~:')[0]!) } : null;
    } catch {
      target = undefined;
    }
    targets.set(key, target);
    return target;
  };

  const record = (page: string, attribute: string, url: string) => {
    const target = resolve(page, url);
    if (target === undefined) {
      problems.push({ page, message: `${attribute}="${url}" is not a valid URL` });
      return;
    }
    if (target === null) return;
    const { pathname, fragment } = target;
    const key = `${attribute}\0${url}\0${pathname}\0${fragment}`;
    const known = links.get(key);
    if (known) {
      if (known.pages.at(-1) !== page) known.pages.push(page);
      return;
    }
    const file = candidateFiles(pathname).find((candidate) => exists(candidate));
    links.set(key, { attribute, url, file, pathname, fragment, pages: [page] });
  };

  return {
    page(page: string, scan: PageScan) {
      const seen = new Set<string>();
      const twice = new Set<string>();
      for (const { id } of scan.ids) {
        if (seen.has(id)) twice.add(id);
        seen.add(id);
      }
      for (const name of scan.names) seen.add(name);
      // <link rel=canonical|alternate> carries absolute URLs of the live site; they are checked as internal ones.
      for (const { attribute, url } of scan.links) record(page, attribute, url);
      ids.set(page, seen);
      for (const id of twice) problems.push({ page, message: `id "${id}" is used more than once` });
    },
    problems(): Problem[] {
      const found = [...problems];
      for (const { attribute, url, file, pathname, fragment, pages } of links.values()) {
        let message: string | undefined;
        if (!file) {
          message = `${attribute}="${url}" points to ${pathname}, which is not in the build`;
        } else if (fragment !== '' && fragment !== 'top') {
          const targetIds = ids.get(file);
          if (!targetIds) message = `${attribute}="${url}" has a #fragment but ${file} is not an HTML page`;
          else if (!targetIds.has(fragment)) message = `${attribute}="${url}": no element with id "${fragment}" on ${pageUrl(file)}`;
        }
        if (message) for (const page of pages) found.push({ page, message });
      }
      // Grouped by page (a stable sort keeps each page's problems in the order found).
      return found.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
    },
  };
}

export function checkSite(files: SiteFiles, options: CheckOptions = {}): Problem[] {
  const checker = linkChecker((file) => files.exists(file), options.site === undefined ? {} : { site: options.site });
  for (const [page, html] of files.pages) checker.page(page, scanPage(html));
  return checker.problems();
}

/** One line per problem, grouped by page, for a build error or a test failure. */
export function formatProblems(problems: Problem[]): string {
  return problems.map(({ page, message }) => `  ${page}: ${message}`).join('\n');
}
