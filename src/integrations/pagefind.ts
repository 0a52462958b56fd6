/**
 * Search index for the site (Pagefind, through its Node API):
 * - `astro build`: the build's one pass over the written pages
 *   (src/integrations/page-pass.ts) hands each page to the index as it leaves
 *   it, so the index always matches the pages; any Pagefind error fails the
 *   build. No separate CLI step.
 * - `astro dev`: this integration serves /pagefind/* from an index built in
 *   memory from the dev server's own pages on first use (see src/search/pagefind-dev.ts).
 */
import type { AstroIntegration } from 'astro';
import { buildDevIndex, contentType, type IndexFiles } from '../search/pagefind-dev.ts';

/**
 * What is indexed is decided in the markup: pages whose <main> has no
 * data-pagefind-body (Base.astro's `searchable={false}`) are left out. The
 * /quotes/ listing repeats every quotation word for word (each has its own
 * indexed page, with the filters) and the home page repeats the articles'
 * headlines and standfirsts; indexing them would double hits and grow the
 * index every first search downloads.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'summit-desk:pagefind',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        let files: Promise<IndexFiles> | undefined;
        // Any edit may change what is indexed: rebuild on the next search.
        server.watcher.on('all', () => (files = undefined));
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (!path.startsWith('/pagefind/')) return next();
          const origin = `http://${req.headers.host ?? 'localhost'}`;
          if (!files) {
            logger.info('Building the search index from the dev server’s pages…');
            files = buildDevIndex(origin);
            files.then((built) => logger.info(`Search index ready (${built.size} files).`)).catch(() => (files = undefined));
          }
          files.then(
            (built) => {
              const body = built.get(path.slice('/pagefind'.length));
              if (!body) return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`No ${path} in the dev search index.`);
              res.writeHead(200, { 'content-type': contentType(path), 'cache-control': 'no-store' }).end(Buffer.from(body));
            },
            (error: unknown) => {
              const message = error instanceof Error ? error.message : String(error);
              logger.error(`Search index for dev failed: ${message}`);
              res.writeHead(500, { 'content-type': 'text/plain' }).end(`Search index for dev failed: ${message}`);
            },
          );
        });
      },
    },
  };
}
