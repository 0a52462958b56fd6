/**
 * Quote cards, people pages and the positions matrix, read from the built site.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPage, builtPages } from '../support/dist.ts';
import { contentDir } from '../support/paths.ts';

/** The experts issue 4 names, plus Trump and the White House. */
const EXPECTED_SPEAKERS = {
  'Hong Min': 'hong-min',
  'Park Jie-won': 'park-jie-won',
  'Koh Yu-hwan': 'koh-yu-hwan',
  'Park Won-gon': 'park-won-gon',
  'Yang Moo-jin': 'yang-moo-jin',
  'Frank Aum': 'frank-aum',
  'Jenny Town': 'jenny-town',
  'Keith Luse': 'keith-luse',
  'Joseph DeTrani': 'joseph-detrani',
  'Doug Bandow': 'doug-bandow',
  'Vipin Narang': 'vipin-narang',
  'Donald Trump': 'donald-trump',
  'The White House': 'white-house',
};

const quotePages = builtPages().filter((path) => /^\/quotes\/[^/]+\/$/.test(path));
const cards = quotePages.map((path) => {
  const page = readPage(path);
  const card = page.querySelector('article.quote-card')!;
  return { path, page, card, id: path.split('/')[2]! };
});
const source = (slug: string) => readFileSync(join(contentDir, 'sources', `${slug}.txt`), 'utf8');
/** The words of a card without the quotation marks the card adds around direct quotes. */
const cardWords = (card: Element) => {
  const text = card.querySelector('blockquote')!.textContent!.trim();
  return card.classList.contains('quote-card--paraphrase') ? text : text.replace(/^“/, '').replace(/”$/, '');
};

describe('quote cards', () => {
  it('exist for every quotation', () => {
    expect(cards.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cards.map((c) => [c.id, c] as const))('%s is verbatim in its article page and source text', (_id, { card }) => {
    const words = cardWords(card);
    const inContext = card.querySelector('a[href*="#p-"]')!.getAttribute('href')!;
    const [articlePath, anchor] = inContext.split('#');
    const paragraph = readPage(articlePath!).getElementById(anchor!);
    expect(paragraph, inContext).not.toBeNull();
    expect(paragraph!.textContent).toContain(words);
    expect(source(articlePath!.split('/')[2]!)).toContain(words);
  });

  it.each(cards.map((c) => [c.id, c] as const))('%s has its stable id and a working permalink', (id, { card }) => {
    expect(card.id).toBe(id);
    // The card's id is derived from the speaker and the first words.
    const speaker = card.closest('body')!.querySelector('.speaker a')!.getAttribute('href')!.split('/')[2]!;
    expect(id.startsWith(`${speaker}-`)).toBe(true);
    // The article page has a margin card with the same id, beside the paragraph.
    const inContext = card.querySelector('a[href*="#p-"]')!.getAttribute('href')!;
    expect(readPage(inContext.split('#')[0]!).getElementById(id), `margin card ${id}`).not.toBeNull();
  });

  it('label paraphrases as the article’s words and give no quotation marks to them', () => {
    const paraphrases = cards.filter(({ card }) => card.classList.contains('quote-card--paraphrase'));
    expect(paraphrases.length).toBeGreaterThan(0);
    for (const { card } of paraphrases) {
      expect(card.textContent).toContain('the article’s words, not the speaker’s');
      expect(card.querySelector('blockquote')!.textContent!.trim().startsWith('“')).toBe(false);
    }
  });

  it('carry Quotation structured data with creator and isPartOf', () => {
    for (const { page, id } of cards) {
      const blocks = [...page.querySelectorAll('script[type="application/ld+json"]')].flatMap((s) => [JSON.parse(s.textContent!)].flat());
      const quotation = blocks.find((block) => block['@type'] === 'Quotation');
      expect(quotation, id).toBeDefined();
      expect(quotation.creator.name).toBeTruthy();
      expect(quotation.isPartOf['@type']).toBe('NewsArticle');
    }
  });

  it('in the article do not repeat the words screen readers already heard in the paragraph', () => {
    const article = readPage('/articles/hanoi-hangover/');
    for (const margin of article.querySelectorAll('.margin-card')) {
      const quote = article.querySelector(`[data-quote="${margin.id}"]`);
      expect(quote, margin.id).not.toBeNull();
      const firstWords = quote!.textContent!.split(' ').slice(0, 5).join(' ');
      expect(margin.textContent).not.toContain(firstWords);
    }
  });
});

describe('people', () => {
  it.each(Object.entries(EXPECTED_SPEAKERS))('%s has a page with their quotations', (name, id) => {
    const page = readPage(`/people/${id}/`);
    expect(page.querySelector('h1')?.textContent).toBe(name);
    expect(page.querySelectorAll('article.quote-card').length).toBeGreaterThan(0);
    expect(cards.some(({ page: p }) => p.querySelector('.speaker a')?.getAttribute('href') === `/people/${id}/`)).toBe(true);
  });
});

describe('/quotes/', () => {
  const page = readPage('/quotes/');
  it('lists every quotation without JavaScript, grouped by speaker', () => {
    const listed = [...page.querySelectorAll('article.quote-card')].map((card) => card.id).sort();
    expect(listed).toEqual(cards.map((c) => c.id).sort());
    for (const group of page.querySelectorAll('[data-speaker-group]')) {
      const speaker = group.querySelector('h2')!.id.replace('speaker-', '');
      for (const card of group.querySelectorAll('article.quote-card')) expect(card.id.startsWith(`${speaker}-`)).toBe(true);
    }
  });

  it('hides the filter form only when scripting is off, so showing it never shifts the list', () => {
    expect(page.querySelector('quote-filters form')?.hasAttribute('hidden')).toBe(false);
    const css = [...page.querySelectorAll('style')].map((style) => style.textContent).join('\n');
    expect(css).toMatch(/@media\s*\(scripting:\s*none\)\s*\{\s*\.filter-box[.\w-]*\s*,\s*\.count[.\w-]*\s*\{\s*display:\s*none/);
  });
});

describe('/positions/', () => {
  const page = readPage('/positions/');
  it('is a table with row and column headers', () => {
    expect(page.querySelector('table caption')).not.toBeNull();
    expect(page.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThan(5);
    expect(page.querySelectorAll('tbody th[scope="row"]').length).toBeGreaterThan(5);
  });

  it('links each cell to quotations whose topics match the column', () => {
    const marks = [...page.querySelectorAll('td a[href^="/quotes/"]')];
    expect(marks.length).toBeGreaterThan(10);
    for (const mark of marks) {
      const topic = mark.closest('td')!.getAttribute('data-topic')!;
      const quote = readPage(mark.getAttribute('href')!).querySelector('article.quote-card')!;
      expect(quote.getAttribute('data-topics')!.split(' '), mark.getAttribute('href')!).toContain(topic);
    }
  });
});
