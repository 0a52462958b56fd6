/**
 * The preview-card renderer (src/og/render.ts and the og-* modules it
 * draws with): the PNG it writes, where the design puts the band, the rule
 * and the text, line breaks that never cut a word, and bytes that do not
 * depend on what was drawn before.
 */
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OG_COLOR, OG_DESIGN, ogCardSpec, type OgCard } from '../../src/og/card.ts';
import { layOutCard, OgFonts } from '../../src/og/layout.ts';
import { OgGlyphCache } from '../../src/og/raster.ts';
import { createOgDrawer, drawOgCard, OG_FONT_FILES } from '../../src/og/render.ts';
import { encodeIndexedPng } from '../../src/og/png-encode.ts';

const require = createRequire(import.meta.url);

/** A decoded palette PNG: its size and each pixel's colour as "#rrggbb". */
interface Decoded {
  width: number;
  height: number;
  colourType: number;
  at: (x: number, y: number) => string;
}

function decode(png: Buffer): Decoded {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  let palette: Buffer = Buffer.alloc(0);
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colourType = body[9]!;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  expect(rows.length).toBe((width + 1) * height);
  // Checked once for the whole image, so that reading pixels is cheap: every row unfiltered, every index in the palette.
  const colours = Array.from({ length: palette.length / 3 }, (_, i) => `#${palette.subarray(i * 3, i * 3 + 3).toString('hex')}`);
  let maxIndex = 0;
  for (let y = 0; y < height; y += 1) {
    expect(rows[y * (width + 1)], `row ${y} filter`).toBe(0);
    for (let x = 1; x <= width; x += 1) maxIndex = Math.max(maxIndex, rows[y * (width + 1) + x]!);
  }
  expect(maxIndex).toBeLessThan(colours.length);
  return { width, height, colourType, at: (x, y) => colours[rows[y * (width + 1) + 1 + x]!]! };
}

const ARTICLE: OgCard = {
  label: 'Article',
  title: 'Hanoi hangover: why North Korea’s Kim snubs Trump for Russia’s embrace',
  body: 'Analysts say Kim views the 2019 summit’s failure as a personal insult, despite Trump’s continued overtures',
  byline: 'This Week in Asia',
  detail: 'Source inferred from the text',
};
const DIRECT: OgCard = {
  label: 'Direct quote',
  title: 'peaceful but cold coexistence',
  quote: 'direct',
  byline: 'Hong Min',
  detail: 'Senior researcher, Korea Institute for National Unification',
};
const LONG_PARAPHRASE: OgCard = {
  label: 'Paraphrase by the article',
  title:
    'called for a pragmatic interim agreement centred on “stable coexistence”, proposing reciprocal steps such as scaling back US–South Korea military exercises in exchange for North Korea freezing nuclear and long-range missile tests, with sanctions relief on textiles and seafood to follow each verified step',
  quote: 'paraphrase',
  byline: 'Frank Aum',
  detail: 'Senior expert on Northeast Asia, US Institute of Peace',
};
const MEETING: OgCard = {
  label: 'Trump–Kim meeting',
  title: 'DMZ meeting at Panmunjom',
  body: 'A brief meeting in the Demilitarized Zone.',
  byline: '30 June 2019 · Panmunjom',
};

const left = OG_DESIGN.band + OG_DESIGN.padding.left;
const right = 1200 - OG_DESIGN.padding.right;

function fonts(): OgFonts {
  return new OgFonts(OG_FONT_FILES.map(({ file, ...face }) => ({ ...face, data: readFileSync(require.resolve(`@fontsource/source-serif-4/files/${file}`)) })));
}

/** Every pixel that is neither background, band nor rule. */
function inkPixels(image: Decoded): { x: number; y: number; colour: string }[] {
  const plain = new Set([OG_COLOR.bg, OG_COLOR.surface]);
  const ink: { x: number; y: number; colour: string }[] = [];
  for (let y = 0; y < image.height; y += 1) {
    for (let x = OG_DESIGN.band; x < image.width; x += 1) {
      const colour = image.at(x, y);
      if (!plain.has(colour as typeof OG_COLOR.bg)) ink.push({ x, y, colour });
    }
  }
  return ink;
}

describe('preview card PNG', () => {
  it('is a 1200×630 palette PNG', () => {
    const image = decode(drawOgCard(ARTICLE));
    expect([image.width, image.height, image.colourType]).toEqual([1200, 630, 3]);
  });

  it.each([
    ['an article', ARTICLE, OG_COLOR.accent],
    ['a direct quote', DIRECT, OG_COLOR.quote],
    ['a paraphrase', LONG_PARAPHRASE, OG_COLOR.paraphrase],
  ])('puts the band of %s down the left edge, background beside it', (_name, card, band) => {
    const image = decode(drawOgCard(card));
    for (const y of [0, 315, 629]) {
      expect(image.at(0, y)).toBe(band);
      expect(image.at(OG_DESIGN.band - 1, y)).toBe(band);
      expect(image.at(OG_DESIGN.band, y)).toBe(OG_COLOR.bg);
    }
    expect(image.at(1199, 629)).toBe(OG_COLOR.bg);
  });

  it('draws the rule over the footer only on cards with a byline', () => {
    const withByline = layOutCard(fonts(), ogCardSpec(DIRECT));
    expect(withByline.rule).toMatchObject({ x: left, width: right - left, height: OG_DESIGN.rule });
    const image = decode(drawOgCard(DIRECT));
    expect(image.at(600, withByline.rule!.y)).toBe(OG_COLOR.surface);
    expect(image.at(600, withByline.rule!.y + OG_DESIGN.rule)).toBe(OG_COLOR.bg);
    expect(layOutCard(fonts(), ogCardSpec({ label: 'Annotated', title: 'A site card', body: 'Its summary.' })).rule).toBeUndefined();
  });

  it('keeps every text pixel inside the text box, in the card’s inks', () => {
    for (const card of [ARTICLE, DIRECT, LONG_PARAPHRASE, MEETING]) {
      const ink = inkPixels(decode(drawOgCard(card)));
      expect(ink.length, card.title).toBeGreaterThan(5000);
      const xs = ink.map((p) => p.x);
      const ys = ink.map((p) => p.y);
      // Glyphs may overhang their advance by a pixel or two (an italic f, a quote mark), no more.
      expect(Math.min(...xs), card.title).toBeGreaterThanOrEqual(left - 3);
      expect(Math.max(...xs), card.title).toBeLessThanOrEqual(right + 3);
      expect(Math.min(...ys), card.title).toBeGreaterThanOrEqual(OG_DESIGN.padding.top);
      expect(Math.max(...ys), card.title).toBeLessThanOrEqual(630 - OG_DESIGN.padding.bottom + 10); // descenders of the last line
      // Full-strength ink appears: the title's text colour, the brand's accent, and muted for the label.
      const colours = new Set(ink.map((p) => p.colour));
      expect(colours).toContain(OG_COLOR.text);
      expect(colours).toContain(OG_COLOR.accent);
      expect(colours).toContain(OG_COLOR.muted);
    }
  });

  it('sets the brand at the top left and the label flush right', () => {
    const layout = layOutCard(fonts(), ogCardSpec(DIRECT));
    const header = layout.glyphs.filter((g) => g.size === 26);
    const brand = header.filter((g) => g.ink === 'accent');
    const label = header.filter((g) => g.ink === 'muted');
    expect(layout.lines.brand).toEqual(['SUMMIT DESK']);
    expect(layout.lines.label).toEqual(['DIRECT QUOTE']);
    expect(Math.min(...brand.map((g) => g.x))).toBe(left);
    expect(Math.max(...label.map((g) => g.x))).toBeGreaterThan(right - 40);
    expect(Math.max(...header.map((g) => g.y))).toBeLessThan(100);
  });
});

describe('preview card text', () => {
  it('breaks a long title between words, in the text box, in smaller type, and ends it with an ellipsis', () => {
    const spec = ogCardSpec(LONG_PARAPHRASE);
    expect(spec.title.text.length).toBeLessThanOrEqual(280);
    expect(spec.title.text.endsWith('…')).toBe(true);
    expect(spec.title.style).toMatchObject({ size: 38, italic: true, weight: 600 });
    const layout = layOutCard(fonts(), spec);
    const lines = layout.lines.title!;
    expect(lines.length).toBeGreaterThan(3);
    // Joined again, the lines are the title word for word: no word cut in two, none lost.
    expect(lines.join(' ')).toBe(spec.title.text.split(' ').filter(Boolean).join(' '));
    const title = layout.glyphs.filter((g) => g.size === 38);
    expect(Math.max(...title.map((g) => g.x))).toBeLessThan(right);
    expect(new Set(title.map((g) => g.y)).size).toBe(lines.length);
  });

  it('puts quote marks round a direct quotation and sets a paraphrase in italic', () => {
    expect(ogCardSpec(DIRECT).title.text).toBe('“peaceful but cold coexistence”');
    expect(ogCardSpec(DIRECT).title.style.italic).toBe(false);
    expect(ogCardSpec(LONG_PARAPHRASE).title.text.startsWith('called')).toBe(true);
    const italic = OG_FONT_FILES.findIndex((file) => file.italic);
    const layout = layOutCard(fonts(), ogCardSpec(LONG_PARAPHRASE));
    expect(layout.glyphs.filter((g) => g.size === 38).every((g) => g.font === italic)).toBe(true);
  });

  it('breaks a word wider than the box between characters rather than drawing past the edge', () => {
    const layout = layOutCard(fonts(), ogCardSpec({ label: 'Test', title: `Address: ${'x'.repeat(120)}` }));
    expect(layout.lines.title!.length).toBeGreaterThan(1);
    expect(layout.lines.title!.join('')).toBe(`Address:${'x'.repeat(120)}`);
    expect(Math.max(...layout.glyphs.map((g) => g.x))).toBeLessThan(right);
  });

  it('draws letters the latin subset lacks from latin-ext, and refuses a letter no font has', () => {
    const card = { label: 'Test', title: 'Łódź, Đakovo and Ōita' };
    expect(() => drawOgCard(card)).not.toThrow();
    const fontsUsed = new Set(layOutCard(fonts(), ogCardSpec(card)).glyphs.map((g) => OG_FONT_FILES[g.font]!.file));
    expect(fontsUsed).toContain('source-serif-4-latin-700-normal.woff');
    expect(fontsUsed).toContain('source-serif-4-latin-ext-700-normal.woff');
    expect(() => drawOgCard({ label: 'Test', title: 'Kim Jong Un (김정은)' })).toThrow(/“김” \(U\+AE40\).*OG_FONT_FILES/);
  });
});

describe('preview card bytes', () => {
  it('are the same for a card whatever was drawn before it', () => {
    const alone = createOgDrawer()(LONG_PARAPHRASE);
    const after = createOgDrawer();
    after(ARTICLE);
    after(MEETING);
    after(DIRECT);
    const again = after(LONG_PARAPHRASE);
    expect(again.equals(alone)).toBe(true);
    expect(drawOgCard(LONG_PARAPHRASE).equals(alone)).toBe(true);
  });

  it('differ from card to card', () => {
    const drawn = [ARTICLE, DIRECT, LONG_PARAPHRASE, MEETING].map((card) => drawOgCard(card).toString('base64'));
    expect(new Set(drawn).size).toBe(4);
  });

  it('draw a glyph the same wherever it lands in the batch of glyphs drawn together', () => {
    const set = fonts();
    const glyphs = [0, 3].flatMap((font) =>
      [38, 56].flatMap((size) =>
        [0, 1, 2, 3].flatMap((phase) =>
          [...new Set('“Sphinx of black quartz, judge my vow!” 0123456789')].map((char) => ({
            font,
            size,
            phase,
            id: set.fonts[font]!.glyphForCodePoint(char.codePointAt(0)!).id,
          })),
        ),
      ),
    );
    // The same glyphs in the opposite order: each lands in another cell of the atlas.
    const forward = new OgGlyphCache(set.fonts);
    forward.prepare(glyphs);
    const backward = new OgGlyphCache(set.fonts);
    backward.prepare([...glyphs].reverse());
    expect(forward.batches).toBe(1);
    const drawn = glyphs
      .map((g) => [forward.get(g.font, g.id, g.size, g.phase), backward.get(g.font, g.id, g.size, g.phase)] as const)
      .filter(([a]) => a !== null);
    expect(drawn.length).toBeGreaterThan(500);
    for (const [a, b] of drawn) expect({ ...b!, levels: [...b!.levels] }).toEqual({ ...a!, levels: [...a!.levels] });
  });
});

describe('encodeIndexedPng', () => {
  it('writes the rows it is given and refuses rows or a palette of the wrong size', () => {
    const rows = Uint8Array.from([0, 0, 1, 0, 1, 0]);
    const image = decode(encodeIndexedPng(2, 2, Uint8Array.from([255, 0, 0, 0, 0, 255]), rows));
    expect([image.at(0, 0), image.at(1, 0), image.at(0, 1), image.at(1, 1)]).toEqual(['#ff0000', '#0000ff', '#0000ff', '#ff0000']);
    expect(() => encodeIndexedPng(2, 2, Uint8Array.from([255, 0, 0]), rows.subarray(1))).toThrow(/rows/);
    expect(() => encodeIndexedPng(2, 2, new Uint8Array(3 * 257), rows)).toThrow(/palette/);
  });
});
