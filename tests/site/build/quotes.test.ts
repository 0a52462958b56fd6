/**
 * Quote cards, people pages and the positions matrix, read from the built site.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { readPage, builtPages } from '../../support/dist.ts';
import { contentDir } from '../../support/paths.ts';

/**
 * Everyone the articles quote, by name, read from the content files (the
 * `by` of every <Quote> in content/articles/, named as in content/people.yaml),
 * not from the site.
 */
const EXPECTED_SPEAKERS: Record<string, string> = (() => {
  const people = new Map(
    (parse(readFileSync(join(contentDir, 'people.yaml'), 'utf8')) as { id: string; name: string }[]).map((person) => [person.id, person.name]),
  );
  const articleDir = join(contentDir, 'articles');
  const ids = readdirSync(articleDir)
    .filter((name) => name.endsWith('.mdx'))
    .flatMap((name) => [...readFileSync(join(articleDir, name), 'utf8').matchAll(/<Quote\b[^>]*\bby="([^"]+)"/g)].map((match) => match[1]!));
  return Object.fromEntries([...new Set(ids)].map((id) => [people.get(id) ?? `(no person "${id}" in people.yaml)`, id]));
})();

const quotePages = builtPages().filter((path) => /^\/quotes\/[^/]+\/$/.test(path));
const cards = quotePages.map((path) => {
  const page = readPage(path);
  const card = page.querySelector('article.quote-card')!;
  return { path, page, card, id: path.split('/')[2]! };
});
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const source = (slug: string) => readFileSync(join(contentDir, 'sources', `${slug}.txt`), 'utf8');
/** The words of a card shown away from the article, as the site's marks split them: the [data-elision] ellipsis between parts, and the site's own words ([data-editorial]) left out. */
function shownParts(element: Element): string[] {
  const copy = element.cloneNode(true) as Element;
  for (const gap of copy.querySelectorAll('[data-elision]')) gap.replaceWith('\u0000');
  for (const added of copy.querySelectorAll('[data-editorial], [aria-hidden="true"]')) added.remove();
  return (copy.textContent ?? '').split('\u0000').map(normalise);
}
/** The words of a card's parts, without the quotation marks the card adds around direct quotes (aria-hidden, so they are not read twice). */
const cardWords = (card: Element) => shownParts(card.querySelector('blockquote')!);
/** The paragraph a card's context link lands on (its text fragment aside). */
const contextOf = (card: Element) => {
  const [articlePath, hash] = card.querySelector('a[href*="#p-"]')!.getAttribute('href')!.split('#');
  return { articlePath: articlePath!, anchor: hash!.split(':~:')[0]! };
};

describe('quote cards', () => {
  it('exist for every quotation', () => {
    expect(cards.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cards.map((c) => [c.id, c] as const))('%s is verbatim in its article page and source text', (_id, { card }) => {
    const { articlePath, anchor } = contextOf(card);
    const paragraph = readPage(articlePath).getElementById(anchor);
    expect(paragraph, anchor).not.toBeNull();
    for (const words of cardWords(card)) {
      expect(words.length).toBeGreaterThan(3);
      expect(normalise(paragraph!.textContent!)).toContain(words);
      expect(normalise(source(articlePath.split('/')[2]!))).toContain(words);
    }
  });

  it.each(cards.map((c) => [c.id, c] as const))('%s has its stable id and a working permalink', (id, { card }) => {
    expect(card.id).toBe(id);
    // The card's id is derived from the speaker and the first words.
    const speaker = card.closest('body')!.querySelector('.speaker a')!.getAttribute('href')!.split('/')[2]!;
    expect(id.startsWith(`${speaker}-`)).toBe(true);
    // The article page has a margin card with the same id, beside the paragraph.
    expect(readPage(contextOf(card).articlePath).getElementById(id), `margin card ${id}`).not.toBeNull();
  });

  it('label paraphrases as the article’s words and give no quotation marks to them', () => {
    const paraphrases = cards.filter(({ card }) => card.classList.contains('quote-card--paraphrase'));
    const plain = paraphrases.filter(({ card }) => !card.querySelector('blockquote')!.textContent!.includes('“'));
    expect(plain.length).toBeGreaterThan(0);
    for (const { card } of plain) expect(card.textContent).toMatch(/the article’s words, not [^’]+’s/);
    for (const { card } of paraphrases) expect(cardWords(card)[0]!.startsWith('“')).toBe(false);
  });

  it('mark the speaker’s own words inside a paraphrase as theirs, and say so in the label (issue 12)', () => {
    const withOwnWords = cards.filter(
      ({ card }) => card.classList.contains('quote-card--paraphrase') && card.querySelector('blockquote')!.textContent!.includes('“'),
    );
    // Koh’s “tread very cautiously”, Yang’s “window of opportunity”, Aum’s “stable coexistence” and “long-term and aspirational…”,
    // Town’s two, DeTrani’s “action-for-action”.
    expect(withOwnWords.length).toBeGreaterThanOrEqual(7);
    for (const { card, id } of withOwnWords) {
      const name = card.closest('body')!.querySelector('.speaker a')!.textContent!;
      expect(card.querySelector('.kind')!.textContent, id).not.toContain('not ');
      expect(card.querySelector('.kind')!.textContent, id).toContain(`those in quotation marks, which are ${name}’s own`);
      const own = [...card.querySelectorAll('blockquote q.own-words')].map((q) => q.textContent!);
      expect(own.length, id).toBeGreaterThan(0);
      // Every fragment in quotation marks is marked, marks included, and nothing else is.
      expect(own).toEqual(
        cardWords(card)
          .join(' ')
          .match(/“[^”]+”/g),
      );
    }
  });

  it('carry Quotation structured data with creator and isPartOf, or for a paraphrase a CreativeWork about the speaker', () => {
    let paraphrases = 0;
    for (const { page, card, id } of cards) {
      const blocks = [...page.querySelectorAll('script[type="application/ld+json"]')].flatMap((s) => [JSON.parse(s.textContent!)].flat());
      const paraphrase = card.classList.contains('quote-card--paraphrase');
      const node = blocks.find((block) => block['@type'] === (paraphrase ? 'CreativeWork' : 'Quotation'));
      expect(node, id).toBeDefined();
      expect(node.isPartOf['@type']).toBe('NewsArticle');
      if (paraphrase) {
        paraphrases += 1;
        expect(node.about.name, id).toBeTruthy();
        expect(node.creator, id).toBeUndefined();
        expect(
          blocks.some((block) => block['@type'] === 'Quotation'),
          id,
        ).toBe(false);
      } else expect(node.creator.name, id).toBeTruthy();
    }
    expect(paraphrases).toBeGreaterThan(20);
  });

  it('in the article do not repeat the words screen readers already heard in the paragraph', () => {
    const article = readPage('/articles/hanoi-hangover/');
    const margins = [...article.querySelectorAll('.margin-card')];
    expect(margins.length).toBeGreaterThan(5);
    for (const margin of margins) {
      const quote = article.querySelector(`[data-quote="${margin.id}"]`);
      expect(quote, margin.id).not.toBeNull();
      const firstWords = quote!.textContent!.split(' ').slice(0, 5).join(' ');
      expect(margin.textContent).not.toContain(firstWords);
    }
  });
});

describe('people', () => {
  it('finds the quoted people in the content files', () => {
    expect(Object.keys(EXPECTED_SPEAKERS).length).toBeGreaterThanOrEqual(2);
  });

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
    const groups = [...page.querySelectorAll('[data-speaker-group]')];
    expect(groups.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED_SPEAKERS).length);
    let grouped = 0;
    for (const group of groups) {
      const speaker = group.querySelector('h2')!.id.replace('speaker-', '');
      const inGroup = [...group.querySelectorAll('article.quote-card')];
      expect(inGroup.length, speaker).toBeGreaterThan(0);
      grouped += inGroup.length;
      for (const card of inGroup) expect(card.id.startsWith(`${speaker}-`), card.id).toBe(true);
    }
    expect(grouped).toBe(listed.length);
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

describe('every quotation shown anywhere on the site', () => {
  // Not only the quote pages: the listing, people and meeting pages, the article margins and the positions matrix
  // render quotations too, and each must be the source's words.
  const sources = readdirSync(join(contentDir, 'sources')).map((name) => normalise(readFileSync(join(contentDir, 'sources', name), 'utf8')));
  const shown = builtPages().flatMap((path) => {
    const page = readPage(path);
    // The site's own marks ([sic], labels, the ellipsis between a quotation's parts) are not the quotation's words.
    return [...page.querySelectorAll('blockquote, q')].flatMap((element) =>
      shownParts(element).map((words) => ({ path, tag: element.tagName.toLowerCase(), words })),
    );
  });

  it('is found on many pages, in blockquotes and in q elements', () => {
    expect(shown.length).toBeGreaterThan(150);
    expect(new Set(shown.map((s) => s.path)).size).toBeGreaterThan(30);
    expect(shown.filter((s) => s.tag === 'q').length).toBeGreaterThan(10);
  });

  it('is verbatim in a source text (the card’s own quotation marks aside)', () => {
    const wrong: string[] = [];
    for (const { path, tag, words } of shown) {
      // A direct quotation's card puts “…” around the words; the words inside must be the source's.
      const inner = /^“[\s\S]*”$/.test(words) ? words.slice(1, -1) : words;
      expect(inner.length, `${path} <${tag}> is empty`).toBeGreaterThan(3);
      if (!sources.some((source) => source.includes(inner))) wrong.push(`${path} <${tag}>: ${inner}`);
    }
    expect(wrong).toEqual([]);
  });
});
