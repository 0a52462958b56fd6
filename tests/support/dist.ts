/** Reads the built site in dist/: parsed HTML documents, and every file's digest. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { distDir } from './paths.ts';
import { isRedirectPage } from '../../src/postbuild/permalinks.ts';

/** Every HTML page in dist/ (the Pagefind bundle and redirect pages for moved permalinks excluded), as site paths ("/articles/x/", "/404.html"). */
export function builtPages(root = distDir): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((rel) => rel.endsWith('.html') && !rel.startsWith('pagefind/') && !rel.startsWith('_astro/'))
    .filter((rel) => !isRedirectPage(readFileSync(join(root, rel), 'utf8')))
    .map((rel) => (rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`))
    .sort();
}

/** The file in dist/ a site path is served from, or undefined. */
export function fileFor(sitePath: string, root = distDir): string | undefined {
  const clean = decodeURIComponent(sitePath.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/')
    ? [join(root, clean, 'index.html')]
    : [join(root, clean), join(root, clean, 'index.html'), join(root, `${clean}.html`)];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

export function readPage(sitePath: string, root = distDir): Document {
  const file = fileFor(sitePath, root);
  if (!file) throw new Error(`No built page for ${sitePath} in ${root}`);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

export function readPageSource(sitePath: string, root = distDir): string {
  const file = fileFor(sitePath, root);
  if (!file) throw new Error(`No built page for ${sitePath} in ${root}`);
  return readFileSync(file, 'utf8');
}

/** Every file of a built site, by its path in the site: the SHA-256 of its bytes (PNGs and the search index included). */
export function fileDigests(root = distDir): Map<string, string> {
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        join(entry.parentPath, entry.name)
          .slice(root.length + 1)
          .split(sep)
          .join('/'),
      )
      .sort()
      .map((path) => [
        path,
        createHash('sha256')
          .update(readFileSync(join(root, path)))
          .digest('hex'),
      ]),
  );
}

/** The paths whose bytes differ between two sites, or that only one has. */
export function differingFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
}
