/**
 * Adds the search code's styles when that code loads. Imported with
 * `?inline`, so the CSS travels inside the lazily loaded script (one
 * response fewer on the first search) and is never part of the styles
 * every page loads: reading pages pay nothing for search.
 */
export function addStyles(id: string, css: string): void {
  if (document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  style.textContent = css;
  document.head.append(style);
}
