/**
 * Query understanding (issue 24, item 1), on top of Pagefind, which needs
 * every word of a query to match: question and stop words are dropped
 * ("who thinks denuclearisation is unlikely" → "denuclearisation unlikely"),
 * US spellings of the articles' UK words are searched as the articles write
 * them, and a word that matches no known name, topic, place or event but is
 * within a couple of letters of one is corrected to it ("Narrang" → "narang"),
 * so the UI can say "Showing results for …". When no page has all the words,
 * `rankAnyWords` merges the searches of each word. Pure: no DOM, no fetch;
 * the search UI and the judged query set (tests/support/judged-search.ts)
 * both run it.
 */

/** Built by the site (src/search/search-terms.ts), fetched with the first search. */
export interface Vocabulary {
  /** Known words, lower case: names, organisations, topics, places, events, their variants, the articles' proper nouns. */
  words: string[];
  /** US spelling → the articles' UK spelling, for words the articles only write one way. */
  spellings: Record<string, string>;
}

/** Where the build writes the vocabulary (src/pages/search-vocabulary.json.ts). */
export const VOCABULARY_PATH = '/search-vocabulary.json';

/** Words that carry no subject: question words, auxiliaries, pronouns, the commonest function words. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but of to in on at by for from with about as into than then that this these those there ' +
    'who whom whose what which when where why how ' +
    'is are was were be been being am do does did done has have had can could would should will shall may might must ' +
    'i me my we our you your he him his she her it its they them their ' +
    'say says said think thinks thought want wants wanted believe believes feel feels ' +
    'anyone someone somebody anybody any some quote quotes quotation quotations'
  ).split(' '),
);

export interface Correction {
  from: string;
  to: string;
}

export interface UnderstoodQuery {
  /** The words Pagefind is asked for. */
  words: string[];
  /** The query as Pagefind gets it ("" when there are no words). */
  query: string;
  /** Words changed because they matched nothing known but were close to a known word. */
  corrections: Correction[];
  /** Stop and question words left out. */
  dropped: string[];
}

const WORD = /[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu;

/** The query's words, lower case, possessives and apostrophes taken off ("Trump’s" → "trump"). */
export function queryWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].map(([word]) => word.replace(/[’']s$/, '').replace(/[’']/g, '')).filter(Boolean);
}

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

/**
 * What to ask Pagefind for a reader's query. Without a vocabulary (not yet
 * loaded, or unavailable) only stop words are dropped. With `exact`, the
 * reader's words are searched as typed ("Search instead for …").
 */
export function understandQuery(raw: string, vocabulary?: Vocabulary, options: { exact?: boolean } = {}): UnderstoodQuery {
  const all = queryWords(raw);
  if (options.exact) return { words: all, query: all.join(' '), corrections: [], dropped: [] };
  const kept = all.filter((word) => !STOP_WORDS.has(word));
  const words = kept.length > 0 ? kept : all;
  const dropped = kept.length > 0 ? all.filter((word) => STOP_WORDS.has(word)) : [];
  const corrections: Correction[] = [];
  const knownSet = vocabulary ? new Set(vocabulary.words) : undefined;
  const out = words.map((word) => {
    if (!vocabulary || !knownSet) return word;
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

export interface Scored {
  id: string;
  score: number;
}

/**
 * When no page has all the words: each word's results merged, pages with
 * more of the words first, then by their summed score. `perWord` holds one
 * result list per word.
 */
export function rankAnyWords<T extends Scored>(perWord: readonly (readonly T[])[]): T[] {
  const merged = new Map<string, { item: T; words: number; score: number }>();
  for (const list of perWord) {
    for (const item of list) {
      const entry = merged.get(item.id);
      if (entry) {
        entry.words += 1;
        entry.score += item.score;
      } else merged.set(item.id, { item, words: 1, score: item.score });
    }
  }
  return [...merged.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((entry) => entry.item);
}

/**
 * The words Pagefind marked in a result's excerpts, lower case, for the
 * link that highlights them on the page landed on (spelling variants and
 * word forms included, where the reader's own words would miss them).
 */
export function markedWords(excerpts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const excerpt of excerpts) for (const [, inner] of excerpt.matchAll(/<mark>(.*?)<\/mark>/g)) for (const word of queryWords(inner ?? '')) words.add(word);
  return [...words];
}
