/** A place where a summit happened or that the articles single out. */
import { z } from 'astro/zod';
import { line, recordId, searchVariants } from './common.ts';

export const placeSchema = z.strictObject({
  id: recordId,
  name: line,
  country: line.optional(),
  description: line.optional(),
  /** Other words readers search for it by (spellings, short forms); for search only. */
  variants: searchVariants,
});
