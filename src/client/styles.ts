/**
 * Adds a script's styles when that script loads (the search code, the share
 * control). Imported with `?inline`, so the CSS travels inside the script
 * (one response fewer) and is never part of the styles every page's first
 * round trip carries: reading pages pay nothing for search, and nothing for
 * the share control before it exists.
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
