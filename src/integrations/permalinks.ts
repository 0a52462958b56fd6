/**
 * Keeps published permalinks working (src/lib/permalinks.ts): after the pages
 * are written, adds an alias anchor for each moved fragment and a redirect
 * for each moved path (src/data/permalink-moves.json), then fails the build if
 * a page path or fragment id in src/data/permalinks.json is gone. Runs before
 * the link check, which then checks the aliases and redirect pages too.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSiteFiles } from './site-files.ts';
import { loadRegistry } from '../lib/registry.ts';
import { addAlias, addedPermalinks, collectPermalinks, droppedPermalinks, parseManifest, parseMoves, redirectLines, redirectPage } from '../lib/permalinks.ts';

export const MANIFEST = 'src/data/permalinks.json';
export const MOVES = 'src/data/permalink-moves.json';

const QUOTE_PATH = /^\/quotes\/([^/]+)\/$/;

const readIfThere = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** The ids of every data record, which name permalinks on listing and meeting pages. */
export function recordIds(contentDir: string): Set<string> {
  const registry = loadRegistry(contentDir);
  return new Set([registry.people, registry.organisations, registry.places, registry.events].flatMap((map) => [...map.keys()]));
}

/** Writes the aliases and redirects the moves file asks for into a built site. */
export function applyMoves(
  outDir: string,
  movesJson: string | undefined,
  site: string | undefined,
): { aliases: number; redirects: number; redirected: Set<string> } {
  const moves = parseMoves(movesJson);
  const pagesByPath = new Map<string, string>();
  for (const [fragment, target] of Object.entries(moves.fragments)) {
    const [path, oldId] = fragment.split('#') as [string, string];
    const file = join(outDir, path, 'index.html');
    if (!existsSync(file)) throw new Error(`${MOVES}: "${fragment}" is on ${path}, which is not in the build. Fix the page path.`);
    const html = pagesByPath.get(file) ?? readFileSync(file, 'utf8');
    pagesByPath.set(file, addAlias(html, path, oldId, target));
  }
  // A quotation's id is both its page (/quotes/<id>/) and its fragment wherever it is shown (the article,
  // /quotes/, people and meeting pages), so one recorded path move carries its fragments everywhere too.
  const quoteMoves = Object.entries(moves.paths).flatMap(([from, to]) => {
    const [oldId, newId] = [QUOTE_PATH.exec(from)?.[1], QUOTE_PATH.exec(to)?.[1]];
    return oldId && newId ? [[oldId, newId] as const] : [];
  });
  if (quoteMoves.length > 0) {
    for (const [page, original] of readSiteFiles(outDir).pages) {
      const file = join(outDir, page);
      let html = pagesByPath.get(file) ?? original;
      for (const [oldId, newId] of quoteMoves) {
        if (html.includes(` id="${newId}"`) && !html.includes(` id="${oldId}"`)) html = addAlias(html, page, oldId, newId);
      }
      if (html !== original) pagesByPath.set(file, html);
    }
  }
  for (const [file, html] of pagesByPath) writeFileSync(file, html);
  for (const [from, to] of Object.entries(moves.paths)) {
    const target = join(outDir, from, 'index.html');
    if (existsSync(target))
      throw new Error(`${MOVES}: ${from} is recorded as moved to ${to}, but the build still has a page at ${from}. Remove the move, or the page.`);
    if (!existsSync(join(outDir, to, 'index.html')))
      throw new Error(`${MOVES}: ${from} is recorded as moved to ${to}, which is not in the build. Point it at a page that exists.`);
    mkdirSync(join(outDir, from), { recursive: true });
    writeFileSync(target, redirectPage(to, site));
  }
  const lines = redirectLines(moves.paths);
  if (lines) writeFileSync(join(outDir, '_redirects'), lines);
  return { aliases: Object.keys(moves.fragments).length, redirects: Object.keys(moves.paths).length, redirected: new Set(Object.keys(moves.paths)) };
}

export default function permalinksIntegration(options: { contentDir: string }): AstroIntegration {
  let root = process.cwd();
  let site: string | undefined;
  return {
    name: 'summit-desk:permalinks',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { aliases, redirects, redirected } = applyMoves(outDir, readIfThere(join(root, MOVES)), site);
        const manifestJson = readIfThere(join(root, MANIFEST));
        if (manifestJson === undefined) {
          // Not a failure, or the first manifest could never be made from a build; tests/build/permalinks.test.ts requires it.
          logger.warn(`${MANIFEST} is missing, so no permalink is protected. Create it with \`npm run ids -- --update\` and commit it.`);
          return;
        }
        const manifest = parseManifest(manifestJson);
        const current = collectPermalinks(readSiteFiles(outDir).pages, recordIds(options.contentDir));
        const dropped = droppedPermalinks(manifest, current, redirected);
        if (dropped.length > 0) {
          throw new Error(
            `${dropped.length} published permalink(s) would break; ${MANIFEST} lists them but this build does not have them:\n${dropped.map((link) => `  ${link}`).join('\n')}\n` +
              `Fix: keep the id or page, or record where it went in ${MOVES}: {"paths": {"/old/path/": "/new/path/"}, "fragments": {"/page/#old-id": "new-id"}}. The build then adds an alias anchor or a redirect.`,
          );
        }
        const added = addedPermalinks(manifest, current);
        if (added.length > 0)
          logger.warn(
            `${added.length} new permalink(s) not yet in ${MANIFEST} (first: ${added[0]}). Pin them with \`npm run ids -- --update\` and commit the manifest.`,
          );
        logger.info(
          `All ${Object.values(manifest.pages).reduce((sum, ids) => sum + ids.length + 1, 0)} pinned paths and ids are present (${aliases} alias anchor(s), ${redirects} redirect(s)).`,
        );
      },
    },
  };
}
