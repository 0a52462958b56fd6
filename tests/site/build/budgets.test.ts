/**
 * Byte budgets for article pages (issue 8), checked on the built dist/.
 * Only what is deterministic is asserted here; timings are the bench's
 * (`npm run bench`), which reports them without failing.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, readPageSource } from '../../support/dist.ts';
import { projectRoot } from '../../support/paths.ts';
import { cssGzip, gzipSize, jsGzip, pageWeight } from '../../support/weight.ts';

/** One TCP round trip's first window: 10 segments of 1,460 bytes. */
const FIRST_WINDOW = 14_600;
/** Search and other enhancements load on use; what runs at load stays small. */
const JS_AT_LOAD = 6 * 1024;

const articles = builtPages().filter((path) => path.startsWith('/articles/'));

describe('article page budgets', () => {
  it('finds the article pages to check', () => {
    expect(articles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(articles)('%s: HTML + CSS fit in the first round trip (≤ 14,600 bytes gzip)', (path) => {
    const weight = pageWeight(path);
    // The CSS must be counted somewhere: inline in the HTML (build.inlineStylesheets) or in linked sheets, each non-empty.
    // ("every" alone passed on a page with no stylesheet list at all.)
    const inlineCss =
      readPageSource(path)
        .match(/<style\b[^>]*>([\s\S]*?)<\/style>/g)
        ?.join('').length ?? 0;
    expect(inlineCss + weight.stylesheets.length, 'no CSS found for the page').toBeGreaterThan(0);
    if (weight.stylesheets.length === 0) expect(inlineCss, 'inline CSS').toBeGreaterThan(2000);
    for (const sheet of weight.stylesheets) expect(sheet.gzip, sheet.href).toBeGreaterThan(0);
    const htmlAndCss = weight.htmlGzip + cssGzip(weight);
    expect(htmlAndCss, `HTML ${weight.htmlGzip} + CSS ${cssGzip(weight)} (${weight.stylesheets.map((s) => s.href).join(', ')})`).toBeLessThanOrEqual(
      FIRST_WINDOW,
    );
  });

  it.each(articles)('%s: no script blocks parsing from <head>', (path) => {
    expect(pageWeight(path).blockingHeadScripts).toEqual([]);
  });

  it.each(articles)('%s: JavaScript at load ≤ 6 KB gzip', (path) => {
    const weight = pageWeight(path);
    expect(jsGzip(weight), JSON.stringify(weight.scripts)).toBeLessThanOrEqual(JS_AT_LOAD);
  });

  it.each(articles)('%s: no web font blocks text (every @font-face swaps)', (path) => {
    expect(pageWeight(path).blockingFontFaces).toEqual([]);
  });
});

describe('the weight checks catch what they look for', () => {
  it('counts linked CSS (not a print sheet), scripts (also those added after the first paint) and their static imports, and flags blocking scripts and fonts', () => {
    const root = join(projectRoot, 'tests/.tmp/weight-fixture');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'page'), { recursive: true });
    const css = '@font-face { font-family: X; src: url(/x.woff2); } body { color: red; }';
    const entry = 'import { a } from "./chunk.js"; a(); import("./lazy.js");';
    const chunk = 'export const a = () => 1;';
    writeFileSync(join(root, 'site.css'), css);
    writeFileSync(join(root, 'print.css'), 'body { color: black; font-size: 11pt; margin: 2cm; }');
    writeFileSync(join(root, 'entry.js'), entry);
    writeFileSync(join(root, 'chunk.js'), chunk);
    writeFileSync(join(root, 'lazy.js'), 'export default 1;');
    writeFileSync(join(root, 'late.js'), 'document.title = "late";');
    writeFileSync(
      join(root, 'page/index.html'),
      '<!doctype html><html><head><link rel="stylesheet" href="/site.css"><link rel="stylesheet" href="/print.css" media="print"><script src="/entry.js" type="module"></script><script>var blocking = 1;</script><script type="application/ld+json">{}</script></head><body><p>Hi</p><template data-after-paint><script type="module" src="/late.js"></script></template></body></html>',
    );
    const weight = pageWeight('/page/', root);
    expect(cssGzip(weight)).toBe(gzipSize(css));
    expect(weight.scripts.map((script) => script.href)).toEqual(['/entry.js', '/chunk.js', 'inline', '/late.js']);
    expect(jsGzip(weight)).toBe(gzipSize(entry) + gzipSize(chunk) + gzipSize('var blocking = 1;') + gzipSize('document.title = "late";'));
    expect(weight.blockingHeadScripts).toEqual(['inline: var blocking = 1;']);
    expect(weight.blockingFontFaces).toHaveLength(1);
    rmSync(root, { recursive: true, force: true });
  });
});
