/**
 * Which files determine what a build outputs, and their digest, computed from the files themselves (never a
 * hand-bumped version or a file's date). Paths are taken relative to the project root, so a copy of the
 * project in another folder has the same digests.
 * - `contentCodeDigest`: the code that turns content into the content store: the collections
 *   (src/content.config.ts), the model and its schemas, the Markdown plugins, the helpers they use, the
 *   config that sets the pipeline up, and the package files (the versions of every dependency). The
 *   article loader puts it in every article's digest; the publish guard discards the whole content store
 *   when it changes (Astro keys a data record by the record alone, so a schema edit would go unseen).
 *   tests/unit/inputs.test.ts checks that nothing these folders import lies outside them.
 * - `sourcesDigest`: everything a build reads (all of src/, content/, public/, the config and package
 *   files) but the permalink manifest: the stamp written into the built site (src/postbuild/build-stamp.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const PACKAGES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
export const CONTENT_CODE = ['src/content.config.ts', 'src/model', 'src/markdown', 'src/lib', ...PACKAGES];
const SOURCES = ['src', 'content', 'public', ...PACKAGES];
/** The permalink manifest is checked by the build but shapes none of its output; `npm run ids -- --update` writes it after a build. */
const NOT_SOURCES = new Set(['src/data/permalinks.json']);

function filesOf(root: string, entry: string): string[] {
  const path = join(root, entry);
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((item) => item.isFile())
    .map((item) => join(item.parentPath, item.name));
}

/** The files under `entries`, as sorted root-relative names with `/`. */
export function inputFiles(root: string, entries: readonly string[]): string[] {
  return entries
    .flatMap((entry) => filesOf(root, entry))
    .map((path) => relative(root, path).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function digestOf(root: string, entries: readonly string[]): string {
  const hash = createHash('sha256');
  for (const name of inputFiles(root, entries).filter((file) => !NOT_SOURCES.has(file)))
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(root, name)))
      .update('\0');
  return hash.digest('hex');
}

export const contentCodeDigest = (root: string): string => digestOf(root, CONTENT_CODE);
export const sourcesDigest = (root: string): string => digestOf(root, SOURCES);
