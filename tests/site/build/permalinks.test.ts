/**
 * The committed permalink manifest (src/data/permalinks.json) pins exactly
 * what this build publishes: nothing missing (the build itself fails then),
 * nothing new left unpinned (run `npm run ids -- --update`), and it holds
 * every kind of permalink the site promises, checked here from the pages'
 * markup and the content rather than with the code that writes the manifest.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readSiteFiles } from '../../../src/integrations/site-files.ts';
import { recordIds } from '../../../src/integrations/permalinks.ts';
import { addedPermalinks, collectPermalinks, droppedPermalinks, parseManifest, parseMoves } from '../../../src/postbuild/permalinks.ts';
import { builtPages, readPage } from '../../support/dist.ts';
import { distDir, projectRoot } from '../../support/paths.ts';

const manifest = parseManifest(readFileSync(join(projectRoot, 'src/data/permalinks.json'), 'utf8'));
const pinned = (path: string) => new Set(manifest.pages[path] ?? []);
const movesFile = join(projectRoot, 'src/data/permalink-moves.json');
/** Pinned paths that are redirects now: their ids moved with them (src/data/permalink-moves.json). */
const redirected = new Set(Object.keys(parseMoves(readFileSync(movesFile, 'utf8')).paths));

describe('the permalink manifest', () => {
  test('lists every page path and permalink id of this build, and nothing it lacks', () => {
    const current = collectPermalinks(readSiteFiles(distDir).pages, recordIds(join(projectRoot, 'content')));
    expect(Object.keys(current.pages).length).toBeGreaterThan(10);
    expect(droppedPermalinks(manifest, current, redirected), 'pinned but not built').toEqual([]);
    expect(addedPermalinks(manifest, current), 'built but not pinned: run `npm run ids -- --update`').toEqual([]);
  });

  test('pins every built page path', () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(manifest.pages, page).toHaveProperty([page]);
  });

  test("pins each article's paragraphs, headings, pull quote and quotations", () => {
    const articles = builtPages().filter((path) => /^\/articles\/[^/]+\/$/.test(path));
    expect(articles.length).toBeGreaterThanOrEqual(2);
    let headings = 0;
    for (const path of articles) {
      const main = readPage(path).querySelector('main')!;
      const paragraphs = [...main.querySelectorAll('p[id^="p-"]')].map((p) => p.id);
      expect(paragraphs.length, path).toBeGreaterThan(3);
      const blocks = [...paragraphs, ...[...main.querySelectorAll('h2[id], figure[id^="pq-"]')].map((element) => element.id)];
      headings += main.querySelectorAll('h2[id]').length;
      for (const id of blocks) expect(pinned(path), `${path}#${id}`).toContain(id);
      const quotations = [...main.querySelectorAll('[data-quote]')].map((element) => element.getAttribute('data-quote')!);
      expect(quotations.length, path).toBeGreaterThan(0);
      for (const id of quotations) expect(manifest.pages, `quote page of ${id}`).toHaveProperty([`/quotes/${id}/`]);
    }
    expect(headings, 'the long article has a heading').toBeGreaterThan(0);
  });

  test('pins every meeting and event on the timeline, and every person, organisation and place on /people/', () => {
    const events = parse(readFileSync(join(projectRoot, 'content/events.yaml'), 'utf8')) as { id: string }[];
    expect(events.length).toBeGreaterThan(2);
    const timeline = readPage('/timeline/');
    const shown = events.filter((event) => timeline.getElementById(event.id));
    expect(shown.length).toBeGreaterThan(2);
    for (const event of shown) expect(pinned('/timeline/'), event.id).toContain(event.id);
    const people = readPage('/people/');
    const listed = [...people.querySelectorAll('main [id]')].map((element) => element.id).filter((id) => /^(org|place)-/.test(id));
    expect(listed.length).toBeGreaterThan(5);
    for (const id of listed) expect(pinned('/people/'), id).toContain(id);
    const personPages = builtPages().filter((path) => /^\/people\/[^/]+\/$/.test(path));
    expect(personPages.length).toBeGreaterThan(5);
  });
});

describe('npm run ids', () => {
  /**
   * A throwaway project root with this build's sources and dist/ (so `ids` finds dist/ is their build: its stamp) and
   * its own manifest. src/ is copied, the rest linked.
   */
  function root(manifest: object): string {
    const dir = mkdtempSync(join(tmpdir(), 'summit-ids-'));
    cpSync(join(projectRoot, 'src'), join(dir, 'src'), { recursive: true });
    for (const entry of ['content', 'public', 'node_modules', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'])
      symlinkSync(join(projectRoot, entry), join(dir, entry));
    symlinkSync(distDir, join(dir, 'dist'));
    writeFileSync(join(dir, 'src', 'data', 'permalinks.json'), JSON.stringify(manifest));
    return dir;
  }
  const ids = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'src', 'cli', 'ids.ts'), ...args], { cwd, encoding: 'utf8' });

  test('says the committed manifest is up to date', () => {
    const run = ids(projectRoot);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('src/data/permalinks.json is up to date.');
  });

  test('lists new ids and pins them only with --update; never drops one', () => {
    const article = '/articles/hanoi-hangover/';
    const pinnedIds = manifest.pages[article]!;
    expect(pinnedIds.length).toBeGreaterThan(5);
    const [newId, ...rest] = pinnedIds;
    const dir = root({ pages: { ...manifest.pages, [article]: rest } });
    try {
      const check = ids(dir);
      expect(check.status).toBe(1);
      expect(check.stdout).toContain(`+ ${article}#${newId}`);
      expect(parseManifest(readFileSync(join(dir, 'src/data/permalinks.json'), 'utf8')).pages[article]).not.toContain(newId);
      const update = ids(dir, '--update');
      expect(update.status, update.stderr).toBe(0);
      expect(parseManifest(readFileSync(join(dir, 'src/data/permalinks.json'), 'utf8')).pages[article]).toContain(newId);

      writeFileSync(join(dir, 'src/data/permalinks.json'), JSON.stringify({ pages: { ...manifest.pages, [article]: [...pinnedIds, 'p-gone'] } }));
      const dropped = ids(dir, '--update');
      expect(dropped.status).toBe(1);
      expect(dropped.stdout).toContain(`- ${article}#p-gone`);
      expect(readFileSync(join(dir, 'src/data/permalinks.json'), 'utf8')).toContain('p-gone');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
