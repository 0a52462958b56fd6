/**
 * The ids the annotations may point to, read straight from the data files in
 * `content/`. The Markdown plugins run inside the MDX compiler, before Astro's
 * content layer is available to them, so they read the same YAML themselves;
 * the zod schemas in `src/schemas/` remain the authority on each record's shape.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

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

function readList(contentDir: string, name: string): unknown[] {
  const path = join(contentDir, name);
  let records: unknown;
  try {
    records = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${relative(process.cwd(), path)}: ${(error as Error).message}`);
  }
  if (!Array.isArray(records)) {
    throw new Error(`${relative(process.cwd(), path)}: expected a YAML list of records, each with an \`id\`.`);
  }
  return records;
}

/** The records of each data collection, as lists (the shape of the YAML files). */
export interface RegistryRecords {
  people?: readonly NamedRecord[];
  organisations?: readonly NamedRecord[];
  places?: readonly NamedRecord[];
  events?: readonly NamedRecord[];
  topics?: readonly TopicRecord[];
  notes?: readonly NoteRecord[];
}

function byId<T extends { id: string }>(records: readonly T[] = []): Map<string, T> {
  return new Map(records.map((record) => [String(record.id), record]));
}

/**
 * A registry from records already in memory. `sourceText` looks a source up
 * by id; it returns undefined for a source that does not exist. Tests build
 * small registries with this; `loadRegistry` builds the real one.
 */
export function createRegistry(records: RegistryRecords, sourceText: (id: string) => string | undefined, contentDir = ''): Registry {
  return {
    contentDir,
    people: byId(records.people),
    organisations: byId(records.organisations),
    places: byId(records.places),
    events: byId(records.events),
    topics: byId(records.topics),
    notes: byId(records.notes),
    sourceText,
  };
}

/** Reads every data collection once; the result is shared by all articles of a build. */
export function loadRegistry(contentDir: string): Registry {
  const cache = new Map<string, string | undefined>();
  const list = <T>(name: string) => readList(contentDir, name) as T[];
  return createRegistry(
    {
      people: list<NamedRecord>('people.yaml'),
      organisations: list<NamedRecord>('organisations.yaml'),
      places: list<NamedRecord>('places.yaml'),
      events: list<NamedRecord>('events.yaml'),
      topics: list<TopicRecord>('topics.yaml'),
      notes: list<NoteRecord>('notes.yaml'),
    },
    (id) => {
      if (!cache.has(id)) {
        const path = join(contentDir, 'sources', `${id}.txt`);
        cache.set(id, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
      }
      return cache.get(id);
    },
    contentDir,
  );
}

/** "known: a, b, c" for error messages, so a typo's fix is in the message. */
export function knownIds(map: Map<string, unknown>): string {
  return `known: ${[...map.keys()].sort().join(', ')}`;
}
