/**
 * The first draft of an annotated article, from a source text: the
 * frontmatter to fill in, then the source line for line, with the names the
 * data files know already wrapped in <Mention> tags for the editor to review.
 * Pure: `npm run new-article` (src/cli/new-article.ts) does the file work.
 *
 *   Trump met Kim Jong-un at the Hanoi summit. Trump later said …
 *   → <Mention person="donald-trump">Trump</Mention> met <Mention person="kim-jong-un">Kim Jong-un</Mention> at
 *     the <Mention event="hanoi-summit-2019">Hanoi summit</Mention>. <Mention person="donald-trump">Trump</Mention> later said …
 *
 * (A surname is tagged only after the person's full name has appeared, so the
 * first "Trump" above stays plain unless "Donald Trump" came earlier.)
 */
import { stringify } from 'yaml';
import { KINDS, MENTION_KINDS, type MentionKind } from '../model/kinds.ts';
import type { Registry } from '../model/registry.ts';
import { sourceLines } from '../lib/text.ts';
import { HEADLINE_MAX } from '../model/schemas/article.ts';

/** A name the drafter looks for, and the record it names. */
export interface KnownName {
  text: string;
  kind: MentionKind;
  id: string;
  /** Surnames are only tagged once the person's full name has appeared. */
  short?: boolean;
}

interface Match {
  start: number;
  end: number;
  name: KnownName;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Every place `text` occurs in `line` as whole words. */
function occurrences(line: string, text: string): number[] {
  const found: number[] = [];
  for (let at = line.indexOf(text); at !== -1; at = line.indexOf(text, at + 1)) {
    if (!isWordChar(line[at - 1]) && !isWordChar(line[at + text.length])) found.push(at);
  }
  return found;
}

/**
 * The names of every record a mention can point to: each record's `name`
 * ("The White House" also as "the White House"), and for people who are
 * persons (not offices) the first and last word of the name as a surname
 * ("Hong Min" → Hong; "Donald Trump" → Trump): Korean names put the family
 * name first, most others last, and the data files do not say which.
 */
export function knownNames(registry: Registry): KnownName[] {
  const names: KnownName[] = [];
  for (const kind of MENTION_KINDS) {
    for (const record of registry[KINDS[kind].collection].values()) {
      const name = record.name;
      names.push({ text: name, kind, id: record.id });
      if (/^The /.test(name)) names.push({ text: `the ${name.slice(4)}`, kind, id: record.id });
      if (kind === 'person' && 'kind' in record && record.kind === 'person') {
        const words = name.split(/\s+/);
        if (words.length > 1) {
          for (const word of new Set([words[0]!, words.at(-1)!])) names.push({ text: word, kind, id: record.id, short: true });
        }
      }
    }
  }
  return names;
}

/** Backslash-escapes what MDX would read as syntax, so the line parses back to exactly its own text. */
export function escapeMdx(line: string): string {
  const escaped = line.replace(/[\\`*_{}[\]<>&|~]/g, (char) => `\\${char}`);
  // At the start of a line these would make a heading or a list item ("1." is escaped at its full stop).
  return escaped.replace(/^(#+(?=\s|$)|[+-])/, (start) => `\\${start}`).replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * What a whole source line needs besides escapeMdx, at its edges: MDX reads a
 * line starting "import " or "export " as code (its first letter becomes a
 * character reference, which no keyword matches), and Markdown drops a
 * paragraph's leading and trailing spaces (each becomes a reference to a space,
 * which it keeps). The line still reads back as exactly its own text.
 */
export function escapeLineEdges(line: string): string {
  const reference = (char: string) => `&#x${char.codePointAt(0)!.toString(16)};`;
  return line
    .replace(/^(?:import|export)(?=\s)/, (word) => reference(word[0]!) + word.slice(1))
    .replace(/^[ \t]+|[ \t]+$/g, (spaces) => [...spaces].map(reference).join(''));
}

/**
 * Wraps the known names in each line in <Mention> tags. Lines are read in
 * order, so "after first mention" follows the article. Where names overlap
 * the longest wins ("Hanoi summit" over "Hanoi"); a surname two people share
 * is left for the editor once both have been named.
 */
export function tagLines(lines: readonly string[], names: readonly KnownName[]): string[] {
  const named = new Set<string>();
  return lines.map((line) => {
    const candidates: Match[] = names.flatMap((name) => occurrences(line, name.text).map((start) => ({ start, end: start + name.text.length, name })));
    const full = candidates.filter((match) => !match.name.short);
    const isNamedBefore = (match: Match) => {
      const people = names.filter((name) => name.short && name.text === match.name.text);
      const known = new Set(people.map((name) => name.id).filter((id) => named.has(id) || full.some((m) => m.name.id === id && m.end <= match.start)));
      return known.size === 1 && known.has(match.name.id);
    };
    const chosen: Match[] = [];
    // Longest first, then leftmost: a longer name beats any shorter one inside it.
    const ordered = [...full, ...candidates.filter((match) => match.name.short && isNamedBefore(match))].sort(
      (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
    );
    for (const match of ordered) {
      if (chosen.every((other) => match.end <= other.start || match.start >= other.end)) chosen.push(match);
    }
    chosen.sort((a, b) => a.start - b.start);
    for (const match of full) if (match.name.kind === 'person') named.add(match.name.id);
    let out = '';
    let at = 0;
    for (const { start, end, name } of chosen) {
      out += escapeMdx(line.slice(at, start));
      out += `<Mention ${KINDS[name.kind].attribute}="${name.id}">${escapeMdx(line.slice(start, end))}</Mention>`;
      at = end;
    }
    return escapeLineEdges(out + escapeMdx(line.slice(at)));
  });
}

/**
 * A line that reads like a headline or standfirst rather than a sentence of the text: short enough
 * to be a headline (HEADLINE_MAX, or the schema would refuse it), with no closing full stop, and
 * nothing at its edges that the frontmatter would not keep as it is.
 */
function looksLikeTitle(line: string | undefined): line is string {
  return line !== undefined && line.length <= HEADLINE_MAX && line === line.trim() && !/[.!?:;”"’)]$/.test(line);
}

export interface DraftOptions {
  slug: string;
  source: string;
  registry: Registry;
}

/** The article file: frontmatter (with what to fill in), a note for the editor, and the tagged source lines. */
export function draftArticle({ slug, source, registry }: DraftOptions): string {
  const lines = sourceLines(source).map((entry) => entry.text);
  // A source that opens with a headline (and a standfirst) keeps them as the article's own; else the site writes them.
  const headlineFromSource = looksLikeTitle(lines[0]);
  const dekFromSource = headlineFromSource && looksLikeTitle(lines[1]);
  const body = lines.slice(Number(headlineFromSource) + Number(dekFromSource));
  const [firstTopic] = registry.topics.keys();
  if (firstTopic === undefined) throw new Error('content/topics.yaml has no topics: an article needs at least one.');
  const frontmatter = stringify(
    {
      headline: headlineFromSource ? lines[0] : 'Headline to write: the source gives none',
      headlineBy: headlineFromSource ? 'source' : 'site',
      dek: dekFromSource ? lines[1] : 'Standfirst to write: one sentence on what the article reports',
      dekBy: dekFromSource ? 'source' : 'site',
      publication: null,
      sourceText: slug,
      topics: [firstTopic],
    },
    { lineWidth: 0 },
  );
  const note = [
    `{/* Source: content/sources/${slug}.txt, drafted by npm run new-article. To do before publishing:`,
    `    headline and dek (${headlineFromSource ? "taken from the source's first lines: check them" : 'written by the site: replace the placeholders'}),`,
    '    publication (null when the source names none), topics (ids in content/topics.yaml; the one given is a',
    '    placeholder), the <Mention> tags found from the data files (check each; tag what they missed), and',
    '    <Quote>s for what people said. Every line below is the source text, word for word. */}',
  ].join('\n');
  return `---\n${frontmatter}---\n${note}\n\n${tagLines(body, knownNames(registry)).join('\n\n')}\n`;
}
