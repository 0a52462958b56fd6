/**
 * Adds the styles of a state only a script creates (the share control, a placed margin) when that
 * script runs, so the first round trip does not carry them. A constructed sheet, not a <style>
 * element: the site's CSP allows inline styles only by hash, and CSSOM sheets are not inline styles.
 * The search code keeps its own helper (src/search/browser/styles.ts): one module shared by the
 * reading pages' bundle and the lazily loaded search would become a chunk of its own, one request
 * more at load.
 */
export function adoptStyles(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
