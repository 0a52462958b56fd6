/**
 * Text fragments (`#:~:text=…`, https://wicg.github.io/scroll-to-text-fragment/):
 * links that land on, and highlight, a quotation's words in the article.
 *
 * A browser scrolls to the FIRST place a directive matches, so a useful
 * directive matches exactly one place. `textDirectiveFor` builds one for a
 * span of a page's text, adding the words just before (prefix) or after
 * (suffix) it when the words alone occur more than once; `matchTextDirective`
 * finds every place a directive matches, so the build and the tests can check.
 *
 * The page's text is modelled as its blocks (paragraphs, headings, …), each
 * with white space collapsed. As in the spec, the matched text stays inside
 * one block, matching ignores case, and matches start and end on word
 * boundaries (Intl.Segmenter, as browsers use); prefix and suffix may be
 * separated from the text by white space only.
 */
import { normalizeWhitespace } from './text.ts';

export interface TextDirective {
  prefix?: string | undefined;
  textStart: string;
  textEnd?: string | undefined;
  suffix?: string | undefined;
}

/** A place in the page's text: block index and character offsets in the normalised block. */
export interface TextSpan {
  block: number;
  start: number;
  end: number;
}

/** Above this many words, a directive gives only the first and last words (textStart,textEnd), as browsers' own "copy link to highlight" does, to keep links short. */
const RANGE_ABOVE_WORDS = 10;
const RANGE_EDGE_WORDS = 4;
const MAX_CONTEXT_WORDS = 6;

/** "-", "," and "&" separate the directive's parts, so they are escaped along with everything encodeURIComponent escapes. */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** The fragment directive, without the leading "#": ":~:text=prefix-,start,end,-suffix". */
export function formatTextDirective(directive: TextDirective): string {
  const parts = [
    directive.prefix ? `${encodePart(directive.prefix)}-` : undefined,
    encodePart(directive.textStart),
    directive.textEnd ? encodePart(directive.textEnd) : undefined,
    directive.suffix ? `-${encodePart(directive.suffix)}` : undefined,
  ].filter((part) => part !== undefined);
  return `:~:text=${parts.join(',')}`;
}

/** Reads a directive back from a URL's fragment (the inverse of formatTextDirective). */
export function parseTextDirective(fragment: string): TextDirective | undefined {
  const at = fragment.indexOf(':~:text=');
  if (at < 0) return undefined;
  const parts = fragment
    .slice(at + ':~:text='.length)
    .split('&')[0]!
    .split(',');
  const prefix = parts[0]?.endsWith('-') ? parts.shift()!.slice(0, -1) : undefined;
  const suffix = parts.at(-1)?.startsWith('-') ? parts.pop()!.slice(1) : undefined;
  const [textStart, textEnd] = parts.map(decodeURIComponent);
  if (!textStart || parts.length > 2) return undefined;
  return { prefix: prefix && decodeURIComponent(prefix), textStart, textEnd, suffix: suffix && decodeURIComponent(suffix) };
}

/** The text of the page's blocks as one searchable string, blocks separated by a newline. */
class PageText {
  readonly text: string;
  readonly lower: string;
  readonly offsets: number[] = [];
  private readonly boundaries = new Set<number>();

  constructor(blocks: readonly string[]) {
    const normalised = blocks.map(normalizeWhitespace);
    let offset = 0;
    for (const block of normalised) {
      this.offsets.push(offset);
      offset += block.length + 1;
    }
    this.text = normalised.join('\n');
    this.lower = this.text.toLowerCase();
    if (this.lower.length !== this.text.length) throw new Error('Case folding changed the length of the page text; the matcher assumes it does not.');
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    for (const segment of segmenter.segment(this.text)) {
      this.boundaries.add(segment.index);
      this.boundaries.add(segment.index + segment.segment.length);
    }
  }

  /** Offsets where `query` occurs at or after `from`, starting and ending on word boundaries. */
  *find(query: string, from: number): Generator<number> {
    const needle = query.toLowerCase();
    for (let at = this.lower.indexOf(needle, from); at >= 0; at = this.lower.indexOf(needle, at + 1)) {
      if (this.boundaries.has(at) && this.boundaries.has(at + needle.length)) yield at;
    }
  }

  /** Whether `query` ends exactly at `end`, with only white space between it and `end`. */
  endsAt(query: string, end: number): boolean {
    let stop = end;
    while (stop > 0 && /\s/.test(this.text[stop - 1]!)) stop -= 1;
    const start = stop - query.length;
    return start >= 0 && this.lower.slice(start, stop) === query.toLowerCase() && this.boundaries.has(start);
  }

  /** Whether `query` starts at `start`, after white space only. */
  startsAt(query: string, start: number): boolean {
    let begin = start;
    while (begin < this.text.length && /\s/.test(this.text[begin]!)) begin += 1;
    return this.lower.startsWith(query.toLowerCase(), begin) && this.boundaries.has(begin + query.length);
  }

  span(start: number, end: number): TextSpan {
    let block = this.offsets.length - 1;
    while (this.offsets[block]! > start) block -= 1;
    return { block, start: start - this.offsets[block]!, end: end - this.offsets[block]! };
  }
}

/**
 * Every place in the page's blocks where a browser could land for this
 * directive: for each start, the match a browser would take there (the first
 * textEnd after it that is followed by the suffix).
 */
export function matchTextDirective(blocks: readonly string[], directive: TextDirective): TextSpan[] {
  return matchIn(pageTextOf(blocks), directive);
}

function matchIn(page: PageText, { prefix, textStart, textEnd, suffix }: TextDirective): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const start of page.find(textStart, 0)) {
    if (page.text.slice(start, start + textStart.length).includes('\n')) continue;
    if (prefix && !page.endsAt(prefix, start)) continue;
    const startEnd = start + textStart.length;
    let end: number | undefined;
    if (textEnd) {
      for (const at of page.find(textEnd, startEnd)) {
        if (!suffix || page.startsAt(suffix, at + textEnd.length)) {
          end = at + textEnd.length;
          break;
        }
      }
    } else if (!suffix || page.startsAt(suffix, startEnd)) {
      end = startEnd;
    }
    if (end !== undefined) spans.push(page.span(start, end));
  }
  return spans;
}

/**
 * The page text of a list of blocks, made once per list: the corpus asks for a directive for each
 * quotation of an article with the same list, and building the text again for each one made
 * loading a 1,000-article corpus slow.
 */
const pageTexts = new WeakMap<readonly string[], PageText>();
function pageTextOf(blocks: readonly string[]): PageText {
  let page = pageTexts.get(blocks);
  if (!page) pageTexts.set(blocks, (page = new PageText(blocks)));
  return page;
}

/**
 * A text directive that matches `target` (a span of one block) and nothing
 * else on the page. Throws, naming the words, when no amount of context makes
 * it unique (the same sentence twice in one page).
 */
export function textDirectiveFor(blocks: readonly string[], target: TextSpan): TextDirective {
  const page = pageTextOf(blocks);
  const block = page.text.split('\n')[target.block];
  if (block === undefined) throw new Error(`No block ${target.block} in the page text (${blocks.length} blocks).`);
  const words = block.slice(target.start, target.end).split(' ');
  const before = block.slice(0, target.start).split(' ').filter(Boolean);
  const after = block.slice(target.end).split(' ').filter(Boolean);
  const cores: TextDirective[] = [];
  if (words.length > RANGE_ABOVE_WORDS) {
    cores.push({ textStart: words.slice(0, RANGE_EDGE_WORDS).join(' '), textEnd: words.slice(-RANGE_EDGE_WORDS).join(' ') });
  }
  cores.push({ textStart: words.join(' ') });

  const isTarget = (spans: TextSpan[]) =>
    spans.length === 1 && spans[0]!.block === target.block && spans[0]!.start === target.start && spans[0]!.end === target.end;
  for (const core of cores) {
    for (let context = 0; context <= MAX_CONTEXT_WORDS; context += 1) {
      // Prefer the words before (they read naturally as the lead-in), then after, then both.
      const prefix = before.slice(-context).join(' ') || undefined;
      const suffix = after.slice(0, context).join(' ') || undefined;
      const candidates: TextDirective[] =
        context === 0
          ? [core]
          : [
              { ...core, prefix },
              { ...core, suffix },
              { ...core, prefix, suffix },
            ];
      for (const candidate of candidates) {
        if (context > 0 && !candidate.prefix && !candidate.suffix) continue;
        if (isTarget(matchIn(page, candidate))) return candidate;
      }
    }
  }
  throw new Error(
    `No text fragment matches only "${words.join(' ').slice(0, 80)}…" (block ${target.block}): the same words, with the same context, occur more than once on the page.`,
  );
}
