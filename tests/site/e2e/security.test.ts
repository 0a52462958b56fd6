/**
 * The security policy as a reader's browser meets it: the headers `npm start`
 * sends, the per-page <meta> policy, and zero Content-Security-Policy
 * violations while reading an article, searching (Pagefind's WebAssembly
 * needs 'wasm-unsafe-eval'), copying links and filtering quotes.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, scriptsRan } from '../../support/browser.ts';
import { afterPaint, builtPages, readPage } from '../../support/dist.ts';
import { distDir } from '../../support/paths.ts';

const baseUrl = inject('baseUrl');
const ARTICLE = builtPages().find((page) => page.startsWith('/articles/'))!;

describe('headers', () => {
  const directive = (policy: string, name: string) =>
    policy
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${name} `)) ?? '';

  test('npm start (serve dist) sends the security headers on pages, and the ones that apply on assets', async () => {
    // Assets as an article really loads them: its script, and a preview image and icon it links.
    const article = readPage(ARTICLE);
    const assets = [
      afterPaint(article, 'script[src]')[0]?.getAttribute('src'),
      new URL(article.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '', baseUrl).pathname,
      article.querySelector('link[rel="icon"]')?.getAttribute('href'),
    ];
    expect(
      assets.every((asset) => typeof asset === 'string' && asset.startsWith('/') && asset.length > 1),
      String(assets),
    ).toBe(true);
    const pages = ['/', ARTICLE, '/404.html'];
    for (const path of [...pages, ...(assets as string[])]) {
      const response = await fetch(baseUrl + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      // Only what Vite names by content hash may be kept without asking again.
      expect(response.headers.get('cache-control'), path).toBe(path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : null);
      if (!pages.includes(path)) {
        expect(response.headers.get('content-type'), path).not.toMatch(/text\/html/);
        // The policy, framing and permissions headers act on documents only, so assets are spared them (~1.1 KB each).
        expect(response.headers.get('content-security-policy'), path).toBeNull();
        continue;
      }
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(directive(policy, 'frame-ancestors'), path).toBe("frame-ancestors 'none'");
      expect(directive(policy, 'object-src')).toBe("object-src 'none'");
      expect(directive(policy, 'script-src')).toContain("'wasm-unsafe-eval'");
      expect(directive(policy, 'script-src')).not.toContain("'unsafe-inline'");
      expect(directive(policy, 'script-src')).not.toMatch(/'unsafe-eval'/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    }
  });

  test('dist/_headers carries the same headers for static hosts', async () => {
    const file = readFileSync(join(distDir, '_headers'), 'utf8');
    const served = await fetch(`${baseUrl}/`);
    expect(file.split('\n')[0]).toBe('/*');
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    for (const name of ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options', 'Permissions-Policy']) {
      expect(file).toContain(`  ${name}: ${served.headers.get(name)}\n`);
    }
  });

  test('every page has a <meta> policy with hashes and no unsafe-inline script source', () => {
    for (const path of builtPages()) {
      const meta = readPage(path).querySelector('meta[http-equiv="content-security-policy"]');
      const policy = meta?.getAttribute('content') ?? '';
      expect(directive(policy, 'script-src'), path).toMatch(/^script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*$/);
      expect(directive(policy, 'style-src'), path).toMatch(/^style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*$/);
      expect(policy).toContain("default-src 'self'");
    }
  });
});

describe('in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * A tab that records every CSP violation on every document it loads. Each
   * report goes straight to the test (a binding), so a violation on a page the
   * tab then leaves is kept; a list kept in the page would go with it.
   */
  async function watchedTab(): Promise<{ tab: Page; violations: () => Promise<string[]> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const seen: string[] = [];
    await context.exposeBinding('__reportCsp', ({ page }, text: string) => {
      seen.push(`${new URL(page.url()).pathname}: ${text}`);
    });
    // Init scripts run through DevTools, outside the page's policy.
    await context.addInitScript(() => {
      const report = (window as unknown as { __reportCsp: (text: string) => void }).__reportCsp;
      document.addEventListener('securitypolicyviolation', (event) =>
        report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
      );
    });
    const tab = await context.newPage();
    // Reports are delivered asynchronously; a round trip through the page lets pending ones arrive first.
    return { tab, violations: async () => (await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0))), [...seen]) };
  }

  test('a violation on a page the tab has left is still reported', async () => {
    const { tab, violations } = await watchedTab();
    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    // The browser fires the violation event in a task of its own: leave only once it has fired, so
    // what is tested is that its record outlives the page, not a race with the navigation.
    await tab.evaluate(
      () =>
        new Promise<void>((fired) => {
          document.addEventListener('securitypolicyviolation', () => fired(), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.__ran = true';
          document.body.append(script);
        }),
    );
    await tab.goto(`${baseUrl}/timeline/`);
    await scriptsRan(tab);
    const seen = await violations();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatch(new RegExp(`^${ARTICLE}: script-src(-elem)? blocked inline`));
    await tab.context().close();
  });

  test('the violation listener works: an injected inline script is reported', async () => {
    const { tab, violations } = await watchedTab();
    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    await tab.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
    });
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
    for (const violation of await violations()) expect(violation).toMatch(/^\/articles\/[^/]+\/: script-src(-elem)? blocked inline/);
    expect(await tab.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    await tab.context().close();
  });

  test('reading an article and following its links raises no CSP violation', async () => {
    const { tab, violations } = await watchedTab();
    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    await tab.keyboard.press('End');
    await tab.locator('.self-link').first().focus();
    await tab.keyboard.press('Enter');
    await tab.waitForLoadState('load');
    expect(await violations()).toEqual([]);
    await tab.locator('a[data-mention][href^="/people/"]').first().click();
    await tab.waitForLoadState('load');
    expect(new URL(tab.url()).pathname).toMatch(/^\/people\/[a-z-]+\/$/);
    expect(await violations()).toEqual([]);
    await tab.context().close();
  });

  test('copying and sharing a link raises no CSP violation', async () => {
    const { tab, violations } = await watchedTab();
    await tab.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    const buttons = tab.locator('.share-button');
    expect(await buttons.count()).toBeGreaterThan(0);
    await buttons.first().click();
    await tab
      .locator('#share-menu')
      .getByRole('button', { name: /^Copy link/ })
      .click();
    await expect.poll(() => tab.locator('#share-status').textContent()).toContain('copied');
    await tab.goto(`${baseUrl}/timeline/`);
    await scriptsRan(tab);
    await tab.locator('.share-button').first().click();
    await tab
      .locator('#share-menu')
      .getByRole('button', { name: /^Copy link/ })
      .click();
    await expect.poll(() => tab.locator('#share-status').textContent()).toContain('copied');
    expect(await violations()).toEqual([]);
    await tab.context().close();
  });

  test('searching, on the search page and in the dialog, raises no CSP violation', async () => {
    const { tab, violations } = await watchedTab();
    await tab.goto(`${baseUrl}/search/`);
    await scriptsRan(tab);
    await tab.locator('#search input[type="search"]').fill('Hong Min');
    await tab
      .locator('#search .search-status')
      .filter({ hasText: /result/ })
      .waitFor();
    expect(await tab.locator('#search .result').count()).toBeGreaterThan(0);
    await tab.goto(baseUrl + ARTICLE);
    await scriptsRan(tab);
    await tab.keyboard.press('/');
    const dialog = tab.locator('dialog.search-dialog');
    await dialog.locator('input[type="search"]').fill('Nobel');
    await dialog
      .locator('.search-status')
      .filter({ hasText: /result/ })
      .waitFor();
    await tab.keyboard.press('Escape');
    expect(await violations()).toEqual([]);
    await tab.context().close();
  });

  test('using the quote filters raises no CSP violation', async () => {
    const { tab, violations } = await watchedTab();
    await tab.goto(`${baseUrl}/quotes/?kind=direct`);
    await scriptsRan(tab);
    await expect.poll(() => tab.locator('quote-filters form').isVisible()).toBe(true);
    await tab.selectOption('select[name="kind"]', 'paraphrase');
    await tab.click('button[type="reset"]');
    await tab.goBack();
    expect(await violations()).toEqual([]);
    await tab.context().close();
  });
});
