/**
 * Fails `astro build` when a built page links to a page, asset or #fragment
 * that is not in the build, or repeats an id, listing each problem with the
 * page it is on. Runs after the pages are written and before search indexing.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkSite, formatProblems } from '../lib/link-check.ts';
import { readSiteFiles } from './site-files.ts';

export default function linkCheckIntegration(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'summit-desk:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const files = readSiteFiles(fileURLToPath(dir));
        const problems = checkSite(files, site ? { site } : {});
        if (problems.length > 0) {
          throw new Error(
            `${problems.length} broken link(s) or duplicate id(s) in the built site:\n${formatProblems(problems)}\n` +
              'Fix: point the link at a page or record id that exists (see src/lib/urls.ts), or give the element a unique id.',
          );
        }
        logger.info(`Checked the links and ids of ${files.pages.size} pages: none broken.`);
      },
    },
  };
}
