/**
 * Records named inside other words: "the 2019 Hanoi summit" names the place
 * Hanoi as well as the meeting. Used to count what the articles say about a
 * place or organisation that is tagged only as part of an event's name.
 */

/** Records whose name occurs in `words` as whole words (case-sensitive: names are proper nouns). */
export function namesWithin<T extends { id: string; name: string }>(words: string, records: readonly T[]): T[] {
  return records.filter((record) => new RegExp(`(?<![\\p{L}\\p{N}])${RegExp.escape(record.name)}(?![\\p{L}\\p{N}])`, 'u').test(words));
}
