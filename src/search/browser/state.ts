/**
 * What a search is (query and facet filters) and how it is written in the
 * URL (`/search/?q=…&speaker=…&speaker=…`), so a search can be shared,
 * reloaded and moved through with back/forward. Pure: no DOM, no Astro.
 */

/** The facets readers can filter by, in display order, with their labels. Names match the `data-pagefind-filter` keys on the pages. */
export const FACETS = [
  // Quotation, Person, Event or Article: set on each page type (data-pagefind-filter="type:…").
  { key: 'type', label: 'Result type' },
  { key: 'speaker', label: 'Speaker' },
  { key: 'article', label: 'Article' },
  // Key kept as `meeting` for existing links; the values include events that are not meetings (a declined letter).
  { key: 'meeting', label: 'Event' },
  { key: 'topic', label: 'Topic' },
  // "Sanctions relief: supports": the stance a quotation takes, beside its topic.
  { key: 'stance', label: 'Stance on a topic' },
  { key: 'kind', label: 'Kind of quotation' },
] as const;

export type FacetKey = (typeof FACETS)[number]['key'];

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetKey, string[]>>;
  /** Search the words as typed, without corrections ("Search instead for …"): `exact=1` in the URL. */
  exact?: boolean;
}

const FACET_KEYS = new Set<string>(FACETS.map((f) => f.key));

/** Reads a search from a URL query string; unknown parameters are ignored, repeated facet parameters are OR-ed values. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const [key, value] of params) {
    if (!FACET_KEYS.has(key) || !value.trim()) continue;
    const values = (filters[key as FacetKey] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  const q = (params.get('q') ?? '').trim();
  return params.get('exact') === '1' && q ? { q, filters, exact: true } : { q, filters };
}

/** Writes a search as a query string ("" for an empty search), in a stable order so equal searches give equal URLs. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.exact && state.q.trim()) params.set('exact', '1');
  for (const { key } of FACETS) for (const value of state.filters[key] ?? []) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether the search asks anything (a query or at least one filter). */
export function isEmptySearch(state: SearchState): boolean {
  return !state.q.trim() && FACETS.every(({ key }) => !state.filters[key]?.length);
}

/** The filters in the shape Pagefind's `search()` takes: values of one facet are alternatives, facets combine. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const { key } of FACETS) {
    const values = state.filters[key];
    if (values?.length) out[key] = { any: [...values] };
  }
  return out;
}
