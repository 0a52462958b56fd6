/**
 * Draws a laid-out card (layout.ts) into palette-indexed pixels.
 *
 * The card has few colours: the background, the band, the rule, and three
 * inks, each over the background at some coverage. So each pixel is a
 * palette index, and an ink at coverage c/OG_LEVELS is one entry of that
 * ink's run of OG_LEVELS entries (84 levels: an error under 1.5/255 per
 * channel, which nobody sees, and the three runs fill the 256 entries of an
 * 8-bit palette with the three plain colours).
 *
 * Glyphs are rasterised by resvg, each once per (font, glyph, size, quarter
 * pixel of x), and kept for the life of the process: a card is then the sum
 * of bitmaps already drawn. The glyphs a card lacks are drawn together, as
 * one SVG with a cell per glyph, since one resvg call costs about as much as
 * sixty glyphs. A glyph's bitmap must not depend on which cell it got (the
 * same card gives the same bytes whatever was drawn before it), so every
 * coordinate handed to resvg is a multiple of 1/1024 px below 2^13: exact in
 * resvg's 32-bit floats, so a cell's whole-pixel offset is the only thing
 * that differs, and the rasteriser's fixed-point arithmetic is the same at
 * any whole-pixel offset. tests/unit/og-render.test.ts checks it: without
 * the grid, one glyph bitmap in twelve changed with its cell.
 */
import { Resvg } from '@resvg/resvg-js';
import type { Font } from 'fontkit';
import { OG_COLOR, OG_DESIGN, OG_IMAGE_SIZE, type OgInk } from './card.ts';
import type { OgLayout } from './layout.ts';

/** Coverage levels per ink. */
export const OG_LEVELS = 84;
/** x positions per pixel a glyph is drawn at. */
export const OG_PHASES = 4;

/** Palette entries: 0 background, 1 band, 2 rule, then OG_LEVELS per ink (level l of an ink at INK_BASE + l - 1). */
export const OG_PALETTE_INDEX = { bg: 0, band: 1, rule: 2 } as const;
export const OG_INK_BASE: Record<OgInk, number> = { text: 3, muted: 3 + OG_LEVELS, accent: 3 + 2 * OG_LEVELS };

/** A glyph's coverage in levels (0…OG_LEVELS), with its top-left corner relative to the pen's whole pixel and the baseline. */
export interface GlyphBitmap {
  left: number;
  top: number;
  width: number;
  height: number;
  levels: Uint8Array;
  /** Per row, the first column with ink and the one after the last (0, 0 for an empty row): the blit skips the margins. */
  spans: Uint16Array;
}

const ATLAS_WIDTH = 2048;
/** Cells go no lower than this, so every coordinate stays under 2^13 (see above); more glyphs take another resvg call. */
const ATLAS_HEIGHT = 7168;
/** Coordinates are rounded to this grid, on which resvg's 32-bit floats are exact. */
const GRID = 1024;
const onGrid = (value: number) => Math.round(value * GRID) / GRID;
const LEVEL_OF_ALPHA = Uint8Array.from({ length: 256 }, (_, alpha) => Math.round((alpha * OG_LEVELS) / 255));

function hex(colour: string): [number, number, number] {
  const value = Number.parseInt(colour.slice(1), 16);
  return [value >> 16, (value >> 8) & 0xff, value & 0xff];
}

const palettes = new Map<string, Uint8Array>();

/** The card's palette as PNG's PLTE wants it (RGB triples); only the band differs from card to card, so there are three, each made once. */
export function ogPalette(band: string): Uint8Array {
  let palette = palettes.get(band);
  if (!palette) {
    palette = makePalette(band);
    palettes.set(band, palette);
  }
  return palette;
}

function makePalette(band: string): Uint8Array {
  const bg = hex(OG_COLOR.bg);
  const palette = new Uint8Array(3 * (3 + 3 * OG_LEVELS));
  palette.set(bg, 0);
  palette.set(hex(band), 3);
  palette.set(hex(OG_COLOR.surface), 6);
  for (const ink of ['text', 'muted', 'accent'] as const) {
    const colour = hex(OG_COLOR[ink]);
    for (let level = 1; level <= OG_LEVELS; level += 1) {
      // Blended in sRGB, as resvg and browsers blend.
      const entry = colour.map((c, i) => Math.round(bg[i]! + ((c - bg[i]!) * level) / OG_LEVELS));
      palette.set(entry, 3 * (OG_INK_BASE[ink] + level - 1));
    }
  }
  return palette;
}

interface Pending {
  key: number;
  commands: { command: string; args: number[] }[];
  scale: number;
  phase: number;
  bitmap: GlyphBitmap;
  cellX: number;
  cellY: number;
}

export class OgGlyphCache {
  private readonly bitmaps = new Map<number, GlyphBitmap | null>();
  private readonly fonts: readonly Font[];
  /** resvg calls made, for the tests. */
  batches = 0;

  constructor(fonts: readonly Font[]) {
    this.fonts = fonts;
  }

  private static key(font: number, id: number, size: number, phase: number): number {
    return ((font * 65536 + id) * 1024 + size) * OG_PHASES + phase;
  }

  /** The bitmap of a glyph drawn before (prepare), or null for a glyph with no outline (a space). */
  get(font: number, id: number, size: number, phase: number): GlyphBitmap | null {
    const bitmap = this.bitmaps.get(OgGlyphCache.key(font, id, size, phase));
    if (bitmap === undefined) throw new Error(`Glyph ${id} of font ${font} at ${size} px was not prepared.`);
    return bitmap;
  }

  /** Draws every glyph of the list not drawn yet, in one resvg call. */
  prepare(glyphs: readonly { font: number; id: number; size: number; phase: number }[]): void {
    const pending: Pending[] = [];
    const seen = new Set<number>();
    let cellX = 0;
    let cellY = 0;
    let rowHeight = 0;
    for (const { font, id, size, phase } of glyphs) {
      const key = OgGlyphCache.key(font, id, size, phase);
      if (this.bitmaps.has(key) || seen.has(key)) continue;
      seen.add(key);
      const face = this.fonts[font]!;
      const glyph = face.getGlyph(id);
      const box = glyph.path.bbox;
      if (!(box.maxX > box.minX && box.maxY > box.minY)) {
        this.bitmaps.set(key, null);
        continue;
      }
      const scale = size / face.unitsPerEm;
      const offset = phase / OG_PHASES;
      // A pixel of margin all round, so the anti-aliased edge is never cut.
      const left = Math.floor(offset + box.minX * scale) - 1;
      const top = Math.floor(-box.maxY * scale) - 1;
      const width = Math.ceil(offset + box.maxX * scale) + 1 - left;
      const height = Math.ceil(-box.minY * scale) + 1 - top;
      if (cellX + width > ATLAS_WIDTH) {
        cellX = 0;
        cellY += rowHeight + 1;
        rowHeight = 0;
      }
      if (cellY + height > ATLAS_HEIGHT) {
        this.draw(pending.splice(0));
        cellX = 0;
        cellY = 0;
        rowHeight = 0;
      }
      pending.push({
        key,
        commands: glyph.path.commands,
        scale,
        phase,
        bitmap: { left, top, width, height, levels: new Uint8Array(width * height), spans: new Uint16Array(2 * height) },
        cellX,
        cellY,
      });
      cellX += width + 1;
      rowHeight = Math.max(rowHeight, height);
    }
    this.draw(pending);
  }

  private draw(pending: Pending[]): void {
    if (pending.length === 0) return;
    const atlasWidth = Math.max(...pending.map((p) => p.cellX + p.bitmap.width));
    const atlasHeight = Math.max(...pending.map((p) => p.cellY + p.bitmap.height));
    const paths = pending.map((p) => `<path d="${outline(p)}"/>`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${atlasWidth}" height="${atlasHeight}">${paths.join('')}</svg>`;
    const { pixels, width: rendered } = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    this.batches += 1;
    for (const { key, bitmap, cellX: x0, cellY: y0 } of pending) {
      const { levels, spans, width } = bitmap;
      for (let row = 0; row < bitmap.height; row += 1) {
        const from = ((y0 + row) * rendered + x0) * 4 + 3;
        let first = -1;
        let end = 0;
        for (let column = 0; column < width; column += 1) {
          const level = LEVEL_OF_ALPHA[pixels[from + column * 4]!]!;
          levels[row * width + column] = level;
          if (level > 0) {
            if (first < 0) first = column;
            end = column + 1;
          }
        }
        spans[2 * row] = first < 0 ? 0 : first;
        spans[2 * row + 1] = end;
      }
      this.bitmaps.set(key, bitmap);
    }
  }
}

/** A glyph's outline as SVG path data in its atlas cell: font units scaled, y flipped, every coordinate on the 1/1024 px grid. */
function outline({ commands, scale, phase, bitmap, cellX, cellY }: Pending): string {
  const dx = phase / OG_PHASES - bitmap.left;
  const dy = -bitmap.top;
  const x = (value: number) => cellX + onGrid(value * scale + dx);
  const y = (value: number) => cellY + onGrid(dy - value * scale);
  let d = '';
  for (const { command, args: a } of commands) {
    if (command === 'moveTo') d += `M${x(a[0]!)} ${y(a[1]!)}`;
    else if (command === 'lineTo') d += `L${x(a[0]!)} ${y(a[1]!)}`;
    else if (command === 'quadraticCurveTo') d += `Q${x(a[0]!)} ${y(a[1]!)} ${x(a[2]!)} ${y(a[3]!)}`;
    else if (command === 'bezierCurveTo') d += `C${x(a[0]!)} ${y(a[1]!)} ${x(a[2]!)} ${y(a[3]!)} ${x(a[4]!)} ${y(a[5]!)}`;
    else if (command === 'closePath') d += 'Z';
  }
  return d;
}

/** Where a glyph at x is drawn: the whole pixel and the quarter-pixel phase nearest x. */
function pixelAndPhase(x: number): [number, number] {
  let pixel = Math.floor(x);
  let phase = Math.round((x - pixel) * OG_PHASES);
  if (phase === OG_PHASES) {
    pixel += 1;
    phase = 0;
  }
  return [pixel, phase];
}

/**
 * The card's pixels as palette indices, each row led by a 0 byte: the rows
 * of an 8-bit indexed PNG with no filter, ready to deflate.
 */
export function rasterizeCard(layout: OgLayout, cache: OgGlyphCache, pixels = new Uint8Array((OG_IMAGE_SIZE.width + 1) * OG_IMAGE_SIZE.height)): Uint8Array {
  const { width, height } = OG_IMAGE_SIZE;
  const stride = width + 1;
  if (pixels.length !== stride * height) throw new Error(`rasterizeCard: a buffer of ${pixels.length} bytes for ${width}×${height} rows.`);
  const placed = layout.glyphs.map((glyph) => {
    const [pixel, phase] = pixelAndPhase(glyph.x);
    return { ...glyph, pixel, phase };
  });
  cache.prepare(placed);

  pixels.fill(0); // filter "none" and the background
  for (let y = 0; y < height; y += 1) pixels.fill(OG_PALETTE_INDEX.band, y * stride + 1, y * stride + 1 + OG_DESIGN.band);
  if (layout.rule) {
    const { x, y: top, width: w, height: h } = layout.rule;
    for (let y = top; y < top + h; y += 1) pixels.fill(OG_PALETTE_INDEX.rule, y * stride + 1 + x, y * stride + 1 + x + w);
  }
  for (const { font, id, size, phase, pixel, y, ink } of placed) {
    const bitmap = cache.get(font, id, size, phase);
    if (bitmap) blit(pixels, stride, height, bitmap, pixel + bitmap.left, y + bitmap.top, OG_INK_BASE[ink]);
  }
  return pixels;
}

/** Adds a glyph's coverage to the pixels in an ink: glyphs that touch (kerned pairs, italic overhangs) add up, to full ink at most. */
function blit(pixels: Uint8Array, stride: number, height: number, bitmap: GlyphBitmap, x0: number, y0: number, base: number): void {
  const { levels, width, spans } = bitmap;
  const last = base + OG_LEVELS - 1;
  // Clipped to the image: a glyph may overhang the edge, never wrap onto the next row.
  const clipFrom = Math.max(0, -x0);
  const clipTo = Math.min(width, stride - 1 - x0);
  for (let row = Math.max(0, -y0); row < bitmap.height && y0 + row < height; row += 1) {
    const from = Math.max(clipFrom, spans[2 * row]!);
    const to = Math.min(clipTo, spans[2 * row + 1]!);
    const source = row * width;
    const target = (y0 + row) * stride + 1 + x0;
    for (let column = from; column < to; column += 1) {
      const level = levels[source + column]!;
      if (level === 0) continue;
      const current = pixels[target + column]!;
      if (current < base || current > last) pixels[target + column] = base - 1 + level;
      else {
        const sum = current - base + 1 + level;
        pixels[target + column] = base - 1 + (sum > OG_LEVELS ? OG_LEVELS : sum);
      }
    }
  }
}
