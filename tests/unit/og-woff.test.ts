/** src/og/woff.ts: a WOFF font unpacked to its sfnt reads as the same font. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { woffToSfnt } from '../../src/og/woff.ts';

const require = createRequire(import.meta.url);
const woff = readFileSync(require.resolve('@fontsource/source-serif-4/files/source-serif-4-latin-600-italic.woff'));

function font(bytes: Buffer): Font {
  const opened = create(bytes);
  if ('fonts' in opened) throw new Error('a collection');
  return opened;
}

describe('woffToSfnt', () => {
  it('gives a TrueType font with the same names, metrics, shaping and outlines as the WOFF', () => {
    const packed = font(woff);
    const sfnt = woffToSfnt(woff);
    const unpacked = font(sfnt);
    expect(packed.type).toBe('WOFF');
    expect(unpacked.type).toBe('TTF');
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(unpacked.fullName).toBe(packed.fullName);
    expect(unpacked['OS/2']).toEqual(packed['OS/2']);
    expect([unpacked.unitsPerEm, unpacked.ascent, unpacked.descent, unpacked.numGlyphs]).toEqual([
      packed.unitsPerEm,
      packed.ascent,
      packed.descent,
      packed.numGlyphs,
    ]);
    const text = 'Officials’ “stable coexistence” — AVAWA fi';
    const shaped = (f: Font) => f.layout(text).glyphs.map((glyph, i) => [glyph.id, f.layout(text).positions[i]!.xAdvance, glyph.path.toSVG()]);
    expect(shaped(unpacked)).toEqual(shaped(packed));
    expect(shaped(unpacked).length).toBeGreaterThan(30);
  });

  it('refuses what is not a WOFF 1.0 font', () => {
    expect(() => woffToSfnt(woffToSfnt(woff))).toThrow(/wOFF/);
  });
});
