/**
 * The search UI, on the /search/ page and in the header's dialog.
 *
 * Built on Pagefind's JS API with our own markup rather than its component
 * UI: the component UI's script alone is 184 KB (the default UI 127 KB),
 * over the whole 100 KB budget for a first search, and our own markup lets
 * facets show counts, keeps query and filters in the URL, announces counts
 * in a live region and never puts Pagefind's excerpt HTML into innerHTML.
 * What a query means (stop words, spellings, corrections, any-word
 * fallback) is decided in query.ts, which the judged query set runs too.
 * This module is loaded only when a reader starts to search.
 *
 * Here: one search's state and its runs, from the reader's input (and the
 * URL) to what is shown. Its parts are in ui/: the form (form.ts), asking
 * Pagefind (find.ts), the results' markup (results.ts), what the search
 * says beside them (messages.ts) and the arrow keys (keys.ts).
 */
import css from './search.css?inline';
import { addStyles } from './styles.ts';
import { el } from './dom.ts';
import { markedWords, plainQuery, unconfirmedWords, type UnderstoodQuery } from './query.ts';
import { isEmptySearch, parseSearchState, serializeSearchState, type SearchState } from './state.ts';
import { loadPagefind, loadPagefindWithFilters } from './pagefind.ts';
import { searchForm } from './ui/form.ts';
import { find, loadCorrector, type Found } from './ui/find.ts';
import { resultList } from './ui/results.ts';
import { announcer, renderNoResults, showNotice, unavailable, type Go } from './ui/messages.ts';
import { arrowKeys } from './ui/keys.ts';

export interface SearchUiOptions {
  /** Keep query and filters in the page URL (the /search/ page), with history entries for back/forward. */
  syncUrl: boolean;
  /** Heading level for each result's title (the page decides the outline). */
  headingLevel: 2 | 3;
  /** Show facet filters with counts (the /search/ page); the dialog leaves them to that page and saves their download. */
  facets: boolean;
  /** Results shown before "Show more" (each costs a fragment download). */
  pageSize: number;
  /** Enter in the search box opens the first result once results for its words are shown (the dialog). */
  enterOpensFirst?: boolean;
  /** Called when the query changes, e.g. to update a link to the full search page. */
  onStateChange?: (state: SearchState) => void;
}

let uid = 0;

export function mountSearch(root: HTMLElement, options: SearchUiOptions): { input: HTMLInputElement; setState: (state: SearchState) => void } {
  addStyles('search-ui-styles', css);
  const id = `search-${++uid}`;
  let state: SearchState = options.syncUrl ? parseSearchState(location.search) : { q: '', filters: {} };
  let run = 0;
  let shown = options.pageSize;
  /** The state whose results are on screen, serialised; Enter opens the first of them. */
  let settled = '';

  const { form, input } = searchForm(id, state.q);
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  // What the search did with the words: said once, beside the results, not announced on every keystroke.
  const notice = el('p', { class: 'search-notice', hidden: '' });
  const facets = el('div', { class: 'search-facets' });
  const results = el('div', { class: 'search-results' });
  root.replaceChildren(form, status, notice, facets, results);

  const { announce, cancel: cancelAnnouncement } = announcer(status);

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

  // A link to another search (a correction undone, a filter dropped) searches here, and the reader stays in the box.
  const go: Go = (next) => {
    setState(next, true);
    input.focus();
  };

  /** Renders the shown results; returns the words Pagefind marked in them. */
  async function renderResults(found: Found, understood: UnderstoodQuery, thisRun: number): Promise<string[]> {
    const page = await Promise.all(found.results.slice(0, shown).map((r) => r.data()));
    if (thisRun !== run) return [];
    const list = resultList(page, understood.words, options.headingLevel);
    const nodes: Node[] = [list];
    if (found.results.length > shown) {
      const more = el('button', { type: 'button', class: 'more' }, `Show more results (${found.results.length - shown} left)`);
      more.addEventListener('click', () => {
        const firstNew = list.children.length;
        shown += options.pageSize;
        void renderResults(found, understood, run).then(() => results.querySelectorAll<HTMLAnchorElement>('.result-title a')[firstNew]?.focus());
      });
      nodes.push(more);
    }
    results.replaceChildren(...nodes);
    return markedWords(page.flatMap((data) => [data.excerpt, ...data.sub_results.map((sub) => sub.excerpt)]));
  }

  async function search(push: boolean) {
    const thisRun = ++run;
    shown = options.pageSize;
    commit(push);
    if (isEmptySearch(state)) {
      results.replaceChildren();
      facets.replaceChildren();
      notice.hidden = true;
      settled = '';
      announce('', true);
      return;
    }
    root.setAttribute('aria-busy', 'true');
    try {
      const [pagefind, facetModule] = await Promise.all([options.facets ? loadPagefindWithFilters() : loadPagefind(), facetUi]);
      const show = async (understood: UnderstoodQuery): Promise<{ found: Found; marked: string[] } | undefined> => {
        const found = await find(pagefind, understood, state);
        if (thisRun !== run || !found) return undefined;
        facetModule?.renderFacets(facets, found.counts, state, { id, open: options.syncUrl });
        showNotice(notice, understood, found, state, go);
        if (found.results.length === 0) {
          renderNoResults(results, understood, state, go);
          return { found, marked: [] };
        }
        return { found, marked: await renderResults(found, understood, thisRun) };
      };
      const exact = state.exact ?? false;
      // As typed first; only the words the results leave unconfirmed are then spelt or corrected.
      let understood = plainQuery(state.q, { exact });
      let shownNow = await show(understood);
      if (!shownNow || thisRun !== run) return;
      const { found: asTyped, marked } = shownNow;
      const unconfirmed = asTyped.results.length === 0 ? understood.words : asTyped.anyWords ? asTyped.unmatched : unconfirmedWords(understood.words, marked);
      if (!exact && unconfirmed.length > 0) {
        const correct = await loadCorrector();
        if (thisRun !== run) return;
        const better = correct?.(state.q, { exact, only: unconfirmed });
        if (better && better.query !== understood.query) {
          understood = better;
          shownNow = await show(understood);
          if (!shownNow || thisRun !== run) return;
        }
      }
      const { found } = shownNow;
      settled = serializeSearchState(state);
      root.dataset['settled'] = settled;
      const n = found.results.length;
      const shownFor = understood.corrections.length ? ` for “${understood.query}”` : state.q ? ` for “${state.q}”` : '';
      announce(n === 0 ? 'No results.' : `${n} ${n === 1 ? 'result' : 'results'}${shownFor}${found.anyWords ? ', with any of the words' : ''}.`);
    } catch (error) {
      if (thisRun !== run) return;
      results.replaceChildren(unavailable(error));
      announce('Search is unavailable.', true);
    } finally {
      if (thisRun === run) root.removeAttribute('aria-busy');
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // A pending announcement is for words the reader is still changing.
    cancelAnnouncement();
    timer = setTimeout(() => {
      state = { q: input.value.trim(), filters: state.filters };
      void search(true);
    }, 200);
  });
  // Without JS the form is a plain GET to /search/; with it, Enter searches at once (or, in the dialog, opens the first result shown for these words).
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const next: SearchState = { q: input.value.trim(), filters: state.filters };
    const first = results.querySelector<HTMLAnchorElement>('.result-title a');
    if (options.enterOpensFirst && first && settled && settled === serializeSearchState(next)) {
      first.click();
      return;
    }
    state = next;
    void search(true);
  });
  arrowKeys(root, input, results);
  void facetUi?.then(({ onFacetChange, toggleFilter }) =>
    onFacetChange(facets, (key, value, checked) => {
      state = toggleFilter(state, key, value, checked);
      void search(true);
    }),
  );

  const setState = (next: SearchState, push = false) => {
    state = next;
    input.value = next.q;
    void search(push);
  };
  if (options.syncUrl) window.addEventListener('popstate', () => setState(parseSearchState(location.search)));
  if (!isEmptySearch(state)) void search(false);
  return { input, setState };
}
