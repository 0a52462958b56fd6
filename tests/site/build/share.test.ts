/**
 * Share links in the built pages: every link marked data-share lands on
 * something that exists, and every text-fragment link matches exactly one
 * place in its page's text: the quotation's own words.
 *
 * These checks use src/lib/text-fragment.ts, the code that writes the links;
 * tests/site/e2e/reader-text.test.ts opens every one in Chromium instead, without
 * its paragraph id, so a flaw shared by writer and checker still shows.
 */
import { describe, it, expect } from 'vitest';
import { builtPages, readPage } from '../../support/dist.ts';
import { pageTextBlocks } from '../../support/page-text.ts';
import { matchTextDirective, parseTextDirective } from '../../../src/lib/text-fragment.ts';

const pages = builtPages();
const shareLinks = pages.flatMap((page) =>
  [...readPage(page).querySelectorAll('a[data-share]')].map((link) => ({
    page,
    href: link.getAttribute('href')!,
    what: link.getAttribute('data-share')!,
    // The quotation a card's link belongs to: the card (or margin card) carries its id.
    quotation: link.closest('.quote-card, .margin-card')?.getAttribute('id') ?? undefined,
  })),
);

describe('share links', () => {
  it('are on articles, quote cards and the timeline', () => {
    const on = (path: string) => shareLinks.filter((link) => link.page === path).map((link) => link.what);
    expect(on('/articles/hanoi-hangover/')).toContain('this paragraph');
    expect(on('/articles/hanoi-hangover/').some((what) => what.startsWith('the quote card for'))).toBe(true);
    expect(on('/quotes/').some((what) => what.startsWith('this quotation by'))).toBe(true);
    expect(on('/timeline/').some((what) => what.startsWith('this entry: Hanoi summit'))).toBe(true);
  });

  it('each name what they link to, so their buttons can be told apart', () => {
    for (const link of shareLinks) expect(link.what.trim().length, `${link.page} ${link.href}`).toBeGreaterThan(3);
  });

  it.each(pages)('on %s land on an element that exists', (page) => {
    for (const link of shareLinks.filter((l) => l.page === page)) {
      const url = new URL(link.href, `http://site${page}`);
      const target = readPage(url.pathname);
      const anchor = decodeURIComponent(url.hash.slice(1).split(':~:')[0]!);
      if (anchor) expect(target.getElementById(anchor), `${page}: ${link.href}`).not.toBeNull();
    }
  });
});

describe('text-fragment links', () => {
  const fragments = shareLinks.filter((link) => link.href.includes(':~:text='));

  it('exist for every quotation, on its cards', () => {
    const quoted = new Set(fragments.map((link) => link.quotation));
    const allQuotations = readPage('/quotes/').querySelectorAll('.quote-card');
    expect(allQuotations.length).toBeGreaterThan(10);
    for (const card of allQuotations) expect(quoted.has(card.id), card.id).toBe(true);
  });

  const unique = [...new Map(fragments.map((link) => [link.href, link])).values()];
  it.each(unique)('$href matches exactly one place: the words of the quotation', ({ href, quotation }) => {
    const url = new URL(href, 'http://site');
    const document = readPage(url.pathname);
    const directive = parseTextDirective(url.hash)!;
    expect(directive).toBeDefined();
    const blocks = pageTextBlocks(document);
    const matches = matchTextDirective(blocks, directive);
    expect(matches, JSON.stringify(directive)).toHaveLength(1);
    const [match] = matches;
    // A quotation in parts is marked once per part: the fragment runs from its first part to its last.
    const parts = [...document.querySelectorAll(`[data-quote="${quotation}"]`)].map((part) => part.textContent!.replace(/\s+/g, ' ').trim());
    expect(parts.length).toBeGreaterThan(0);
    const matched = blocks[match!.block]!.slice(match!.start, match!.end);
    if (parts.length === 1) expect(matched).toBe(parts[0]);
    else expect([matched.startsWith(parts[0]!), matched.endsWith(parts.at(-1)!)]).toEqual([true, true]);
    // …and in the paragraph the fragment's anchor names, the fallback where text fragments are not supported.
    const paragraph = document.getElementById(decodeURIComponent(url.hash.slice(1).split(':~:')[0]!));
    expect(paragraph?.querySelector(`[data-quote="${quotation}"]`)).not.toBeNull();
  });
});
