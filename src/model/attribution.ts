/**
 * The one rule for whose words a quotation is, wherever its words go (page
 * title and og:title (X reads og:title), headings, share titles and texts, card
 * labels, search result titles, preview images, image alt text):
 *
 * - the speaker's own words (a direct quote) are in quotation marks after
 *   their name:            Hong Min: “There is little possibility …”
 * - the article's paraphrase is never in quotation marks and always says so:
 *                          Doug Bandow, as paraphrased: full denuclearisation is unlikely
 *
 * Any of the speaker's own words inside a paraphrase keep the marks the
 * article gives them. Pure, so the pages, the preview cards and the browser's
 * share menu (src/client/share.ts) all ask here.
 */

import { plural, truncateWords } from '../lib/text.ts';

export type AttributedKind = 'direct' | 'paraphrase' | 'statement';

/** The words after the name: "as paraphrased" for the article's paraphrase, nothing for the speaker's own. */
export const PARAPHRASE_MARK = 'as paraphrased';

/** Shortens the words, with one ellipsis and no doubled punctuation (src/lib/text.ts). */
export const shorten = truncateWords;

/** The words as the rule shows them: in quotation marks when they are the speaker's own, bare when they are the article's. */
export function attributedWords(kind: AttributedKind, words: string): string {
  return kind === 'paraphrase' ? words : `“${words}”`;
}

/** "Hong Min: “There is …”" or "Doug Bandow, as paraphrased: full denuclearisation is unlikely"; `max` shortens the words. */
export function attributed(name: string, kind: AttributedKind, words: string, max?: number): string {
  const shown = max === undefined ? words : shorten(words, max);
  return kind === 'paraphrase' ? `${name}, ${PARAPHRASE_MARK}: ${shown}` : `${name}: ${attributedWords(kind, shown)}`;
}

/** The lead-in for a heading or label naming the speaker: "Quotation by Hong Min" or "Paraphrase of Doug Bandow, by the article". */
export function attributionLabel(name: string, kind: AttributedKind): string {
  return kind === 'paraphrase' ? `The article’s paraphrase of ${name}` : `Quotation by ${name}`;
}

/**
 * How many, with the speaker's own words and the article's paraphrases counted apart:
 * "2 quotations and 1 paraphrase", "1 paraphrase", "no quotations or paraphrases".
 */
export function countByKind(items: readonly { kind: AttributedKind }[]): string {
  const paraphrases = items.filter((item) => item.kind === 'paraphrase').length;
  const own = items.length - paraphrases;
  const parts = [own > 0 ? plural(own, 'quotation') : '', paraphrases > 0 ? plural(paraphrases, 'paraphrase') : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : 'no quotations or paraphrases';
}

/** A name as it reads inside a sentence: "the White House" after "More from", not "The White House". */
export function inSentence(name: string): string {
  return name.replace(/^The /, 'the ');
}
