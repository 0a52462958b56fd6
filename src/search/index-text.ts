/**
 * What Pagefind is given for a built page (`forIndex`): the page without what it does not index, with
 * its blocks spaced apart and an article's paragraphs titled: string work on one page, which the page
 * pass's worker threads (src/postbuild/page-worker.ts) do and write where Pagefind reads it (`writePrepared`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The built HTML is minified, so a term and its description (`<dt>Who</dt><dd>Donald Trump</dd>`),
 * table cells and list items touch, and Pagefind, which separates words only at the blocks it knows,
 * indexed and showed "WhoDonald Trump" and "Hong MinSenior researcher": wrong words in the index,
 * and excerpts a screen reader reads as one word (issue 25, item 14). A space after each such end tag
 * gives every block its own words; the files on disk are not changed.
 */
const BLOCK_END = /<\/(dt|dd|li|th|td|tr|div|p|h[1-6]|figcaption|caption|summary|blockquote|section|article|header|footer|aside|time)>/gi;
/**
 * Listings set names, roles and tags in inline elements styled as lines of their own
 * (`<a>Doug Bandow</a><span>Senior fellow…</span>`): on pages other than articles, inline
 * elements that touch are spaced too. Not on articles, whose spacing is the text's own
 * (a space there could split a word the annotations wrap in two elements).
 */
const INLINE_TOUCH = /<\/(span|a|time|strong|em|cite|q)>(?=<(span|a|time|strong|em|cite|q|p|div|h[1-6])[\s>])/gi;
/**
 * A search sub-result per article paragraph, so a phrase lands on its paragraph: each
 * `<p id>` is titled by its first words for Pagefind only. Added here rather than in the
 * page, so the attribute costs the article page none of its first-round-trip budget.
 *
 *   <p id="p-but-analysts">But analysts say <span>Kim</span> is …</p>
 *   → <p id="p-but-analysts" data-pagefind-title="¶ But analysts say Kim is increasingly…">…</p>
 */
const PARAGRAPH = /<p id="(p-[^"]*)"([^>]*)>([\s\S]*?)<\/p>/g;
export function titleParagraphs(html: string): string {
  return html.replace(PARAGRAPH, (whole, id: string, rest: string, inner: string) => {
    if (rest.includes('data-pagefind-title')) return whole;
    const words = inner
      .replace(/<a class="self-link"[\s\S]*?<\/a>/g, '')
      .replace(/<[^>]*>/g, '')
      .trim()
      .split(/\s+/)
      .slice(0, 6)
      .join(' ');
    const title = `¶ ${words}…`.replace(/&(?![#\w]+;)/g, '&amp;').replace(/"/g, '&quot;');
    return `<p id="${id}"${rest} data-pagefind-title="${title}">${inner}</p>`;
  });
}

/**
 * Style sheets and scripts (the inlined CSS, JSON-LD, the boot script): Pagefind indexes none of their text,
 * and they are over half of a short page's markup, which Pagefind would read for each page.
 */
const STYLE_OR_SCRIPT = /<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g;

/** The layout's indexed element (src/layouts/Base.astro), to its last end tag. */
const INDEXED_MAIN = /<main\b[^>]*\sdata-pagefind-body[\s\S]*<\/main>/;
/** Pagefind's filters, metadata and sort keys set in the head. */
const HEAD_MARKS = /<meta\b[^>]*\sdata-pagefind-[^>]*>/g;
/** Any Pagefind attribute but one that leaves a part out. */
const READ_BY_PAGEFIND = /\sdata-pagefind-(?!ignore[\s=>])/;

/**
 * Of a page whose indexed content is the layout's `<main data-pagefind-body>`, only what Pagefind reads: its
 * language (`<html lang>`), the head's `data-pagefind-*` tags and that element. The site's header, footer
 * and head are a third of a listing's markup, and Pagefind parses all of it for each page, to index none of
 * it (the same index, byte for byte, on the real site and on 1,000 articles). A page with Pagefind
 * attributes anywhere else, or with no such element, goes whole.
 */
export function onlyIndexed(html: string): string {
  const headEnd = html.indexOf('</head>');
  const main = INDEXED_MAIN.exec(html);
  if (headEnd < 0 || !main) return html;
  const head = html.slice(0, headEnd);
  if (
    READ_BY_PAGEFIND.test(head.replace(HEAD_MARKS, '')) ||
    READ_BY_PAGEFIND.test(html.slice(headEnd, main.index)) ||
    READ_BY_PAGEFIND.test(html.slice(main.index + main[0].length))
  )
    return html;
  const open = /<html\b[^>]*>/.exec(head)?.[0] ?? '<html>';
  return `<!DOCTYPE html>${open}<head>${(head.match(HEAD_MARKS) ?? []).join('')}</head><body>${main[0]}</body></html>`;
}

/** What Pagefind is given for a page: what it reads of it, without styles or scripts, blocks spaced apart, and an article's paragraphs titled. */
export function forIndex(html: string, article: boolean): string {
  const text = onlyIndexed(html).replace(STYLE_OR_SCRIPT, '');
  return article ? titleParagraphs(spaceBlocks(text, true)) : spaceBlocks(text);
}

export function spaceBlocks(html: string, prose = false): string {
  const blocks = html.replace(BLOCK_END, '$& ');
  return prose ? blocks : blocks.replace(INLINE_TOUCH, '$& ');
}

const BODY_MARKER = /<[^>]+\sdata-pagefind-body[\s=>]/;

/** Whether Pagefind is to index the page's marked part only: a site where no page says so is a broken layout (pagefind-index.ts). */
export function marksBody(indexable: string): boolean {
  return BODY_MARKER.test(indexable);
}

/** Writes a page as `forIndex` prepared it under its site path in `folder`; `made` remembers the folders already made. */
export function writePrepared(folder: string, page: string, indexable: string, made: Set<string>): void {
  const file = join(folder, page);
  const parent = dirname(file);
  if (!made.has(parent)) {
    mkdirSync(parent, { recursive: true });
    made.add(parent);
  }
  writeFileSync(file, indexable);
}
