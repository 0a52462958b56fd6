/**
 * Refuses unreadable content before Astro parses any of it: every file under
 * content/ must be UTF-8 and of a sane size (src/lib/content-files.ts). It
 * also reports, at the same point, an error from reading the data files for
 * the annotation registry (astro.config.mjs), so that error reaches the
 * reader with the publish guard already in place.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContentFile, formatContentProblem, type ContentFileProblem } from '../lib/content-files.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export default function contentGuardIntegration(options: { contentDir: string; registryError?: unknown }): AstroIntegration {
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
        if (problems.length > 0) throw new Error(`Content files that cannot be used:\n${problems.map((p) => `  ${formatContentProblem(p)}`).join('\n')}`);
        if (options.registryError) throw options.registryError;
      },
    },
  };
}
