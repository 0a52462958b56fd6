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
 */
import css from './search.css?inline';
import { addStyles } from './styles.ts';
import { el } from './dom.ts';
import { excerptParts } from './excerpt.ts';
import { markedWords, plainQuery, rankAnyWords, unconfirmedWords, VOCABULARY_PATH, type UnderstoodQuery, type Vocabulary } from './query.ts';
import { FACETS, isEmptySearch, pagefindFilters, parseSearchState, serializeSearchState, type SearchState } from './state.ts';
import { urls } from '../../lib/urls.ts';
import { HIGHLIGHT_PARAM, loadPagefind, loadPagefindWithFilters, type PagefindResultData, type PagefindSearch, type PagefindSubResult } from './pagefind.ts';
import { SLASH_SETTING, slashShortcutOn } from './shortcut.ts';

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

const MAX_SUB_RESULTS = 3;
/** A quotation up to this many words is shown whole; a longer one to this many words. */
const QUOTE_WORDS = 60;
/** How long the results must stay the same before the live region speaks: one announcement per settled result, not per keystroke. */
const ANNOUNCE_AFTER_MS = 900;
const BROWSE = [
  { href: urls.quotes(), label: 'every quotation' },
  { href: urls.people(), label: 'who’s who' },
  { href: urls.timeline(), label: 'the timeline' },
];

let uid = 0;

type ResultType = 'quote' | 'person' | 'event' | 'article' | 'page';
const TYPE_LABEL: Record<ResultType, string> = { quote: 'Quotation', person: 'Person', event: 'Event', article: 'Article', page: 'Overview' };

function resultType(url: string): ResultType {
  if (/^\/quotes\/[^/]+\//.test(url)) return 'quote';
  if (/^\/people\/[^/]+\//.test(url)) return 'person';
  if (/^\/timeline\/[^/]+\//.test(url)) return 'event';
  if (/^\/articles\/[^/]+\//.test(url)) return 'article';
  return 'page';
}

/** Pagefind's excerpt as DOM: text nodes and <mark>s only, whatever the excerpt contains. */
function excerptNode(excerpt: string, className: string): HTMLParagraphElement {
  const p = el('p', { class: className });
  for (const part of excerptParts(excerpt)) p.append(part.marked ? el('mark', {}, part.text) : part.text);
  return p;
}

/** Plain text with the given words (and words starting with them) marked: the quotation of a result, marked as Pagefind marked its excerpt. */
function markedText(text: string, words: readonly string[], className: string): HTMLParagraphElement {
  const p = el('p', { class: className });
  const escaped = words.filter((w) => w.length > 1).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (escaped.length === 0) {
    p.append(text);
    return p;
  }
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])((?:${escaped.join('|')})[\\p{L}\\p{N}]*)`, 'giu');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    p.append(text.slice(last, match.index), el('mark', {}, match[0]));
    last = match.index + match[0].length;
  }
  p.append(text.slice(last));
  return p;
}

function truncate(text: string, words: number): string {
  const all = text.split(/\s+/);
  return all.length <= words ? text : `${all.slice(0, words).join(' ')}…`;
}

/** A result link that highlights `words` on the page it opens (one parameter per word, as Pagefind's highlighter reads them). */
function withHighlight(url: string, words: readonly string[]): string {
  const parsed = new URL(url, location.origin);
  parsed.searchParams.delete(HIGHLIGHT_PARAM);
  for (const word of words) parsed.searchParams.append(HIGHLIGHT_PARAM, word);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

const withoutQuery = (url: string) => url.replace(/\?[^#]*/, '');

function relevance(sub: PagefindSubResult): number {
  return (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
}

/**
 * What to show of a page's hit: the excerpt of its best-matching part and
 * links to the anchored parts (timeline entries, sections, paragraphs) that
 * match, best first, leaving out any that only repeat the page's own title.
 */
function bestParts(data: PagefindResultData, title: string): { excerpt: string; anchored: PagefindSubResult[] } {
  const ranked = [...data.sub_results].sort((a, b) => relevance(b) - relevance(a));
  const anchored = ranked.filter((sub) => sub.url.includes('#') && sub.title.trim() !== title.trim()).slice(0, MAX_SUB_RESULTS);
  const top = ranked[0];
  return { excerpt: top && !top.url.includes('#') ? top.excerpt : anchored.length ? '' : data.excerpt, anchored };
}

/**
 * The vocabulary and the code that corrects with it, fetched only once a
 * query needs them (a word the results do not confirm, or no results): most
 * searches never pay for them, and the first search stays within its budget.
 */
type Corrector = (raw: string, options: { exact?: boolean }) => UnderstoodQuery;
function loadCorrector(): Promise<Corrector | undefined> {
  corrector ??= Promise.all([
    fetch(VOCABULARY_PATH).then((response) => (response.ok ? (response.json() as Promise<Vocabulary>) : undefined)),
    import('./correct.ts'),
  ])
    .then(([vocabulary, { understandQuery }]) =>
      vocabulary ? (raw: string, options: { exact?: boolean }) => understandQuery(raw, vocabulary, options) : undefined,
    )
    // Without them search still works, only without corrections and spellings.
    .catch(() => undefined)
    .then((loaded) => (correctorLoaded = loaded));
  return corrector;
}
let corrector: Promise<Corrector | undefined> | undefined;
let correctorLoaded: Corrector | undefined;

interface Found {
  results: PagefindSearch['results'];
  /** The search whose filter counts the facets show. */
  counts: PagefindSearch;
  /** No page has every word: these are pages with any of them. */
  anyWords: boolean;
}

export function mountSearch(root: HTMLElement, options: SearchUiOptions): { input: HTMLInputElement; setState: (state: SearchState) => void } {
  addStyles('search-ui-styles', css);
  const id = `search-${++uid}`;
  let state: SearchState = options.syncUrl ? parseSearchState(location.search) : { q: '', filters: {} };
  let run = 0;
  let shown = options.pageSize;
  /** The state whose results are on screen, serialised; Enter opens the first of them. */
  let settled = '';

  const input = el('input', { id: `${id}-q`, type: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint` });
  input.value = state.q;
  const slash = el('input', { type: 'checkbox', id: `${id}-slash` });
  slash.checked = slashShortcutOn();
  slash.addEventListener('change', () => {
    try {
      if (slash.checked) localStorage.removeItem(SLASH_SETTING);
      else localStorage.setItem(SLASH_SETTING, 'off');
    } catch {
      // Storage refused (private mode): the setting lasts for this page only.
    }
    document.documentElement.toggleAttribute('data-no-slash', !slash.checked);
  });
  const form = el(
    'form',
    { class: 'search-form', role: 'search', action: urls.search(), method: 'get' },
    el('label', { for: input.id }, 'Search quotations, people, meetings and articles'),
    input,
    el('p', { id: `${id}-hint`, class: 'search-hint' }, 'Results appear as you type. Try a phrase you remember, a name, a topic or a question.'),
    el('p', { class: 'search-setting' }, slash, ' ', el('label', { for: slash.id }, 'Open search with the / key (Ctrl+K always works)')),
  );
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  // What the search did with the words: said once, beside the results, not announced on every keystroke.
  const notice = el('p', { class: 'search-notice', hidden: '' });
  const facets = el('div', { class: 'search-facets' });
  const results = el('div', { class: 'search-results' });
  root.replaceChildren(form, status, notice, facets, results);

  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  const announce = (text: string, now = false) => {
    clearTimeout(announceTimer);
    const speak = () => {
      if (status.textContent !== text) status.textContent = text;
    };
    if (now) speak();
    else announceTimer = setTimeout(speak, ANNOUNCE_AFTER_MS);
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

  const searchLink = (next: SearchState, text: Node | string) => {
    const a = el('a', { href: `${urls.search()}${serializeSearchState(next)}` }, text);
    a.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      setState(next, true);
      input.focus();
    });
    return a;
  };

  function showNotice(understood: UnderstoodQuery, found: Found) {
    const parts: (Node | string)[] = [];
    if (understood.corrections.length > 0) {
      parts.push(
        'Showing results for ',
        el('strong', {}, understood.query),
        '. ',
        searchLink({ ...state, exact: true }, `Search instead for “${state.q}”`),
        '.',
      );
    }
    if (found.anyWords && found.results.length > 0) {
      parts.push(parts.length ? ' ' : '', 'No result has all of these words; showing results with any of them, those with most first.');
    }
    notice.replaceChildren(...parts);
    notice.hidden = parts.length === 0;
  }

  /** Renders the shown results; returns the words Pagefind marked in them. */
  async function renderResults(found: Found, understood: UnderstoodQuery, thisRun: number): Promise<string[]> {
    const page = await Promise.all(found.results.slice(0, shown).map((r) => r.data()));
    if (thisRun !== run) return [];
    const list = el('ol', { class: 'result-list' });
    const Heading = `h${options.headingLevel}` as const;
    // A quotation's paragraph, when the article's hit is that same paragraph, is shown with the quotation ("also in the article"), not again as its own result.
    const paragraphs = new Map(page.filter((d) => resultType(d.url) === 'quote' && d.meta['context']).map((d) => [d.meta['context']!, d] as const));
    const alsoIn = new Map<PagefindResultData, PagefindSubResult>();
    const shownPage = page.flatMap((data) => {
      if (resultType(data.url) !== 'article') return [data];
      const rest = data.sub_results.filter((sub) => {
        const quote = paragraphs.get(withoutQuery(sub.url));
        if (quote && !alsoIn.has(quote)) {
          alsoIn.set(quote, sub);
          return false;
        }
        return true;
      });
      if (rest.length === data.sub_results.length) return [data];
      return rest.some((sub) => sub.url.includes('#')) ? [{ ...data, sub_results: rest }] : [];
    });
    for (const data of shownPage) {
      const type = resultType(data.url);
      const marked = markedWords([data.excerpt, ...data.sub_results.map((sub) => sub.excerpt)]);
      const highlight = marked.length > 0 ? marked : understood.words;
      const item = el('li', { class: `result result--${type}` });
      const meta = el('p', { class: 'result-meta' });
      if (type === 'quote') {
        const card = data.sub_results.find((sub) => sub.url.includes('#'));
        const href = withHighlight(card?.url ?? data.url, highlight);
        item.append(el(Heading, { class: 'result-title' }, el('a', { href }, data.meta['speaker'] ?? data.meta['title'] ?? data.url)));
        const kind = data.meta['kind'];
        if (kind)
          meta.append(el('span', { class: `badge badge--${/^Paraphrase/.test(kind) ? 'paraphrase' : 'direct'}` }, kind.replace(/ by the article$/, '')));
        const who = [data.meta['role'], data.meta['affiliation']].filter(Boolean).join(', ');
        if (who) meta.append(kind ? ' · ' : '', who);
        item.append(meta);
        const words = data.meta['quote'];
        if (words) {
          const direct = kind !== undefined && !/^Paraphrase/.test(kind);
          const text = truncate(words, QUOTE_WORDS);
          item.append(markedText(direct ? `“${text}”` : text, highlight, 'result-excerpt result-quote'));
        } else if (data.excerpt) item.append(excerptNode(data.excerpt, 'result-excerpt'));
        const paragraph = alsoIn.get(data);
        if (paragraph) {
          item.append(
            el(
              'p',
              { class: 'result-also' },
              'Also in the article: ',
              el(
                'a',
                { href: withHighlight(paragraph.url, markedWords([paragraph.excerpt]).length ? markedWords([paragraph.excerpt]) : highlight) },
                paragraph.title,
              ),
            ),
          );
        }
      } else {
        const title = data.meta['title'] ?? data.url;
        item.append(el(Heading, { class: 'result-title' }, el('a', { href: withHighlight(data.url, highlight) }, title)));
        meta.append(el('span', { class: 'badge' }, TYPE_LABEL[type]));
        item.append(meta);
        const { excerpt, anchored } = bestParts(data, title);
        if (excerpt) item.append(excerptNode(excerpt, 'result-excerpt'));
        if (anchored.length > 0) {
          const ul = el('ul', { class: 'sub-results', 'aria-label': `Matches in ${title}` });
          for (const sub of anchored) {
            const subMarked = markedWords([sub.excerpt]);
            ul.append(
              el(
                'li',
                {},
                el('a', { href: withHighlight(sub.url, subMarked.length ? subMarked : highlight) }, sub.title),
                excerptNode(sub.excerpt, 'result-excerpt'),
              ),
            );
          }
          item.append(ul);
        }
      }
      list.append(item);
    }
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

  function renderNoResults(understood: UnderstoodQuery) {
    const links: (Node | string)[] = [];
    BROWSE.forEach(({ href, label }, i) => links.push(i === 0 ? '' : i === BROWSE.length - 1 ? ' or ' : ', ', el('a', { href }, label)));
    const filtered = !isEmptySearch({ q: '', filters: state.filters });
    const what = state.q ? ['No results for ', el('q', {}, state.q), filtered ? ' with these filters.' : '.'] : ['Nothing matches these filters.'];
    const offers: (Node | string)[] = [];
    if (understood.corrections.length > 0 && state.exact) offers.push(searchLink({ ...state, exact: false }, `Search for “${understood.query}”`));
    if (filtered) {
      offers.push(offers.length ? ' or ' : '', searchLink({ ...state, filters: {} }, 'search without filters'));
      for (const { key, label } of FACETS) {
        for (const value of state.filters[key] ?? []) {
          const rest = (state.filters[key] ?? []).filter((v) => v !== value);
          offers.push(', ', searchLink({ ...state, filters: { ...state.filters, [key]: rest } }, `without “${label}: ${value}”`));
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

  async function find(pagefind: Awaited<ReturnType<typeof loadPagefind>>, understood: UnderstoodQuery): Promise<Found | null> {
    const filters = pagefindFilters(state);
    const all = await pagefind.search(understood.query || null, { filters });
    if (!all) return null;
    if (all.results.length > 0 || understood.words.length < 2) return { results: all.results, counts: all, anyWords: false };
    const each = await Promise.all(understood.words.map((word) => pagefind.search(word, { filters })));
    const lists = each.map((search) => search?.results ?? []);
    const richest = each.reduce<PagefindSearch>((best, search) => (search && search.results.length > best.results.length ? search : best), all);
    return { results: rankAnyWords(lists), counts: richest, anyWords: true };
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
        const found = await find(pagefind, understood);
        if (thisRun !== run || !found) return undefined;
        facetModule?.renderFacets(facets, found.counts, state, { id, open: options.syncUrl });
        showNotice(understood, found);
        if (found.results.length === 0) {
          renderNoResults(understood);
          return { found, marked: [] };
        }
        return { found, marked: await renderResults(found, understood, thisRun) };
      };
      const exact = state.exact ?? false;
      let understood = (correctorLoaded ?? plainQuery)(state.q, { exact });
      let shownNow = await show(understood);
      if (!shownNow || thisRun !== run) return;
      if (
        !exact &&
        !correctorLoaded &&
        (shownNow.found.results.length === 0 || shownNow.found.anyWords || unconfirmedWords(understood.words, shownNow.marked).length > 0)
      ) {
        const correct = await loadCorrector();
        if (thisRun !== run) return;
        const better = correct?.(state.q, { exact });
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
    clearTimeout(announceTimer);
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
  // Arrow keys move between the search box and the result links; Enter follows a link as links do.
  root.addEventListener('keydown', (event) => {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.altKey || event.ctrlKey || event.metaKey) return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('.result-list a[href]')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.target === input) {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      links[0]!.focus();
      return;
    }
    if (at === -1) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]!.focus();
    else if (at === 0) input.focus();
    else links[at - 1]!.focus();
  });
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
