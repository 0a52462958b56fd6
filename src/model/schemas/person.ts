/** A person (or an office that speaks with one voice) the articles quote or name. */
import { z } from 'astro/zod';
import { line, recordId } from './common.ts';

export const personSchema = z.strictObject({
  id: recordId,
  /** Name as the articles write it. */
  name: line,
  /** `office` for an institution quoted as such (the White House). */
  kind: z.enum(['person', 'office']),
  /** Role as the articles give it ("Senior researcher"). */
  role: line,
  /** Institution as the articles give it; absent when they give none. */
  affiliation: line.optional(),
  /** How the articles refer back to them ("allowing him to harden his stance"); pages use it for "quote him". Absent when they never do. */
  pronoun: z.enum(['he', 'she', 'they', 'it']).optional(),
});
export type Person = z.infer<typeof personSchema>;
