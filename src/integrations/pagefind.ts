/**
 * Indexes the built site for search at the end of `astro build`, so the
 * index always matches the pages it was built from. No separate CLI step.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildSearchIndex } from '../lib/pagefind-index.ts';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'summit-desk:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        const { pageCount } = await buildSearchIndex(siteDir, join(siteDir, 'pagefind'));
        logger.info(`Indexed ${pageCount} pages for search in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}
