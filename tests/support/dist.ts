/** Reads the built site in dist/ as parsed HTML documents. */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { distDir } from './paths.ts';
import { isRedirectPage } from '../../src/lib/permalinks.ts';

/** Every HTML page in dist/ (the Pagefind bundle and redirect pages for moved permalinks excluded), as site paths ("/articles/x/", "/404.html"). */
export function builtPages(root = distDir): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name.endsWith('.html') && !isRedirectPage(readFileSync(path, 'utf8'))) {
        const rel = relative(root, path).split(sep).join('/');
        pages.push(rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`);
      }
    }
  };
  walk(root);
  return pages.sort();
}

/** The file in dist/ a site path is served from, or undefined. */
export function fileFor(sitePath: string, root = distDir): string | undefined {
  const clean = decodeURIComponent(sitePath.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [join(root, clean, 'index.html')] : [join(root, clean), join(root, clean, 'index.html'), join(root, `${clean}.html`)];
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
