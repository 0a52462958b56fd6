/**
 * Schema problems with the file, line and field that cause them. Astro checks
 * the same schemas later but reports an entry's problems at "file:0:0"; run
 * first, this points at the line to fix.
 *
 *   content/articles/x.mdx:5: dekBy: Invalid option: expected one of "source"|"site"
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'astro/zod';

type Schema = z.ZodType;

function lineOf(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[], offset: number): number {
  // The deepest node on the path that exists: a missing field is reported at its record.
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node: unknown = document.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + offset;
  }
  return offset + 1;
}

function problems(file: string, text: string, offset: number, check: (data: unknown) => { path: PropertyKey[]; message: string }[], skip = 0): string[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) return []; // YAML syntax errors are Astro's (and the registry's) to report, with their lines
  return check(document.toJS()).map(({ path, message }) => {
    // "participants[1]", "topics[0]": the field and, in a list, the item; a record list's own index is the line.
    const field =
      path.slice(skip).reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') ||
      '(record)';
    return `${file}:${lineOf(document, lineCounter, path, offset)}: ${field}: ${message}`;
  });
}

const issues = (schema: Schema, data: unknown, prefix: PropertyKey[] = []) => {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: [...prefix, ...issue.path], message: issue.message }));
};

/** Problems in an article's YAML frontmatter (between the leading `---` lines). */
export function frontmatterProblems(file: string, source: string, schema: Schema): string[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!match) return [`${file}:1: the article needs frontmatter between two --- lines (headline, dek, sourceText, topics …).`];
  return problems(file, match[1]!, 1, (data) => issues(schema, data ?? {}));
}
