/**
 * The positions matrix in real Chromium (issue 11 item 8, issue 12): at 390 and
 * 1280 px nothing is clipped or scrolls sideways, no column header runs into
 * another, and every mark can be seen and reached; and (issue 25, item 7) a
 * screen reader announces each cell under its own column header, at both widths.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, scriptsRan } from '../../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${baseUrl}/positions/`);
  await scriptsRan(page);
  return page;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

describe.each([390, 1280])('/positions/ at %i px', (width) => {
  it('neither the page nor the matrix scrolls sideways, and every mark is inside the viewport', async () => {
    const page = await open(width);
    const result = await page.evaluate(() => {
      const scroller = document.querySelector('.scroller') as HTMLElement;
      const marks = [...document.querySelectorAll('td a.mark')].map((mark) => mark.getBoundingClientRect());
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        matrix: scroller.scrollWidth - scroller.clientWidth,
        marks: marks.length,
        outside: marks.filter((box) => box.width === 0 || box.left < 0 || box.right > window.innerWidth).length,
      };
    });
    expect(result.marks).toBeGreaterThan(20);
    expect(result).toEqual({ page: 0, matrix: 0, marks: result.marks, outside: 0 });
    await page.close();
  });

  it('shows every topic name whole, without one running into another', async () => {
    const page = await open(width);
    // At 1280 the column headers; at 390 the topic beside each mark (the headers are for screen readers there).
    const boxes: (Box & { text: string; clipped: boolean })[] = await page.evaluate((wide) => {
      const labels = wide ? [...document.querySelectorAll('thead th.topic span')] : [...document.querySelectorAll('td .cell-topic')];
      return labels.map((label) => {
        const box = label.getBoundingClientRect();
        const element = label as HTMLElement;
        return {
          left: box.left,
          right: box.right,
          top: box.top,
          bottom: box.bottom,
          text: element.textContent ?? '',
          clipped: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
        };
      });
    }, width >= 1024);
    expect(boxes.length).toBeGreaterThan(10);
    for (const box of boxes) {
      expect(box.clipped, box.text).toBe(false);
      expect(box.right - box.left, box.text).toBeGreaterThan(0);
    }
    const overlap = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1) expect(overlap(boxes[i]!, boxes[j]!), `${boxes[i]!.text} / ${boxes[j]!.text}`).toBe(false);
    await page.close();
  });

  it('announces every cell under its own column header (the accessibility tree keeps each row’s cells in their columns)', async () => {
    const page = await open(width);
    // Chromium's accessibility tree, as Playwright's aria snapshot gives it: the header row, then each row's header and cells.
    const snapshot = await page.locator('table').ariaSnapshot();
    const rows = snapshot.split(/\n(?=\s*- row ")/).slice(1);
    const headers = [...rows[0]!.matchAll(/- columnheader "([^"]*)"/g)].map((m) => m[1]!);
    expect(headers.length).toBeGreaterThan(10);
    let named = 0;
    for (const row of rows.slice(1)) {
      const cells = [...row.matchAll(/- (rowheader|cell)(?: "([^"]*)")?/g)].map((m) => m[2] ?? '');
      expect(cells.length, row.split('\n')[0]).toBe(headers.length);
      cells.slice(1).forEach((cell, index) => {
        if (!cell) return;
        named += 1;
        // Each mark's name ends with its topic ("Vipin Narang opposes South Korean nuclear option"): the column's header.
        expect(cell.replace(/, quotation \d+ of \d+/g, ''), `${cells[0]} under "${headers[index + 1]}"`).toContain(` ${headers[index + 1]}`);
      });
    }
    expect(named).toBeGreaterThan(20);
    await page.close();
  });
});
