/**
 * Launches the system Chromium (Debian's package) through playwright-core.
 * Never downloads a browser: if /usr/bin/chromium is missing, the error says how to install it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags every launch uses; extraArgs adds to them (the bench opens a debugging port for Lighthouse). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's package: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * Waits until the page's scripts have run. Pages add them after their first paint (src/client/boot.ts); the
 * bundle marks `<html data-js>` when every part has run, so a test that uses what they add waits for that.
 */
export async function scriptsRan(page: Page): Promise<void> {
  await page.waitForSelector('html[data-js]', { state: 'attached' });
}

/**
 * Makes every page the tab opens from now on a returning reader's: the note that the text face is in the
 * browser's cache (src/client/fonts.ts) is already there, so pages ask for Source Serif 4 from their first
 * paint instead of keeping a first view's fallback face.
 */
export async function asReturningReader(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('fonts', '1'));
}
