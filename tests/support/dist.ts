/** Reads the built site in dist/ as parsed HTML documents. */
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
