/**
 * Gives each built page a Content-Security-Policy <meta> with only its own
 * inline hashes (see src/lib/csp-narrow.ts). Runs before the headers are
 * written, so the header policy lists exactly the hashes pages use.
 * One page at a time: read, narrowed, written back, dropped.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { narrowPolicy } from '../lib/csp-narrow.ts';
import { readSiteFiles } from './site-files.ts';

export default function cspPerPage(): AstroIntegration {
  return {
    name: 'summit-desk:csp-per-page',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        let saved = 0;
        for (const [page, html] of readSiteFiles(root).pages) {
          const narrowed = narrowPolicy(html, page);
          if (narrowed === html) continue;
          saved += html.length - narrowed.length;
          writeFileSync(join(root, page), narrowed);
        }
        logger.info(`Narrowed each page's CSP to its own inline hashes (${Math.round(saved / 1024)} KB less HTML) in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}
