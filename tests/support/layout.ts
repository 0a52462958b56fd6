/**
 * Layout measurements taken in the browser, shared by tests/site/e2e/layout.test.ts
 * and the before/after figures in the closing note.
 */
import type { Page } from 'playwright-core';

export interface ArticleLayout {
  /** Vertical gaps (px) between consecutive body paragraphs, with nothing but margin items between them. */
  gaps: number[];
  /** Free space (px) left and right of the reading area: the text column and its margin. */
  left: number;
  right: number;
}

/** Measures the article body: paragraph gaps and how the text and margin sit in the viewport. */
export function measureArticle(page: Page): Promise<ArticleLayout> {
  return page.evaluate(() => {
    const body = document.querySelector('[data-article-body]')!;
    // Body paragraphs in reading order; a heading, figure (pull quote) or timeline between two breaks the pair.
    const blocks = [...body.querySelectorAll(':scope > *, :scope > * > p')].filter((el) => !el.matches('.with-margin, .margin'));
    const gaps: number[] = [];
    for (let i = 1; i < blocks.length; i += 1) {
      const a = blocks[i - 1]!;
      const b = blocks[i]!;
      if (a.tagName !== 'P' || b.tagName !== 'P') continue;
      gaps.push(Math.round(b.getBoundingClientRect().top - a.getBoundingClientRect().bottom));
    }
    let min = Infinity;
    let max = -Infinity;
    for (const el of body.querySelectorAll(':scope > :not(.with-margin), .with-margin > p, .margin > *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      min = Math.min(min, box.left);
      max = Math.max(max, box.right);
    }
    return { gaps, left: Math.round(min), right: Math.round(document.documentElement.clientWidth - max) };
  });
}

/**
 * Collects the cumulative layout shift of a page load, as Lighthouse counts it (shifts without recent input).
 * The web font is blocked, so the text stays in the fallback and what is measured is the page's own
 * markup, styles and scripts, the same on a fast or a busy machine (the fallback's match to the font is
 * tested on its own, in tests/site/e2e/layout.test.ts).
 */
export async function layoutShift(page: Page, url: string, { font }: { font: 'blocked' }): Promise<number> {
  if (font === 'blocked') await page.route('**/*.woff2', (route) => route.abort());
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  // Module scripts (the share controls) have run by 'load'; two frames later their shifts are recorded.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}
