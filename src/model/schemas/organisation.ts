/** An organisation the articles name. */
import { z } from 'astro/zod';
import { line, recordId, searchVariants } from './common.ts';

export const organisationSchema = z.strictObject({
  id: recordId,
  name: line,
  /** How the articles describe it, if they do. */
  description: line.optional(),
  /** Other words readers search for it by (spellings, short forms); for search only. */
  variants: searchVariants,
});
