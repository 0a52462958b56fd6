/**
 * A third article is a content-only change. A copy of the project gets one
 * more source, its annotated MDX (tests/fixtures/third-article/: a quotation
 * by a speaker the site knows, and one by a person it does not, added to
 * people.yaml) and, drafted by `npm run new-article` and left as drafted, a
 * fourth. Nothing else changes: no code, no test. The build must succeed and
 * the new article must turn up everywhere the first two do.
 *
 * Expectations come from the fixture files, and selectors are hrefs, ids and
 * text, so a change of markup elsewhere does not break this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { makeFixture, type Fixture } from '../support/fixture.ts';
import { builtPages, readPage, readPageSource } from '../support/dist.ts';
import { projectRoot } from '../support/paths.ts';
import { newArticle } from '../../src/cli/new-article.ts';
import { quotationBaseId } from '../../src/lib/anchors.ts';
import { urls } from '../../src/lib/urls.ts';

const FIXTURE_DIR = join(projectRoot, 'tests', 'fixtures', 'third-article');
const fixtureFile = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');
const SLUG = 'third-article-fixture';
const DRAFTED = 'drafted-fixture';

const mdx = fixtureFile('article.mdx');
const frontmatter = parse(mdx.split('---\n')[1]!) as { headline: string };
const newPerson = (parse(fixtureFile('person.yaml')) as { id: string; name: string }[])[0]!;
/** The fixture's quotations, read from its MDX: speaker, words and the id the site gives them. */
const quotations = [...mdx.matchAll(/<Quote by="([^"]+)"[^>]*>([^<]+)<\/Quote>/g)].map(([, speaker, words]) => ({
  speaker: speaker!,
  words: words!,
  id: quotationBaseId(speaker!, words!),
}));
const known = quotations.find((quotation) => quotation.speaker !== newPerson.id)!;
const fresh = quotations.find((quotation) => quotation.speaker === newPerson.id)!;
const sourceLines = fixtureFile('source.txt')
  .split('\n')
  .filter((line) => line.trim() !== '');

let fixture: Fixture;
let build: { code: number | null; output: string };
const page = (path: string) => readPage(path, fixture.outDir);
const text = (path: string) => page(path).body.textContent?.replace(/\s+/g, ' ') ?? '';
const links = (path: string, href: string) => [...page(path).querySelectorAll('a')].filter((a) => a.getAttribute('href')?.startsWith(href));

beforeAll(async () => {
  fixture = makeFixture('third-article');
  fixture.write(`content/sources/${SLUG}.txt`, fixtureFile('source.txt'));
  fixture.write(`content/articles/${SLUG}.mdx`, mdx);
  fixture.write('content/people.yaml', `${fixture.read('content/people.yaml')}${fixtureFile('person.yaml')}`);
  // A fourth, exactly as the command drafts it: "the result builds as it is".
  fixture.write('drafted.txt', 'Drafted by new-article\n\nDonald Trump once met Kim Jong-un in Singapore. Trump said he would meet Kim again.\n');
  newArticle({ sourcePath: join(fixture.root, 'drafted.txt'), slug: DRAFTED, contentDir: join(fixture.root, 'content') });
  build = await fixture.build();
}, 300_000);

afterAll(() => fixture?.remove());

describe('a third article, added as content only', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('has two quotations in its fixture: one by a known speaker, one by a new person', () => {
    expect(quotations).toHaveLength(2);
    expect(known.speaker).toBe('hong-min');
    expect(fresh.speaker).toBe(newPerson.id);
  });

  it('is listed on the home page, with the drafted fourth', () => {
    expect(links('/', urls.article(SLUG)).map((a) => a.textContent?.trim())).toContain(frontmatter.headline);
    expect(links('/', urls.article(DRAFTED)).length).toBeGreaterThan(0);
  });

  it('has its page, with every line of its source', () => {
    expect(page(urls.article(SLUG)).querySelector('h1')?.textContent?.trim()).toBe(frontmatter.headline);
    const body = text(urls.article(SLUG));
    expect(sourceLines.length).toBeGreaterThan(2);
    for (const line of sourceLines) expect(body).toContain(line);
    expect(text(urls.article(DRAFTED))).toContain('Trump said he would meet Kim again.');
  });

  it('has its quotations on the quotes page, and in its filters', () => {
    const quotes = page(urls.quotes());
    for (const { id } of quotations) expect(quotes.getElementById(id), id).not.toBeNull();
    expect(quotes.querySelector(`[value="${SLUG}"]`), 'the article filter offers the new article').not.toBeNull();
    for (const { id, words } of quotations) expect(text(urls.quote(id))).toContain(words);
  });

  it('gives the new person a page, and adds the known speaker’s new words to theirs', () => {
    expect(page(urls.person(newPerson.id)).querySelector('h1')?.textContent?.trim()).toBe(newPerson.name);
    expect(text(urls.person(newPerson.id))).toContain(fresh.words);
    expect(text(urls.person(known.speaker))).toContain(known.words);
    expect(links(urls.people(), urls.person(newPerson.id)).length).toBeGreaterThan(0);
  });

  it('adds what it says of the Hanoi summit to the timeline', () => {
    const sentence = 'Hong Min said the Hanoi summit still shapes how Pyongyang weighs any new talks.';
    for (const path of [urls.timeline(), urls.meeting('hanoi-summit-2019')]) {
      expect(text(path), path).toContain(sentence);
      expect(links(path, urls.article(SLUG)).length, path).toBeGreaterThan(0);
    }
  });

  it('puts both speakers in the positions matrix, linked to the quotations', () => {
    for (const { id } of quotations) expect(links(urls.positions(), urls.quote(id)).length, id).toBeGreaterThan(0);
    expect(links(urls.positions(), urls.person(newPerson.id)).length).toBeGreaterThan(0);
  });

  it('is in the search index', () => {
    const dir = join(fixture.outDir, 'pagefind', 'fragment');
    // Pagefind fragments are gzip with a "pagefind_dcd" signature before the JSON.
    const indexed = readdirSync(dir).map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(join(dir, name)))
            .toString('utf8')
            .slice('pagefind_dcd'.length),
        ) as { url: string; content: string },
    );
    const article = indexed.find((fragment) => fragment.url.startsWith(urls.article(SLUG)));
    expect(article?.content).toContain('Fixture words: the memory of Hanoi runs long in Pyongyang');
    expect(indexed.some((fragment) => fragment.url.startsWith(urls.quote(fresh.id)))).toBe(true);
  });

  it('shows its correction, dated, on the page, in the JSON-LD and in the feed, with its credit line (issue 22)', () => {
    const article = page(urls.article(SLUG));
    expect(article.querySelector('.corrections li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Correction, 1 December 2026: A fixture correction, shown on the page, in the JSON-LD and in the feed.',
    );
    expect(article.querySelector('.article-credit p')?.textContent).toContain('by A. Fixture on 30 November 2026.');
    const ld = [...article.querySelectorAll('script[type="application/ld+json"]')]
      .flatMap((s) => [JSON.parse(s.textContent!)].flat())
      .find((node) => node['@type'] === 'NewsArticle');
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', datePublished: '2026-12-01', text: 'A fixture correction, shown on the page, in the JSON-LD and in the feed.' },
    ]);
    expect(ld.datePublished).toBe('2026-11-30');
    expect(readPageSource(urls.rss(), fixture.outDir)).toContain(
      '[Correction, 1 December 2026: A fixture correction, shown on the page, in the JSON-LD and in the feed.]',
    );
  });

  it('is in the RSS feed and the sitemap', () => {
    expect(readPageSource(urls.rss(), fixture.outDir)).toContain(`${urls.article(SLUG)}</link>`);
    const sitemap = readPageSource('/sitemap-0.xml', fixture.outDir);
    for (const path of [urls.article(SLUG), urls.person(newPerson.id), urls.quote(fresh.id), urls.article(DRAFTED)]) expect(sitemap).toContain(`${path}</loc>`);
  });

  it('adds pages and nothing else breaks: every page the real site has, the copy has too', () => {
    const pages = new Set(builtPages(fixture.outDir));
    expect(pages.size).toBeGreaterThan(10);
    for (const path of [urls.home(), urls.quotes(), urls.positions(), urls.timeline(), urls.people()]) expect(pages.has(path), path).toBe(true);
  });
});
