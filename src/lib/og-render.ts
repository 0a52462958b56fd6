/**
 * Draws link-preview cards as 1200×630 PNGs at build time: satori lays the
 * card out as SVG, resvg rasterises it. Fonts come from @fontsource (WOFF:
 * satori cannot read WOFF2), so no network is needed.
 *
 * Drawing is the slow part (tens of ms per image), so each PNG is kept in
 * node_modules/.cache/summit-og/ under a hash of everything that shapes it
 * (the card, the fonts, the versions of this code and the libraries); a
 * rebuild without changes reads them back instead of redrawing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { ogCardTree, OG_IMAGE_SIZE, type OgCard } from './og-card.ts';

/** Bump when the drawing changes in a way the card data does not show. */
const RENDER_VERSION = 1;
const require = createRequire(import.meta.url);
const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'summit-og');

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
  fonts ??= FONT_FILES.map(({ weight, style, file }) => ({ name: 'Source Serif 4', data: readFileSync(require.resolve(`@fontsource/source-serif-4/files/${file}`)), weight, style }));
  versionKey ??= [RENDER_VERSION, require('satori/package.json').version, require('@resvg/resvg-js/package.json').version, ...fonts.map((font) => createHash('sha256').update(font.data).digest('hex'))].join('|');
  return fonts;
}

export const ogStats = { drawn: 0, cached: 0 };

/** The card as a PNG, from the cache when nothing that shapes it has changed. */
export async function renderOgCard(card: OgCard): Promise<Buffer> {
  const fontList = loadFonts();
  const tree = ogCardTree(card);
  const key = createHash('sha256').update(versionKey!).update(JSON.stringify(tree)).digest('hex');
  const cached = join(cacheDir, `${key}.png`);
  if (existsSync(cached)) {
    ogStats.cached += 1;
    return readFileSync(cached);
  }
  // satori's types want a React element; the tree has the same shape.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { ...OG_IMAGE_SIZE, fonts: fontList });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: OG_IMAGE_SIZE.width }, font: { loadSystemFonts: false } }).render().asPng();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, png);
  ogStats.drawn += 1;
  return png;
}
