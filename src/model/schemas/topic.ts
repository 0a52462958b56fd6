/** One term of the fixed vocabulary of proposals and positions. */
import { z } from 'astro/zod';
import { line, recordId, searchVariants } from './common.ts';

export const topicSchema = z.strictObject({
  id: recordId,
  /** Short label, as shown in filters and the positions matrix. */
  label: line,
  /** Other words readers search for it by (spellings, short forms); for search only. */
  variants: searchVariants,
});
