/**
 * The one pass over the built pages. Each page is read once, edited, scanned
 * once (src/postbuild/page-scan.ts) and written back only if it changed, in
 * worker threads (src/postbuild/page-thread.ts); every per-page step shares that
 * read and that scan:
 *
 * 1. permalink aliases: an alias anchor for each moved fragment (permalinks.ts;
 *    its redirect pages are written first, so the pass checks them too);
 * 2. CSP narrowing: the page's <meta> policy cut down to its own inline hashes
 *    (src/postbuild/csp-narrow.ts);
 * 3. the link check: every internal link, asset and #fragment must exist, no id
 *    twice on a page (src/postbuild/link-check.ts);
 * 4. the permalink manifest: no pinned path or id may be gone (permalinks.ts);
 * 5. the security headers: `_headers` and `serve.json` list every hash the
 *    narrowed pages use (src/postbuild/security-headers.ts), so the two policies agree;
 * 6. the search index: each page, as written, is prepared for Pagefind
 *    (src/search/index-text.ts) into a folder that Pagefind's service reads
 *    once every check has passed (src/search/pagefind-index.ts).
 *
 * Steps 1, 2, the scan and the preparing for search run in the workers, one
 * per core; steps 3 to 5 here, in the pages' order, as each result arrives.
 * Only a few pages' markup is in memory at a time; what is kept per page is
 * its ids, and per distinct link the pages that carry it.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkChecker, formatProblems } from '../postbuild/link-check.ts';
import { passInThread } from '../postbuild/page-thread.ts';
import { hashesInPolicy, securityHeaders, toHeadersFile, toServeConfig } from '../postbuild/security-headers.ts';
import { readSiteFiles } from './site-files.ts';
import { permalinkCheck, prepareMoves, readPermalinkFiles } from './permalinks.ts';
import { indexPreparedPages, type PreparedPages } from '../search/pagefind-index.ts';

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

export default function pagePass(options: { contentDir: string }): AstroIntegration {
  let site: string | undefined;
  let root = process.cwd();
  let cacheDir = join(root, 'node_modules', '.astro');
  let permalinkFiles: ReturnType<typeof readPermalinkFiles> | undefined;
  return {
    name: 'summit-desk:pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      // When the build starts, before the content is loaded: a malformed manifest or moves file fails here, named.
      'astro:config:setup': ({ command, config }) => {
        if (command === 'build') permalinkFiles = readPermalinkFiles(fileURLToPath(config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const { manifest, moves } = permalinkFiles ?? readPermalinkFiles(root);
        const prepared = prepareMoves(outDir, moves, site);
        const files = readSiteFiles(outDir);
        const links = linkChecker((file) => files.exists(file), site ? { site } : {});
        const permalinks = permalinkCheck(manifest, options.contentDir, prepared.redirected, logger);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        let saved = 0;
        // What search is given of each page, written by the workers where Pagefind reads it; removed by the indexing, or here if the pass fails first.
        const search: PreparedPages = { folder: join(cacheDir, 'summit-search-pages'), pages: files.pages.size, marked: false };
        rmSync(search.folder, { recursive: true, force: true });
        try {
          // Each page is read, scanned, narrowed, written back and prepared for search in worker threads
          // (src/postbuild/page-thread.ts); here, in the pages' order, its links, ids and policy are taken in.
          await passInThread(root, outDir, search.folder, files.pages.paths, moves, (worked) => {
            const { page, scan, policy } = worked;
            saved += worked.saved;
            search.marked ||= worked.marked;
            links.page(page, scan);
            permalinks.scanned(page, worked.redirect ? undefined : scan.ids);
            if (!policy)
              throw new AstroError(
                `${page} has no Content-Security-Policy <meta> tag.`,
                'Turn `security.csp` on in astro.config.mjs: the headers are written from each page’s policy.',
              );
            const found = hashesInPolicy(policy);
            found.scripts.forEach((hash) => scripts.add(hash));
            found.styles.forEach((hash) => styles.add(hash));
          });
          const problems = links.problems().map((problem) => ({ ...problem, message: problem.message + sourceHint(root, problem.page, problem.message) }));
          if (problems.length > 0) {
            throw new Error(
              `${problems.length} broken link(s) or duplicate id(s) in the built site:\n${formatProblems(problems)}\n` +
                'Fix: point the link at a page or record id that exists (see src/lib/urls.ts), or give the element a unique id.',
            );
          }
          permalinks.done(`${prepared.aliases} alias anchor(s), ${prepared.redirects} redirect(s)`);
          const headers = securityHeaders({ scripts, styles });
          writeFileSync(join(outDir, '_headers'), toHeadersFile(headers));
          writeFileSync(join(outDir, 'serve.json'), `${JSON.stringify(toServeConfig(headers), null, 2)}\n`);
          const checked = performance.now();
          logger.info(
            `Checked the links and ids of ${files.pages.size} pages, narrowed each page's CSP to its own inline hashes (${Math.round(saved / 1024)} KB less HTML), wrote the security headers (${scripts.size} script and ${styles.size} style hashes) and prepared each page for the search index in ${Math.round(checked - started)} ms: no link broken.`,
          );
          const { pageCount } = await indexPreparedPages(outDir, search, join(outDir, 'pagefind'));
          logger
            .fork('summit-desk:pagefind')
            .info(`Indexed ${pageCount} pages for search in ${Math.round(performance.now() - checked)} ms after the pass that prepared them.`);
        } finally {
          rmSync(search.folder, { recursive: true, force: true });
        }
      },
    },
  };
}
