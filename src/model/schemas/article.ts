/** The frontmatter of an annotated article. References are plain ids here; src/content.config.ts checks that they exist. */
import { z } from 'astro/zod';
import { line, recordId } from './common.ts';

/** A headline is the page's <title>, the link-preview title and the JSON-LD headline; past this it is cut off everywhere it shows. */
export const HEADLINE_MAX = 140;

export const articleSchema = z.strictObject({
  headline: line.max(
    HEADLINE_MAX,
    `a headline is at most ${HEADLINE_MAX} characters (it is the page title, the link preview and the search result); shorten it, and put the rest in the dek`,
  ),
  /** `source` when the headline is the source's own first line; `site` when the site wrote it. */
  headlineBy: z.enum(['source', 'site']),
  /** The standfirst under the headline. */
  dek: line,
  dekBy: z.enum(['source', 'site']),
  /** The publication the source names; `null` when it names none ("source not stated"). */
  publication: line.nullable(),
  /**
   * When the source does not name its publication outright, the words of the
   * source it is inferred from ("Hong told This Week in Asia"); pages then say
   * the source is inferred from the text. Checked against the source text.
   */
  publicationInferredFrom: line.optional(),
  /**
   * The source's own slips in its headline or dek, kept verbatim: the site adds
   * an editorial "[sic]" after the words given in `after` (which must occur
   * once in that field), marked as the site's and left out of the fidelity text.
   */
  sic: z.array(z.strictObject({ field: z.enum(['headline', 'dek']), after: line })).default([]),
  /** The unmodified source text in content/sources/ that the article publishes. */
  sourceText: recordId,
  /** Ids in content/topics.yaml. */
  topics: z.array(recordId).min(1, 'list at least one topic from content/topics.yaml'),
});
export type ArticleData = z.infer<typeof articleSchema>;
