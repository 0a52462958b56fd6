/** A place where a summit happened or that the articles single out. */
import { z } from 'astro/zod';
import { line, recordId } from './common.ts';

export const placeSchema = z.strictObject({
  id: recordId,
  name: line,
  country: line.optional(),
  description: line.optional(),
});
