/**
 * Cross-record references (an article's topics, an event's place and
 * participants) that name no record. Astro's `reference()` only logs these
 * and lets the build go on, so the corpus checks them itself and fails.
 */
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
