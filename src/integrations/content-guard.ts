/**
 * Refuses unreadable content before Astro parses any of it: every file under
 * content/ must be UTF-8 and of a sane size (src/model/content-files.ts). It
 * also reports, at the same point, an error from reading the data files for
 * the annotation registry or from SITE_URL (astro.config.mjs), so that error
 * reaches the reader with the publish guard already in place.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContentFile, formatContentProblem, type ContentFileProblem } from '../model/content-files.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export default function contentGuardIntegration(options: { contentDir: string; registryError?: unknown; siteError?: unknown }): AstroIntegration {
  return {
    name: 'summit-desk:content-guard',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const root = fileURLToPath(config.root);
        const problems: ContentFileProblem[] = [];
        for (const path of filesUnder(options.contentDir)) {
          const problem = checkContentFile(relative(root, path), readFileSync(path));
          if (problem) problems.push(problem);
        }
        if (problems.length > 0) {
          throw new AstroError(
            `Content files that cannot be used:\n${problems.map((p) => `  ${formatContentProblem(p)}`).join('\n')}`,
            'Save each file named as UTF-8 text (each line says what is wrong with it), or remove it from content/.',
          );
        }
        // SITE_URL's own message names the variable and the fix (src/lib/site-url.ts).
        if (options.siteError !== undefined) throw options.siteError;
        const { registryError } = options;
        if (registryError instanceof Error) {
          const failure = new AstroError(
            registryError.message,
            'Fix the record at the file and line named: each data file is a list of records whose shape is in src/model/schemas/.',
          );
          failure.cause = registryError;
          throw failure;
        }
        if (registryError !== undefined) throw registryError;
      },
    },
  };
}
