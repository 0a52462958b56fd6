/**
 * Draws link-preview cards as 1200×630 PNGs: card.ts says what the card
 * shows, layout.ts sets its words with fontkit, raster.ts draws the glyphs
 * (resvg, once per glyph, size and quarter pixel) into palette indices,
 * png-encode.ts writes an indexed PNG. This module and what it imports are
 * "the drawing code" of the cache key (key.ts).
 *
 * Drawn whole as SVG by resvg the same card costs over ten times the CPU
 * (README, Performance; tests/bench/og-cards.ts), which is why the glyphs are
 * composed here rather than the card.
 */
import { threadId } from 'node:worker_threads';
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { OG_IMAGE_SIZE, ogCardSpec, type OgCard } from './card.ts';
import { loadFontFiles } from './fonts.ts';
import { layOutCard, OgFonts } from './layout.ts';
import { OgGlyphCache, ogPalette, rasterizeCard } from './raster.ts';
import { encodeIndexedPng } from './png-encode.ts';

export { OG_FONT_FILES } from './fonts.ts';

let defaultDrawer: ((card: OgCard) => Buffer<ArrayBuffer>) | undefined;

/**
 * A card drawer with its own fonts and glyph bitmaps, which it keeps from
 * card to card. The build's workers each use one (drawOgCard); the tests
 * make several to show that a card's bytes do not depend on what was drawn
 * before it.
 */
export function createOgDrawer(): (card: OgCard) => Buffer<ArrayBuffer> {
  const fonts = new OgFonts(loadFontFiles());
  const glyphs = new OgGlyphCache(fonts.fonts);
  // One pixel buffer, drawn into and deflated card after card, rather than a new one per card.
  const pixels = new Uint8Array((OG_IMAGE_SIZE.width + 1) * OG_IMAGE_SIZE.height);
  return (card) => {
    const spec = ogCardSpec(card);
    const rows = rasterizeCard(layOutCard(fonts, spec), glyphs, pixels);
    return encodeIndexedPng(OG_IMAGE_SIZE.width, OG_IMAGE_SIZE.height, ogPalette(spec.band), rows);
  };
}

/** Draws the card, without the cache (fonts loaded on the first card of the thread). */
export function drawOgCard(card: OgCard): Buffer<ArrayBuffer> {
  defaultDrawer ??= createOgDrawer();
  return defaultDrawer(card);
}

/** Puts a PNG in the cache: written under a temporary name and renamed, so a build killed mid-write never leaves half a PNG under a valid key. */
export function cachePng(cacheDir: string, key: string, png: Uint8Array): void {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `${key}.png`);
  // The process and thread in the name: the pool's workers share a process id.
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, file);
}
