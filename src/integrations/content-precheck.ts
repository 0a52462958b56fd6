/**
 * Content checks that must run before Astro loads the content, because
 * Astro's own handling hides the problem:
 * - article file names must be lower-case slugs (src/model/article-files.ts):
 *   the file name is the article's id and its URL, and "Hanoi Hangover.mdx"
 *   beside "hanoi-hangover.mdx" would be two pages one case-insensitive disk
 *   cannot hold (Astro's glob loader, used before, kept one of them silently);
 * - problems in an article's frontmatter are reported with their file, line
 *   and field (src/model/schema-lines.ts); Astro reports them at "file:0:0".
 *   (The data files are parsed, with their lines, by the registry:
 *   src/model/registry.ts, reported by the content guard.)
 * Listed after the publish guard, so a stale dist/ is removed when this fails.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFileProblems } from '../model/article-files.ts';
import { frontmatterProblems } from '../model/schema-lines.ts';
import { articleSchema } from '../model/schemas/article.ts';

export default function contentPrecheckIntegration(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'summit-desk:content-precheck',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const root = fileURLToPath(config.root);
        const articlesDir = join(options.contentDir, 'articles');
        const names = readdirSync(articlesDir);
        const badNames = articleFileProblems(names, relative(root, articlesDir));
        if (badNames.length > 0) throw new Error(`Article files that cannot be published:\n${badNames.map((p) => `  ${p}`).join('\n')}`);
        const problems: string[] = [];
        for (const name of names.filter((n) => n.endsWith('.mdx'))) {
          const path = join(articlesDir, name);
          problems.push(...frontmatterProblems(relative(root, path), readFileSync(path, 'utf8'), articleSchema));
        }
        if (problems.length > 0)
          throw new Error(
            `Content that does not match its schema. Fix the field at the line given; src/model/schemas/ says what each field takes:\n${problems.map((p) => `  ${p}`).join('\n')}`,
          );
      },
    },
  };
}
