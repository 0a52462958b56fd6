/** The frontmatter of an annotated article. References are plain ids here; src/content.config.ts checks that they exist. */
import { z } from 'astro/zod';
import { line, recordId } from './common.ts';

/** A headline is the page's <title>, the link-preview title and the JSON-LD headline; past this it is cut off everywhere it shows. */
export const HEADLINE_MAX = 140;

/** A calendar day, YYYY-MM-DD. */
const isoDate = z.iso.date('a date is written YYYY-MM-DD, e.g. 2026-12-02');

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
  /**
   * Provenance, where known: the original publication's URL, its byline and publication date
   * (`null`: the source does not give it, and the page says so plainly), and the rights under
   * which the text is republished. The publication itself is `publication` above.
   */
  originalUrl: z.url().optional(),
  byline: line.nullable().default(null),
  published: isoDate.nullable().default(null),
  rights: line.optional(),
  /**
   * Corrections to what a published page said, oldest first: each shown as a dated note on the
   * article, in its JSON-LD (`correction`) and in the feed. Never deleted once published.
   */
  corrections: z.array(z.strictObject({ date: isoDate, text: line })).default([]),
  /** Ids in content/topics.yaml. */
  topics: z.array(recordId).min(1, 'list at least one topic from content/topics.yaml'),
});
export type ArticleData = z.infer<typeof articleSchema>;
