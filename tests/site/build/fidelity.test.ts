/**
 * The articles' text is sacred: every line of each source text in
 * content/sources/ appears, in order, as one block of visible text on its
 * article page (whitespace normalised, nothing else). And the seeds the site
 * started from are still in content/sources/, byte for byte; a new article
 * adds a source of its own, which this test takes as it finds it.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readPage } from '../../support/dist.ts';
import { contentDir, projectRoot } from '../../support/paths.ts';
import { articleBlocks } from '../../support/article-text.ts';
import { parse } from 'yaml';

const sourcesDir = join(contentDir, 'sources');
const articles = readdirSync(join(contentDir, 'articles'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const mdx = readFileSync(join(contentDir, 'articles', name), 'utf8');
    const frontmatter = parse(mdx.split('---')[1]!) as { sourceText: string; headlineBy: string; dekBy: string; headline: string; dek: string };
    return { slug: name.replace(/\.mdx$/, ''), frontmatter };
  });

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('source texts', () => {
  const seedsDir = join(projectRoot, '..', 'shared', 'seeds');
  // SHA-256 of the seeds in ../shared/seeds, for clones that do not have that folder beside them.
  // These fix the seeds, not the number of articles: sources added later are not in this list.
  const SEED_DIGESTS = [
    '8609b18e029018dc0469859439ead67f4ca7337d8c8f58151e4266905315db1e', // 000_b586eb7629029d3a.txt
    'a1c2334d446c9ce140031249cc974828828f91ff888e4205417357329f293179', // 001_29e057e94b7a9bdf.txt
  ];
  const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('include every seed, byte for byte', () => {
    const sources = readdirSync(sourcesDir).map((name) => readFileSync(join(sourcesDir, name)));
    const seeds = existsSync(seedsDir)
      ? readdirSync(seedsDir)
          .filter((name) => name.endsWith('.txt'))
          .map((name) => readFileSync(join(seedsDir, name)))
      : undefined;
    expect(sources.length).toBeGreaterThanOrEqual(SEED_DIGESTS.length);
    if (seeds) {
      expect(seeds.length).toBeGreaterThan(0);
      for (const seed of seeds) expect(sources.some((source) => source.equals(seed))).toBe(true);
      // The recorded digests stay true to the seeds, so the fallback below checks the same thing.
      expect(seeds.map(digest).sort()).toEqual([...SEED_DIGESTS].sort());
    }
    const sourceDigests = new Set(sources.map(digest));
    for (const seedDigest of SEED_DIGESTS) expect(sourceDigests.has(seedDigest), `no source has the seed digest ${seedDigest}`).toBe(true);
  });

  it('each has exactly one article', () => {
    const sourceIds = readdirSync(sourcesDir)
      .map((name) => name.replace(/\.txt$/, ''))
      .sort();
    expect(articles.map((a) => a.frontmatter.sourceText).sort()).toEqual(sourceIds);
  });
});

describe.each(articles)('article $slug', ({ slug, frontmatter }) => {
  const source = readFileSync(join(sourcesDir, `${frontmatter.sourceText}.txt`), 'utf8');
  const lines = source.split('\n').map(normalise).filter(Boolean);
  const document = readPage(`/articles/${slug}/`);
  // Leading blocks the source does not have: the site's own headline and dek, when it wrote them.
  const siteBlocks = (frontmatter.headlineBy === 'site' ? 1 : 0) + (frontmatter.dekBy === 'site' ? 1 : 0);
  const blocks = articleBlocks(document).slice(siteBlocks);

  it('shows every line of the source, in order, as its own block', () => {
    expect(blocks).toEqual(lines);
  });

  it('contains every sentence of the source in its visible text', () => {
    const visible = normalise(blocks.join(' '));
    let from = 0;
    for (const sentence of source
      .split(/(?<=[.?!”])\s+/)
      .map(normalise)
      .filter(Boolean)) {
      const at = visible.indexOf(sentence, from);
      expect(at, `missing or out of order: ${sentence}`).toBeGreaterThanOrEqual(0);
      from = at + sentence.length;
    }
  });

  it('has no words in its body outside the blocks compared above (the site’s marked additions aside)', () => {
    // A blockquote, list or code block would be words the comparison never reads: every text in the body must sit
    // in a paragraph, heading or pull-quote figure with its id, or inside something marked data-editorial.
    const body = document.querySelector('[data-article-body]');
    expect(body).not.toBeNull();
    const compared = (element: Element) => element.matches('p[id^="p-"], h2[id], figure[id^="pq-"]');
    const stray: string[] = [];
    let checked = 0;
    const walk = (node: Node) => {
      if (node.nodeType === 3) {
        if ((node.nodeValue ?? '').trim()) stray.push(`"${node.nodeValue!.trim().slice(0, 60)}" in <${(node.parentNode as Element).tagName.toLowerCase()}>`);
        return;
      }
      if (node.nodeType !== 1) return;
      const element = node as Element;
      if (element.hasAttribute('data-editorial')) return;
      if (compared(element)) {
        checked += 1;
        return;
      }
      for (const child of element.childNodes) walk(child);
    };
    for (const child of body!.childNodes) walk(child);
    expect(checked).toBe(lines.length - (frontmatter.headlineBy === 'source' ? 1 : 0) - (frontmatter.dekBy === 'source' ? 1 : 0));
    expect(stray).toEqual([]);
  });

  it('keeps typographic quotes and dashes', () => {
    const visible = blocks.join(' ');
    for (const mark of ['’', '“', '”', '–', '—']) {
      expect(visible.split(mark).length, `count of ${mark}`).toBe(source.split(mark).length);
    }
  });
});

describe('the pull quote in hanoi-hangover', () => {
  const document = readPage('/articles/hanoi-hangover/');
  const figure = document.querySelector('figure.pull-quote');

  it('is a figure with the quotation and its attribution apart', () => {
    expect(figure?.querySelector('blockquote')?.textContent).toBe(
      'Kim saw the failure of the Hanoi summit as a personal insult – it turned out to be little more than political theatre',
    );
    expect(figure?.querySelector('figcaption')?.textContent).toBe('Hong Min, Korea Institute for National Unification');
  });

  it('still reads, character for character, as the source line', () => {
    const source = readFileSync(join(sourcesDir, 'hanoi-hangover.txt'), 'utf8');
    expect(source.split('\n')).toContain(figure?.textContent);
  });
});
