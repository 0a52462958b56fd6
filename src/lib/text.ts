/** Text helpers shared by the build-time checks and the tests. */

/** Collapses runs of white space to one space and trims; nothing else changes. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The lines of a source text that carry words, with their 1-based line numbers.
 * Blank lines in the seeds are layout only.
 */
export function sourceLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((value, index) => ({ line: index + 1, text: value }))
    .filter((entry) => entry.text.trim() !== '');
}

/** Shortens `text` to at most `max` characters at a word boundary, with one ellipsis: punctuation before the cut goes, so none is doubled ("overtures.…"). */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.!?…–—-]+$/u, '')}…`;
}

/** "1 mention", "3 mentions". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * "two articles", "one article", "12 articles": a count in running text, in
 * words up to ten as house style has it. Pages say how many articles or
 * meetings there are through this, from the content, never by hand.
 */
export function countInWords(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${NUMBER_WORDS[count] ?? count} ${count === 1 ? noun : pluralNoun}`;
}

/** The text with its first letter upper-case, for a count that starts a sentence ("Two articles …"). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
