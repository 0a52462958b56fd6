/**
 * What the search says beside its results: the count in the live region
 * (once the results settle, not per keystroke), what it did with the words
 * (a correction, any-word results), what to try when nothing matches, and
 * why it cannot search at all. Links to other searches run in place through
 * `go`, the search UI's own way to change its search.
 */
import { el } from '../dom.ts';
import { FACETS, isEmptySearch, serializeSearchState, type SearchState } from '../state.ts';
import type { UnderstoodQuery } from '../query.ts';
import type { Found } from './find.ts';
import { urls } from '../../../lib/urls.ts';

/** How long the results must stay the same before the live region speaks: one announcement per settled result, not per keystroke. */
const ANNOUNCE_AFTER_MS = 900;
const BROWSE = [
  { href: urls.quotes(), label: 'every quotation' },
  { href: urls.people(), label: 'who’s who' },
  { href: urls.timeline(), label: 'the timeline' },
];

/** Runs the search UI's search for `next`, as the reader's own change would. */
export type Go = (next: SearchState) => void;

/** Speaks `text` in the `status` live region after a pause (at once with `now`); `cancel` drops what is still to be said. */
export function announcer(status: HTMLElement): { announce: (text: string, now?: boolean) => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  const announce = (text: string, now = false) => {
    cancel();
    const speak = () => {
      if (status.textContent !== text) status.textContent = text;
    };
    if (now) speak();
    else timer = setTimeout(speak, ANNOUNCE_AFTER_MS);
  };
  return { announce, cancel };
}

/** A link to the search page for `next` that, followed with a plain click, searches in place. */
function searchLink(next: SearchState, text: Node | string, go: Go): HTMLAnchorElement {
  const a = el('a', { href: `${urls.search()}${serializeSearchState(next)}` }, text);
  a.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(next);
  });
  return a;
}

/** Says, in `notice`, what the search did with the words: searched a correction of them, or for any of them. */
export function showNotice(notice: HTMLElement, understood: UnderstoodQuery, found: Found, state: SearchState, go: Go): void {
  const parts: (Node | string)[] = [];
  if (understood.corrections.length > 0) {
    parts.push(
      'Showing results for ',
      el('strong', {}, understood.query),
      '. ',
      searchLink({ ...state, exact: true }, `Search instead for “${state.q}”`, go),
      '.',
    );
  }
  if (found.anyWords && found.results.length > 0) {
    parts.push(parts.length ? ' ' : '', 'No result has all of these words; showing results with any of them, those with most first.');
  }
  notice.replaceChildren(...parts);
  notice.hidden = parts.length === 0;
}

/** Nothing matches: says so in `results`, with the searches that might (the words as corrected, fewer filters) and the browse pages. */
export function renderNoResults(results: HTMLElement, understood: UnderstoodQuery, state: SearchState, go: Go): void {
  const links: (Node | string)[] = [];
  BROWSE.forEach(({ href, label }, i) => links.push(i === 0 ? '' : i === BROWSE.length - 1 ? ' or ' : ', ', el('a', { href }, label)));
  const filtered = !isEmptySearch({ q: '', filters: state.filters });
  const what = state.q ? ['No results for ', el('q', {}, state.q), filtered ? ' with these filters.' : '.'] : ['Nothing matches these filters.'];
  const offers: (Node | string)[] = [];
  if (understood.corrections.length > 0 && state.exact) offers.push(searchLink({ ...state, exact: false }, `Search for “${understood.query}”`, go));
  if (filtered) {
    offers.push(offers.length ? ' or ' : '', searchLink({ ...state, filters: {} }, 'search without filters', go));
    for (const { key, label } of FACETS) {
      for (const value of state.filters[key] ?? []) {
        const rest = (state.filters[key] ?? []).filter((v) => v !== value);
        offers.push(', ', searchLink({ ...state, filters: { ...state.filters, [key]: rest } }, `without “${label}: ${value}”`, go));
      }
    }
  }
  results.replaceChildren(
    el(
      'div',
      { class: 'no-results' },
      el('p', {}, ...what),
      ...(offers.length ? [el('p', {}, 'Try ', ...offers, '.')] : []),
      el('p', {}, 'Try fewer or different words, or browse ', ...links, '.'),
    ),
  );
}

/** Why search cannot run, said plainly: never an empty list that looks like "no results". */
export function unavailable(error: unknown): HTMLElement {
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
