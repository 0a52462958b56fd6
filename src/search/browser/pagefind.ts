/**
 * Loads Pagefind's JS API from the built index, once. The import path is
 * built at run time so Vite leaves it alone: /pagefind/ exists only after
 * the build (or, in `astro dev`, from the integration's dev middleware).
 */
import { urls } from '../../lib/urls.ts';

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string; element: string };
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

export interface PagefindSearch {
  results: { id: string; score: number; data: () => Promise<PagefindResultData> }[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindSearch | null>;
  debouncedSearch(term: string | null, options?: { filters?: Record<string, unknown> }, ms?: number): Promise<PagefindSearch | null>;
}

/** The URL parameter result links carry the matched words in, for highlighting on arrival. */
export const HIGHLIGHT_PARAM = 'highlight';

let loading: Promise<PagefindApi> | undefined;

export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const path = urls.searchIndex('pagefind.js');
    const api = (await import(/* @vite-ignore */ path)) as PagefindApi;
    // No web worker: the index is small, and the worker script would add
    // 12 KB to the first search for no gain a reader would notice.
    await api.options({ highlightParam: HIGHLIGHT_PARAM, excerptLength: 30, noWorker: true });
    await api.init();
    return api;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

let filtersLoading: Promise<unknown> | undefined;

/**
 * Facet counts come with each search only once Pagefind has loaded its
 * filter index (4–5 KB); only UIs that show facets ask for it.
 */
export async function loadPagefindWithFilters(): Promise<PagefindApi> {
  const api = await loadPagefind();
  filtersLoading ??= api.filters();
  await filtersLoading;
  return api;
}
