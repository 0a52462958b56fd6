/**
 * What readers see, in Chromium, rather than what the DOM holds:
 * - each article block's rendered text (innerText: CSS text-transform,
 *   display and visibility applied) is its source line, the site's additions
 *   (data-editorial) set aside;
 * - no CSS-generated content adds words a text check cannot see: quotation
 *   marks on <q> (the article prints its own), or any ::before/::after text
 *   inside the article's words;
 * - every text-fragment link, opened without its paragraph id, brings its
 *   quotation's words into view: Chromium found the words, not another place.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, scriptsRan } from '../../support/browser.ts';
import { builtPages, readPage } from '../../support/dist.ts';
import { contentDir } from '../../support/paths.ts';

const baseUrl = inject('baseUrl');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

const articles = readdirSync(join(contentDir, 'articles'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const frontmatter = parse(readFileSync(join(contentDir, 'articles', name), 'utf8').split('---')[1]!) as {
      sourceText: string;
      headlineBy: string;
      dekBy: string;
    };
    const lines = readFileSync(join(contentDir, 'sources', `${frontmatter.sourceText}.txt`), 'utf8')
      .split('\n')
      .map(normalise)
      .filter(Boolean);
    return { slug: name.replace(/\.mdx$/, ''), frontmatter, lines };
  });

let browser: Browser;
let context: BrowserContext;
let tab: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  tab = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The article's blocks as rendered: headline, dek, then the body's paragraphs,
 * headings and pull quote, found by their ids and the body's data attribute.
 * The site's additions are hidden first, so innerText leaves them out.
 */
const renderedBlocks = () =>
  tab.evaluate(() => {
    // The site's additions, and the copy buttons share.ts adds beside self-links (controls, never article words).
    for (const added of document.querySelectorAll<HTMLElement>('[data-editorial], button')) added.style.display = 'none';
    const body = document.querySelector('[data-article-body]')!;
    const h1 = document.querySelector('main h1')!;
    const blocks = [h1, h1.nextElementSibling!, ...body.querySelectorAll('p[id^="p-"], h2[id], figure[id^="pq-"]')];
    // A pull quote shows the quotation and its attribution on lines of their own; the source runs them together.
    return blocks.map((block) => (block.tagName === 'FIGURE' ? (block as HTMLElement).innerText.replace(/\s*\n\s*/g, '') : (block as HTMLElement).innerText));
  });

/**
 * Text that CSS adds (::before, ::after) to `selector`'s elements and their
 * descendants, outside the site's marked additions. One exception, by design:
 * punctuation alone (no letter or digit) before a pull quote's attribution
 * (the "— " of a figcaption), which adds no words.
 */
const generatedText = (selector: string) =>
  tab.evaluate((scope) => {
    const found: string[] = [];
    for (const root of document.querySelectorAll(scope)) {
      for (const element of [root, ...root.querySelectorAll('*')]) {
        if (element.closest('[data-editorial]')) continue;
        for (const pseudo of ['::before', '::after'] as const) {
          const content = getComputedStyle(element, pseudo).content;
          if (content === 'none' || content === 'normal' || content === '""') continue;
          // open-quote/close-quote draw the `quotes` property's marks, unless it is none.
          const drawsMarks = /(^|\s)(open|close)-quote/.test(content) && getComputedStyle(element).quotes !== 'none';
          const literal = content.replace(/(no-)?(open|close)-quote/g, '');
          const drawsText = /"[^"]+"|attr\(|counter/.test(literal);
          const punctuationOnly = !/[\p{L}\p{N}]/u.test(literal) && !/attr\(|counter/.test(literal);
          if (drawsText && punctuationOnly && element.tagName === 'FIGCAPTION') continue;
          // A mark, not words: one symbol with empty alternative text (the paraphrase glyph the key above the article explains).
          if (drawsText && punctuationOnly && /^"[^"\p{L}\p{N}]" \/ ""$/u.test(content)) continue;
          if (drawsMarks || drawsText)
            found.push(
              `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${pseudo}: content ${content}, quotes ${getComputedStyle(element).quotes}`,
            );
        }
      }
    }
    return found;
  }, selector);

/**
 * <q> elements whose quotation marks a reader sees twice: the text already
 * prints a mark right before (or at the start of) the words, and CSS draws
 * another. (A <q> around a bare sentence, as on people pages, may draw them.)
 */
const doubledMarks = () =>
  tab.evaluate(() => {
    const found: string[] = [];
    for (const q of document.querySelectorAll('q')) {
      const style = getComputedStyle(q);
      const drawn = style.quotes !== 'none' && /open-quote/.test(getComputedStyle(q, '::before').content);
      const block = q.parentElement!.closest('p, li, blockquote, figure, td, h1, h2, h3, dd, div') ?? q.parentElement!;
      const before = document.createRange();
      before.selectNodeContents(block);
      before.setEndBefore(q);
      const printed = /[“"‘«]$/.test(before.toString().trimEnd()) || /^[“"‘«]/.test((q.textContent ?? '').trim());
      if (drawn && printed) found.push(`q${q.id ? `#${q.id}` : ''} "${(q.textContent ?? '').slice(0, 40)}…": marks printed and drawn (quotes ${style.quotes})`);
    }
    return found;
  });

describe.each(articles)('article $slug as rendered', ({ slug, frontmatter, lines }) => {
  test('each block reads as its source line, word for word', async () => {
    await tab.goto(`${baseUrl}/articles/${slug}/`);
    await scriptsRan(tab);
    const blocks = (await renderedBlocks()).map(normalise);
    // The headline and dek are source lines only when the source gave them (headlineBy/dekBy: source).
    const fromSource = blocks.filter((_, index) => !(index === 0 && frontmatter.headlineBy === 'site') && !(index === 1 && frontmatter.dekBy === 'site'));
    expect(lines.length).toBeGreaterThan(5);
    expect(fromSource).toEqual(lines);
  });

  test('no CSS-generated text inside the article’s words', async () => {
    await tab.goto(`${baseUrl}/articles/${slug}/`);
    await scriptsRan(tab);
    expect(await tab.locator('main q').count()).toBeGreaterThan(0);
    expect(await generatedText('main h1, [data-article-body]')).toEqual([]);
  });
});

describe('quotation marks', () => {
  const withQ = builtPages().filter((path) => readPage(path).querySelector('q'));

  test('no page shows a <q> with its quotation marks twice', async () => {
    expect(withQ.length).toBeGreaterThan(3);
    const found: string[] = [];
    for (const path of withQ) {
      await tab.goto(baseUrl + path);
      await scriptsRan(tab);
      found.push(...(await doubledMarks()).map((problem) => `${path}: ${problem}`));
    }
    expect(found).toEqual([]);
  });

  test('the check sees doubled marks: a quotation with the article’s marks drawn again is reported', async () => {
    await tab.goto(`${baseUrl}/articles/hanoi-hangover/`);
    await scriptsRan(tab);
    expect(await doubledMarks()).toEqual([]);
    // What removing `quotes: none` did (issue 15): every quotation showed “ “…” ”.
    await tab.evaluate(() => {
      for (const q of document.querySelectorAll<HTMLElement>('q[data-quote]')) q.style.quotes = 'auto';
    });
    expect((await doubledMarks()).length).toBeGreaterThan(3);
  });
});

describe('text-fragment links', () => {
  const links = [
    ...new Map(
      builtPages().flatMap((path) =>
        [...readPage(path).querySelectorAll('a[href*=":~:text="]')].map((link) => {
          const href = link.getAttribute('href')!;
          const quotation = link.closest('[id]:is(article, li, div)')?.id ?? '';
          return [href, { href, quotation }] as const;
        }),
      ),
    ).values(),
  ];

  test('there is one for every quotation', () => {
    expect(links.length).toBeGreaterThanOrEqual(30);
    expect(links.every((link) => link.quotation !== '')).toBe(true);
  });

  test('each, opened without its paragraph id, brings the quotation’s words into view', { timeout: 180_000 }, async () => {
    // A short window: the words are in view only if Chromium scrolled to them (or they start the page, checked below).
    const small = await browser.newContext({ viewport: { width: 1280, height: 360 }, reducedMotion: 'reduce' });
    const page = await small.newPage();
    const missed: string[] = [];
    let scrolled = 0;
    for (const { href, quotation } of links) {
      const textOnly = href.replace(/#[^:]*:~:/, '#:~:');
      expect(textOnly).toMatch(/^\/articles\/[^/]+\/#:~:text=/);
      // Each from a blank page, so every arrival is a fresh navigation that follows the directive.
      await page.goto('about:blank');
      await page.goto(baseUrl + textOnly);
      await scriptsRan(page);
      // A quotation in parts (issue 22) is one span per part: the first part is where its words begin.
      const words = page.locator(`[data-quote="${quotation}"]:not([data-quote-part])`);
      expect(await words.count(), quotation).toBe(1);
      const inView = () =>
        words.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.bottom > 0 && box.top < window.innerHeight;
        });
      try {
        await expect.poll(inView, { timeout: 3000 }).toBe(true);
      } catch {
        missed.push(`${textOnly} did not bring ${quotation} into view`);
      }
      if (await page.evaluate(() => window.scrollY > 0)) scrolled += 1;
    }
    await small.close();
    expect(missed).toEqual([]);
    // Nearly all quotations are far below the top of their article: the text directive, not the page's start, put them in view.
    expect(scrolled).toBeGreaterThan(links.length - 3);
  });
});
