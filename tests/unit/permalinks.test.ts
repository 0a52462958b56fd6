import { describe, it, expect } from 'vitest';
import { HtmlValidate } from 'html-validate';
import {
  addAlias,
  collectPermalinks,
  droppedPermalinks,
  addedPermalinks,
  parseMoves,
  redirectPage,
  redirectLines,
  isRedirectPage,
  sitePath,
} from '../../src/postbuild/permalinks.ts';

const ARTICLE =
  '<main id="main"><p id="compact-timeline-title">Timeline</p><h2 id="possible-pathways">Possible pathways</h2><p id="p-first-words">Words <q id="hong-min-words">x</q></p><figure id="pq-kim-saw">…</figure><p id="share-status"></p></main>';
const pages = new Map([
  ['articles/a/index.html', ARTICLE],
  ['quotes/hong-min-words/index.html', '<article id="hong-min-words">x</article>'],
  ['people/index.html', '<li id="org-mit">MIT</li><li id="place-hanoi">Hanoi</li><h2 id="places">Places</h2><li id="hong-min">Hong</li>'],
  ['timeline/index.html', '<li id="hanoi-summit-2019">Hanoi</li><p id="share-status"></p>'],
  ['index.html', '<main id="main"></main>'],
]);
const records = new Set(['mit', 'hanoi', 'hong-min', 'hanoi-summit-2019']);

describe('permalink manifest', () => {
  it('pins article paragraphs, headings and the pull quote, quotations, events and records, and no interface ids', () => {
    expect(collectPermalinks(pages, records).pages).toEqual({
      '/': [],
      '/articles/a/': ['hong-min-words', 'p-first-words', 'possible-pathways', 'pq-kim-saw'],
      '/people/': ['hong-min', 'org-mit', 'place-hanoi'],
      '/quotes/hong-min-words/': ['hong-min-words'],
      '/timeline/': ['hanoi-summit-2019'],
    });
  });

  it('reports dropped paths and ids, and new ones, by name', () => {
    const pinned = collectPermalinks(pages, records);
    const now = collectPermalinks(
      new Map([...pages].filter(([file]) => !file.startsWith('quotes/')).map(([file, html]) => [file, html.replace('p-first-words', 'p-other-words')])),
      records,
    );
    expect(droppedPermalinks(pinned, now)).toEqual(['/articles/a/#hong-min-words', '/articles/a/#p-first-words', '/quotes/hong-min-words/']);
    expect(addedPermalinks(pinned, now)).toEqual(['/articles/a/#p-other-words']);
    expect(droppedPermalinks(pinned, pinned)).toEqual([]);
  });

  it('pins an alias anchor (a moved permalink) whatever its id looks like', () => {
    const withAlias = new Map([['people/index.html', '<li id="hong-min"><span id="hong-min-old-quote-id" data-permalink-alias></span>Hong</li>']]);
    expect(collectPermalinks(withAlias, records).pages['/people/']).toEqual(['hong-min', 'hong-min-old-quote-id']);
  });

  it('maps built files to site paths', () => {
    expect(sitePath('index.html')).toBe('/');
    expect(sitePath('articles/a/index.html')).toBe('/articles/a/');
    expect(sitePath('404.html')).toBe('/404.html');
  });
});

describe('permalink moves', () => {
  it('reads the moves file and refuses a wrong shape with the right one in the message', () => {
    expect(parseMoves(undefined)).toEqual({ paths: {}, fragments: {} });
    expect(parseMoves('{"paths": {"/quotes/a/": "/quotes/b/"}, "fragments": {"/articles/x/#p-old": "p-new"}}')).toEqual({
      paths: { '/quotes/a/': '/quotes/b/' },
      fragments: { '/articles/x/#p-old': 'p-new' },
    });
    expect(() => parseMoves('{"paths": {"quotes/a": "/quotes/b/"}}')).toThrow(/both must be site paths.*Shape: \{"paths"/);
    expect(() => parseMoves('{"fragments": {"/articles/x/#p-old": "#p-new"}}')).toThrow(/the value the new id alone/);
    expect(() => parseMoves('{"fragments": []}')).toThrow(/"fragments" must be an object of strings/);
  });

  it('adds an empty alias element with the old id at the start of the new one', () => {
    const html = addAlias(ARTICLE, '/articles/a/', 'p-old-words', 'p-first-words');
    expect(html).toContain('<p id="p-first-words"><span id="p-old-words" data-permalink-alias></span>Words');
    expect(() => addAlias(ARTICLE, '/articles/a/', 'p-old', 'p-missing')).toThrow(
      '/articles/a/#p-old is recorded as moved to #p-missing, but /articles/a/ has no element with id "p-missing".',
    );
    expect(() => addAlias(ARTICLE, '/articles/a/', 'pq-kim-saw', 'p-first-words')).toThrow(/still has id "pq-kim-saw"/);
  });

  it('puts the alias in the tag that has the id as its own attribute, after the attributes around it', () => {
    const html = '<p data-id="q-new">Not this</p><a href="#q-new">Nor this</a> id="q-new" in text<li class="card" id="q-new" data-x="1">Here</li>';
    expect(addAlias(html, '/quotes/', 'q-old', 'q-new')).toBe(html.replace('data-x="1">', 'data-x="1"><span id="q-old" data-permalink-alias></span>'));
  });

  it('writes a redirect page without script that html-validate accepts, and _redirects lines', async () => {
    const page = redirectPage('/quotes/new-id/', 'https://summit.example.org');
    expect(isRedirectPage(page)).toBe(true);
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/quotes/new-id/">');
    expect(page).toContain('<link rel="canonical" href="https://summit.example.org/quotes/new-id/">');
    expect(page).toContain('<a href="/quotes/new-id/">');
    expect(page).not.toMatch(/<script|<style|style=/);
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(page, 'redirect.html');
    expect(report.results.flatMap((result) => result.messages.map((m) => m.message))).toEqual([]);
    expect(redirectLines({ '/quotes/b/': '/quotes/c/', '/quotes/a/': '/quotes/c/' })).toBe('/quotes/a/ /quotes/c/ 301\n/quotes/b/ /quotes/c/ 301\n');
  });
});
