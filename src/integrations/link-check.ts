/**
 * Fails `astro build` when a built page links to a page, asset or #fragment
 * that is not in the build, or repeats an id, listing each problem with the
 * page it is on. Runs after the pages are written and before search indexing.
 * The same pass, one page at a time, narrows each page's CSP (csp-per-page.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSite, formatProblems } from '../lib/link-check.ts';
import { readSiteFiles } from './site-files.ts';
import { cspNarrowing } from './csp-per-page.ts';

/**
 * Where a broken link on a built article page came from: the article's MDX
 * file, and the line that holds the link, when it can be found.
 */
function sourceHint(root: string, page: string, message: string): string {
  const slug = /^articles\/([^/]+)\/index\.html$/.exec(page)?.[1];
  if (!slug) return '';
  const file = `content/articles/${slug}.mdx`;
  const path = join(root, file);
  if (!existsSync(path)) return '';
  const url = /="([^"]*)"/.exec(message)?.[1];
  const line = url
    ? readFileSync(path, 'utf8')
        .split('\n')
        .findIndex((text) => text.includes(url))
    : -1;
  return ` (from ${file}${line >= 0 ? `:${line + 1}` : ''})`;
}

export default function linkCheckIntegration(): AstroIntegration {
  let site: string | undefined;
  let root = process.cwd();
  return {
    name: 'summit-desk:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const siteDir = fileURLToPath(dir);
        const files = readSiteFiles(siteDir);
        const csp = cspNarrowing(siteDir);
        const problems = checkSite(files, { ...(site ? { site } : {}), onPage: csp.onPage }).map((problem) => ({
          ...problem,
          message: problem.message + sourceHint(root, problem.page, problem.message),
        }));
        if (problems.length > 0) {
          throw new Error(
            `${problems.length} broken link(s) or duplicate id(s) in the built site:\n${formatProblems(problems)}\n` +
              'Fix: point the link at a page or record id that exists (see src/lib/urls.ts), or give the element a unique id.',
          );
        }
        logger.info(
          `Checked the links and ids of ${files.pages.size} pages and narrowed each page's CSP to its own inline hashes (${Math.round(csp.savedBytes() / 1024)} KB less HTML) in ${Math.round(performance.now() - started)} ms: no link broken.`,
        );
      },
    },
  };
}
