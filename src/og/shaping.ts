/**
 * The preview card's words as the fonts set them: each word shaped once by
 * fontkit (kerning and ligatures from the font's GPOS and GSUB tables) and
 * remembered, with the fallback from one Unicode subset's file to the next,
 * and the line metrics CSS would use. layout.ts breaks and places the lines.
 */
import { create, type Font } from 'fontkit';
import { woffToSfnt } from './woff.ts';
import type { OgStyle } from './card.ts';

/** One font file: a weight and style of Source Serif 4, in one of its Unicode subsets. */
export interface OgFontFile {
  weight: 400 | 600 | 700;
  italic: boolean;
  /** The primary subset ("latin") is tried first; the others draw what it lacks. */
  primary: boolean;
  data: Uint8Array;
}

/** A word as the font sets it, in font units: each glyph's font, id and offset from the word's start. */
export interface ShapedWord {
  glyphs: { font: number; id: number; x: number; y: number }[];
  advance: number;
}

/** Characters drawn as nothing (soft hyphen, zero-width spaces and joiners, variation selectors, BOM): dropped before shaping. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
/** CSS breaks and collapses at ASCII white space only: a no-break space stays inside its word. */
export const SPACES = /[ \t\n\r\f]+/;

export class OgFonts {
  readonly fonts: Font[];
  private readonly files: readonly OgFontFile[];
  private readonly shaped = new Map<string, ShapedWord>();
  private readonly chains = new Map<string, number[]>();
  readonly unitsPerEm: number;
  private readonly ascent: number;
  private readonly descent: number;
  private readonly space = new Map<string, number>();

  constructor(files: readonly OgFontFile[]) {
    this.files = files;
    this.fonts = files.map((file, index) => {
      const bytes = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
      const font = create(bytes.toString('latin1', 0, 4) === 'wOFF' ? woffToSfnt(bytes) : bytes);
      if ('fonts' in font) throw new Error(`Preview-card font ${index} is a font collection; give one font per file.`);
      return font;
    });
    const first = this.fonts[0];
    if (!first) throw new Error('No fonts for the preview cards.');
    if (this.fonts.some((font) => font.unitsPerEm !== first.unitsPerEm)) throw new Error('The preview-card fonts must share one units-per-em.');
    this.unitsPerEm = first.unitsPerEm;
    // hhea's ascent and descent, which CSS uses for `line-height: normal` and for where the glyphs sit in a line.
    this.ascent = first.ascent;
    this.descent = first.descent;
  }

  /** The fonts tried for a style, in order: its own file, then the other subsets nearest in weight (heavier first on a tie, as CSS matches bold). */
  private chain(style: OgStyle): number[] {
    const key = `${style.weight}${style.italic ? 'i' : ''}`;
    let chain = this.chains.get(key);
    if (!chain) {
      const own = this.files.findIndex((f) => f.primary && f.weight === style.weight && f.italic === style.italic);
      if (own < 0)
        throw new Error(`No preview-card font for weight ${style.weight}${style.italic ? ' italic' : ''}: add its file to OG_FONT_FILES in src/og/render.ts.`);
      const others = this.files
        .map((file, index) => ({ file, index }))
        .filter(({ file }) => !file.primary)
        .sort((a, b) => Math.abs(a.file.weight - style.weight) - Math.abs(b.file.weight - style.weight) || b.file.weight - a.file.weight)
        .map(({ index }) => index);
      chain = [own, ...others];
      this.chains.set(key, chain);
    }
    return chain;
  }

  /** A word shaped in a style: remembered, since the same words come back card after card. */
  shape(style: OgStyle, word: string): ShapedWord {
    const chain = this.chain(style);
    const key = `${chain[0]}\u0000${word}`;
    let shaped = this.shaped.get(key);
    if (!shaped) {
      shaped = this.shapeUncached(chain, word);
      this.shaped.set(key, shaped);
    }
    return shaped;
  }

  private shapeUncached(chain: number[], word: string): ShapedWord {
    // Runs of characters that the same font draws, each shaped on its own (kerning across a change of font is lost, as in a browser).
    const runs: { font: number; text: string }[] = [];
    for (const char of word.replace(IGNORABLE, '')) {
      const code = char.codePointAt(0)!;
      const font = chain.find((index) => this.fonts[index]!.hasGlyphForCodePoint(code));
      if (font === undefined) {
        throw new Error(
          `The preview card's text "${word}" has “${char}” (U+${code.toString(16).toUpperCase().padStart(4, '0')}), which none of the card's fonts can draw: add a font file that has it to OG_FONT_FILES in src/og/render.ts, or write the text without it.`,
        );
      }
      const last = runs.at(-1);
      if (last?.font === font) last.text += char;
      else runs.push({ font, text: char });
    }
    const glyphs: ShapedWord['glyphs'] = [];
    let pen = 0;
    for (const run of runs) {
      const { glyphs: runGlyphs, positions } = this.fonts[run.font]!.layout(run.text);
      runGlyphs.forEach((glyph, i) => {
        const position = positions[i]!;
        glyphs.push({ font: run.font, id: glyph.id, x: pen + position.xOffset, y: position.yOffset });
        pen += position.xAdvance;
      });
    }
    return { glyphs, advance: pen };
  }

  /** Width of a space in a style, in pixels. */
  spaceWidth(style: OgStyle): number {
    const font = this.chain(style)[0]!;
    const key = `${font}:${style.size}`;
    let width = this.space.get(key);
    if (width === undefined) {
      const face = this.fonts[font]!;
      width = (face.glyphForCodePoint(32).advanceWidth * style.size) / this.unitsPerEm;
      this.space.set(key, width);
    }
    return width + style.letterSpacing;
  }

  /** Width of a shaped word in pixels, letter-spacing after every glyph as CSS puts it. */
  wordWidth(style: OgStyle, word: ShapedWord): number {
    return (word.advance * style.size) / this.unitsPerEm + word.glyphs.length * style.letterSpacing;
  }

  lineHeight(style: OgStyle): number {
    return style.lineHeight === 'normal' ? this.normalLineHeight(style.size) : style.lineHeight * style.size;
  }

  private normalLineHeight(size: number): number {
    return ((this.ascent - this.descent) * size) / this.unitsPerEm;
  }

  /** From the top of a line box to its baseline: the glyphs' ascent + descent centred in the line, as CSS does. */
  baseline(style: OgStyle): number {
    return (this.lineHeight(style) - this.normalLineHeight(style.size)) / 2 + (this.ascent * style.size) / this.unitsPerEm;
  }
}
