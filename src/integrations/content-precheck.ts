/**
 * Content checks that must run before Astro loads the content, because
 * Astro's own handling hides the problem:
 * - article file names must be lower-case slugs (src/lib/article-files.ts):
 *   Astro's glob loader gives "Hanoi Hangover.mdx" and "hanoi-hangover.mdx"
 *   one id, warns, and keeps one of them;
 * - schema problems are reported with their file, line and field
 *   (src/lib/schema-lines.ts); Astro reports them at "file:0:0".
 * Listed after the publish guard, so a stale dist/ is removed when this fails.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { articleFileProblems } from '../lib/article-files.ts';
import { frontmatterProblems, recordListProblems } from '../lib/schema-lines.ts';
import { articleSchema } from '../schemas/article.ts';
import { personSchema } from '../schemas/person.ts';
import { organisationSchema } from '../schemas/organisation.ts';
import { placeSchema } from '../schemas/place.ts';
import { eventSchema } from '../schemas/event.ts';
import { topicSchema } from '../schemas/topic.ts';
import { noteSchema } from '../schemas/note.ts';

const DATA_FILES: Record<string, z.ZodType> = {
  'people.yaml': personSchema,
  'organisations.yaml': organisationSchema,
  'places.yaml': placeSchema,
  'events.yaml': eventSchema,
  'topics.yaml': topicSchema,
  'notes.yaml': noteSchema,
};

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
        for (const [name, schema] of Object.entries(DATA_FILES)) {
          const path = join(options.contentDir, name);
          if (existsSync(path)) problems.push(...recordListProblems(relative(root, path), readFileSync(path, 'utf8'), schema));
        }
        if (problems.length > 0) throw new Error(`Content that does not match its schema. Fix the field at the line given; src/schemas/ says what each field takes:\n${problems.map((p) => `  ${p}`).join('\n')}`);
      },
    },
  };
}
