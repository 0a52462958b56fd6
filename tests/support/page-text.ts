/**
 * A built page's text as a browser's find-in-page sees it: one string per
 * block (paragraph, heading, list item, …), inline elements run together,
 * scripts, styles, <noscript> and [hidden] left out. Used to check text
 * fragments against the whole page, the site's additions included.
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG']);
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

export function pageTextBlocks(document: Document): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (SKIP.has(element.tagName.toUpperCase()) || element.hasAttribute('hidden')) return;
    const block = BLOCK.has(element.tagName.toUpperCase());
    if (block) flush();
    for (const child of element.childNodes) walk(child);
    if (block) flush();
  };
  walk(document.body);
  flush();
  return blocks;
}
