/**
 * Accessibility of every built page: axe-core with the WCAG 2.0, 2.1 and 2.2
 * A/AA rules, in light and dark colour schemes, at phone and desktop widths
 * (every page in one of them; in the others, pages covering every kind of markup).
 * Then keyboard use, 200% text and reduced motion on the interactive pages.
 *
 * One browser for the file, one context per scheme × width, one tab per
 * context reused for every page; axe is injected through the DevTools
 * protocol (page.evaluate), which the pages' CSP does not govern.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import axe from 'axe-core';
import { launchBrowser, scriptsRan } from '../../support/browser.ts';
import { builtPages, coveringPages } from '../../support/dist.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages();
/** Pages that between them hold every element, class and state any page holds (tests/support/dist.ts). */
const covering = coveringPages(pages);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const ARTICLE = pages.find((page) => page.startsWith('/articles/'))!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Axe's violations, and its colour-contrast checks that it could not decide
 * ("incomplete": text over a partly covered cell, symbols outside the basic
 * plane, generated content). Those are decided here instead, from the
 * computed colours (contrastProblems below), so no text goes unchecked.
 */
async function runAxe(page: Page): Promise<Omit<Violation, 'page'>[]> {
  await page.evaluate(axe.source);
  const { violations, undecided } = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    return {
      violations: result.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      })),
      undecided: result.incomplete.filter((check) => check.id === 'color-contrast').flatMap((check) => check.nodes.map((node) => node.target.join(' '))),
    };
  }, WCAG_TAGS);
  const unchecked = await contrastProblems(page, undecided);
  return unchecked.length > 0
    ? [
        ...violations,
        { rule: 'color-contrast (undecided by axe, checked here)', impact: 'serious', help: 'Text colour against its background', targets: unchecked },
      ]
    : violations;
}

/**
 * For each element (by selector), the contrast of its text colour with the
 * background it is painted on: the background colours of it and its ancestors
 * composited, opaque canvas at the bottom. Returns a description of each
 * element below WCAG AA (4.5:1, or 3:1 for large text), and of each whose
 * background cannot be read this way (an image or gradient, transparency).
 */
async function contrastProblems(page: Page, selectors: string[]): Promise<string[]> {
  if (selectors.length === 0) return [];
  return page.evaluate((targets) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba | undefined => {
      const numbers = value.match(/[\d.]+/g)?.map(Number);
      if (!numbers || !value.startsWith('rgb')) return undefined;
      return [numbers[0]!, numbers[1]!, numbers[2]!, numbers[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const alpha = top[3] + bottom[3] * (1 - top[3]);
      const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / (alpha || 1);
      return [mix(0), mix(1), mix(2), alpha];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const problems: string[] = [];
    for (const selector of targets) {
      const element = document.querySelector(selector);
      if (!element) {
        problems.push(`${selector}: not found`);
        continue;
      }
      const layers: Rgba[] = [];
      let undecidable = '';
      for (let up: Element | null = element; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.backgroundImage !== 'none') undecidable = `background image on ${up.tagName.toLowerCase()}`;
        if (parseFloat(style.opacity) < 1) undecidable = `opacity ${style.opacity} on ${up.tagName.toLowerCase()}`;
        const colour = parse(style.backgroundColor);
        if (colour && colour[3] > 0) layers.push(colour);
        if (colour && colour[3] === 1) break;
      }
      if (undecidable) {
        problems.push(`${selector}: ${undecidable}`);
        continue;
      }
      const canvas: Rgba = matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18, 1] : [255, 255, 255, 1];
      const background = layers.reverse().reduce<Rgba>((below, layer) => over(layer, below), layers[0]?.[3] === 1 ? [0, 0, 0, 0] : canvas);
      const style = getComputedStyle(element);
      const text = over(parse(style.color) ?? [0, 0, 0, 1], background);
      const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number];
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        problems.push(`${selector}: contrast ${ratio.toFixed(2)}:1 (${style.color} on rgb(${background.slice(0, 3).map(Math.round).join(', ')}))`);
    }
    return problems;
  }, selectors);
}

// Every page in full once; in the other schemes and widths, pages that between them show every kind of
// markup the site prints (what differs there is colour and layout, which follow the markup, not the words).
describe.each([
  { colorScheme: 'light', width: 375, which: 'covering' },
  { colorScheme: 'light', width: 1280, which: 'every' },
  { colorScheme: 'dark', width: 375, which: 'covering' },
  { colorScheme: 'dark', width: 1280, which: 'covering' },
] as const)('axe, $colorScheme scheme, $width px', ({ colorScheme, width, which }) => {
  const checked = which === 'every' ? pages : covering;
  test(
    `${which === 'every' ? `all ${checked.length} pages` : `${checked.length} pages showing every kind of markup`} have zero WCAG A/AA violations`,
    { timeout: 240_000 },
    async () => {
      expect(pages.length).toBeGreaterThan(10);
      expect(covering.length).toBeGreaterThan(5);
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, reducedMotion: 'reduce' });
      const tab = await context.newPage();
      const violations: Violation[] = [];
      for (const path of checked) {
        await tab.goto(baseUrl + path);
        await scriptsRan(tab);
        for (const violation of await runAxe(tab)) violations.push({ page: path, ...violation });
      }
      await context.close();
      expect(violations, report(violations)).toEqual([]);
    },
  );

  // What scripts build after load is checked in the state a reader sees it in.
  test('the states JavaScript builds have zero violations: search results and facets, the open dialog, filtered quotes', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    const tab = await context.newPage();
    const violations: Violation[] = [];
    const check = async (state: string) => {
      for (const violation of await runAxe(tab)) violations.push({ page: state, ...violation });
    };
    await tab.goto(`${baseUrl}/search/?q=Hong+Min`);
    await scriptsRan(tab);
    await tab.locator('#search input[type="search"]').waitFor();
    // The filters start collapsed on phones (issue 21): opened, as a reader filtering would.
    const facets = tab.locator('.search-facets input[type="checkbox"]');
    await expect.poll(() => facets.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await tab.locator('.search-facets details').evaluate((details: HTMLDetailsElement) => (details.open = true));
    await expect.poll(() => tab.locator('#search').getByRole('link').count()).toBeGreaterThan(3);
    await check('/search/?q=Hong+Min (results and facets)');
    await facets.first().check();
    await tab.waitForURL(/&/);
    await check('/search/ with a facet checked');

    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    await tab.keyboard.press('/');
    const dialog = tab.getByRole('dialog');
    await dialog.getByRole('searchbox').fill('Nobel');
    await expect.poll(() => dialog.getByRole('link').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await check(`${ARTICLE} with the search dialog open`);

    // The article with a Share menu open, then in Annotations mode with every context note open.
    await tab.goto(`${baseUrl}/articles/hanoi-hangover/`);
    await scriptsRan(tab);
    await tab.locator('.margin-card .share-button').first().click();
    await expect.poll(() => tab.locator('#share-menu').evaluate((menu) => menu.matches(':popover-open'))).toBe(true);
    await check('/articles/hanoi-hangover/ with a Share menu open');
    await tab.keyboard.press('Escape');
    await tab.getByRole('radio', { name: 'Annotations' }).check();
    await tab.locator('details.context-note').evaluateAll((notes) => notes.forEach((note) => note.setAttribute('open', '')));
    await check('/articles/hanoi-hangover/ in Annotations mode, notes open');
    await tab.getByRole('radio', { name: 'Quiet' }).check();

    await tab.goto(`${baseUrl}/quotes/?kind=paraphrase`);
    await scriptsRan(tab);
    await expect.poll(() => tab.locator('[data-quote-item][hidden]').count()).toBeGreaterThan(0);
    await check('/quotes/?kind=paraphrase (filtered)');
    await context.close();
    expect(violations, report(violations)).toEqual([]);
  });
});

function report(violations: Violation[]): string {
  return violations.map((v) => `${v.page} [${v.rule}, ${v.impact}] ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}`).join('\n');
}

test('the direct contrast check can fail: grey on grey is reported, black on white is not', async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(baseUrl + ARTICLE);
  await scriptsRan(tab);
  await tab.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', '<p id="low">low</p><p id="high">high</p>');
    for (const [id, colour, background] of [
      ['low', '#777', '#888'],
      ['high', '#000', '#fff'],
    ] as const) {
      const element = document.getElementById(id)!;
      element.style.color = colour;
      element.style.backgroundColor = background;
    }
  });
  const problems = await contrastProblems(tab, ['#low', '#high']);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^#low: contrast 1\.\d+:1/);
  await context.close();
});

describe('keyboard', () => {
  let context: BrowserContext;
  let tab: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    tab = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  /** What has focus: tag, classes, and whether it draws a visible focus indicator. */
  const focused = () =>
    tab.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        className: element.className,
        name: element.getAttribute('name'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && parseFloat(style.opacity) > 0,
        inViewport: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
      };
    });

  /** Presses Tab until `wanted` matches the focused element; fails after `limit` presses. */
  async function tabTo(wanted: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, limit = 150) {
    for (let i = 0; i < limit; i++) {
      await tab.keyboard.press('Tab');
      const now = await focused();
      if (now && wanted(now)) return now;
    }
    throw new Error(`No focusable element matched within ${limit} Tab presses`);
  }

  test('the skip link is the first Tab stop, visible, and moves focus to main', async () => {
    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    await tab.keyboard.press('Tab');
    const first = await focused();
    expect(first?.className).toContain('skip-link');
    expect(first?.visible && first.inViewport && first.outline).toBe(true);
    await tab.keyboard.press('Enter');
    expect((await focused())?.id).toBe('main');
    expect(new URL(tab.url()).hash).toBe('#main');
  });

  test('every Tab stop on an article shows a focus outline, and the ¶ self-links appear on focus', async () => {
    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    const stops: string[] = [];
    const unmarked: string[] = [];
    let selfLinks = 0;
    for (let i = 0; i < 400; i++) {
      await tab.keyboard.press('Tab');
      const now = await focused();
      if (!now) break;
      const key = `${now.tag}#${now.id}.${now.className}@${i}`;
      if (stops.length > 0 && i > 0 && now.tag === 'a' && now.className.includes('skip-link')) break; // wrapped round
      stops.push(key);
      if (!now.outline || !now.visible) unmarked.push(key);
      if (now.className.includes('self-link')) selfLinks += 1;
    }
    expect(stops.length).toBeGreaterThan(10);
    expect(selfLinks, 'self-links reachable by Tab').toBeGreaterThan(5);
    expect(unmarked, `focused but not visibly marked:\n${unmarked.join('\n')}`).toEqual([]);
  });

  test('a share control is reachable by Tab, visibly focused, and copies a link with Enter from its menu', async () => {
    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    const button = await tabTo((f) => f.tag === 'button' && f.className.includes('share-button'));
    expect(button.outline && button.visible).toBe(true);
    await tab.keyboard.press('Enter');
    // The menu opens with focus on its first item, "Copy link".
    expect(await tab.evaluate(() => document.activeElement?.closest('#share-menu') !== null && document.activeElement?.textContent)).toBe('Copy link');
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.locator('#share-status').textContent()).toContain('copied');
    expect(await tab.evaluate(() => navigator.clipboard.readText())).toMatch(/^https?:\/\/.+\/articles\//);
  });

  test('the quote filters work from the keyboard', async () => {
    await tab.goto(baseUrl + '/quotes/');
    await scriptsRan(tab);
    const total = await tab.locator('[data-quote-item]').count();
    const summary = await tabTo((f) => f.tag === 'summary');
    expect(summary.outline).toBe(true);
    await tab.keyboard.press('Enter');
    const select = await tabTo((f) => f.tag === 'select' && f.name === 'kind');
    expect(select.outline).toBe(true);
    await tab.keyboard.press('ArrowDown');
    const shown = await tab.locator('[data-quote-item]:not([hidden])').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    expect(await tab.locator('quote-filters .count').textContent()).toBe(`Showing ${shown} of ${total} quotations and paraphrases`);
    expect(new URL(tab.url()).searchParams.get('kind')).toBeTruthy();
    await tabTo((f) => f.tag === 'button');
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.locator('[data-quote-item]:not([hidden])').count()).toBe(total);
  });
});

test('text at 200% fits a 1280 px window on an article and the quotes page: nothing wider than the viewport, no clipped text', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const problems: string[] = [];
  for (const path of [ARTICLE, '/quotes/', '/positions/']) {
    await tab.goto(baseUrl + path);
    await scriptsRan(tab);
    // Like the browser's text-size setting: scale the root font size (CSSOM, which CSP allows).
    const found = await tab.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
      const out: string[] = [];
      const root = document.scrollingElement!;
      if (root.scrollWidth > innerWidth) out.push(`page scrolls sideways: ${root.scrollWidth} px in a ${innerWidth} px window`);
      for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(element);
        // Text hidden on purpose, or read out only (clipped to nothing: .visually-hidden, a phone card's repeated name).
        if (style.display === 'none' || style.clipPath === 'inset(50%)' || element.closest('[hidden], .visually-hidden, .skip-link')) continue;
        const box = element.getBoundingClientRect();
        // A wide table inside its own scrolling region is allowed (WCAG 1.4.10 exempts data tables).
        let scroller = false;
        for (let up = element.parentElement; up && !scroller; up = up.parentElement) scroller = /auto|scroll/.test(getComputedStyle(up).overflowX);
        if (box.right > innerWidth + 1 && !scroller) out.push(`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)} px`);
        const clips = /(hidden|clip)/.test(style.overflowX + style.overflowY) && !/auto|scroll/.test(style.overflowX);
        if (clips && element.textContent?.trim() && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)) {
          out.push(`${element.tagName.toLowerCase()}.${element.className} clips its text`);
        }
      }
      return out;
    });
    problems.push(...found.map((problem) => `${path}: ${problem}`));
  }
  await context.close();
  expect(problems, problems.join('\n')).toEqual([]);
});

test('prefers-reduced-motion: reduce turns off smooth scrolling, animations and transitions', async () => {
  const check = async (reducedMotion: 'reduce' | 'no-preference') => {
    const context = await browser.newContext({ reducedMotion, viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    const moving = await tab.evaluate(() => {
      const out: string[] = [];
      if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') out.push('html scroll-behavior: smooth');
      for (const element of document.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(element);
        const longest = (list: string) => Math.max(...list.split(',').map((value) => parseFloat(value) * (value.trim().endsWith('ms') ? 0.001 : 1)));
        if (style.animationName !== 'none' && longest(style.animationDuration) > 0.01) out.push(`${element.tagName} animates`);
        if (longest(style.transitionDuration) > 0.01) out.push(`${element.tagName}.${element.className} transitions`);
      }
      return out;
    });
    await context.close();
    return moving;
  };
  expect(await check('reduce')).toEqual([]);
  // The check can see motion: without the preference the page scrolls smoothly.
  expect(await check('no-preference')).toContain('html scroll-behavior: smooth');
});

describe('who said what, to a screen reader (issue 25)', () => {
  /** The accessibility tree as Chromium gives it to assistive technology. */
  async function axTree(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string }; description?: { value: string }; backendDOMNodeId?: number; ignored: boolean }[];
    };
    return nodes.filter((node) => !node.ignored);
  }

  test.each(pages.filter((page) => page.startsWith('/articles/')))(
    '%s: every quotation in the text is described by its speaker and its kind; no heading names a control',
    async (path) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      await tab.goto(baseUrl + path);
      await scriptsRan(tab);
      const spans = await tab.locator('[data-article-body] [data-quote]').evaluateAll((quotes) =>
        quotes.map((q) => {
          const card = document.getElementById(q.getAttribute('aria-describedby') ?? '');
          return { words: (q.textContent ?? '').slice(0, 30), speaker: card?.querySelector('a')?.textContent ?? '', kind: q.localName };
        }),
      );
      const nodes = await axTree(tab);
      const marks = nodes.filter((node) => node.role?.value === 'mark');
      const headings = nodes.filter((node) => node.role?.value === 'heading').map((node) => node.name?.value ?? '');
      await context.close();
      expect(spans.length).toBeGreaterThan(0);
      expect(marks).toHaveLength(spans.length);
      for (const [index, span] of spans.entries()) {
        const description = marks[index]!.description?.value ?? '';
        expect(span.speaker, span.words).not.toBe('');
        expect(description, span.words).toContain(span.speaker);
        expect(description, span.words).toMatch(span.kind === 'q' ? /direct quote|official statement/ : /paraphrase/);
      }
      expect(headings.length).toBeGreaterThan(0);
      for (const name of headings) expect(name).not.toMatch(/Share|Link to/);
    },
  );

  // The articles, and a page of every kind of markup (the timeline's and the cards' share controls among them), in one tab.
  test('at 320 px no focusable control lies outside the viewport, and no tab stop is a box that scrolls nothing', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const tab = await context.newPage();
    const problems: string[] = [];
    for (const path of [...new Set([...pages.filter((page) => page.startsWith('/articles/')), ...covering])].sort()) {
      await tab.goto(baseUrl + path);
      await scriptsRan(tab);
      // Once the share controls are added (src/client/share.ts), where the page has any.
      await tab.waitForFunction(() => !document.querySelector('[data-share]') || document.querySelector('.share-button'));
      const found = await tab.evaluate(() => [
        ...[...document.querySelectorAll<HTMLElement>('[tabindex]:not([tabindex="-1"]):not(a, button, input, summary, select, textarea)')]
          .filter((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)
          .map((el) => `a tab stop that scrolls nothing: ${el.outerHTML.slice(0, 80)}`),
        ...[...document.querySelectorAll<HTMLElement>('a[href], button, input, summary, select, textarea, [tabindex]:not([tabindex="-1"])')]
          .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
          .map((el) => ({ el: el.outerHTML.slice(0, 80), box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.left < 0 || box.right > document.documentElement.clientWidth)
          .map(({ el, box }) => `${el} at ${Math.round(box.left)}–${Math.round(box.right)}`),
      ]);
      problems.push(...found.map((problem) => `${path}: ${problem}`));
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  test('a card follows its paragraph and says which it belongs to; Tab reaches the words before their card', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/articles/hanoi-hangover/`);
    await scriptsRan(tab);
    const order = await tab
      .locator('[data-article-body] .with-margin')
      .evaluateAll((wrappers) =>
        wrappers.map((wrapper) =>
          [...wrapper.children].map((child) => child.localName + (child.className ? `.${child.className.split(' ')[0]}` : '')).join(' '),
        ),
      );
    const labels = await tab
      .locator('[data-article-body] .quote-cards')
      .evaluateAll((lists) => [...new Set(lists.map((list) => list.getAttribute('aria-label')))]);
    await context.close();
    expect(order.length).toBeGreaterThan(5);
    for (const children of order) expect(children).toBe('p div.margin');
    expect(labels).toEqual(['Quoted in the paragraph above']);
  });
});
