/**
 * Link-preview images: every og:image is a 1200×630 palette PNG in dist/, one
 * per article, quotation and meeting plus the site's (the cache: tests/unit/og-images.test.ts).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, fileFor, readPage } from '../../support/dist.ts';
import { distDir } from '../../support/paths.ts';
import { sitePath } from '../../support/site.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which the format puts first. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

describe('preview images', () => {
  const images = new Set(builtPages().map((page) => readPage(page).querySelector('meta[property="og:image"]')!.getAttribute('content')!));

  it.each([...images])('%s is a 1200×630 PNG in dist/', (url) => {
    const file = fileFor(sitePath(url)!);
    expect(file).toBeDefined();
    expect(pngSize(readFileSync(file!))).toEqual({ width: 1200, height: 630 });
  });

  it('exist for each article, quotation and meeting, and the site', () => {
    const built = filesUnder(join(distDir, 'og'))
      .map((file) => file.slice(distDir.length).replaceAll('\\', '/'))
      .sort();
    const quotes = readPage('/quotes/').querySelectorAll('.quote-card');
    const meetings = builtPages().filter((page) => /^\/timeline\/[^/]+\/$/.test(page));
    const articles = builtPages().filter((page) => /^\/articles\/[^/]+\/$/.test(page));
    expect(built).toContain('/og/site.png');
    expect(built.filter((f) => f.startsWith('/og/quotes/'))).toHaveLength(quotes.length);
    expect(built.filter((f) => f.startsWith('/og/meetings/'))).toHaveLength(meetings.length);
    expect(built.filter((f) => f.startsWith('/og/articles/'))).toHaveLength(articles.length);
    expect(built).toHaveLength(1 + quotes.length + meetings.length + articles.length);
    for (const file of built) expect(pngSize(readFileSync(join(distDir, file))), file).toEqual({ width: 1200, height: 630 });
  });

  it('are 8-bit palette PNGs under 64 KB each (a few inks and their anti-aliasing levels, not RGBA)', () => {
    const files = filesUnder(join(distDir, 'og'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect([bytes[24], bytes[25]], `${file}: bit depth and colour type`).toEqual([8, 3]);
      expect(bytes.length, file).toBeLessThan(64 * 1024);
    }
  });

  it('differ from one another (each card is drawn from its own record)', () => {
    const bytes = filesUnder(join(distDir, 'og')).map((file) => readFileSync(file).toString('base64'));
    expect(new Set(bytes).size).toBe(bytes.length);
  });
});
