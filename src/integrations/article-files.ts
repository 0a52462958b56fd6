/**
 * Fails the build on article file names that are not lower-case slugs, or
 * that would share one (src/lib/article-files.ts), before Astro loads them and
 * keeps one of two silently. Listed after the publish guard, so a stale dist/
 * is removed when this fails.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { articleFileProblems } from '../lib/article-files.ts';

export default function articleFilesIntegration(options: { articlesDir: string }): AstroIntegration {
  return {
    name: 'summit-desk:article-files',
    hooks: {
      'astro:config:setup': () => {
        const problems = articleFileProblems(readdirSync(options.articlesDir));
        if (problems.length > 0) throw new Error(`Article files that cannot be published:\n${problems.map((p) => `  ${p}`).join('\n')}`);
      },
    },
  };
}
