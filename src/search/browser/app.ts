/** Everything the search UI needs, as one lazily loaded chunk (fewer round trips on the first search). */
export { openSearchDialog } from './dialog.ts';
export { mountSearch } from './ui.ts';
