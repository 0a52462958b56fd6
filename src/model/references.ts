/**
 * Fields that name a record of another collection: declared here once and
 * checked here once, when the corpus loads, failing with the file and line of
 * each id that names no record. The schemas keep them as plain ids (the
 * content collections too: src/content.config.ts adds nothing), and pages look
 * the records up in the corpus's maps.
 */
import { readFileSync } from 'node:fs';
import { AstroError } from 'astro/errors';

/** Every reference field: the collection holding it, the field (one id, an optional id or a list), the collection it names. */
export const REFERENCES = [
  { collection: 'articles', field: 'sourceText', target: 'sources' },
  { collection: 'articles', field: 'topics', target: 'topics' },
  { collection: 'events', field: 'place', target: 'places' },
  { collection: 'events', field: 'participants', target: 'people' },
] as const;

interface Reference {
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
function lineOf(text: string, needle: string, after?: string): number | undefined {
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

function brokenReferences(references: Reference[], known: Record<string, Set<string>>): string[] {
  return references
    .filter((reference) => !known[reference.collection]?.has(reference.id))
    .map(({ file, text, owner, field, collection, id }) => {
      const line = lineOf(text, id, owner.split(' ').at(-1));
      const ids = [...(known[collection] ?? [])].sort().join(', ');
      const where = collection === 'sources' ? `content/sources/ (a file ${id}.txt)` : `content/${collection}.yaml`;
      return `${file}${line ? `:${line}` : ''}: ${owner} → ${field}: unknown ${collection} id "${id}". Use one of the ids in ${where} (known: ${ids}) or add the record there.`;
    });
}

/** A collection's entries as the content layer gives them: the id, the file, the record. */
interface Entry {
  id: string;
  filePath?: string | undefined;
  data: object;
}

const NOUN: Record<string, string> = { articles: 'article', events: 'event' };

/** Fails on every reference (REFERENCES) whose id names no record; Astro's collections would let it pass. */
export function checkReferences(collections: Record<string, readonly Entry[]>): void {
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, readFileSync(file, 'utf8'));
    return texts.get(file)!;
  };
  const references: Reference[] = REFERENCES.flatMap(({ collection, field, target }) =>
    (collections[collection] ?? []).flatMap((entry) => {
      const value = (entry.data as Record<string, unknown>)[field];
      const ids = Array.isArray(value) ? value : value === undefined ? [] : [value];
      const file = entry.filePath ?? `content/${collection}/${entry.id}`;
      return ids.map((id) => ({ file, text: textOf(file), owner: `${NOUN[collection] ?? collection} ${entry.id}`, field, collection: target, id: String(id) }));
    }),
  );
  const known = Object.fromEntries(Object.entries(collections).map(([name, entries]) => [name, new Set(entries.map((entry) => entry.id))]));
  const broken = brokenReferences(references, known);
  if (broken.length > 0) {
    throw new AstroError(
      `References to records that do not exist:\n${broken.map((line) => `  ${line}`).join('\n')}`,
      'Use an id the named data file has (each line lists them), or add the record there.',
    );
  }
}
