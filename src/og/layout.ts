/**
 * Sets a preview card's text (card.ts) with the fonts' own metrics (words
 * shaped by shaping.ts), lines broken greedily at spaces in the widths
 * the card's boxes give, and every glyph placed at a baseline on a whole
 * pixel and an x to the quarter pixel (raster.ts draws it there).
 *
 * The boxes are those the card had as a CSS flex layout: a header row, the
 * title and body centred in the space between it and the footer, the footer
 * (a rule, the byline, the detail) at the bottom. Lines are as tall as CSS
 * makes them: `normal` is the font's ascent + descent, and the glyphs sit in
 * the middle of a taller line.
 */
import { OG_DESIGN, OG_IMAGE_SIZE, type OgCardSpec, type OgInk, type OgRun, type OgStyle } from './card.ts';
import { OgFonts, SPACES, type ShapedWord } from './shaping.ts';

export { OgFonts, type OgFontFile } from './shaping.ts';

/** A glyph where the layout puts it: x in pixels (fractional), baseline y on a whole pixel. */
export interface OgGlyph {
  /** Index into the font list. */
  font: number;
  id: number;
  size: number;
  x: number;
  y: number;
  ink: OgInk;
}

export interface OgRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OgLayout {
  glyphs: OgGlyph[];
  /** The rule over the footer, when the card has one. */
  rule: OgRect | undefined;
  /** Each run's lines as text (the words of a line joined by a space), to check the breaks. */
  lines: Partial<Record<keyof Omit<OgCardSpec, 'band'>, string[]>>;
}

interface Line {
  words: ShapedWord[];
  text: string;
  width: number;
}

/** Greedy line breaking at spaces in a box `maxWidth` wide; a word wider than the box is broken between characters rather than drawn past it. */
function breakLines(fonts: OgFonts, run: OgRun, maxWidth: number): Line[] {
  const space = fonts.spaceWidth(run.style);
  const lines: Line[] = [];
  let line: Line | undefined;
  for (const text of run.text.split(SPACES).filter(Boolean)) {
    for (const piece of fitPieces(fonts, run.style, text, maxWidth)) {
      const word = fonts.shape(run.style, piece);
      const width = fonts.wordWidth(run.style, word);
      // A hundredth of a pixel of slack, so that rounding never pushes a word that fits exactly to the next line.
      if (line && line.width + space + width <= maxWidth + 0.01) {
        line.words.push(word);
        line.text += ` ${piece}`;
        line.width += space + width;
      } else {
        line = { words: [word], text: piece, width };
        lines.push(line);
      }
    }
  }
  return lines;
}

/** The word, or the longest runs of its characters that each fit in the box. */
function fitPieces(fonts: OgFonts, style: OgStyle, word: string, maxWidth: number): string[] {
  if (fonts.wordWidth(style, fonts.shape(style, word)) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && fonts.wordWidth(style, fonts.shape(style, piece + char)) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}

/** A run's lines placed in a box; `right` aligns the block to the box's right edge (the header's label). */
function place(fonts: OgFonts, lines: Line[], style: OgStyle, left: number, top: number, glyphs: OgGlyph[], boxWidth?: number): void {
  const blockWidth = Math.max(0, ...lines.map((line) => line.width));
  const x0 = boxWidth === undefined ? left : left + boxWidth - blockWidth;
  const lineHeight = fonts.lineHeight(style);
  const scale = style.size / fonts.unitsPerEm;
  const space = fonts.spaceWidth(style);
  lines.forEach((line, i) => {
    // Baselines on whole pixels: the glyphs are drawn once per size and x phase, never per y.
    const y = Math.round(top + i * lineHeight + fonts.baseline(style));
    let x = x0;
    for (const word of line.words) {
      word.glyphs.forEach((glyph, g) => {
        glyphs.push({
          font: glyph.font,
          id: glyph.id,
          size: style.size,
          x: x + glyph.x * scale + g * style.letterSpacing,
          y: y - Math.round(glyph.y * scale),
          ink: style.ink,
        });
      });
      x += fonts.wordWidth(style, word) + space;
    }
  });
}

/** Where every glyph of the card goes. */
export function layOutCard(fonts: OgFonts, spec: OgCardSpec): OgLayout {
  const { padding } = OG_DESIGN;
  const left = OG_DESIGN.band + padding.left;
  const width = OG_IMAGE_SIZE.width - padding.right - left;
  const top = padding.top;
  const bottom = OG_IMAGE_SIZE.height - padding.bottom;
  const glyphs: OgGlyph[] = [];
  const height = (lines: Line[], style: OgStyle) => lines.length * fonts.lineHeight(style);

  // Header: the brand at the left, the label at the right in what is left of the row.
  const brand = breakLines(fonts, spec.brand, width);
  const brandWidth = Math.max(...brand.map((line) => line.width));
  const label = breakLines(fonts, spec.label, width - brandWidth);
  const lines: OgLayout['lines'] = { brand: brand.map((l) => l.text), label: label.map((l) => l.text) };
  place(fonts, brand, spec.brand.style, left, top, glyphs);
  place(fonts, label, spec.label.style, left + brandWidth, top, glyphs, width - brandWidth);
  const headerBottom = top + Math.max(height(brand, spec.brand.style), height(label, spec.label.style));

  // Footer, from the bottom up: the rule, a gap, the byline, the detail.
  const byline = spec.byline && breakLines(fonts, spec.byline, width);
  const detail = spec.detail && breakLines(fonts, spec.detail, width);
  let footerTop = bottom;
  let rule: OgRect | undefined;
  if (byline || detail) {
    const bylineHeight = byline ? height(byline, spec.byline!.style) : 0;
    const detailHeight = detail ? OG_DESIGN.detailGap + height(detail, spec.detail!.style) : 0;
    footerTop = bottom - OG_DESIGN.rule - OG_DESIGN.footerGap - bylineHeight - detailHeight;
    rule = { x: left, y: Math.round(footerTop), width, height: OG_DESIGN.rule };
    const bylineTop = footerTop + OG_DESIGN.rule + OG_DESIGN.footerGap;
    if (byline) {
      place(fonts, byline, spec.byline!.style, left, bylineTop, glyphs);
      lines.byline = byline.map((l) => l.text);
    }
    if (detail) {
      place(fonts, detail, spec.detail!.style, left, bylineTop + bylineHeight + OG_DESIGN.detailGap, glyphs);
      lines.detail = detail.map((l) => l.text);
    }
  }

  // The title and the body, centred together in the space between header and footer.
  const title = breakLines(fonts, spec.title, width);
  const body = spec.body && breakLines(fonts, spec.body, width);
  const titleHeight = height(title, spec.title.style);
  const content = titleHeight + (body ? OG_DESIGN.bodyGap + height(body, spec.body!.style) : 0);
  const contentTop = headerBottom + (footerTop - headerBottom - content) / 2;
  place(fonts, title, spec.title.style, left, contentTop, glyphs);
  lines.title = title.map((l) => l.text);
  if (body) {
    place(fonts, body, spec.body!.style, left, contentTop + titleHeight + OG_DESIGN.bodyGap, glyphs);
    lines.body = body.map((l) => l.text);
  }
  return { glyphs, rule, lines };
}
