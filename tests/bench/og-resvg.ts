/**
 * The preview card drawn whole by a maintained library, for the comparison in
 * tests/bench/og-cards.ts: the same layout (fontkit, src/og/layout.ts), the
 * card written as one SVG (band, rule, each glyph's outline once in <defs>,
 * placed with <use>) and rasterised and PNG-encoded by @resvg/resvg-js. Not
 * used by the build: the hand-written rasteriser stays while this costs more
 * than 1.5× its CPU (README, Performance).
 */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OG_COLOR, OG_DESIGN, OG_IMAGE_SIZE, ogCardSpec, type OgCard } from '../../src/og/card.ts';
import { layOutCard, OgFonts } from '../../src/og/layout.ts';
import { OG_FONT_FILES } from '../../src/og/render.ts';

const require = createRequire(import.meta.url);

export function createResvgDrawer(): (card: OgCard) => Buffer {
  const fonts = new OgFonts(
    OG_FONT_FILES.map(({ file, ...face }) => ({ ...face, data: readFileSync(require.resolve(`@fontsource/source-serif-4/files/${file}`)) })),
  );
  const outlines = new Map<string, string>();
  return (card) => {
    const spec = ogCardSpec(card);
    const layout = layOutCard(fonts, spec);
    const { width, height } = OG_IMAGE_SIZE;
    const defs: string[] = [];
    const uses: string[] = [];
    const used = new Set<string>();
    for (const glyph of layout.glyphs) {
      const id = `g${glyph.font}-${glyph.id}`;
      let d = outlines.get(id);
      if (d === undefined) {
        d = fonts.fonts[glyph.font]!.getGlyph(glyph.id).path.toSVG();
        outlines.set(id, d);
      }
      if (!d) continue;
      if (!used.has(id)) {
        used.add(id);
        defs.push(`<path id="${id}" d="${d}"/>`);
      }
      const scale = glyph.size / fonts.unitsPerEm;
      uses.push(`<use href="#${id}" fill="${OG_COLOR[glyph.ink]}" transform="translate(${glyph.x} ${glyph.y}) scale(${scale} ${-scale})"/>`);
    }
    const rule = layout.rule
      ? `<rect x="${layout.rule.x}" y="${layout.rule.y}" width="${layout.rule.width}" height="${layout.rule.height}" fill="${OG_COLOR.surface}"/>`
      : '';
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><defs>${defs.join('')}</defs>` +
      `<rect width="${width}" height="${height}" fill="${OG_COLOR.bg}"/><rect width="${OG_DESIGN.band}" height="${height}" fill="${spec.band}"/>${rule}${uses.join('')}</svg>`;
    return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
  };
}
