import { launchBrowser } from '/work/wt/search/tests/support/browser.ts';
import { serveDist } from '/work/wt/search/tests/support/server.ts';
const server = await serveDist();
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark'] as const) for (const width of [390, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 800 }, colorScheme: scheme });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/search/?q=who+opposes+South+Korean+nukes`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-page]')?.dataset['settled']);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/shot-page-${width}-${scheme}.png` });
    await page.goto(`${server.url}/articles/hanoi-hangover/`);
    await page.keyboard.press('/');
    await page.keyboard.type('Narrang');
    await page.waitForTimeout(3000);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/shot-dialog-${width}-${scheme}.png` });
    await ctx.close();
  }
} finally { await browser.close(); await server.stop(); }
