/**
 * The page pass's worker thread (src/postbuild/page-thread.ts): each page's result reaches the main
 * thread in the pages' order, a narrowed page is written back and what search is given of it written
 * where Pagefind reads it, a step's error names the page and stops the pass, and the worker never runs
 * more than AHEAD pages beyond those the main thread has taken.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { globSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AHEAD, passInThread } from '../../src/postbuild/page-thread.ts';
import { cspHash } from '../../src/postbuild/page-scan.ts';
import type { WorkedPage } from '../../src/postbuild/page-work.ts';
import { projectRoot } from '../support/paths.ts';

const NO_MOVES = { paths: {}, fragments: {} };
const STYLE = 'p{color:red}';
const OTHER = cspHash('main{margin:0}');

/** A built page whose policy allows its own style and one it does not have. */
function page(title: string, body = ''): string {
  const policy = `default-src 'self'; style-src 'self' ${cspHash(STYLE)} ${OTHER}`.replaceAll("'", '&#39;');
  return `<!DOCTYPE html><html lang="en"><head><meta http-equiv="content-security-policy" content="${policy}"><style>${STYLE}</style><title>${title}</title></head><body><main data-pagefind-body><h1 id="top">${title}</h1>${body}</main></body></html>`;
}

let dir: string;
let searchFolder: string;
function site(pages: Record<string, string>): string[] {
  dir = mkdtempSync(join(tmpdir(), 'page-thread-'));
  searchFolder = join(dir, '.search');
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return Object.keys(pages).sort();
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the page pass in a worker thread', () => {
  it.each([1, 3])(
    'hands over each page in order, narrowed and scanned, writes the narrowed page back and what search is given of it (%i workers)',
    async (threads) => {
      const files = site({ 'index.html': page('Home', '<a href="/b/">B</a>'), 'a/index.html': page('A'), 'b/index.html': page('B') });
      const seen: WorkedPage[] = [];
      await passInThread(projectRoot, dir, searchFolder, files, NO_MOVES, (worked) => void seen.push(worked), threads);
      expect(seen.map((worked) => worked.page)).toEqual(['a/index.html', 'b/index.html', 'index.html']);
      const home = seen[2]!;
      expect(home.policy).toBe(`default-src 'self';style-src 'self' ${cspHash(STYLE)}`);
      expect(home.saved).toBeGreaterThan(0);
      expect(home.scan.links).toEqual([{ attribute: 'href', url: '/b/' }]);
      expect(home.scan.ids.map(({ id }) => id)).toEqual(['top']);
      expect(seen.every((worked) => worked.marked)).toBe(true);
      const indexable = readFileSync(join(searchFolder, 'index.html'), 'utf8');
      expect(indexable).not.toContain('<style');
      expect(indexable).toContain('<main data-pagefind-body>');
      expect(globSync('**/*.html', { cwd: searchFolder }).sort()).toEqual(files);
      const written = readFileSync(join(dir, 'index.html'), 'utf8');
      expect(written).not.toContain(OTHER.replaceAll("'", '&#39;'));
      expect(written).toContain('<a href="/b/">B</a>');
    },
  );

  it('fails naming the page when a step fails there, and takes no page after it', async () => {
    const blocked = page('Blocked').replace('</main>', '</main><style>em{color:blue}</style>');
    const files = site({ 'a/index.html': page('A'), 'b/index.html': blocked, 'c/index.html': page('C') });
    const taken: string[] = [];
    await expect(passInThread(projectRoot, dir, searchFolder, files, NO_MOVES, ({ page }) => void taken.push(page))).rejects.toThrow(
      /^b\/index\.html: an inline style .* is not allowed by the page's Content-Security-Policy/,
    );
    // Page a may have been taken before b's error came (the workers share the pages); none after b is.
    expect(taken.filter((file) => file !== 'a/index.html')).toEqual([]);
  });

  it('fails with the error of the main thread’s step, and with a page that cannot be read', async () => {
    const files = site({ 'a/index.html': page('A'), 'b/index.html': page('B') });
    await expect(
      passInThread(projectRoot, dir, searchFolder, files, NO_MOVES, ({ page }) => {
        if (page === 'b/index.html') throw new Error('broken link on b');
      }),
    ).rejects.toThrow('broken link on b');
    await expect(passInThread(projectRoot, dir, searchFolder, [...files, 'gone/index.html'], NO_MOVES, () => {})).rejects.toThrow(/^gone\/index\.html: ENOENT/);
  });

  it(`keeps at most ${AHEAD} pages beyond those the main thread has taken`, async () => {
    const files = site(Object.fromEntries(Array.from({ length: AHEAD * 3 }, (_, n) => [`p${String(n).padStart(3, '0')}/index.html`, page(`P${n}`)])));
    let prepared: number | undefined;
    await passInThread(projectRoot, dir, searchFolder, files, NO_MOVES, () => {
      if (prepared !== undefined) return;
      // The main thread held on its first page: meanwhile the worker prepares the pages its window allows, and waits.
      const until = Date.now() + 400;
      while (Date.now() < until);
      prepared = globSync('**/*.html', { cwd: searchFolder }).length;
    });
    expect(prepared).toBe(AHEAD);
    expect(globSync('**/*.html', { cwd: searchFolder })).toHaveLength(AHEAD * 3);
  });
});
