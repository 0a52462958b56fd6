/**
 * Asking Pagefind: a query's results (or, when no page has all its words,
 * the pages with any of them), and the corrector that understands a query
 * better once the results leave a word unconfirmed.
 */
import { rankAnyWords, VOCABULARY_PATH, type UnderstoodQuery, type Vocabulary } from '../query.ts';
import { pagefindFilters, type SearchState } from '../state.ts';
import type { PagefindApi, PagefindSearch } from '../pagefind.ts';
import type { UnderstandOptions } from '../correct.ts';

export interface Found {
  results: PagefindSearch['results'];
  /** The search whose filter counts the facets show. */
  counts: PagefindSearch;
  /** No page has every word: these are pages with any of them. */
  anyWords: boolean;
  /** With `anyWords`, the words no page has (each searched on its own). */
  unmatched: string[];
}

/** The query's results with the search's filters; null when Pagefind dropped the search for a newer one. */
export async function find(pagefind: PagefindApi, understood: UnderstoodQuery, state: SearchState): Promise<Found | null> {
  const filters = pagefindFilters(state);
  const all = await pagefind.search(understood.query || null, { filters });
  if (!all) return null;
  if (all.results.length > 0 || understood.words.length < 2) return { results: all.results, counts: all, anyWords: false, unmatched: [] };
  const each = await Promise.all(understood.words.map((word) => pagefind.search(word, { filters })));
  const lists = each.map((search) => search?.results ?? []);
  const richest = each.reduce<PagefindSearch>((best, search) => (search && search.results.length > best.results.length ? search : best), all);
  const unmatched = understood.words.filter((_word, index) => lists[index]!.length === 0);
  return { results: rankAnyWords(lists), counts: richest, anyWords: true, unmatched };
}

export type Corrector = (raw: string, options: UnderstandOptions) => UnderstoodQuery;

let corrector: Promise<Corrector | undefined> | undefined;

/**
 * The vocabulary and the code that corrects with it, fetched only once a
 * query needs them (a word the results do not confirm, or no results): most
 * searches never pay for them, and the first search stays within its budget.
 * Fetched once for the page, whichever search UI asks first.
 */
export function loadCorrector(): Promise<Corrector | undefined> {
  corrector ??= Promise.all([
    fetch(VOCABULARY_PATH).then((response) => (response.ok ? (response.json() as Promise<Vocabulary>) : undefined)),
    import('../correct.ts'),
  ])
    .then(([vocabulary, { understandQuery }]) =>
      vocabulary ? (raw: string, options: UnderstandOptions) => understandQuery(raw, vocabulary, options) : undefined,
    )
    // Without them search still works, only without corrections and spellings.
    .catch(() => undefined);
  return corrector;
}
