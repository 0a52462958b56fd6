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

/**
 * Reads a YAML list of records. Fails, naming the file and line, on YAML
 * errors, on records without an id and on duplicate ids (Astro's file loader
 * would keep the last one silently).
 */
function readList<T extends { id: string }>(contentDir: string, name: string): Map<string, T> {
  const path = join(contentDir, name);
  const where = relative(process.cwd(), path) || path;
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter });
  if (document.errors.length > 0) throw new Error(`${where}: ${document.errors[0]!.message}`);
  if (!isSeq(document.contents)) throw new Error(`${where}: expected a YAML list of records, each starting "- id: …".`);
  const map = new Map<string, T>();
  const lines = new Map<string, number>();
  for (const item of document.contents.items) {
    const line = isMap(item) && item.range ? lineCounter.linePos(item.range[0]).line : 0;
    const record = (item as { toJSON(): unknown }).toJSON() as T;
    if (!record || typeof record !== 'object' || typeof record.id !== 'string' || record.id === '') {
      throw new Error(`${where}:${line}: this record has no \`id\`. Give it one: lower-case words joined by hyphens, e.g. "id: hong-min".`);
    }
    if (map.has(record.id)) {
      throw new Error(`${where}:${line}: duplicate id "${record.id}" (first at line ${lines.get(record.id)}). Ids must be unique: rename one, or merge the two records.`);
    }
    map.set(record.id, record);
    lines.set(record.id, line);
  }
  return map;
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
  const list = <T extends { id: string }>(name: string) => [...readList<T>(contentDir, name).values()];
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
