/** The preview cards' fonts: Source Serif 4 from @fontsource, read from node_modules, so no network is needed. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { OgFontFile } from './layout.ts';

/** The latin files first (the card's faces), latin-ext for the letters they lack. */
export const OG_FONT_FILES = [
  { weight: 400, italic: false, primary: true, file: 'source-serif-4-latin-400-normal.woff' },
  { weight: 600, italic: false, primary: true, file: 'source-serif-4-latin-600-normal.woff' },
  { weight: 700, italic: false, primary: true, file: 'source-serif-4-latin-700-normal.woff' },
  { weight: 600, italic: true, primary: true, file: 'source-serif-4-latin-600-italic.woff' },
  { weight: 400, italic: false, primary: false, file: 'source-serif-4-latin-ext-400-normal.woff' },
  { weight: 700, italic: false, primary: false, file: 'source-serif-4-latin-ext-700-normal.woff' },
] as const;

let loaded: OgFontFile[] | undefined;

/**
 * The font files' bytes, read once per thread. Resolved from the project's
 * package.json, not from this module: in a build this code runs from Astro's
 * bundle, wherever the build writes it.
 */
export function loadFontFiles(): OgFontFile[] {
  const require = createRequire(join(process.cwd(), 'package.json'));
  loaded ??= OG_FONT_FILES.map(({ file, ...face }) => ({ ...face, data: readFileSync(require.resolve(`@fontsource/source-serif-4/files/${file}`)) }));
  return loaded;
}
