/** One term of the fixed vocabulary of proposals and positions. */
import { z } from 'astro/zod';
import { line, recordId, searchVariants } from './common.ts';

/** The groups of the positions matrix's columns, in the order the matrix sets them (its key says so). */
export const TOPIC_GROUPS = {
  talks: 'Talks and the relationship',
  steps: 'Reciprocal steps',
  nuclear: 'Nuclear weapons and deterrence',
  context: 'Context',
} as const;

export const topicSchema = z.strictObject({
  id: recordId,
  /** Short label, as shown in filters and the positions matrix. */
  label: line,
  /** Other words readers search for it by (spellings, short forms); for search only. */
  variants: searchVariants,
  /** Where the topic's column stands in the positions matrix (TOPIC_GROUPS); `context` when not given. */
  group: z.enum(Object.keys(TOPIC_GROUPS) as [keyof typeof TOPIC_GROUPS, ...(keyof typeof TOPIC_GROUPS)[]]).default('context'),
});
