/**
 * One built page through the per-page steps of the page pass (src/integrations/page-pass.ts), as far as
 * they need the page alone: its alias anchors (permalinks.ts `aliasEditor`), its scan (page-scan.ts), its
 * policy narrowed to its own inline hashes (csp-narrow.ts), and what Pagefind is given of it
 * (src/search/index-text.ts). What needs every page (the link check, the permalink manifest, the headers,
 * the index itself) is done with the result, one page at a time, by the pass. Pure: the pass runs it in
 * its worker threads (page-worker.ts), beside the thread that checks the links.
 */
import { scanPage, type PageScan } from './page-scan.ts';
import { narrowPolicy } from './csp-narrow.ts';
import { isRedirectPage } from './permalinks.ts';
import { forIndex, marksBody } from '../search/index-text.ts';

const META_POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

export interface WorkedPage {
  /** The page's file in the site ("articles/x/index.html"). */
  page: string;
  /** Its ids, anchor names, links and inline hashes, alias anchors included. */
  scan: PageScan;
  /** A redirect page written by the build (permalinks.ts): a pointer with no permalinks of its own. */
  redirect: boolean;
  /** Its Content-Security-Policy as its <meta> now gives it (entities decoded); undefined when it has none. */
  policy: string | undefined;
  /** Characters the narrowing took out of the page. */
  saved: number;
  /** Whether what search is given of it carries data-pagefind-body (index-text.ts marksBody). */
  marked: boolean;
}

/**
 * The page's result, its new markup when the steps changed it (undefined when the file is to stay as it is),
 * and what the search index is given of it.
 */
export function workPage(
  page: string,
  original: string,
  aliasAnchors: (page: string, html: string, scan: PageScan) => string,
): { worked: WorkedPage; html: string | undefined; indexable: string } {
  let html = original;
  let scan = scanPage(html);
  const aliased = aliasAnchors(page, html, scan);
  if (aliased !== html) scan = scanPage((html = aliased));
  const narrowed = narrowPolicy(html, page, scan);
  const saved = html.length - narrowed.length;
  html = narrowed;
  const policy = META_POLICY.exec(html)?.[1]?.replaceAll('&#39;', "'");
  const indexable = forIndex(html, page.startsWith('articles/'));
  return {
    worked: { page, scan, redirect: isRedirectPage(html), policy, saved, marked: marksBody(indexable) },
    html: html === original ? undefined : html,
    indexable,
  };
}
