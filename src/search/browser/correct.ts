/**
 * Corrections and spellings (issue 24, item 1): the part of query
 * understanding that needs the vocabulary, in its own chunk, loaded with the
 * vocabulary only when a query has a word the results do not confirm.
 * Pure: no DOM, no fetch.
 */
import { plainQuery, type Correction, type UnderstoodQuery, type Vocabulary } from './query.ts';

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1 ("kho" → "koh" is 1). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** How far a word of this length may be from a known word and still be taken as a misspelling of it. */
const allowance = (word: string) => (word.length < 4 ? 0 : word.length <= 5 ? 1 : 2);

/**
 * The known word a misspelt word stands for, or undefined: the nearest with
 * the same first letter. A word that is known, or that is a known word with
 * an ending (or its start), is left as it is: Pagefind matches word starts,
 * and "leaders" is not a typo of "leader".
 */
export function nearestKnown(word: string, known: readonly string[], knownSet: ReadonlySet<string> = new Set(known)): string | undefined {
  const max = allowance(word);
  if (max === 0 || knownSet.has(word) || /\d/.test(word)) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of known) {
    if (candidate.startsWith(word) || word.startsWith(candidate)) return undefined;
    // Misspelt names keep their first letter far more often than not; without this, common words ("window") become names ("bandow").
    if (candidate[0] !== word[0]) continue;
    const distance = editDistance(word, candidate, max);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= max ? best : undefined;
}

/** `exact`: the words as typed; `only`: the words that may be spelt or corrected (the others are left as typed). */
export interface UnderstandOptions {
  exact?: boolean;
  only?: readonly string[];
}

/**
 * What to ask Pagefind for a reader's query. Without a vocabulary (not yet
 * loaded, or unavailable) only stop words are dropped. With `exact`, the
 * reader's words are searched as typed ("Search instead for …"). With
 * `only`, only those words (the ones the results did not confirm) may be
 * spelt or corrected.
 */
export function understandQuery(raw: string, vocabulary?: Vocabulary, options: UnderstandOptions = {}): UnderstoodQuery {
  const plain = plainQuery(raw, options);
  if (options.exact) return plain;
  const { words, dropped } = plain;
  const corrections: Correction[] = [];
  const knownSet = vocabulary ? new Set(vocabulary.words) : undefined;
  const out = words.map((word) => {
    // A word the results confirmed is the reader's, found as typed: "threats" is not a typo of "treaty".
    if (!vocabulary || !knownSet || (options.only && !options.only.includes(word))) return word;
    const spelt = vocabulary.spellings[word];
    if (spelt) return spelt;
    const near = nearestKnown(word, vocabulary.words, knownSet);
    if (near) {
      corrections.push({ from: word, to: near });
      return near;
    }
    return word;
  });
  const unique = [...new Set(out)];
  return { words: unique, query: unique.join(' '), corrections, dropped };
}
