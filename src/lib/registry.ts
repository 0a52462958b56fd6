/**
 * The ids the annotations may point to, read straight from the data files in
 * `content/`. The Markdown plugins run inside the MDX compiler, before Astro's
 * content layer is available to them, so they read the same YAML themselves;
 * the zod schemas in `src/schemas/` remain the authority on each record's shape.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument, LineCounter, isMap, isSeq } from 'yaml';

export interface NamedRecord {
  id: string;
  name: string;
  /** Events: `summit` or `context`; people: `person` or `office`. */
  kind?: string;
}
export interface NoteRecord {
  id: string;
  title: string;
  body: string;
}
export interface TopicRecord {
  id: string;
  label: string;
}
export interface Registry {
  /** Folder the content lives in (for messages and source look-ups). */
  contentDir: string;
  people: Map<string, NamedRecord>;
  organisations: Map<string, NamedRecord>;
  places: Map<string, NamedRecord>;
  events: Map<string, NamedRecord>;
  topics: Map<string, TopicRecord>;
  notes: Map<string, NoteRecord>;
  /** Source texts by id (`content/sources/<id>.txt`), read on demand. */
  sourceText(id: string): string | undefined;
}

export type MentionKind = 'person' | 'org' | 'place' | 'event';

/** The registry map a mention of each kind is checked against. */
export function mentionTargets(registry: Registry, kind: MentionKind): Map<string, NamedRecord> {
  switch (kind) {
    case 'person':
      return registry.people;
    case 'org':
      return registry.organisations;
    case 'place':
      return registry.places;
    case 'event':
      return registry.events;
  }
}

function readList<T extends { id: string }>(contentDir: string, name: string): Map<string, T> {
  const path = join(contentDir, name);
  const shown = relative(process.cwd(), path);
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter });
  if (document.errors.length > 0) throw new Error(`${shown}: ${document.errors[0]!.message}`);
  if (!isSeq(document.contents)) {
    throw new Error(`${shown}: expected a YAML list of records, each with an \`id\`.`);
  }
  const map = new Map<string, T>();
  const lines = new Map<string, number>();
  for (const item of document.contents.items) {
    const record = (isMap(item) ? item.toJS(document) : item) as T;
    const id = String(record.id);
    const line = isMap(item) && item.range ? lineCounter.linePos(item.range[0]).line : 0;
    const earlier = lines.get(id);
    if (earlier !== undefined) {
      // Astro's file() loader would keep only the last record with an id; a repeated id is almost always a copy-paste slip.
      throw new Error(`${shown}:${line}: duplicate id "${id}" (first used at line ${earlier}). Give this record its own id, or merge the two records.`);
    }
    lines.set(id, line);
    map.set(id, record);
  }
  return map;
}

/** Reads every data collection once; the result is shared by all articles of a build. */
export function loadRegistry(contentDir: string): Registry {
  const cache = new Map<string, string | undefined>();
  return {
    contentDir,
    people: readList(contentDir, 'people.yaml'),
    organisations: readList(contentDir, 'organisations.yaml'),
    places: readList(contentDir, 'places.yaml'),
    events: readList(contentDir, 'events.yaml'),
    topics: readList(contentDir, 'topics.yaml'),
    notes: readList(contentDir, 'notes.yaml'),
    sourceText(id) {
      if (!cache.has(id)) {
        const path = join(contentDir, 'sources', `${id}.txt`);
        cache.set(id, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
      }
      return cache.get(id);
    },
  };
}

/** "known: a, b, c" for error messages, so a typo's fix is in the message. */
export function knownIds(map: Map<string, unknown>): string {
  return `known: ${[...map.keys()].sort().join(', ')}`;
}
