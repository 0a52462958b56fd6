/**
 * Layout measurements taken in the browser, shared by tests/site/e2e/layout.test.ts
 * and the before/after figures in the issue's closing note.
 */
import type { Page } from 'playwright-core';
import { scriptsRan } from './browser.ts';

export interface ArticleLayout {
  /** Vertical gaps (px) between consecutive body paragraphs, with nothing but margin items between them. */
  gaps: number[];
  /** Free space (px) left and right of the reading area: the text column and its margin. */
  left: number;
  right: number;
}

/** Measures the article body: paragraph gaps and how the text and margin sit in the viewport. */
export function measureArticle(page: Page): Promise<ArticleLayout> {
  return page.evaluate(() => {
    const body = document.querySelector('[data-article-body]')!;
    // Body paragraphs in reading order; a heading, figure (pull quote), timeline or a margin set under its paragraph
    // between two breaks the pair.
    const blocks = [...body.querySelectorAll(':scope > *, :scope > .with-margin > :is(p, .margin)')].filter(
      (el) =>
        !el.matches('.with-margin') &&
        !(el.matches('.margin') && el.getBoundingClientRect().left >= el.parentElement!.firstElementChild!.getBoundingClientRect().right),
    );
    const gaps: number[] = [];
    for (let i = 1; i < blocks.length; i += 1) {
      const a = blocks[i - 1]!;
      const b = blocks[i]!;
      if (a.tagName !== 'P' || b.tagName !== 'P') continue;
      gaps.push(Math.round(b.getBoundingClientRect().top - a.getBoundingClientRect().bottom));
    }
    let min = Infinity;
    let max = -Infinity;
    for (const el of body.querySelectorAll(':scope > :not(.with-margin), .with-margin > p, .margin > *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      min = Math.min(min, box.left);
      max = Math.max(max, box.right);
    }
    return { gaps, left: Math.round(min), right: Math.round(document.documentElement.clientWidth - max) };
  });
}

/**
 * Collects the cumulative layout shift of a page load, as Lighthouse counts it (shifts without recent input).
 * The web font is blocked, so the text stays in the fallback and what is measured is the page's own
 * markup, styles and scripts, the same on a fast or a busy machine (the fallback's match to the font is
 * tested on its own, in tests/site/e2e/layout.test.ts).
 */
export async function layoutShift(page: Page, url: string, { font }: { font: 'blocked' }): Promise<number> {
  if (font === 'blocked') await page.route('**/*.woff2', (route) => route.abort());
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  // The page's scripts (the share controls, the margin) come after its first paint; two frames after they have run,
  // their shifts are recorded.
  await scriptsRan(page);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

/** Where each margin item and each margin link to a quotation stands against the paragraph it belongs to. */
export interface MarginPlacement {
  /** Margin items (a speaker's line, a note) shown beside the text, with their distance (px) from their paragraph's extent (0 = its top within). */
  items: { paragraph: string; label: string; distance: number }[];
  /** Items out of sight in a margin that scrolls within its paragraph's height (the layout without JavaScript). */
  scrolled: number;
  /** Margins set under their paragraph, in the text column, because they would not start beside it. */
  under: number;
  /** Links from the margin to quotation pages, with their distance (px) from the paragraph holding the quoted words. */
  links: { quote: string; distance: number }[];
}

/**
 * Measures the margin (issue 21, item 1): an item's top must lie within the vertical extent of the paragraph
 * it belongs to (the paragraph its wrapper holds); a link to a quotation within that of the paragraph
 * holding the quoted words. Items not beside the text (on phones, in the flow under the paragraph) are left out.
 */
export function measureMargin(page: Page): Promise<MarginPlacement> {
  return page.evaluate(() => {
    const distance = (top: number, box: DOMRect) => Math.round(top < box.top ? box.top - top : top > box.bottom ? top - box.bottom : 0);
    const items: MarginPlacement['items'] = [];
    const links: MarginPlacement['links'] = [];
    let scrolled = 0;
    let under = 0;
    for (const wrapper of document.querySelectorAll('[data-article-body] .with-margin')) {
      const paragraph = wrapper.querySelector(':scope > p')!;
      const margin = wrapper.querySelector(':scope > .margin');
      if (!margin || getComputedStyle(margin).display === 'none') continue;
      const text = paragraph.getBoundingClientRect();
      // Beside the text: the margin starts to the right of the paragraph.
      const column = margin.getBoundingClientRect();
      if (column.left < text.right) {
        under += 1;
        continue;
      }
      const clips = getComputedStyle(margin).overflowY !== 'visible';
      for (const item of margin.querySelectorAll('.margin-card, .context-note, .compact-timeline')) {
        const box = item.getBoundingClientRect();
        if (box.height === 0) continue;
        if (clips && box.top >= column.bottom) {
          scrolled += 1;
          continue;
        }
        items.push({ paragraph: paragraph.id, label: (item.textContent ?? '').trim().slice(0, 40), distance: distance(box.top, text) });
      }
      for (const link of margin.querySelectorAll<HTMLAnchorElement>('a[href^="/quotes/"]')) {
        if (clips && link.getBoundingClientRect().top >= column.bottom) continue;
        const quote = decodeURIComponent(link.pathname.split('/')[2]!);
        // The quoted words: in the card's own paragraph if they are there (the stress fixture repeats some), else wherever they are.
        const selector = `[data-quote="${CSS.escape(quote)}"]`;
        const words = (paragraph.querySelector(selector) ?? document.querySelector(`[data-article-body] ${selector}`))?.closest('p');
        if (!words) continue;
        links.push({ quote, distance: distance(link.getBoundingClientRect().top, words.getBoundingClientRect()) });
      }
    }
    return { items, links, scrolled, under };
  });
}

/** The share of the article's body characters drawn with a mark (underline, line-through, background) in the current mode. */
export function decoratedShare(page: Page): Promise<{ decorated: number; total: number }> {
  return page.evaluate(() => {
    let decorated = 0;
    let total = 0;
    const marked = (el: Element, stop: Element): boolean => {
      for (let node: Element | null = el; node && node !== stop.parentElement; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.textDecorationLine !== 'none') return true;
        if (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent' && node !== stop) return true;
      }
      return false;
    };
    for (const paragraph of document.querySelectorAll('[data-article-body] p[id^="p-"]')) {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (parent.closest('[data-editorial], button')) continue;
        const length = (node.textContent ?? '').replace(/\s+/g, ' ').length;
        total += length;
        if (marked(parent, paragraph)) decorated += length;
      }
    }
    return { decorated, total };
  });
}

/** How much longer the article body is with the site's additions than its text alone (the body's height, then again with everything the site added hidden). */
export function lengthRatio(page: Page): Promise<number> {
  return page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('[data-article-body]')!;
    const full = body.getBoundingClientRect().height;
    // Through the CSSOM: the page's CSP admits no new <style> element.
    const added = [...body.querySelectorAll<HTMLElement>('.margin, [data-editorial]:not(p)')];
    for (const el of added) el.style.setProperty('display', 'none', 'important');
    const text = body.getBoundingClientRect().height;
    for (const el of added) el.style.removeProperty('display');
    return full / text;
  });
}

/**
 * The margin's stress fixture (issue 21): a paragraph with quotations by five people and two context notes,
 * assembled in the page from the article's own markup (its quotations, cards and notes, copied without
 * their ids) and inserted after the article's first paragraph with a margin, so it is laid out by the page's
 * own CSS and scripts. Returns the new paragraph's id.
 */
export function addStressParagraph(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.querySelector('[data-article-body]')!;
    const cards = new Map<string, Element>();
    for (const card of body.querySelectorAll('.margin-card')) {
      const speaker = card.querySelector('a')!.getAttribute('href')!;
      if (!cards.has(speaker)) cards.set(speaker, card);
    }
    const chosen = [...cards.values()].slice(0, 5);
    const notes = [...body.querySelectorAll('.context-note')].slice(0, 2);
    if (chosen.length < 5 || notes.length < 2)
      throw new Error(`the stress fixture needs five speakers and two notes; the article has ${chosen.length} and ${notes.length}`);
    const strip = <T extends Element>(element: T): T => {
      const copy = element.cloneNode(true) as T;
      for (const el of [copy, ...copy.querySelectorAll('[id]')]) el.removeAttribute('id');
      for (const el of copy.querySelectorAll('.share-button, .share-menu')) el.remove();
      return copy;
    };
    const paragraph = document.createElement('p');
    paragraph.id = 'p-stress-fixture';
    for (const card of chosen) {
      const quote = decodeURIComponent(new URL(card.querySelector<HTMLAnchorElement>('a[href^="/quotes/"]')!.href).pathname.split('/')[2]!);
      const words = body.querySelector(`[data-quote="${CSS.escape(quote)}"]`)!;
      paragraph.append(strip(words), ' ');
    }
    const wrapper = document.createElement('div');
    wrapper.className = 'with-margin';
    const margin = document.createElement('div');
    margin.className = 'margin';
    margin.setAttribute('data-editorial', '');
    const list = document.createElement('ul');
    list.className = 'quote-cards';
    list.append(...chosen.map(strip));
    margin.append(list, ...notes.map(strip));
    wrapper.append(paragraph, margin);
    // Astro's scoped class names, so the copies take the same styles as the originals.
    for (const [copy, original] of [[wrapper, body.querySelector('.with-margin')!] as const]) copy.className = original.className;
    body.querySelector('.with-margin')!.after(wrapper);
    return paragraph.id;
  });
}

/** A block of text as laid out: its longest line, in characters. */
export interface TextBlock {
  /** Tag, id or first class, and the first words: enough to find it. */
  label: string;
  /** Its longest rendered line, in characters of its own text (spaces counted, as a typesetter counts the measure). */
  chars: number;
}

/**
 * The length of the lines of every block of text in `main` and the site footer, in characters (issue 21, item 8:
 * running text at the measure, 60–75 characters). Each word's box is read through a Range; words of one block
 * whose boxes overlap vertically share a line. A line's length is its width over the block's average character
 * width (its words' widths over their characters, a space counted as one), so a line of narrow letters is not
 * counted longer than the measure it fills. A block is the nearest ancestor of the text that is not inline (a
 * paragraph, a list item, a flex item…). Text not drawn (closed details, visually hidden labels) and the drawn
 * timeline (SVG) are left out.
 */
export function lineLengths(page: Page): Promise<TextBlock[]> {
  return page.evaluate(() => {
    const roots = [...document.querySelectorAll('main, body > footer')];
    const range = document.createRange();
    type Line = { top: number; bottom: number; left: number; right: number; chars: number };
    const blocks = new Map<Element, { lines: Line[]; space: boolean }>();
    const blockOf = (el: Element, root: Element): Element => {
      for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
        const display = getComputedStyle(node).display;
        if (display !== 'inline' && display !== 'contents') return node;
      }
      return root;
    };
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const parent = node.parentElement!;
        if (parent.closest('svg, script, style, noscript, template, .visually-hidden')) continue;
        const block = blockOf(parent, root);
        const state = blocks.get(block) ?? { lines: [], space: false };
        blocks.set(block, state);
        const text = node.data;
        for (const match of text.matchAll(/\S+/g)) {
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const box = range.getClientRects()[0];
          if (!box || box.width === 0 || box.height === 0) continue;
          const space = state.space || (match.index > 0 && /\s/.test(text[match.index - 1]!));
          const line = state.lines.at(-1);
          const middle = (box.top + box.bottom) / 2;
          if (line && middle > line.top && middle < line.bottom) {
            line.chars += match[0].length + (space ? 1 : 0);
            line.top = Math.min(line.top, box.top);
            line.bottom = Math.max(line.bottom, box.bottom);
            line.left = Math.min(line.left, box.left);
            line.right = Math.max(line.right, box.right);
          } else {
            state.lines.push({ top: box.top, bottom: box.bottom, left: box.left, right: box.right, chars: match[0].length });
          }
          state.space = match.index + match[0].length < text.length;
        }
        if (!/\S/.test(text) && text.length > 0) state.space = true;
      }
    }
    return [...blocks]
      .filter(([, state]) => state.lines.length > 0)
      .map(([el, { lines }]) => {
        const width = (line: Line) => line.right - line.left;
        const average = lines.reduce((sum, line) => sum + width(line), 0) / lines.reduce((sum, line) => sum + line.chars, 0);
        return {
          label: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : el.classList[0] ? `.${el.classList[0]}` : ''} “${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}”`,
          chars: Math.round(Math.max(...lines.map(width)) / average),
        };
      });
  });
}
/** Where the page's blocks stand against the grid's text column. */
export interface GridAlignment {
  /** The text column's left and right edges (px), read from a probe placed in `grid-column: text`. */
  text: { left: number; right: number };
  /** Blocks of the main content whose left edge is neither on the text line nor in the margin (right of the text column). */
  off: { label: string; left: number }[];
  /** How many blocks were checked. */
  checked: number;
}

/**
 * Checks that the main content's blocks stand on the grid's text line (issue 21, item 8): each child of `main`,
 * of a sectioning wrapper in normal flow (article, section, header, footer, div) and of a subgrid, down to the
 * article body's paragraphs and their margins, starts at the text column's left edge (within 1 px), or in the
 * margin, right of the text column. Any other grid or flex box places its own items and is not entered.
 */
export function gridAlignment(page: Page): Promise<GridAlignment> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    // Through the CSSOM: the page's CSP admits no style attribute in markup.
    const probe = document.createElement('div');
    probe.style.setProperty('grid-column', 'text');
    main.append(probe);
    const column = probe.getBoundingClientRect();
    probe.remove();
    const text = { left: column.left, right: column.right };
    const off: GridAlignment['off'] = [];
    let checked = 0;
    const visit = (parent: Element) => {
      for (const el of parent.children) {
        if (el.matches('script, style, template, .visually-hidden')) continue;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        if (style.display === 'none' || box.width === 0 || style.position === 'absolute' || style.position === 'fixed') continue;
        checked += 1;
        const onLine = Math.abs(box.left - text.left) <= 1;
        const inMargin = box.left >= text.right;
        if (!onLine && !inMargin) {
          off.push({
            label: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : el.classList[0] ? `.${el.classList[0]}` : ''} “${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30)}”`,
            left: Math.round(box.left - text.left),
          });
        }
        // Into wrappers in normal flow, and into subgrids (their children are placed on the same lines).
        if (style.display === 'block' ? el.matches('article, section, header, footer, div') : style.gridTemplateColumns.startsWith('subgrid')) visit(el);
      }
    };
    visit(main);
    return { text, off, checked };
  });
}
