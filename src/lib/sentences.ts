/**
 * Sentence boundaries in news copy: a full stop, question or exclamation mark
 * (optionally followed by a closing quotation mark) and a space, before a
 * capital letter or an opening quotation mark. "U.S. president" is one
 * sentence; "…in 2005. He recommended…" is two.
 */
const BOUNDARY = /[.?!][”’"]?\s+(?=[“‘"A-Z])/gu;

/** Splits text into sentences, each keeping its own punctuation. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].trimEnd().length;
    sentences.push(text.slice(start, end));
    start = match.index + match[0].length;
  }
  sentences.push(text.slice(start));
  return sentences.filter((sentence) => sentence.trim() !== '');
}

/** The sentence of `text` that contains the character at `offset`. */
export function sentenceAt(text: string, offset: number): string {
  let start = 0;
  for (const sentence of splitSentences(text)) {
    const at = text.indexOf(sentence, start);
    if (offset < at + sentence.length) return sentence;
    start = at + sentence.length;
  }
  return text;
}
