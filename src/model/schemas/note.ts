/** A context note: the site's own explanation, never the article's words. */
import { z } from 'astro/zod';
import { line, recordId } from './common.ts';

export const noteSchema = z.strictObject({
  id: recordId,
  title: line,
  /** Plain text; well-established public record only. */
  body: line,
});
