/**
 * Stable permalink ids, derived from text rather than position, so that
 * inserting or editing one paragraph never changes another paragraph's id.
 */
import { slug } from 'github-slugger';

/** Words of `text` as slug parts ("North Korea’s growing" → ["north", "koreas", "growing"]). */
export function slugWords(text: string): string[] {
  return slug(text).split('-').filter(Boolean);
}

/** How many leading words name a paragraph or a quotation. */
export const ANCHOR_WORDS = 6;

/**
 * Gives each text an id made of `prefix` and its first words. Texts that share
 * their first words get more words until they differ, so the result depends
 * only on the texts involved, never on their order. Identical texts get the
 * same id; the caller decides whether that is an error.
 */
export function anchorIds(texts: readonly string[], prefix: string, words = ANCHOR_WORDS): string[] {
  const wordLists = texts.map(slugWords);
  const whole = wordLists.map((list) => list.join('-'));
  return wordLists.map((own, index) => {
    let count = Math.min(words, own.length);
    for (const [otherIndex, other] of wordLists.entries()) {
      if (otherIndex === index || whole[otherIndex] === whole[index]) continue;
      while (count < own.length && sharesPrefix(own, other, count)) count += 1;
    }
    return [prefix, ...own.slice(0, count)].filter(Boolean).join('-');
  });
}

function sharesPrefix(a: readonly string[], b: readonly string[], count: number): boolean {
  if (b.length < count) return false;
  for (let i = 0; i < count; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Id of a section heading: its text, slugged the way GitHub does. */
export function headingId(text: string): string {
  return slug(text);
}

/** Id of a quotation: who said it and its first words ("hong-min-there-is-little-possibility-of-the"). */
export function quotationBaseId(speaker: string, text: string, words = ANCHOR_WORDS): string {
  return [speaker, ...slugWords(text).slice(0, words)].join('-');
}
