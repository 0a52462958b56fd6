/**
 * The records the annotations may point to, for the Markdown plugins. They run
 * inside the MDX compiler, before Astro's content layer is available to them,
 * so they read the data files in `content/` themselves, but with the same zod
 * schemas the collections use (src/model/kinds.ts lists them): a record has one
 * shape whichever side reads it, and a bad record fails here with the file,
 * the line and the schema's message.
 */
import { readFileSync, existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseDocument, LineCounter, isMap, isScalar, isSeq } from 'yaml';
import type { z } from 'astro/zod';
import { DATA_COLLECTIONS, KINDS, dataFile, type DataCollection, type MentionKind, type RecordOf } from './kinds.ts';

export type { MentionKind } from './kinds.ts';

/** Each data collection's records by id, keyed by collection; and the source texts. */
export type Registry = { readonly [C in DataCollection]: Map<string, RecordOf<C>> } & {
  /** Source texts by id (`content/sources/<id>.txt`), read on demand; undefined for one that does not exist. */
  sourceText(id: string): string | undefined;
};

/** The records of each collection, as the YAML files hold them (before parsing). */
export type RegistryRecords = { [C in DataCollection]?: readonly z.input<(typeof DATA_COLLECTIONS)[C]>[] };

/** The registry map a mention of each kind is checked against. */
export function mentionTargets(registry: Registry, kind: MentionKind): Map<string, { id: string; kind?: string }> {
  return registry[KINDS[kind].collection];
}

/** "path: message" for the first problem zod found, in the schema's words. */
function schemaMessage(error: z.ZodError): { key: PropertyKey | undefined; message: string } {
  const issue = error.issues[0];
  if (!issue) return { key: undefined, message: error.message };
  const path = issue.path.join('.');
  return { key: issue.path[0], message: path ? `\`${path}\`: ${issue.message}` : issue.message };
}

/** Parses one record with its collection's schema; `where` says where it was written, for the message. */
function parseRecord<C extends DataCollection>(collection: C, value: unknown, where: (key: PropertyKey | undefined) => string): RecordOf<C> {
  const result = DATA_COLLECTIONS[collection].safeParse(value);
  if (result.success) return result.data as RecordOf<C>;
  const { key, message } = schemaMessage(result.error);
  throw new Error(`${where(key)}: ${message}. Fix the record (its shape is in src/model/schemas/).`);
}

/** Where a record was written: "content/people.yaml" and its line, or "people[3]" for one built in memory. */
interface Written<C extends DataCollection> {
  record: RecordOf<C>;
  where: string;
  line?: number;
}

function keyed<C extends DataCollection>(records: Written<C>[]): Map<string, RecordOf<C>> {
  const map = new Map<string, RecordOf<C>>();
  const first = new Map<string, Written<C>>();
  for (const written of records) {
    const { record } = written;
    // Astro's file loader would keep the last of two records with one id, silently.
    const earlier = first.get(record.id);
    if (earlier) {
      const at = earlier.line === undefined ? earlier.where : `line ${earlier.line}`;
      throw new Error(`${written.where}: duplicate id "${record.id}" (first at ${at}). Ids must be unique: rename one, or merge the two records.`);
    }
    map.set(record.id, record);
    first.set(record.id, written);
  }
  return map;
}

/**
 * Reads and parses one data file: a YAML list of records, each checked by the collection's schema, a
 * duplicate id refused. The one reader of the data files: the registry, Astro's collections
 * (data-loader.ts) and the permalink record ids all read through it.
 */
export function readCollection<C extends DataCollection>(contentDir: string, collection: C): Map<string, RecordOf<C>> {
  const path = join(contentDir, dataFile(collection));
  const file = relative(process.cwd(), path) || path;
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter });
  const [yamlError] = document.errors;
  if (yamlError) throw new Error(`${file}:${yamlError.linePos?.[0].line ?? 1}: ${yamlError.message}`);
  if (document.contents === null) return new Map();
  if (!isSeq(document.contents)) throw new Error(`${file}: expected a YAML list of records, each starting "- id: …".`);
  const records = document.contents.items.map((item) => {
    const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
    const itemLine = lineAt(isMap(item) || isScalar(item) ? item.range?.[0] : undefined);
    // The line of the field zod complains about, when there is one; else the record's first line.
    const where = (key: PropertyKey | undefined) => {
      const pair = isMap(item) && key !== undefined ? item.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key) : undefined;
      const line = pair && isScalar(pair.key) ? lineAt(pair.key.range?.[0]) : itemLine;
      return `${file}:${line}`;
    };
    const value: unknown = item === null ? null : (item as { toJSON(): unknown }).toJSON();
    return { record: parseRecord(collection, value, where), where: `${file}:${itemLine}`, line: itemLine };
  });
  return keyed(records);
}

function collections<T>(make: <C extends DataCollection>(collection: C) => Map<string, RecordOf<C>>): { [C in DataCollection]: Map<string, RecordOf<C>> } & T {
  const entries = (Object.keys(DATA_COLLECTIONS) as DataCollection[]).map((collection) => [collection, make(collection)]);
  return Object.fromEntries(entries) as { [C in DataCollection]: Map<string, RecordOf<C>> } & T;
}

/**
 * A registry from records already in memory, parsed with the same schemas as
 * the data files. `sourceText` looks a source up by id. Tests build small
 * registries with this; `loadRegistry` builds the real one.
 */
export function createRegistry(records: RegistryRecords, sourceText: (id: string) => string | undefined): Registry {
  const registry = collections(<C extends DataCollection>(collection: C) =>
    keyed(
      (records[collection] ?? []).map((value, index) => {
        const where = `${collection}[${index}]`;
        return { record: parseRecord(collection, value, () => where), where };
      }),
    ),
  );
  return Object.assign(registry, { sourceText });
}

/** True when `path`, links resolved, is inside `folder`: a source that is a link to a file elsewhere is no source. */
function insideFolder(folder: string, path: string): boolean {
  const inside = relative(realpathSync(folder), realpathSync(path));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** Reads every data collection once; the result is shared by all articles of a build. */
export function loadRegistry(contentDir: string): Registry {
  const cache = new Map<string, string | undefined>();
  const registry = collections(<C extends DataCollection>(collection: C) => readCollection(contentDir, collection));
  return Object.assign(registry, {
    sourceText(id: string) {
      if (!cache.has(id)) {
        const path = join(contentDir, 'sources', `${id}.txt`);
        cache.set(id, existsSync(path) && insideFolder(join(contentDir, 'sources'), path) ? readFileSync(path, 'utf8') : undefined);
      }
      return cache.get(id);
    },
  });
}

/** "known: a, b, c" for error messages, so a typo's fix is in the message. */
export function knownIds(map: Map<string, unknown>): string {
  return `known: ${[...map.keys()].sort().join(', ')}`;
}
