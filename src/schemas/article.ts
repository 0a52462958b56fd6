/** The frontmatter of an annotated article. */
import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { line } from './common.ts';

export const articleSchema = z.strictObject({
  headline: line,
  /** `source` when the headline is the source's own first line; `site` when the site wrote it. */
  headlineBy: z.enum(['source', 'site']),
  /** The standfirst under the headline. */
  dek: line,
  dekBy: z.enum(['source', 'site']),
  /** The publication the source names; `null` when it names none ("source not stated"). */
  publication: line.nullable(),
  /** The unmodified source text in content/sources/ that the article publishes. */
  sourceText: reference('sources'),
  topics: z.array(reference('topics')).min(1, 'list at least one topic from content/topics.yaml'),
});
export type ArticleData = z.infer<typeof articleSchema>;
