/**
 * The zod schemas of src/model/schemas/, on their own: good records pass, bad ones
 * fail with messages a writer can act on (where, and what to write instead).
 * References are plain ids here; src/content.config.ts makes them reference()s.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { personSchema } from '../../src/model/schemas/person.ts';
import { organisationSchema } from '../../src/model/schemas/organisation.ts';
import { placeSchema } from '../../src/model/schemas/place.ts';
import { eventSchema } from '../../src/model/schemas/event.ts';
import { topicSchema } from '../../src/model/schemas/topic.ts';
import { noteSchema } from '../../src/model/schemas/note.ts';
import { articleSchema } from '../../src/model/schemas/article.ts';
import { contentDir } from '../support/paths.ts';

/** Each problem as "path: message" ("(record)" for the record as a whole), the way a writer reads it. */
function problems(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);
}

const person = { id: 'hong-min', name: 'Hong Min', kind: 'person', role: 'Senior researcher', affiliation: 'Korea Institute for National Unification' };
const summit = {
  id: 'hanoi-summit-2019',
  name: 'Hanoi summit',
  kind: 'summit',
  start: '2019-02-27',
  end: '2019-02-28',
  place: 'hanoi',
  participants: ['donald-trump', 'kim-jong-un'],
  summary: 'The second summit.',
  outcome: 'Ended without agreement.',
};
const article = {
  headline: 'Hanoi hangover',
  headlineBy: 'source',
  dek: 'Analysts say Kim views the summit’s failure as a personal insult',
  dekBy: 'source',
  publication: 'This Week in Asia',
  sourceText: 'hanoi-hangover',
  topics: ['talks-prospects'],
};

describe('person', () => {
  it('accepts a person, and an office with no affiliation', () => {
    expect(problems(personSchema, person)).toEqual([]);
    expect(problems(personSchema, { id: 'white-house', name: 'The White House', kind: 'office', role: 'The US president’s office' })).toEqual([]);
  });

  it('trims the text fields', () => {
    expect(personSchema.parse({ ...person, name: '  Hong Min ' }).name).toBe('Hong Min');
  });

  it('names an unknown field', () => {
    expect(problems(personSchema, { ...person, title: 'Dr' })).toEqual(['(record): Unrecognized key: "title"']);
  });

  it('names each missing field', () => {
    expect(problems(personSchema, { id: 'hong-min', name: 'Hong Min' })).toEqual([
      'kind: Invalid option: expected one of "person"|"office"',
      'role: Invalid input: expected string, received undefined',
    ]);
  });

  it('names a field of the wrong type or value, and an empty one', () => {
    expect(problems(personSchema, { ...person, role: 3, kind: 'human', name: '   ' })).toEqual([
      'name: must not be empty',
      'kind: Invalid option: expected one of "person"|"office"',
      'role: Invalid input: expected string, received number',
    ]);
  });

  it.each(['Hong-Min', 'hong_min', 'hong--min', '-hong', 'hong-', 'hong min', ''])('refuses the id %j, showing the form ids take', (id) => {
    expect(problems(personSchema, { ...person, id })).toEqual(['id: ids are lower-case words joined by hyphens, e.g. "hong-min"']);
  });
});

describe('event', () => {
  it('accepts a summit, and a context event known only to the month with no place', () => {
    expect(problems(eventSchema, summit)).toEqual([]);
    const context = { id: 'trump-letter-declined', name: 'Letter declined', kind: 'context', start: '2025-10', summary: 'A letter was refused.' };
    expect(problems(eventSchema, context)).toEqual([]);
    expect(eventSchema.parse(context).participants).toEqual([]);
  });

  it.each(['2019-02-30', '2019/02/27', '27 February 2019', '2019-13'])('refuses the date %j, showing the forms a date takes', (start) => {
    expect(problems(eventSchema, { ...summit, start, end: undefined })).toEqual(['start: expected a real date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2019-02-27"']);
  });

  it('refuses an end before the start, or on the same day', () => {
    expect(problems(eventSchema, { ...summit, start: '2019-02-28', end: '2019-02-27' })).toEqual(['end: `end` must be after `start`; for a one-day event leave `end` out']);
    expect(problems(eventSchema, { ...summit, end: '2019-02-27' })).toEqual(['end: `end` must be after `start`; for a one-day event leave `end` out']);
  });

  it('reports an impossible date in a range as a problem rather than crashing', () => {
    expect(problems(eventSchema, { ...summit, end: '2019-02-30' })).toEqual(['end: expected a real date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2019-02-27"']);
    expect(problems(eventSchema, { ...summit, start: '2019-02-29' })).toEqual(['start: expected a real date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2019-02-27"']);
  });

  it('refuses a summit without outcome, participants or place', () => {
    const message = '(record): a summit needs `place`, `participants` and `outcome`';
    expect(problems(eventSchema, { ...summit, outcome: undefined })).toEqual([message]);
    expect(problems(eventSchema, { ...summit, participants: [] })).toEqual([message]);
    expect(problems(eventSchema, { ...summit, place: undefined })).toEqual([message]);
  });

  it('refuses an unknown kind and a bad participant id', () => {
    expect(problems(eventSchema, { ...summit, kind: 'meeting', participants: ['Kim'] })).toEqual([
      'kind: Invalid option: expected one of "summit"|"context"',
      'participants.0: ids are lower-case words joined by hyphens, e.g. "hong-min"',
    ]);
  });
});

describe('article frontmatter', () => {
  it('accepts a source-given headline, and a site-written one with no publication', () => {
    expect(problems(articleSchema, article)).toEqual([]);
    expect(problems(articleSchema, { ...article, headlineBy: 'site', dekBy: 'site', publication: null })).toEqual([]);
  });

  it('needs `publication` stated, even when it is null', () => {
    const { publication: _, ...withoutPublication } = article;
    expect(problems(articleSchema, withoutPublication)).toEqual(['publication: Invalid input: expected string, received undefined']);
  });

  it('refuses an unknown field, a bad "By" and an empty topic list', () => {
    expect(problems(articleSchema, { ...article, author: 'Someone', headlineBy: 'editor', topics: [] })).toEqual([
      'headlineBy: Invalid option: expected one of "source"|"site"',
      'topics: list at least one topic from content/topics.yaml',
      '(record): Unrecognized key: "author"',
    ]);
  });

  it('refuses a source id that is not an id', () => {
    expect(problems(articleSchema, { ...article, sourceText: 'hanoi-hangover.txt' })).toEqual(['sourceText: ids are lower-case words joined by hyphens, e.g. "hong-min"']);
  });
});

describe('organisation, place, topic, note', () => {
  it('accept good records', () => {
    expect(problems(organisationSchema, { id: 'kinu', name: 'Korea Institute for National Unification' })).toEqual([]);
    expect(problems(placeSchema, { id: 'hanoi', name: 'Hanoi', country: 'Vietnam' })).toEqual([]);
    expect(problems(topicSchema, { id: 'sanctions-relief', label: 'Sanctions relief' })).toEqual([]);
    expect(problems(noteSchema, { id: 'yongbyon', title: 'Yongbyon', body: 'The nuclear complex.' })).toEqual([]);
  });

  it('refuse bad ones, naming the field', () => {
    expect(problems(organisationSchema, { id: 'kinu', name: 'KINU', acronym: 'KINU' })).toEqual(['(record): Unrecognized key: "acronym"']);
    expect(problems(placeSchema, { id: 'hanoi', country: 'Vietnam' })).toEqual(['name: Invalid input: expected string, received undefined']);
    expect(problems(topicSchema, { id: 'Sanctions', label: '' })).toEqual(['id: ids are lower-case words joined by hyphens, e.g. "hong-min"', 'label: must not be empty']);
    expect(problems(noteSchema, { id: 'yongbyon', title: 'Yongbyon', body: 42 })).toEqual(['body: Invalid input: expected string, received number']);
  });
});

describe('zod’s own summary of the problems', () => {
  it('puts each message with the path it is at', () => {
    const result = eventSchema.safeParse({ ...summit, start: '2019/02/27', extra: true });
    expect(result.success).toBe(false);
    expect(z.prettifyError(result.error!)).toBe(
      '✖ Unrecognized key: "extra"\n✖ expected a real date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2019-02-27"\n  → at start',
    );
  });
});

describe('the records in content/', () => {
  const schemas = { people: personSchema, organisations: organisationSchema, places: placeSchema, events: eventSchema, topics: topicSchema, notes: noteSchema };
  it.each(Object.entries(schemas))('content/%s.yaml matches its schema', (name, schema) => {
    const records = parse(readFileSync(join(contentDir, `${name}.yaml`), 'utf8')) as unknown[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.flatMap((record) => problems(schema, record))).toEqual([]);
  });
});
