/**
 * The search UI, on the /search/ page and in the header's dialog.
 *
 * Built on Pagefind's JS API with our own markup rather than its component
 * UI: the component UI's script alone is 184 KB (the default UI 127 KB),
 * over the whole 100 KB budget for a first search, and our own markup lets
 * facets show counts, keeps query and filters in the URL, announces counts
 * in a live region and never puts Pagefind's excerpt HTML into innerHTML.
 * This module is loaded only when a reader starts to search.
 */
import css from './search.css?inline';
import { addStyles } from './styles.ts';
import { el } from './dom.ts';
import { excerptParts } from './excerpt.ts';
import { isEmptySearch, pagefindFilters, parseSearchState, serializeSearchState, type SearchState } from './state.ts';
import { urls } from '../../lib/urls.ts';
import { loadPagefind, loadPagefindWithFilters, type PagefindResultData, type PagefindSearch, type PagefindSubResult } from './pagefind.ts';

export interface SearchUiOptions {
  /** Keep query and filters in the page URL (the /search/ page), with history entries for back/forward. */
  syncUrl: boolean;
  /** Heading level for each result's title (the page decides the outline). */
  headingLevel: 2 | 3;
  /** Show facet filters with counts (the /search/ page); the dialog leaves them to that page and saves their download. */
  facets: boolean;
  /** Results shown before "Show more" (each costs a fragment download). */
  pageSize: number;
  /** Called when the query changes, e.g. to update a link to the full search page. */
  onStateChange?: (state: SearchState) => void;
}

const MAX_SUB_RESULTS = 3;
const BROWSE = [
  { href: urls.quotes(), label: 'every quotation' },
  { href: urls.people(), label: 'who’s who' },
  { href: urls.timeline(), label: 'the timeline' },
];

let uid = 0;

/** Pagefind's excerpt as DOM: text nodes and <mark>s only, whatever the excerpt contains. */
function excerptNode(excerpt: string, className: string): HTMLParagraphElement {
  const p = el('p', { class: className });
  for (const part of excerptParts(excerpt)) p.append(part.marked ? el('mark', {}, part.text) : part.text);
  return p;
}

function relevance(sub: PagefindSubResult): number {
  return (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
}

/**
 * What to show of a page's hit: the excerpt of its best-matching part and
 * links to the anchored parts (quote cards, timeline entries, sections)
 * that match, best first. Pagefind lists a page's parts in page order.
 */
function bestParts(data: PagefindResultData): { excerpt: string; anchored: PagefindSubResult[] } {
  const ranked = [...data.sub_results].sort((a, b) => relevance(b) - relevance(a));
  const anchored = ranked.filter((sub) => sub.url.includes('#')).slice(0, MAX_SUB_RESULTS);
  const top = ranked[0];
  return { excerpt: top && !top.url.includes('#') ? top.excerpt : anchored.length ? '' : data.excerpt, anchored };
}

export function mountSearch(root: HTMLElement, options: SearchUiOptions): { input: HTMLInputElement; setState: (state: SearchState) => void } {
  addStyles('search-ui-styles', css);
  const id = `search-${++uid}`;
  let state: SearchState = options.syncUrl ? parseSearchState(location.search) : { q: '', filters: {} };
  let run = 0;
  let shown = options.pageSize;

  const input = el('input', { id: `${id}-q`, type: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint` });
  input.value = state.q;
  const form = el(
    'form',
    { class: 'search-form', role: 'search', action: urls.search(), method: 'get' },
    el('label', { for: input.id }, 'Search quotations, people, meetings and articles'),
    input,
    el('p', { id: `${id}-hint`, class: 'search-hint' }, 'Results appear as you type. Try a phrase you remember, a name or a topic.'),
  );
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const facets = el('div', { class: 'search-facets' });
  const results = el('div', { class: 'search-results' });
  root.replaceChildren(form, status, facets, results);

  const announce = (text: string) => {
    status.textContent = text;
  };

  const commit = (push: boolean) => {
    options.onStateChange?.(state);
    if (!options.syncUrl) return;
    const url = `${location.pathname}${serializeSearchState(state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  // Facets live in their own chunk: the dialog has none and does not download them.
  const facetUi = options.facets ? import('./facets.ts') : undefined;

  async function renderResults(search: PagefindSearch, thisRun: number) {
    const page = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
    if (thisRun !== run) return;
    const list = el('ol', { class: 'result-list' });
    const Heading = `h${options.headingLevel}` as const;
    for (const data of page) {
      const title = data.meta['title'] ?? data.url;
      const item = el('li', { class: 'result' }, el(Heading, { class: 'result-title' }, el('a', { href: data.url }, title)));
      const who = [data.meta['role'], data.meta['affiliation']].filter(Boolean).join(', ');
      if (who) item.append(el('p', { class: 'result-meta' }, who));
      const { excerpt, anchored } = bestParts(data);
      if (excerpt) item.append(excerptNode(excerpt, 'result-excerpt'));
      if (anchored.length > 0) {
        const ul = el('ul', { class: 'sub-results', 'aria-label': `Matches in ${title}` });
        for (const sub of anchored) ul.append(el('li', {}, el('a', { href: sub.url }, sub.title), excerptNode(sub.excerpt, 'result-excerpt')));
        item.append(ul);
      }
      list.append(item);
    }
    const nodes: Node[] = [list];
    if (search.results.length > shown) {
      const more = el('button', { type: 'button', class: 'more' }, `Show more results (${search.results.length - shown} left)`);
      more.addEventListener('click', () => {
        const firstNew = shown;
        shown += options.pageSize;
        void renderResults(search, run).then(() => results.querySelectorAll<HTMLAnchorElement>('.result-title a')[firstNew]?.focus());
      });
      nodes.push(more);
    }
    results.replaceChildren(...nodes);
  }

  function renderNoResults() {
    const links: (Node | string)[] = [];
    BROWSE.forEach(({ href, label }, i) => links.push(i === 0 ? '' : i === BROWSE.length - 1 ? ' or ' : ', ', el('a', { href }, label)));
    const what = state.q
      ? ['No results for ', el('q', {}, state.q), isEmptySearch({ q: '', filters: state.filters }) ? '.' : ' with these filters.']
      : ['Nothing matches these filters.'];
    results.replaceChildren(el('div', { class: 'no-results' }, el('p', {}, ...what), el('p', {}, 'Try fewer or different words, or browse ', ...links, '.')));
  }

  async function search(push: boolean) {
    const thisRun = ++run;
    shown = options.pageSize;
    commit(push);
    if (isEmptySearch(state)) {
      results.replaceChildren();
      facets.replaceChildren();
      announce('');
      return;
    }
    root.setAttribute('aria-busy', 'true');
    try {
      const [pagefind, facetModule] = await Promise.all([options.facets ? loadPagefindWithFilters() : loadPagefind(), facetUi]);
      const found = await pagefind.search(state.q || null, { filters: pagefindFilters(state) });
      if (thisRun !== run || !found) return;
      facetModule?.renderFacets(facets, found, state, { id, open: options.syncUrl });
      if (found.results.length === 0) renderNoResults();
      else await renderResults(found, thisRun);
      if (thisRun !== run) return;
      const n = found.results.length;
      announce(n === 0 ? 'No results.' : `${n} ${n === 1 ? 'result' : 'results'}${state.q ? ` for “${state.q}”` : ''}.`);
    } catch (error) {
      if (thisRun !== run) return;
      results.replaceChildren(unavailable(error));
      announce('Search is unavailable.');
    } finally {
      if (thisRun === run) root.removeAttribute('aria-busy');
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = { ...state, q: input.value.trim() };
      void search(true);
    }, 200);
  });
  // Without JS the form is a plain GET to /search/; with it, Enter searches at once.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = { ...state, q: input.value.trim() };
    void search(true);
  });
  void facetUi?.then(({ onFacetChange, toggleFilter }) =>
    onFacetChange(facets, (key, value, checked) => {
      state = toggleFilter(state, key, value, checked);
      void search(true);
    }),
  );

  const setState = (next: SearchState) => {
    state = next;
    input.value = next.q;
    void search(false);
  };
  if (options.syncUrl) window.addEventListener('popstate', () => setState(parseSearchState(location.search)));
  if (!isEmptySearch(state)) void search(false);
  return { input, setState };
}

/** Why search cannot run, said plainly: never an empty list that looks like "no results". */
function unavailable(error: unknown): HTMLElement {
  const dev = import.meta.env.DEV;
  console.warn('Search could not load its index:', error);
  return el(
    'div',
    { class: 'no-results' },
    el(
      'p',
      {},
      dev
        ? `Search could not load its index from ${urls.searchIndex()}. In \`astro dev\` the index is built from the pages on first use; check the dev server’s log for the indexing error.`
        : 'Search could not load its index. Please try again; meanwhile everything can be reached from the browse pages.',
    ),
    el(
      'p',
      {},
      'Browse ',
      el('a', { href: urls.quotes() }, 'every quotation'),
      ', ',
      el('a', { href: urls.people() }, 'who’s who'),
      ' or ',
      el('a', { href: urls.timeline() }, 'the timeline'),
      '.',
    ),
  );
}
