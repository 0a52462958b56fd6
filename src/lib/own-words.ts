/**
 * A paraphrase is the article's words, but it may carry the speaker's own in
 * quotation marks: Koh said Pyongyang was likely to “tread very cautiously”.
 * Cards set those fragments apart as the speaker's, so the label "the
 * article's words" stays true of everything else.
 */

export interface Segment {
  text: string;
  /** True for a fragment in quotation marks (the marks included): the speaker's own words. */
  own: boolean;
}

/** "was likely to “tread very cautiously” to avoid" → the article's words, the speaker's (with marks), the article's. */
export function splitOwnWords(text: string): Segment[] {
  const segments: Segment[] = [];
  let rest = text;
  for (const match of text.matchAll(/“[^“”]+”/gu)) {
    const before = rest.slice(0, rest.indexOf(match[0]));
    if (before) segments.push({ text: before, own: false });
    segments.push({ text: match[0], own: true });
    rest = rest.slice(before.length + match[0].length);
  }
  if (rest) segments.push({ text: rest, own: false });
  return segments;
}

/** Whether a paraphrase carries any of the speaker's own words in quotation marks. */
export function hasOwnWords(text: string): boolean {
  return splitOwnWords(text).some((segment) => segment.own);
}
