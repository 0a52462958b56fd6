/**
 * Cross-record references (an article's topics, an event's place and
 * participants) that name no record. Astro's `reference()` only logs these
 * and lets the build go on, so the corpus checks them itself and fails.
 */
import { readFileSync } from 'node:fs';
import type { CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';

export interface Reference {
  /** The content file the reference is written in. */
  file: string;
  /** That file's text, to find the line. */
  text: string;
  /** The record holding the reference ("article trump-kim-fourth-meeting"). */
  owner: string;
  field: string;
  collection: string;
  id: string;
}

/** The 1-based line of the first occurrence of `needle` at or after the line holding `after`, or undefined. */
export function lineOf(text: string, needle: string, after?: string): number | undefined {
  const lines = text.split('\n');
  const start = after
    ? Math.max(
        0,
        lines.findIndex((line) => line.includes(after)),
      )
    : 0;
  const index = lines.findIndex((line, i) => i >= start && line.includes(needle));
  return index === -1 ? undefined : index + 1;
}

export function brokenReferences(references: Reference[], known: Record<string, Set<string>>): string[] {
  return references
    .filter((reference) => !known[reference.collection]?.has(reference.id))
    .map(({ file, text, owner, field, collection, id }) => {
      const line = lineOf(text, id, owner.split(' ').at(-1));
      const ids = [...(known[collection] ?? [])].sort().join(', ');
      return `${file}${line ? `:${line}` : ''}: ${owner} → ${field}: unknown ${collection} id "${id}". Use one of the ids in content/${collection}.yaml (known: ${ids}) or add the record there.`;
    });
}

/** Fails on a topic, place or participant id that names no record (Astro only logs these). */
export function checkReferences(
  articles: CollectionEntry<'articles'>[],
  events: CollectionEntry<'events'>[],
  targets: Record<'topics' | 'places' | 'people', { data: { id: string } }[]>,
) {
  const textOf = (file: string | undefined) => (file ? readFileSync(file, 'utf8') : '');
  const eventsFile = 'content/events.yaml';
  const eventsText = textOf(events[0]?.filePath ?? eventsFile);
  const references: Reference[] = [
    ...articles.flatMap((entry) => {
      const file = entry.filePath ?? `content/articles/${entry.id}.mdx`;
      const text = textOf(file);
      return entry.data.topics.map((topic) => ({ file, text, owner: `article ${entry.id}`, field: 'topics', collection: 'topics', id: topic.id }));
    }),
    ...events.flatMap((entry) => [
      ...(entry.data.place
        ? [{ file: eventsFile, text: eventsText, owner: `event ${entry.data.id}`, field: 'place', collection: 'places', id: entry.data.place.id }]
        : []),
      ...entry.data.participants.map((person) => ({
        file: eventsFile,
        text: eventsText,
        owner: `event ${entry.data.id}`,
        field: 'participants',
        collection: 'people',
        id: person.id,
      })),
    ]),
  ];
  const known = Object.fromEntries(Object.entries(targets).map(([name, entries]) => [name, new Set(entries.map((entry) => entry.data.id))]));
  const broken = brokenReferences(references, known);
  if (broken.length > 0) {
    throw new AstroError(
      `References to records that do not exist:\n${broken.map((line) => `  ${line}`).join('\n')}`,
      'Use an id the named data file has (each line lists them), or add the record there.',
    );
  }
}
