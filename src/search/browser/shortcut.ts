/**
 * The "/" shortcut can be turned off (WCAG 2.1.4), from a checkbox beside
 * the search box; the choice is remembered in localStorage like the
 * Plain-text one. Ctrl/⌘+K, which needs a modifier, always works.
 */
export const SLASH_SETTING = 'search-slash';

export function slashShortcutOn(): boolean {
  try {
    return localStorage.getItem(SLASH_SETTING) !== 'off';
  } catch {
    return !document.documentElement.hasAttribute('data-no-slash');
  }
}
