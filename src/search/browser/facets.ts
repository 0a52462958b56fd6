/**
 * Facet filters with counts, for the /search/ page only: its own chunk, so
 * the header's dialog (no facets) never downloads it on a first search.
 */
import css from './facets.css?inline';
import { addStyles } from './styles.ts';
import { FACETS, type FacetKey, type SearchState } from './state.ts';
import type { PagefindSearch } from './pagefind.ts';
import { el } from './dom.ts';

/** Wide enough for the facets to stand beside the results (search.astro's grid); narrower, they start collapsed so the first result is on the first screen. */
const WIDE = '(min-width: 64rem)';

/**
 * Draws the facets for a search's counts into `container`, keeping the
 * disclosure's open state across redraws and focus on the same option (by
 * facet and value, not by position: counts reorder the options) or on the
 * summary, so a reader toggling a box never loses their place (WCAG 2.4.3).
 */
export function renderFacets(container: HTMLElement, search: PagefindSearch, state: SearchState, options: { id: string; open: boolean }): void {
  addStyles('search-facet-styles', css);
  const { id } = options;
  const active = document.activeElement;
  const focused =
    active instanceof HTMLInputElement && container.contains(active) && active.dataset['facet']
      ? { facet: active.dataset['facet'], value: active.value }
      : active instanceof HTMLElement && active.tagName === 'SUMMARY' && container.contains(active)
        ? 'summary'
        : undefined;
  const groups = FACETS.map(({ key, label }, f) => {
    const counts = search.filters[key] ?? {};
    const chosen = state.filters[key] ?? [];
    const values = Object.keys({ ...counts, ...Object.fromEntries(chosen.map((v) => [v, 0])) })
      .filter((value) => (counts[value] ?? 0) > 0 || chosen.includes(value))
      .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
    if (values.length === 0) return undefined;
    const fieldset = el('fieldset', { class: 'facet' }, el('legend', {}, label));
    values.forEach((value, v) => {
      const box = el('input', { type: 'checkbox', id: `${id}-f${f}-${v}`, 'data-facet': key, value });
      box.checked = chosen.includes(value);
      fieldset.append(
        el('div', { class: 'facet-option' }, box, el('label', { for: box.id }, `${value} `, el('span', { class: 'count' }, `(${counts[value] ?? 0})`))),
      );
    });
    return fieldset;
  }).filter((group): group is HTMLFieldSetElement => group !== undefined);
  const chosenCount = FACETS.reduce((n, { key }) => n + (state.filters[key]?.length ?? 0), 0);
  if (groups.length === 0) {
    container.replaceChildren();
    return;
  }
  const wasOpen = container.querySelector('details')?.open;
  const details = el('details', {}, el('summary', {}, chosenCount ? `Filters (${chosenCount} on)` : 'Filters'), ...groups);
  details.open = wasOpen ?? (options.open && matchMedia(WIDE).matches);
  container.replaceChildren(details);
  if (focused === 'summary') details.querySelector('summary')?.focus();
  else if (focused) {
    const same = [...details.querySelectorAll<HTMLInputElement>('input[data-facet]')].find(
      (box) => box.dataset['facet'] === focused.facet && box.value === focused.value,
    );
    // An option that no longer has results is kept while chosen; one that left the list hands focus to the summary, never to <body>.
    (same ?? details.querySelector('summary'))?.focus();
  }
}

/** The search's filters after a facet box was ticked or cleared: a value is added at the end or removed. */
export function toggleFilter(state: SearchState, key: FacetKey, value: string, checked: boolean): SearchState {
  const values = new Set(state.filters[key] ?? []);
  if (checked) values.add(value);
  else values.delete(value);
  return { ...state, filters: { ...state.filters, [key]: [...values] } };
}

/** Calls `change` whenever a facet box in `container` is ticked or cleared. */
export function onFacetChange(container: HTMLElement, change: (key: FacetKey, value: string, checked: boolean) => void): void {
  container.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset['facet']) return;
    change(box.dataset['facet'] as FacetKey, box.value, box.checked);
  });
}
