/**
 * Draws link-preview cards as 1200×630 PNGs: satori lays the card out as
 * SVG, resvg rasterises it. Fonts come from @fontsource (WOFF: satori cannot
 * read WOFF2), so no network is needed.
 *
 * Drawing is the slow part (~35 ms per image), so each PNG is kept in a
 * cache folder under a hash of everything that shapes it (the card, the
 * fonts, the versions of this code and the libraries): a rebuild reads
 * unchanged cards back instead of redrawing them. The build draws through
 * src/integrations/og-images.ts (worker threads, Astro's cache folder);
 * renderOgCard here serves `astro dev` and the tests.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { ogCardTree, OG_IMAGE_SIZE, type OgCard } from './og-card.ts';
import { encodePng } from './png-encode.ts';

/** Bump when the drawing changes in a way the card data does not show. */
const RENDER_VERSION = 2;
const require = createRequire(import.meta.url);

/** The default cache folder: inside Astro's default cacheDir, the one folder CI keeps (README, Performance). */
export const DEFAULT_OG_CACHE_DIR = join(process.cwd(), 'node_modules', '.astro', 'summit-og');

const FONT_FILES = [
  { weight: 400, style: 'normal', file: 'source-serif-4-latin-400-normal.woff' },
  { weight: 600, style: 'normal', file: 'source-serif-4-latin-600-normal.woff' },
  { weight: 700, style: 'normal', file: 'source-serif-4-latin-700-normal.woff' },
  { weight: 600, style: 'italic', file: 'source-serif-4-latin-600-italic.woff' },
  { weight: 400, style: 'normal', file: 'source-serif-4-latin-ext-400-normal.woff' },
  { weight: 700, style: 'normal', file: 'source-serif-4-latin-ext-700-normal.woff' },
] as const;

let fonts: { name: string; data: Buffer; weight: 400 | 600 | 700; style: 'normal' | 'italic' }[] | undefined;
let versionKey: string | undefined;

function loadFonts() {
  fonts ??= FONT_FILES.map(({ weight, style, file }) => ({
    name: 'Source Serif 4',
    data: readFileSync(require.resolve(`@fontsource/source-serif-4/files/${file}`)),
    weight,
    style,
  }));
  return fonts;
}

/** The cache key of a card: its element tree and everything else that shapes the PNG. */
export function ogCacheKey(card: OgCard): string {
  versionKey ??= [
    RENDER_VERSION,
    require('satori/package.json').version,
    require('@resvg/resvg-js/package.json').version,
    ...loadFonts().map((font) => createHash('sha256').update(font.data).digest('hex')),
  ].join('|');
  return createHash('sha256')
    .update(versionKey)
    .update(JSON.stringify(ogCardTree(card)))
    .digest('hex');
}

/** Draws the card, without the cache. */
export async function drawOgCard(card: OgCard): Promise<Buffer> {
  // satori keeps parsed fonts per `fonts` array, so the same array is passed every time.
  // Its types want a React element; the tree has the same shape.
  const svg = await satori(ogCardTree(card) as unknown as Parameters<typeof satori>[0], { ...OG_IMAGE_SIZE, fonts: loadFonts() });
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: OG_IMAGE_SIZE.width }, font: { loadSystemFonts: false } }).render();
  return encodePng(image.width, image.height, image.pixels);
}

/** Puts a PNG in the cache: written under a temporary name and renamed, so a build killed mid-write never leaves half a PNG under a valid key. */
export function cachePng(cacheDir: string, key: string, png: Uint8Array): void {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `${key}.png`);
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, file);
}

export const ogStats = { drawn: 0, cached: 0 };

/** The card as a PNG, from the cache when nothing that shapes it has changed. */
export async function renderOgCard(card: OgCard, cacheDir = DEFAULT_OG_CACHE_DIR): Promise<Buffer> {
  const key = ogCacheKey(card);
  const cached = join(cacheDir, `${key}.png`);
  if (existsSync(cached)) {
    ogStats.cached += 1;
    return readFileSync(cached);
  }
  const png = await drawOgCard(card);
  cachePng(cacheDir, key, png);
  ogStats.drawn += 1;
  return png;
}
