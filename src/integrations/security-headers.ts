/**
 * Writes the security headers (src/lib/security-headers.ts) for the hosts
 * that serve dist/: `_headers` for Netlify / Cloudflare Pages, and
 * `serve.json` for the `serve` package behind `npm start`. The header CSP
 * lists every inline hash Astro put in the pages' <meta> policies, so the two
 * policies agree.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashesInPolicy, securityHeaders, toHeadersFile, toServeConfig } from '../lib/security-headers.ts';
import { readSiteFiles } from './site-files.ts';

const META_POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

export default function securityHeadersIntegration(): AstroIntegration {
  return {
    name: 'summit-desk:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        for (const [page, html] of readSiteFiles(root).pages) {
          const policy = META_POLICY.exec(html)?.[1];
          if (!policy)
            throw new AstroError(
              `${page} has no Content-Security-Policy <meta> tag.`,
              'Turn `security.csp` on in astro.config.mjs: the headers are written from each page’s policy.',
            );
          const found = hashesInPolicy(policy.replaceAll('&#39;', "'"));
          found.scripts.forEach((hash) => scripts.add(hash));
          found.styles.forEach((hash) => styles.add(hash));
        }
        const headers = securityHeaders({ scripts, styles });
        writeFileSync(join(root, '_headers'), toHeadersFile(headers));
        writeFileSync(join(root, 'serve.json'), `${JSON.stringify(toServeConfig(headers), null, 2)}\n`);
        logger.info(`Wrote _headers and serve.json (${scripts.size} script and ${styles.size} style hashes).`);
      },
    },
  };
}
