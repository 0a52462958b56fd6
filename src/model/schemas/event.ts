/**
 * A summit or another event the articles mention, with a date as precise as
 * the record allows. References to other collections are plain ids, checked
 * to exist when the corpus loads (src/model/references.ts).
 */
import { z } from 'astro/zod';
import { line, recordId, searchVariants } from './common.ts';
import { parsePartialDate, comparePartialDates } from '../../lib/dates.ts';

/** "2018-06-12", "2025-10" or "2025": a date only as precise as the public record. */
export const partialDate = z
  .string()
  .refine((value) => parsePartialDate(value) !== undefined, 'expected a real date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2019-02-27"');

/** The fields of an event, before the rules that relate them (see `withEventRules`). */
export const eventFields = z.strictObject({
  id: recordId,
  name: line,
  /** `summit` for the three Trump–Kim meetings; `context` for the rest. */
  kind: z.enum(['summit', 'context']),
  start: partialDate,
  /**
   * True when the articles give no date (or no year) for the event and Summit
   * Desk dated it ("last week", "on Thursday", "in October"); pages then say
   * "dated by Summit Desk" beside the date.
   */
  datedBySite: z.boolean().default(false),
  /** Last day, for events that span several. */
  end: partialDate.optional(),
  /** Id in content/places.yaml. */
  place: recordId.optional(),
  /** Ids in content/people.yaml. */
  participants: z.array(recordId).default([]),
  /** One line, in the site's words. */
  summary: line,
  /** What came of it, in the site's words, grounded in the articles. */
  outcome: line.optional(),
  /** Other words readers search for it by (spellings, short forms); for search only. */
  variants: searchVariants,
});

interface EventLike {
  kind: 'summit' | 'context';
  start: string;
  end?: string | undefined;
  outcome?: string | undefined;
  participants: unknown[];
  place?: unknown;
}

const isDate = (value: string) => parsePartialDate(value) !== undefined;

/** The rules across fields: an end after the start; a summit with place, participants and outcome. */
export function withEventRules<T extends z.ZodType<EventLike>>(schema: T) {
  return (
    schema
      // An impossible date is already reported at its own field; comparing it would throw and hide every message.
      .refine((event) => event.end === undefined || !isDate(event.start) || !isDate(event.end) || comparePartialDates(event.start, event.end) < 0, {
        message: '`end` must be after `start`; for a one-day event leave `end` out',
        path: ['end'],
      })
      .refine((event) => event.kind !== 'summit' || (event.outcome !== undefined && event.participants.length > 0 && event.place !== undefined), {
        message: 'a summit needs `place`, `participants` and `outcome`',
      })
  );
}

export const eventSchema = withEventRules(eventFields);
export type EventData = z.infer<typeof eventSchema>;
