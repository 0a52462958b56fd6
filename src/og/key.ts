/**
 * The cache key of a preview image: a SHA-256 of what the card shows and of
 * everything that draws it, read from the files themselves (no hand-bumped
 * version): the drawing code (src/og/render.ts and every project file it
 * imports, found with es-module-lexer), the font files, and the lockfile
 * (fontkit's, resvg's and every other package's version). Change any of them
 * and every card is drawn again; change none and the PNG is the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importClosure } from '../lib/import-closure.ts';
import { ogCardSpec, type OgCard } from './card.ts';
import { loadFontFiles } from './fonts.ts';

/** The module that draws a card: it and what it imports are the drawing code. */
export const OG_DRAWING_ENTRY = join('src', 'og', 'render.ts');

const digests = new Map<string, string>();

/** The files that decide how a card is drawn, relative to the project root, sorted. */
export function ogDrawingFiles(root = process.cwd()): string[] {
  const code = importClosure([join(root, OG_DRAWING_ENTRY)], (file) => readFileSync(file, 'utf8'));
  return [...code, ...(existsSync(join(root, 'package-lock.json')) ? [join(root, 'package-lock.json')] : [])].map((file) => relative(root, file)).sort();
}

/** A digest of the drawing code, the lockfile and the fonts: computed once per project root and thread. */
export function ogDrawingDigest(root = process.cwd()): string {
  let digest = digests.get(root);
  if (digest === undefined) {
    const hash = createHash('sha256');
    for (const file of ogDrawingFiles(root))
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(join(root, file)))
        .update('\0');
    for (const font of loadFontFiles()) hash.update(font.data).update('\0');
    digest = hash.digest('hex');
    digests.set(root, digest);
  }
  return digest;
}

/** The cache key of a card: what it shows and everything that draws it. */
export function ogCacheKey(card: OgCard, root = process.cwd()): string {
  return createHash('sha256')
    .update(ogDrawingDigest(root))
    .update(JSON.stringify(ogCardSpec(card)))
    .digest('hex');
}
