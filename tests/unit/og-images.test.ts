/**
 * The preview images' interface (src/og/images.ts) and cache key (src/og/key.ts):
 * a card comes from the cache once drawn; the cards drawn ahead in workers are
 * the bytes drawing them alone gives, whether the worker or the caller draws
 * them; and the key changes with any file of the drawing code or the lockfile,
 * never with a file the drawing does not import.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawAhead, ogImage } from '../../src/og/images.ts';
import { ogCacheKey, ogDrawingDigest, ogDrawingFiles } from '../../src/og/key.ts';
import { drawOgCard } from '../../src/og/render.ts';
import type { OgCard } from '../../src/og/card.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const folder = () => {
  const made = mkdtempSync(join(tmpdir(), 'og-images-'));
  folders.push(made);
  return made;
};
const card = (n: number): OgCard => ({ label: 'Direct quote', title: `Words of card number ${n}`, quote: 'direct', byline: 'A speaker' });

describe('ogImage', () => {
  it('draws a card once, then reads the same bytes from the cache', async () => {
    const cache = folder();
    const first = await ogImage(card(1), cache);
    expect(readdirSync(cache)).toEqual([`${ogCacheKey(card(1))}.png`]);
    writeFileSync(join(cache, `${ogCacheKey(card(1))}.png`), 'from the cache');
    expect((await ogImage(card(1), cache)).toString()).toBe('from the cache');
    expect(first.equals(drawOgCard(card(1)))).toBe(true);
  });

  it('gives the cards drawn ahead in workers, each the bytes drawing it alone gives, whoever drew it', async () => {
    const cache = folder();
    const entries = Array.from({ length: 6 }, (_, n) => ({ path: `/og/quotes/q-${n}.png`, card: card(n) }));
    // Two entries with one card: drawn once.
    expect(drawAhead([...entries, { path: '/og/quotes/again.png', card: card(0) }], cache, 1)).toBe(6);
    // Asked for in reverse: the last cards are claimed by this thread before the worker reaches them.
    const pngs = await Promise.all(entries.toReversed().map((entry) => ogImage(entry.card, cache)));
    pngs.reverse().forEach((png, n) => expect(png.equals(drawOgCard(card(n))), `card ${n}`).toBe(true));
    expect(readdirSync(cache).filter((name) => name.endsWith('.png'))).toHaveLength(6);
  }, 60_000);
});

describe('ogCacheKey', () => {
  const project = () => {
    const root = folder();
    // The folders the drawing code imports from, not the whole of src/.
    for (const folder of ['og', 'lib']) cpSync(join(process.cwd(), 'src', folder), join(root, 'src', folder), { recursive: true });
    cpSync(join(process.cwd(), 'package-lock.json'), join(root, 'package-lock.json'));
    return root;
  };

  it('covers the drawing code and what it imports, and the lockfile', () => {
    const files = ogDrawingFiles();
    for (const file of [
      'src/og/render.ts',
      'src/og/layout.ts',
      'src/og/raster.ts',
      'src/og/woff.ts',
      'src/og/png-encode.ts',
      'src/og/card.ts',
      'package-lock.json',
    ])
      expect(files).toContain(file);
    expect(files.filter((file) => file.startsWith('src/pages/'))).toEqual([]);
  });

  it.each(['src/og/layout.ts', 'src/og/card.ts', 'src/lib/text.ts', 'package-lock.json'])('changes when %s changes', (file) => {
    const root = project();
    const before = ogDrawingDigest(root);
    const other = project();
    appendFileSync(join(other, file), '\n');
    expect(ogDrawingDigest(other)).not.toBe(before);
  });

  it('does not change with a file the drawing does not import', () => {
    const root = project();
    const before = ogDrawingDigest(root);
    const other = project();
    appendFileSync(join(other, 'src', 'og', 'images.ts'), '\n');
    expect(ogDrawingDigest(other)).toBe(before);
  });
});
