/**
 * Query understanding (issue 24, item 1), on top of Pagefind, which needs
 * every word of a query to match: question and stop words are dropped
 * ("who thinks denuclearisation is unlikely" → "denuclearisation unlikely"),
 * US spellings of the articles' UK words are searched as the articles write
 * them, and a word that matches no known name, topic, place or event but is
 * within a couple of letters of one is corrected to it ("Narrang" → "narang"),
 * so the UI can say "Showing results for …" (the last two in correct.ts,
 * loaded with the vocabulary only when a query needs them). When no page has
 * all the words, `rankAnyWords` merges the searches of each word. Pure: no
 * DOM, no fetch; the search UI runs it, and the judged query set
 * (tests/support/judged-search.ts) runs the UI.
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

/**
 * The query without its stop and question words (all of them kept when
 * nothing else is left), or as typed with `exact`. Corrections and
 * spellings need the vocabulary: correct.ts, loaded with it.
 */
export function plainQuery(raw: string, options: { exact?: boolean } = {}): UnderstoodQuery {
  const all = queryWords(raw);
  if (options.exact) return { words: all, query: all.join(' '), corrections: [], dropped: [] };
  const kept = all.filter((word) => !STOP_WORDS.has(word));
  const words = kept.length > 0 ? kept : all;
  const dropped = kept.length > 0 ? all.filter((word) => STOP_WORDS.has(word)) : [];
  return { words, query: words.join(' '), corrections: [], dropped };
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
 * The query's words that no marked word in the results confirms: a word is
 * confirmed by a marked word that shares its start (the word itself, or a
 * form of it: "proposes" by "proposing"). Pagefind falls back to a shorter
 * start when a word matches nothing ("Narrang" → "Nar…"), so an
 * unconfirmed word is one it did not find as typed; only then is the
 * vocabulary fetched, to correct it.
 */
export function unconfirmedWords(words: readonly string[], marked: readonly string[]): string[] {
  const shared = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  return words.filter((word) => !marked.some((m) => shared(word, m) >= Math.min(word.length, Math.max(4, word.length - 2))));
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
