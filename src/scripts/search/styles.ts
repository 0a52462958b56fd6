/**
 * Adds a stylesheet when the search code that needs it loads. Imported with
 * `?url`, so Vite emits the CSS as its own file instead of bundling it into
 * every page's styles: reading pages pay nothing for search.
 */
export function addStylesheet(href: string): void {
  if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}
