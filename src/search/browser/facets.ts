/**
 * Facet filters with counts, for the /search/ page only: its own chunk, so
 * the header's dialog (no facets) never downloads it on a first search.
 */
import css from './facets.css?inline';
import { addStyles } from './styles.ts';
import { FACETS, type FacetKey, type SearchState } from './state.ts';
import type { PagefindSearch } from './pagefind.ts';
import { el } from './dom.ts';

/** Draws the facets for a search's counts into `container`, keeping focus and the disclosure's open state across redraws. */
export function renderFacets(container: HTMLElement, search: PagefindSearch, state: SearchState, options: { id: string; open: boolean }): void {
  addStyles('search-facet-styles', css);
  const { id } = options;
  const focusedId = document.activeElement instanceof HTMLInputElement && container.contains(document.activeElement) ? document.activeElement.id : undefined;
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
  details.open = wasOpen ?? (options.open || chosenCount > 0);
  container.replaceChildren(details);
  if (focusedId) document.getElementById(focusedId)?.focus();
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
