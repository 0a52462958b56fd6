/**
 * Keeps published permalinks working (src/postbuild/permalinks.ts): after the pages
 * are written, adds an alias anchor for each moved fragment and a redirect
 * for each moved path (src/data/permalink-moves.json), then fails the build if
 * a page path or fragment id in src/data/permalinks.json is gone. The build's
 * one pass over dist/ (page-pass.ts) runs these steps page by page, before the
 * link check, which then checks the aliases and redirect pages too.
 */
import type { AstroIntegrationLogger } from 'astro';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCollection } from '../model/registry.ts';
import { KINDS, MENTION_KINDS } from '../model/kinds.ts';
import {
  addedPermalinks,
  droppedPermalinks,
  fragmentPage,
  parseManifest,
  parseMoves,
  permalinkCollector,
  type PermalinkManifest,
  type PermalinkMoves,
  redirectLines,
  redirectPage,
} from '../postbuild/permalinks.ts';

export const MANIFEST = 'src/data/permalinks.json';
export const MOVES = 'src/data/permalink-moves.json';

const readIfThere = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** The ids of every record an article can mention (the kinds table's collections), which name permalinks on listing and meeting pages. */
export function recordIds(contentDir: string): Set<string> {
  return new Set(MENTION_KINDS.flatMap((kind) => [...readCollection(contentDir, KINDS[kind].collection).keys()]));
}

/**
 * Checks the moves against the build and writes the redirect pages and `_redirects` lines they ask
 * for. The alias anchors are added page by page by the one pass over dist/ (page-pass.ts), with
 * `aliasEditor` (src/postbuild/permalinks.ts).
 */
export function prepareMoves(outDir: string, moves: PermalinkMoves, site: string | undefined): { aliases: number; redirects: number; redirected: Set<string> } {
  for (const fragment of Object.keys(moves.fragments)) {
    if (!existsSync(join(outDir, fragmentPage(fragment)[0])))
      throw new Error(`${MOVES}: "${fragment}" is on ${fragment.split('#')[0]}, which is not in the build. Fix the page path.`);
  }
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
  return {
    aliases: Object.keys(moves.fragments).length,
    redirects: Object.keys(moves.paths).length,
    redirected: new Set(Object.keys(moves.paths)),
  };
}

/**
 * The manifest and the moves file, read and checked when the build starts (a malformed one fails there,
 * named, rather than after every page has rendered). Absent files are undefined.
 */
export function readPermalinkFiles(root: string): { manifest: PermalinkManifest | undefined; moves: PermalinkMoves } {
  const manifestJson = readIfThere(join(root, MANIFEST));
  const moves = parseMoves(readIfThere(join(root, MOVES)), MOVES);
  return { manifest: manifestJson === undefined ? undefined : parseManifest(manifestJson, MANIFEST), moves };
}

/**
 * The permalink check of a build, fed page by page: fails (throws) when a path
 * or id pinned in the manifest is gone, warns of new ones not yet pinned.
 */
export function permalinkCheck(manifest: PermalinkManifest | undefined, contentDir: string, redirected: ReadonlySet<string>, logger: AstroIntegrationLogger) {
  const collector = permalinkCollector(recordIds(contentDir));
  return {
    scanned: collector.scanned,
    done(summary: string) {
      if (manifest === undefined) {
        // Not a failure, or the first manifest could never be made from a build; tests/site/build/permalinks.test.ts requires it.
        logger.warn(`${MANIFEST} is missing, so no permalink is protected. Create it with \`npm run ids -- --update\` and commit it.`);
        return;
      }
      const current = collector.result();
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
      logger.info(`All ${Object.values(manifest.pages).reduce((sum, ids) => sum + ids.length + 1, 0)} pinned paths and ids are present (${summary}).`);
    },
  };
}
