/** Reading time at 230 words a minute, the usual figure for adult readers of news. */
export const WORDS_PER_MINUTE = 230;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(wordCount(text) / WORDS_PER_MINUTE));
}
