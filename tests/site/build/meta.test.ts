/**
 * Link previews and discovery in the built site: every page's title,
 * description, canonical URL, Open Graph and Twitter tags; the JSON-LD; the
 * feed, sitemap, robots.txt and manifest. Absolute URLs must start with the
 * site URL and be served from dist/.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages, fileFor, readPage } from '../../support/dist.ts';
import { distDir } from '../../support/paths.ts';
import { SITE_URL, sitePath } from '../../support/site.ts';

const pages = builtPages();
const head = (page: string) => {
  const document = readPage(page);
  const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
  return { document, meta, title: document.title, canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined };
};
const heads = new Map(pages.map((page) => [page, head(page)]));
const isArticle = (page: string) => /^\/articles\/[^/]+\/$/.test(page);

/** Every JSON-LD node on a page, nested ones included. */
function ldNodes(page: string): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      nodes.push(value as Record<string, unknown>);
      Object.values(value).forEach(collect);
    }
  };
  for (const script of heads.get(page)!.document.querySelectorAll('script[type="application/ld+json"]')) collect(JSON.parse(script.textContent ?? ''));
  return nodes;
}
const typed = (page: string, type: string) => ldNodes(page).filter((node) => node['@type'] === type);

describe('every page', () => {
  it('has been found', () => expect(pages.length).toBeGreaterThan(40));

  it('has a unique title, description and canonical URL', () => {
    for (const key of ['title', 'description', 'canonical'] as const) {
      const values = pages.map((page) => (key === 'description' ? heads.get(page)!.meta('description') : heads.get(page)![key]));
      for (const [i, value] of values.entries()) expect(value?.trim(), `${key} of ${pages[i]}`).toBeTruthy();
      const seen = new Map<string, string>();
      for (const [i, value] of values.entries()) {
        expect(seen.get(value!), `${key} "${value}" on ${pages[i]}`).toBeUndefined();
        seen.set(value!, pages[i]!);
      }
    }
  });

  it.each(pages)('%s has Open Graph and Twitter tags whose URLs are served from dist/', (page) => {
    const { meta, canonical, title } = heads.get(page)!;
    expect(canonical!.startsWith(SITE_URL.href), canonical).toBe(true);
    expect(fileFor(sitePath(canonical!)!), `canonical ${canonical}`).toBeDefined();
    expect(meta('og:url')).toBe(canonical);
    expect(meta('og:type')).toBe(isArticle(page) ? 'article' : 'website');
    // An empty og:title would "start" every title; it must be a real title.
    expect(meta('og:title')?.trim().length, 'og:title').toBeGreaterThan(5);
    expect(title.startsWith(meta('og:title')!) || title === meta('og:title'), `og:title ${meta('og:title')} vs ${title}`).toBe(true);
    expect(meta('og:description')).toBe(meta('description'));
    expect(meta('og:site_name')).toBe('Summit Desk');
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:height')).toBe('630');
    expect(meta('og:image:type')).toBe('image/png');
    expect(meta('og:image:alt')?.length).toBeGreaterThan(10);
    expect(meta('twitter:card')).toBe('summary_large_image');
    // X falls back to og:title, og:description and og:image: no second copy of each in the first round trip.
    expect([meta('twitter:title'), meta('twitter:description'), meta('twitter:image')]).toEqual([undefined, undefined, undefined]);
    expect(meta('twitter:image:alt')).toBe(meta('og:image:alt'));
    const image = meta('og:image')!;
    expect(image.startsWith(SITE_URL.href), image).toBe(true);
    expect(fileFor(sitePath(image)!), `og:image ${image}`).toBeDefined();
  });

  it('shows its own preview image where it has one', () => {
    expect(heads.get('/articles/hanoi-hangover/')!.meta('og:image')).toBe(new URL('/og/articles/hanoi-hangover.png', SITE_URL).href);
    expect(heads.get('/timeline/hanoi-summit-2019/')!.meta('og:image')).toBe(new URL('/og/meetings/hanoi-summit-2019.png', SITE_URL).href);
    for (const page of pages.filter((p) => /^\/quotes\/[^/]+\/$/.test(p))) {
      expect(heads.get(page)!.meta('og:image')).toBe(new URL(`/og/quotes/${page.split('/')[2]}.png`, SITE_URL).href);
    }
    expect(heads.get('/people/')!.meta('og:image')).toBe(new URL('/og/site.png', SITE_URL).href);
  });

  it('links the feed, the manifest and icons that exist', () => {
    const { document } = heads.get('/')!;
    for (const selector of [
      'link[rel="alternate"][type="application/rss+xml"]',
      'link[rel="manifest"]',
      'link[rel="icon"][type="image/svg+xml"]',
      'link[rel="icon"][type="image/png"]',
      'link[rel="apple-touch-icon"]',
    ]) {
      const href = document.querySelector(selector)?.getAttribute('href');
      expect(href, selector).toBeTruthy();
      expect(fileFor(new URL(href!, SITE_URL).pathname), `${selector} ${href}`).toBeDefined();
    }
  });
});

describe('structured data', () => {
  /** Pages on which each @id is described (has a @type), not only referred to. */
  const defined = new Map<string, Set<string>>();
  for (const page of pages) {
    for (const node of ldNodes(page))
      if (node['@type'] && typeof node['@id'] === 'string') defined.set(node['@id'], (defined.get(node['@id']) ?? new Set()).add(page));
  }

  it('every block parses and every node has a type or is an @id reference', () => {
    for (const page of pages) for (const node of ldNodes(page)) if (!('@type' in node)) expect(Object.keys(node), page).toContain('@id');
  });

  it('every @id reference is defined on the page its URL names', () => {
    for (const page of pages) {
      for (const node of ldNodes(page)) {
        const id = node['@id'];
        if (typeof id !== 'string' || '@type' in node) continue;
        expect(defined.has(id), `${page} refers to ${id}`).toBe(true);
        expect([...defined.get(id)!], id).toContain(sitePath(id));
      }
    }
  });

  it.each(['hanoi-hangover', 'trump-kim-fourth-meeting'])('%s is a NewsArticle with its headline, about and mentions', (slug) => {
    const page = `/articles/${slug}/`;
    const [article] = typed(page, 'NewsArticle');
    const { document, canonical } = heads.get(page)!;
    expect(article!['@id']).toBe(`${canonical}#article`);
    expect(article!['headline']).toBe(document.querySelector('h1')!.textContent);
    expect(article!['datePublished']).toBeUndefined();
    expect((article!['about'] as unknown[]).length).toBeGreaterThan(0);
    const mentions = (article!['mentions'] as { '@id'?: string }[]).map((m) => m['@id']);
    expect(mentions).toContain(new URL('/people/donald-trump/#person', SITE_URL).href);
    // Quotations point to the article (isPartOf, tested with the quote pages); the article does not list them back, to stay in its byte budget.
    expect(article).not.toHaveProperty('hasPart');
  });

  it('names the publisher only where the source states one: an inferred publication is said as an inference, in words (issue 22)', () => {
    const hanoi = typed('/articles/hanoi-hangover/', 'NewsArticle')[0]!;
    expect(hanoi).not.toHaveProperty('publisher');
    expect(hanoi['creditText']).toMatch(/inferred by Summit Desk from its text \(“Hong told This Week in Asia”\): This Week in Asia/);
    expect(typed('/articles/trump-kim-fourth-meeting/', 'NewsArticle')[0]!).not.toHaveProperty('publisher');
  });

  it('the Hanoi article is about the Hanoi summit, by @id', () => {
    const about = typed('/articles/hanoi-hangover/', 'NewsArticle')[0]!['about'] as { '@id'?: string }[];
    expect(about.map((a) => a['@id'])).toContain(new URL('/timeline/hanoi-summit-2019/#event', SITE_URL).href);
  });

  it('deep pages have a BreadcrumbList ending at the page itself', () => {
    const deep = pages.filter((page) => /^\/(articles|quotes|people|timeline)\/[^/]+\/$/.test(page));
    expect(deep.length).toBeGreaterThan(30);
    for (const page of deep) {
      const [crumbs] = typed(page, 'BreadcrumbList');
      expect(crumbs, page).toBeDefined();
      const items = crumbs!['itemListElement'] as { position: number; item: string }[];
      expect(items[0]!.item).toBe(SITE_URL.href);
      expect(items.at(-1)!.item).toBe(heads.get(page)!.canonical);
      expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
      for (const { item } of items) expect(fileFor(sitePath(item)!), item).toBeDefined();
    }
  });

  it('quotations point at their article and speaker', () => {
    const [quotation] = typed('/quotes/hong-min-there-is-little-possibility-of-the/', 'Quotation');
    expect((quotation!['isPartOf'] as { '@id': string })['@id']).toBe(new URL('/articles/hanoi-hangover/#article', SITE_URL).href);
  });
});

describe('feeds and discovery', () => {
  const read = (name: string) => readFileSync(join(distDir, name), 'utf8');

  it('the RSS feed lists each article once, with a link into dist/ and no invented date', () => {
    const feed = read('rss.xml');
    const links = [...feed.matchAll(/<item>.*?<link>(.*?)<\/link>/gs)].map((m) => m[1]!);
    expect(links.sort()).toEqual(
      pages
        .filter(isArticle)
        .map((page) => new URL(page, SITE_URL).href)
        .sort(),
    );
    expect(feed).not.toContain('<pubDate>');
  });

  it('the sitemap lists every page but the error page, under the site URL', () => {
    expect(read('sitemap-index.xml')).toContain(new URL('/sitemap-0.xml', SITE_URL).href);
    const listed = [...read('sitemap-0.xml').matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]!);
    expect(listed.sort()).toEqual(
      pages
        .filter((page) => page !== '/404.html')
        .map((page) => new URL(page, SITE_URL).href)
        .sort(),
    );
  });

  it('robots.txt points at the sitemap', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${new URL('/sitemap-index.xml', SITE_URL).href}`);
  });

  it('the manifest names the site and its icons exist', () => {
    const manifest = JSON.parse(read('manifest.webmanifest')) as { name: string; icons: { src: string; sizes: string }[] };
    expect(manifest.name).toContain('Summit Desk');
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect(existsSync(join(distDir, icon.src)), icon.src).toBe(true);
  });
});

describe('JavaScript on an article page', () => {
  it('is at most 6 KB gzipped, all scripts together', () => {
    const source = readFileSync(fileFor('/articles/hanoi-hangover/')!, 'utf8');
    const document = readPage('/articles/hanoi-hangover/');
    let total = 0;
    for (const script of document.querySelectorAll('script')) {
      const type = script.getAttribute('type');
      if (type === 'application/ld+json') continue;
      const src = script.getAttribute('src');
      const code = src ? readFileSync(join(distDir, src)) : Buffer.from(script.textContent ?? '');
      total += gzipSync(code).length;
    }
    expect(source).toContain('share-status');
    // The share controls build their elements with createElement: no markup parsing.
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML/);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(6 * 1024);
  });
});
