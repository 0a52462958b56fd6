/** Reads a built site folder into the shape the link checker takes. */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SiteFiles } from '../lib/link-check.ts';

export function readSiteFiles(root: string): SiteFiles {
  const pages = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) pages.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return {
    pages,
    exists: (file) => {
      const path = join(root, file);
      return existsSync(path) && statSync(path).isFile();
    },
  };
}
