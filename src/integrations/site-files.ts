/**
 * A built site folder in the shape the link checker and the per-page steps
 * take: the list of pages up front, each page's markup read only when it is
 * reached, so no step holds the whole site in memory.
 */
import { globSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { SiteFiles } from '../postbuild/link-check.ts';

/** Every HTML page under `root`, as sorted site-relative paths with "/" separators. */
export function htmlPages(root: string): string[] {
  return globSync('**/*.html', { cwd: root })
    .map((path) => path.split(sep).join('/'))
    .sort();
}

/** The pages of a site, read one at a time as they are iterated. */
export class SitePages implements Iterable<[string, string]> {
  readonly root: string;
  readonly paths: readonly string[];
  // Fields written out, not as parameter properties: `npm run ids` runs this file on Node's type stripping.
  constructor(root: string) {
    this.root = root;
    this.paths = htmlPages(root);
  }
  get size(): number {
    return this.paths.length;
  }
  *[Symbol.iterator](): Iterator<[string, string]> {
    for (const page of this.paths) yield [page, readFileSync(join(this.root, page), 'utf8')];
  }
}

export function readSiteFiles(root: string): SiteFiles & { pages: SitePages } {
  const known = new Map<string, boolean>();
  return {
    pages: new SitePages(root),
    exists: (file) => {
      let found = known.get(file);
      if (found === undefined) {
        found = statSync(join(root, file), { throwIfNoEntry: false })?.isFile() ?? false;
        known.set(file, found);
      }
      return found;
    },
  };
}
