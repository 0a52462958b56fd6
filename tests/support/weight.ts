/**
 * What a built page costs to load, read from dist/ without a browser: the
 * HTML, the stylesheets it links and the scripts it runs at load (with their
 * static imports), each gzipped at zlib's default level as `serve` sends
 * them. The byte budgets test and the bench both use it, so they agree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { distDir } from './paths.ts';
import { afterPaint, fileFor } from './dist.ts';

export const gzipSize = (data: string | Uint8Array): number => gzipSync(data).length;

export interface Asset {
  /** Site path, or "inline" for code in the page itself. */
  href: string;
  gzip: number;
}

export interface PageWeight {
  htmlRaw: number;
  htmlGzip: number;
  stylesheets: Asset[];
  /** Scripts that run at load or right after the first paint: external, inline and their static imports (dynamic imports load on use and are not counted). */
  scripts: Asset[];
  /** `<script>` elements in `<head>` that block parsing (no type=module, async or defer; JSON data blocks excepted). */
  blockingHeadScripts: string[];
  /** `@font-face` rules in the page's CSS without `font-display: swap` (or optional/fallback). */
  blockingFontFaces: string[];
}

const total = (assets: readonly Asset[]) => assets.reduce((sum, asset) => sum + asset.gzip, 0);
export const cssGzip = (weight: PageWeight) => total(weight.stylesheets);
export const jsGzip = (weight: PageWeight) => total(weight.scripts);

function readSiteFile(sitePath: string, root: string): string {
  const file = join(root, decodeURIComponent(sitePath.split(/[?#]/)[0]!));
  if (!existsSync(file)) throw new Error(`The page links ${sitePath}, which is not in ${root}`);
  return readFileSync(file, 'utf8');
}

const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json', 'importmap', 'speculationrules']);

/** Static imports of a module (`import … from "x"`, `import "x"`, `export … from "x"`), resolved against its path. */
function staticImports(code: string, from: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+)["']/g)) {
    const spec = match[1]!;
    if (spec.startsWith('/') || spec.startsWith('.')) found.add(spec.startsWith('/') ? spec : posix.join(posix.dirname(from), spec));
  }
  return [...found];
}

function fontFacesWithoutSwap(css: string): string[] {
  return [...css.matchAll(/@font-face\s*{[^}]*}/g)].map((match) => match[0]).filter((rule) => !/font-display\s*:\s*(swap|optional|fallback)/.test(rule));
}

export function pageWeight(sitePath: string, root = distDir): PageWeight {
  const file = fileFor(sitePath, root);
  if (!file) throw new Error(`No built page for ${sitePath} in ${root}`);
  const html = readFileSync(file, 'utf8');
  const { document } = parseHTML(html);
  const stylesheets: Asset[] = [];
  const blockingFontFaces: string[] = [];
  const inlineCss = [...document.querySelectorAll('style')].map((style) => style.textContent ?? '');
  for (const css of inlineCss) blockingFontFaces.push(...fontFacesWithoutSwap(css));
  for (const link of document.querySelectorAll('link[rel~="stylesheet"][href]')) {
    // A sheet for another medium (media="print") neither blocks rendering nor travels in the first round trip.
    const media = link.getAttribute('media');
    if (media !== null && media !== 'all' && media !== 'screen') continue;
    const href = link.getAttribute('href')!;
    const css = readSiteFile(href, root);
    stylesheets.push({ href, gzip: gzipSize(css) });
    blockingFontFaces.push(...fontFacesWithoutSwap(css));
  }

  const scripts: Asset[] = [];
  const blockingHeadScripts: string[] = [];
  const seen = new Set<string>();
  const addModule = (href: string) => {
    if (seen.has(href)) return;
    seen.add(href);
    const code = readSiteFile(href, root);
    scripts.push({ href, gzip: gzipSize(code) });
    for (const imported of staticImports(code, href)) addModule(imported);
  };
  // The scripts a page adds right after its first paint (each <template data-after-paint>, src/client/boot.ts) load
  // with it all the same: they are counted as the page's own.
  for (const script of [...document.querySelectorAll('script'), ...afterPaint(document, 'script')]) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (DATA_SCRIPT_TYPES.has(type)) continue;
    const src = script.getAttribute('src');
    const isModule = type === 'module';
    if (script.closest('head') && !isModule && !script.hasAttribute('async') && !script.hasAttribute('defer')) {
      blockingHeadScripts.push(src ?? `inline: ${(script.textContent ?? '').slice(0, 60)}`);
    }
    if (src) {
      if (/^https?:/.test(src)) throw new Error(`${sitePath} loads a script from another origin (${src}); the budget cannot count it.`);
      addModule(src.startsWith('/') ? src : posix.join(sitePath, src));
    } else {
      const code = script.textContent ?? '';
      scripts.push({ href: 'inline', gzip: gzipSize(code) });
      if (isModule) for (const imported of staticImports(code, sitePath)) addModule(imported);
    }
  }
  for (const link of document.querySelectorAll('link[rel="modulepreload"][href]')) addModule(link.getAttribute('href')!);

  return {
    htmlRaw: Buffer.byteLength(html),
    htmlGzip: gzipSize(html),
    stylesheets,
    scripts,
    blockingHeadScripts,
    blockingFontFaces,
  };
}
