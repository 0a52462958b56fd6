/**
 * Adds the search code's styles when that code loads. Imported with
 * `?inline`, so the CSS travels inside the lazily loaded script (one
 * response fewer on the first search) and is never part of the styles
 * every page loads: reading pages pay nothing for search.
 *
 * A constructed stylesheet, not a <style> element: the site's CSP allows
 * inline styles only by hash, and CSSOM sheets are not inline styles.
 */
const added = new Set<string>();

export function addStyles(id: string, css: string): void {
  if (added.has(id)) return;
  added.add(id);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
