/**
 * The only search code every page loads (a few hundred bytes): it waits for
 * a reader to start searching (the header's Search link, `/` or Ctrl/⌘+K)
 * and only then imports the search UI. Without JavaScript the header's
 * Search link simply goes to /search/.
 */
import { urls } from '../../lib/urls.ts';
import { slashShortcutOn } from './shortcut.ts';

// Same as HIGHLIGHT_PARAM in pagefind.ts; repeated so this loader imports no search code up front.
const HIGHLIGHT_PARAM = 'highlight';

const openDialog = (from: Element | null) => import('./app.ts').then((m) => m.openSearchDialog(from));

/** Anywhere the reader types, "/" is theirs (and the browser's): never taken over. */
function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
      target.closest('[role="textbox"], [role="searchbox"], [role="combobox"]') !== null)
  );
}

document.addEventListener('keydown', (event) => {
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target) && slashShortcutOn();
  const k = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
  if (!slash && !k) return;
  if (location.pathname === urls.search()) {
    // The page is the search: go to its box rather than stacking a dialog on it.
    event.preventDefault();
    document.querySelector<HTMLInputElement>('#search input[type="search"]')?.focus();
    return;
  }
  event.preventDefault();
  void openDialog(document.activeElement);
});

// With "/" turned off, the header stops offering it (to the eye and to assistive technology).
if (!slashShortcutOn()) {
  for (const link of document.querySelectorAll('[data-search-open]')) {
    link.setAttribute('aria-keyshortcuts', 'Control+K Meta+K');
    link.querySelector('.shortcut')?.remove();
  }
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-search-open]') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  if (location.pathname === urls.search()) return;
  event.preventDefault();
  void openDialog(link);
});

if (document.getElementById('search')?.dataset['searchPage'] !== undefined) {
  void import('./app.ts').then(({ mountSearch }) => {
    const root = document.getElementById('search')!;
    const { input } = mountSearch(root, { syncUrl: true, headingLevel: 2, facets: true, pageSize: 8 });
    if (!new URLSearchParams(location.search).has('q')) input.focus();
  });
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) void import('./arrival.ts').then((m) => m.arrive());

// A module, so its names stay its own.
export {};
