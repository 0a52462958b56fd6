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

/**
 * The elements matching `selector` that a page adds after its first paint (inside each
 * `<template data-after-paint>`, src/client/boot.ts): the parser keeps them out of the document itself.
 */
export function afterPaint(document: Document, selector: string): Element[] {
  return [...document.querySelectorAll('template[data-after-paint]')].flatMap((template) => [
    ...(template as HTMLTemplateElement).content.querySelectorAll(selector),
  ]);
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

/**
 * What a page's markup is made of, for `coveringPages`: each element name, each class, and each short
 * `data-` or `aria-` attribute with its value (a stance, a kind, a state), as `tag`, `.class`, `[name=value]`.
 */
export function markupTokens(html: string): Set<string> {
  const { document } = parseHTML(html);
  const tokens = new Set<string>();
  for (const element of document.querySelectorAll('*')) {
    tokens.add(element.localName);
    for (const name of element.classList) tokens.add(`.${name}`);
    for (const { name, value } of element.attributes)
      if ((name.startsWith('data-') || name.startsWith('aria-') || name === 'role') && value.length <= 24) tokens.add(`[${name}=${value}]`);
  }
  return tokens;
}

/**
 * A few pages that between them hold every element, class and state any page holds (a greedy set cover,
 * the page adding most first; ties by path), for checks whose result depends on the page's kinds of
 * markup rather than on its words: in every colour scheme and width, each kind of thing the site prints
 * is then looked at in at least one page.
 */
export function coveringPages(pages: readonly string[], root = distDir): string[] {
  const remaining = new Map(pages.map((page) => [page, markupTokens(readFileSync(fileFor(page, root)!, 'utf8'))]));
  const uncovered = new Set([...remaining.values()].flatMap((tokens) => [...tokens]));
  const chosen: string[] = [];
  while (uncovered.size > 0) {
    let best: [string, number] | undefined;
    for (const [page, tokens] of remaining) {
      const gain = [...tokens].filter((token) => uncovered.has(token)).length;
      if (!best || gain > best[1]) best = [page, gain];
    }
    const [page] = best!;
    for (const token of remaining.get(page)!) uncovered.delete(token);
    remaining.delete(page);
    chosen.push(page);
  }
  return chosen.sort();
}
