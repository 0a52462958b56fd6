/**
 * `npm run ids`: compares the built site (dist/, from `npm run build`) with
 * the permalink manifest, src/data/permalinks.json, and lists what is new and
 * what is gone. `npm run ids -- --update` writes the new ids into the manifest.
 * It never removes one: a permalink that moved is recorded in
 * src/data/permalink-moves.json, and the build keeps the old one working.
 * It refuses a dist/ that is not the build of the sources in the checkout
 * (its stamp, src/postbuild/build-stamp.ts), so nothing stale is ever pinned,
 * and writes the manifest as Prettier formats it (npm run check stays green).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { sourcesDigest } from '../model/inputs.ts';
import { readStamp } from '../postbuild/build-stamp.ts';
import { readSiteFiles } from '../integrations/site-files.ts';
import { MANIFEST, MOVES, recordIds } from '../integrations/permalinks.ts';
import {
  addedPermalinks,
  collectPermalinks,
  droppedPermalinks,
  formatManifest,
  parseManifest,
  parseMoves,
  type PermalinkManifest,
} from '../postbuild/permalinks.ts';

const root = process.cwd();
const dist = join(root, process.env['SUMMIT_DIST'] ?? 'dist');
const update = process.argv.includes('--update');

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
const stamp = readStamp(dist);
if (stamp?.sources !== sourcesDigest(root)) {
  console.error(
    `${dist} is not the build of the sources in this checkout (${stamp ? 'they changed since it was built' : 'it carries no build stamp'}): run \`npm run build\` first, so that only what the sources publish is compared and pinned.`,
  );
  process.exit(1);
}
const current = collectPermalinks(readSiteFiles(dist).pages, recordIds(join(root, 'content')));
const manifestPath = join(root, MANIFEST);
const manifest: PermalinkManifest = existsSync(manifestPath) ? parseManifest(readFileSync(manifestPath, 'utf8')) : { pages: {} };
const added = addedPermalinks(manifest, current);
const movesPath = join(root, MOVES);
const moves = parseMoves(existsSync(movesPath) ? readFileSync(movesPath, 'utf8') : undefined);
const dropped = droppedPermalinks(manifest, current, new Set(Object.keys(moves.paths)));

for (const link of dropped) console.log(`- ${link}  (gone: record it in src/data/permalink-moves.json)`);
for (const link of added) console.log(`+ ${link}`);
if (dropped.length > 0) {
  console.error(`${dropped.length} pinned permalink(s) are not in the build; the manifest is not changed. Record the moves, rebuild, and run this again.`);
  process.exit(1);
}
if (added.length === 0) {
  console.log(`${MANIFEST} is up to date.`);
} else if (update) {
  // Union, so that nothing pinned is ever dropped by an update.
  const pages: Record<string, string[]> = { ...manifest.pages };
  for (const [path, ids] of Object.entries(current.pages)) pages[path] = [...new Set([...(pages[path] ?? []), ...ids])];
  const options = (await resolveConfig(manifestPath)) ?? {};
  writeFileSync(manifestPath, await format(formatManifest({ pages }), { ...options, filepath: manifestPath }));
  console.log(`Added ${added.length} permalink(s) to ${MANIFEST}. Commit it.`);
} else {
  console.error(`${added.length} permalink(s) are not pinned yet. Run \`npm run ids -- --update\` and commit ${MANIFEST}.`);
  process.exit(1);
}
