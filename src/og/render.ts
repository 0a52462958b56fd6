/**
 * Draws link-preview cards as 1200×630 PNGs: og-card.ts says what the card
 * shows, og-layout.ts sets its words with fontkit, og-raster.ts draws the
 * glyphs (resvg, once per glyph, size and quarter pixel) into palette
 * indices, png-encode.ts writes an indexed PNG. Fonts come from @fontsource,
 * so no network is needed.
 *
 * A card costs ~2 ms once the glyphs it needs are drawn (satori and resvg
 * drawing the whole card as SVG took ~20 ms), and each PNG is still kept in
 * a cache folder under a hash of everything that shapes it (the card, the
 * design, the fonts, the versions of this code and the libraries): a rebuild
 * reads unchanged cards back. The build draws through
 * src/integrations/og-images.ts (worker threads, Astro's cache folder);
 * renderOgCard here serves `astro dev` and the tests.
 */
import { createHash } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OG_COLOR, OG_DESIGN, OG_IMAGE_SIZE, ogCardSpec, type OgCard } from './card.ts';
import { layOutCard, OgFonts, type OgFontFile } from './layout.ts';
import { OG_LEVELS, OG_PHASES, OgGlyphCache, ogPalette, rasterizeCard } from './raster.ts';
import { encodeIndexedPng } from './png-encode.ts';

/** Bump when the drawing changes in a way the card data, the design constants and the versions do not show. */
const RENDER_VERSION = 3;
const require = createRequire(import.meta.url);

/** The default cache folder: inside Astro's default cacheDir, the one folder CI keeps (README, Performance). */
export const DEFAULT_OG_CACHE_DIR = join(process.cwd(), 'node_modules', '.astro', 'summit-og');

/** Source Serif 4 from @fontsource: the latin files first (the card's faces), latin-ext for the letters they lack. */
export const OG_FONT_FILES = [
  { weight: 400, italic: false, primary: true, file: 'source-serif-4-latin-400-normal.woff' },
  { weight: 600, italic: false, primary: true, file: 'source-serif-4-latin-600-normal.woff' },
  { weight: 700, italic: false, primary: true, file: 'source-serif-4-latin-700-normal.woff' },
  { weight: 600, italic: true, primary: true, file: 'source-serif-4-latin-600-italic.woff' },
  { weight: 400, italic: false, primary: false, file: 'source-serif-4-latin-ext-400-normal.woff' },
  { weight: 700, italic: false, primary: false, file: 'source-serif-4-latin-ext-700-normal.woff' },
] as const;

let fontFiles: OgFontFile[] | undefined;
let defaultDrawer: ((card: OgCard) => Buffer) | undefined;
let versionKey: string | undefined;

function loadFontFiles(): OgFontFile[] {
  fontFiles ??= OG_FONT_FILES.map(({ file, ...face }) => ({ ...face, data: readFileSync(require.resolve(`@fontsource/source-serif-4/files/${file}`)) }));
  return fontFiles;
}

/**
 * A card drawer with its own fonts and glyph bitmaps, which it keeps from
 * card to card. The build's workers each use one (drawOgCard); the tests
 * make several to show that a card's bytes do not depend on what was drawn
 * before it.
 */
export function createOgDrawer(): (card: OgCard) => Buffer {
  const fonts = new OgFonts(loadFontFiles());
  const glyphs = new OgGlyphCache(fonts.fonts);
  // One pixel buffer, drawn into and deflated card after card: 756 KB less garbage per card.
  const pixels = new Uint8Array((OG_IMAGE_SIZE.width + 1) * OG_IMAGE_SIZE.height);
  return (card) => {
    const spec = ogCardSpec(card);
    const rows = rasterizeCard(layOutCard(fonts, spec), glyphs, pixels);
    return encodeIndexedPng(OG_IMAGE_SIZE.width, OG_IMAGE_SIZE.height, ogPalette(spec.band), rows);
  };
}

/** An installed package's version, from the package.json above its entry point (fontkit's exports do not include package.json). */
function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === name && manifest.version) return manifest.version;
  }
  throw new Error(`Cannot find the version of ${name}, which the preview-image cache key needs: is it installed?`);
}

/** The cache key of a card: what it shows and everything else that shapes the PNG. */
export function ogCacheKey(card: OgCard): string {
  versionKey ??= JSON.stringify([
    RENDER_VERSION,
    OG_DESIGN,
    OG_COLOR,
    OG_LEVELS,
    OG_PHASES,
    packageVersion('fontkit'),
    packageVersion('@resvg/resvg-js'),
    ...loadFontFiles().map((font) => createHash('sha256').update(font.data).digest('hex')),
  ]);
  return createHash('sha256')
    .update(versionKey)
    .update(JSON.stringify(ogCardSpec(card)))
    .digest('hex');
}

/** Draws the card, without the cache (fonts loaded on the first card of the thread). */
export function drawOgCard(card: OgCard): Buffer {
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

export const ogStats = { drawn: 0, cached: 0 };

/** The card as a PNG, from the cache when nothing that shapes it has changed. */
export async function renderOgCard(card: OgCard, cacheDir = DEFAULT_OG_CACHE_DIR): Promise<Buffer> {
  const key = ogCacheKey(card);
  const cached = join(cacheDir, `${key}.png`);
  if (existsSync(cached)) {
    ogStats.cached += 1;
    return readFileSync(cached);
  }
  const png = drawOgCard(card);
  cachePng(cacheDir, key, png);
  ogStats.drawn += 1;
  return png;
}
