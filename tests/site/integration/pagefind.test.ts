/**
 * The search index, Node side: the library builds a Pagefind index from a
 * folder of HTML (quote cards as sub-results, filters and metadata read),
 * leaves out what is not content, and fails loudly on a bad site. And the
 * built site's index carries what the search UI relies on.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { INDEX_CHUNK_LOCATIONS, buildSearchIndex, htmlFiles } from '../../../src/search/pagefind-index.ts';
import { pageLinks, pageUrl } from '../../../src/search/pagefind-dev.ts';
import { distDir } from '../../support/paths.ts';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; title?: string; text: string }[];
}

/** Pagefind fragments are gzip with a "pagefind_dcd" signature before the JSON. */
function fragments(indexDir: string): Fragment[] {
  const dir = join(indexDir, 'fragment');
  return readdirSync(dir).map((name) => {
    const raw = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    expect(raw.startsWith('pagefind_dcd')).toBe(true);
    return JSON.parse(raw.slice('pagefind_dcd'.length)) as Fragment;
  });
}

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body><header data-pagefind-ignore="all"><a href="/">Masthead words</a></header>${body}</body></html>`;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'summit-pagefind-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('buildSearchIndex', () => {
  it('indexes the marked content of each page, with quote cards as titled anchors and filters from <meta>', async () => {
    const dir = site('good', {
      'index.html': page('<main data-pagefind-body><h1>Home page</h1><p>Welcome to the zebra desk.</p></main>'),
      'quotes/q1/index.html': page(
        '<main data-pagefind-body><h1 class="visually-hidden">Hidden helper heading</h1><article id="q1" data-pagefind-title="Ann Example: “Aardvarks…”"><blockquote>Aardvarks are splendid</blockquote><a class="self-link" href="#q1">Selflinkword</a></article></main>',
        '<meta data-pagefind-filter="speaker[content]" content="Ann Example"><meta data-pagefind-filter="topic[content]" content="Wildlife, large"><meta data-pagefind-filter="topic[content]" content="Zoos"><meta data-pagefind-meta="role[content]" content="Keeper">',
      ),
      'search/index.html': page('<main><h1>Search</h1><p>Not content</p></main>'),
      // A listing that repeats other pages' words is left out in its markup (no data-pagefind-body), not by path.
      'listing/index.html': page('<main><p>Listing that repeats everything</p></main>'),
    });
    const out = join(dir, 'pagefind');
    const result = await buildSearchIndex(dir, out);
    expect(result.pageCount).toBe(2);
    expect(existsSync(join(out, 'pagefind.js'))).toBe(true);
    expect(existsSync(join(out, 'pagefind-highlight.js'))).toBe(true);
    const byUrl = new Map(fragments(out).map((f) => [f.url, f]));
    expect([...byUrl.keys()].sort()).toEqual(['/', '/quotes/q1/']);
    const quote = byUrl.get('/quotes/q1/')!;
    expect(quote.anchors).toEqual([expect.objectContaining({ element: 'article', id: 'q1', title: 'Ann Example: “Aardvarks…”' })]);
    expect(quote.filters).toEqual({ speaker: ['Ann Example'], topic: ['Wildlife, large', 'Zoos'] });
    expect(quote.meta['role']).toBe('Keeper');
    // Screen-reader helpers, self-links and the ignored header are not content.
    expect(quote.content).toContain('Aardvarks are splendid');
    expect(quote.content).not.toMatch(/Hidden helper|Selflinkword|Masthead/);
  });

  it('keeps the words of touching blocks apart (minified <dt>/<dd>, cells, list items, styled spans), but never splits an article’s words', async () => {
    const dir = site('touching', {
      'timeline/x/index.html': page(
        '<main data-pagefind-body><dl><dt>Who</dt><dd>Donald Trump</dd><dt>What</dt><dd>A meeting</dd></dl><ul><li><a href="/">Doug Bandow</a><span>Senior fellow</span></li></ul></main>',
      ),
      'articles/a/index.html': page('<main data-pagefind-body><p>The <span class="q">North</span><span class="q">–US</span> talks</p></main>'),
    });
    await buildSearchIndex(dir, join(dir, 'pagefind'));
    const byUrl = new Map(fragments(join(dir, 'pagefind')).map((f) => [f.url, f]));
    const timeline = byUrl.get('/timeline/x/')!.content;
    expect(timeline).toMatch(/Who Donald Trump\.? What A meeting/);
    expect(timeline).toMatch(/Doug Bandow Senior fellow/);
    expect(byUrl.get('/articles/a/')!.content).toContain('North–US talks');
  });

  it('fails with a clear message when no page marks its content with data-pagefind-body', async () => {
    const dir = site('unmarked', { 'index.html': page('<main><p>Everything, navigation included</p></main>') });
    await expect(buildSearchIndex(dir, join(dir, 'pagefind'))).rejects.toThrow(/none of the 1 HTML pages .* data-pagefind-body/);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
  });

  it('fails instead of hanging when Pagefind never answers (an output path under a file)', async () => {
    const dir = site('unwritable', { 'index.html': page('<main data-pagefind-body><p>Hi</p></main>') });
    writeFileSync(join(dir, 'blocker'), 'a file where the output folder should go');
    await expect(buildSearchIndex(dir, join(dir, 'blocker', 'pagefind'), { stepTimeoutMs: 3000 })).rejects.toThrow(/writeFiles did not finish within 3 s/);
  });

  it('splits the word index into chunks of INDEX_CHUNK_LOCATIONS locations, whatever the shell sets', async () => {
    // 3,000 made-up words, four times each: 12,000 locations, three chunks' worth (plus one entry per word and page).
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from({ length: 3000 }, (_, i) => `zq${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676)]}x`);
    const text = Array.from({ length: 4 }, () => words.join(' ')).join(' ');
    const dir = site('chunked', { 'index.html': page(`<main data-pagefind-body><p>${text}</p></main>`) });
    const shell = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = '20000'; // Pagefind's default: one chunk, if it were used
    try {
      await buildSearchIndex(dir, join(dir, 'pagefind'));
    } finally {
      if (shell === undefined) delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
      else process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = shell;
    }
    const chunks = readdirSync(join(dir, 'pagefind', 'index'));
    // Pagefind counts a few more locations than the words (titles, word variants): at least three chunks, where its default makes one.
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor((words.length * 4) / INDEX_CHUNK_LOCATIONS));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
  });

  it('lists a site’s HTML files without Pagefind’s output', () => {
    const dir = site('listing', { 'a/index.html': '<p></p>', 'b.html': '<p></p>', 'pagefind/x.html': '<p></p>', 'c.txt': '' });
    expect(htmlFiles(dir)).toEqual(['a/index.html', 'b.html']);
  });
});

describe('dev index helpers', () => {
  it('follows same-site page links only', () => {
    const html =
      '<a href="/quotes/">q</a><a href="/people/x/#bio">p</a><a href="https://example.com/">e</a><a href="/_astro/a.js">s</a><a href="/pagefind/pagefind.js">pf</a><a href="/feed.xml">f</a><a href="/quotes/">again</a>';
    expect(pageLinks(html)).toEqual(['/quotes/', '/people/x/']);
  });
  it('maps built files to their URLs', () => {
    expect(pageUrl('quotes/index.html')).toBe('/quotes/');
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
});

describe('the built site’s index', () => {
  const all = () => fragments(join(distDir, 'pagefind'));

  it('gives every quotation page the facets and the speaker’s metadata', () => {
    const quotes = all().filter((f) => /^\/quotes\/[^/]+\/$/.test(f.url));
    expect(quotes.length).toBeGreaterThan(10);
    for (const quote of quotes) {
      expect(Object.keys(quote.filters)).toEqual(expect.arrayContaining(['speaker', 'article', 'kind']));
      expect(quote.meta['speaker']).toBe(quote.filters['speaker']![0]);
      expect(quote.meta['role']).toBeTruthy();
      const id = quote.url.split('/')[2]!;
      // Titled by the one attribution rule (issue 22): "Name: “words”", or "Name, as paraphrased: words".
      const attribution = quote.meta['kind'] === 'Paraphrase by the article' ? ', as paraphrased: ' : ': ';
      expect(quote.anchors.find((a) => a.id === id)?.title).toMatch(new RegExp(`^${RegExp.escape(quote.meta['speaker']!)}${attribution}`));
    }
    expect(quotes.some((q) => q.filters['topic']?.length)).toBe(true);
    expect(quotes.some((q) => q.filters['meeting']?.length)).toBe(true);
  });

  it('gives article pages the article facet, and leaves the search page and the quotes listing out', () => {
    const urls = all().map((f) => f.url);
    const articles = all().filter((f) => f.url.startsWith('/articles/'));
    expect(articles.length).toBeGreaterThanOrEqual(2);
    for (const article of articles) expect(article.filters['article']).toHaveLength(1);
    expect(urls).not.toContain('/search/');
    expect(urls).not.toContain('/quotes/');
    expect(urls).not.toContain('/');
    expect(urls).toContain('/timeline/');
  });

  it('indexes a quotation’s words on its own page only, not again on its speaker’s page', () => {
    const fragmentsByUrl = new Map(all().map((f) => [f.url, f]));
    const quote = fragmentsByUrl.get('/quotes/hong-min-peaceful-but-cold-coexistence/')!;
    expect(quote.content).toContain('peaceful but cold coexistence');
    const person = fragmentsByUrl.get('/people/hong-min/')!;
    expect(person.content).toContain('Hong Min');
    expect(person.content).not.toContain('peaceful but cold coexistence');
  });

  it('comes in several small word chunks, so a first search downloads only the part its words are in', () => {
    const dir = join(distDir, 'pagefind', 'index');
    const sizes = readdirSync(dir).map((name) => readFileSync(join(dir, name)).length);
    // At Pagefind's default chunk size the whole index (18 KB gzipped) was one chunk, fetched by every search.
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8_000);
  });

  it('makes timeline entries titled anchors', () => {
    const timeline = all().find((f) => f.url === '/timeline/')!;
    expect(timeline.anchors.filter((a) => a.element === 'li' && a.title).length).toBeGreaterThanOrEqual(3);
  });
});
