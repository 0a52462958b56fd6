/**
 * The fallback face's metric overrides in global.css match Source Serif 4's
 * metrics against Times New Roman's (Liberation Serif is its metric twin),
 * recomputed here from the font files with @capsizecss/unpack (Astro's own
 * dependency for its font fallbacks), so a font update cannot leave them stale.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromFile } from '@capsizecss/unpack/fs';

const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
const require = createRequire(import.meta.url);
const TEXT_FONT = require.resolve('@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2');
const LIBERATION = '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf';

const declared = (property: string) => {
  const face = /font-family: 'Source Serif 4 fallback';[^}]*/.exec(css)![0];
  return Number(new RegExp(`${property}: ([\\d.]+)%`).exec(face)![1]);
};

describe('the fallback face', () => {
  it('has the size and vertical metrics of Source Serif 4 (to 0.01 %)', async () => {
    expect(existsSync(LIBERATION), `${LIBERATION} (Debian: apt-get install fonts-liberation)`).toBe(true);
    const text = await fromFile(TEXT_FONT);
    const fallback = await fromFile(LIBERATION);
    const sizeAdjust = text.xWidthAvg / text.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
    expect(declared('size-adjust')).toBeCloseTo(sizeAdjust * 100, 1);
    expect(declared('ascent-override')).toBeCloseTo((text.ascent / text.unitsPerEm / sizeAdjust) * 100, 1);
    expect(declared('descent-override')).toBeCloseTo((Math.abs(text.descent) / text.unitsPerEm / sizeAdjust) * 100, 1);
    expect(declared('line-gap-override')).toBeCloseTo((text.lineGap / text.unitsPerEm / sizeAdjust) * 100, 1);
  });

  it('is the one web font family (its roman, its italic loaded only when used, the fallback), under the 60 KB font budget', () => {
    expect(readFileSync(TEXT_FONT).byteLength).toBeLessThanOrEqual(60 * 1024);
    expect(css.match(/@font-face/g)).toHaveLength(3);
    expect(css.match(/font-family: 'Source Serif 4';/g)).toHaveLength(2);
  });
});
