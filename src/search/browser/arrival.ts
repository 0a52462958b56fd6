/**
 * Arriving from a search result: mark the searched words in the content
 * (Pagefind's highlighter, loaded only when the URL carries the words) and
 * bring the target quote card, timeline entry or paragraph into view,
 * focused and visibly marked.
 */
import css from './arrival.css?inline';
import { urls } from '../../lib/urls.ts';
// Same as HIGHLIGHT_PARAM in pagefind.ts; repeated so arriving on a page loads none of the search UI.
const HIGHLIGHT_PARAM = 'highlight';

interface PagefindHighlightOptions {
  highlightParam: string;
  addStyles: boolean;
  markOptions?: { className?: string; exclude?: string[] };
}

export async function arrive(): Promise<void> {
  // Inline rather than through styles.ts: a shared helper would be one more chunk to fetch.
  // A constructed sheet, not a <style> element, which the CSP would block (inline styles are allowed by hash only).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target) {
    target.classList.add('search-target');
    if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }
  try {
    const path = urls.searchIndex('pagefind-highlight.js');
    const { default: PagefindHighlight } = (await import(/* @vite-ignore */ path)) as { default: new (options: PagefindHighlightOptions) => unknown };
    new PagefindHighlight({
      highlightParam: HIGHLIGHT_PARAM,
      addStyles: false,
      markOptions: { className: 'search-hit', exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
    });
  } catch (error) {
    // Highlighting is a nicety: the reader is already on the right page and anchor.
    console.warn('Could not highlight the searched words:', error);
  }
}
