/**
 * A sentence of an article shown away from it (on a person's or a meeting's
 * page) must keep its speaker. Inside the article, "Kim saw the failure …
 * for Trump.”" is plainly Hong Min's, from the paragraph before; alone, with
 * its stray closing mark, it reads as the article's own claim. So a passage
 * knows whose words it is made of:
 *
 * - a sentence wholly inside one quotation is that speaker's: it is shown with
 *   their name and with its quotation marks as a pair (the stray one dropped,
 *   the pair put round the words);
 * - a sentence of the article that quotes or reports someone names them
 *   beside it ("“It may feign …,” he said." quotes Hong Min).
 *
 * Pure: paragraph text and quotation spans in, a description out.
 */
import { normalizeWhitespace } from '../lib/text.ts';
import type { QuotationKind } from './annotations.ts';

export interface PassageQuotation {
  speaker: string;
  kind: QuotationKind;
  text: string;
  /** A quotation in parts: its words as they stand in the paragraph, in order (the span runs from the first to the last). */
  parts?: readonly string[] | undefined;
}

export interface Passage {
  /** The words to show: the sentence, or, when it is one speaker's words, those words without the quotation marks around them. */
  text: string;
  /** When the whole sentence is one speaker's words: who, and whether they are their own words (in quotation marks) or the article's paraphrase. */
  whole?: { speaker: string; kind: QuotationKind } | undefined;
  /** Speakers whose words (or reported words) the sentence contains, in order, each once. Includes `whole`'s speaker. */
  speakers: string[];
  /** Those of `speakers` whose own words (a direct quotation or statement, not a paraphrase) the sentence contains. */
  quoting: string[];
}

const OPENING = /^[\s“‘"]+/u;
const CLOSING = /[\s”’"]+$/u;

/** Character ranges of `part` in `text` (the first occurrence at or after `from`), or undefined. */
function rangeOf(text: string, part: string, from = 0): [number, number] | undefined {
  const at = text.indexOf(part, from);
  return at < 0 ? undefined : [at, at + part.length];
}

/**
 * What a sentence of `paragraph` is, given the quotations in that paragraph.
 * `paragraph` and `sentence` are compared with white space collapsed.
 */
export function passageOf(sentence: string, paragraph: string, quotations: readonly PassageQuotation[]): Passage {
  const text = normalizeWhitespace(paragraph);
  const own = normalizeWhitespace(sentence);
  const sentenceRange = rangeOf(text, own);
  if (!sentenceRange) return { text: own, speakers: [], quoting: [] };
  // The sentence's words without the quotation marks at its edges, which belong to the quotation, not to the words.
  const core = own.replace(OPENING, '').replace(CLOSING, '');
  const coreStart = sentenceRange[0] + own.indexOf(core);
  const coreRange: [number, number] = [coreStart, coreStart + core.length];

  const speakers: string[] = [];
  const quoting: string[] = [];
  let whole: Passage['whole'];
  for (const quotation of quotations) {
    const parts = (quotation.parts ?? [quotation.text]).map(normalizeWhitespace);
    const head = rangeOf(text, parts[0]!);
    const tail = head && rangeOf(text, parts.at(-1)!, head[0]);
    if (!head || !tail) continue;
    const range: [number, number] = [head[0], tail[1]];
    const overlaps = range[0] < sentenceRange[1] && sentenceRange[0] < range[1];
    if (!overlaps) continue;
    if (!speakers.includes(quotation.speaker)) speakers.push(quotation.speaker);
    if (quotation.kind !== 'paraphrase' && !quoting.includes(quotation.speaker)) quoting.push(quotation.speaker);
    // Ending punctuation may sit just outside a quotation ("…aggressively,” he said."), so compare the words without it.
    const inside = range[0] <= coreRange[0] && coreRange[1] <= range[1] + 1;
    if (inside && !whole) whole = { speaker: quotation.speaker, kind: quotation.kind };
  }
  return whole ? { text: core, whole, speakers, quoting } : { text: own, speakers, quoting };
}

/** Whether every opening double quotation mark in `text` has its closing one, in order. */
export function quotationMarksPaired(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '“') depth += 1;
    if (char === '”') {
      depth -= 1;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}
