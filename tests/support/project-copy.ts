/**
 * Copies of the project for fixture and benchmark builds. Every package in
 * node_modules is linked, but the build caches (`.astro` with the content
 * store, `.vite`, `.cache` with preview images) are left out: each copy gets
 * its own, so builds running side by side never read each other's content.
 */
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const PRIVATE = new Set(['.astro', '.vite', '.cache']);

export function linkNodeModules(projectRoot: string, target: string): void {
  mkdirSync(join(target, 'node_modules'), { recursive: true });
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (!PRIVATE.has(name)) symlinkSync(join(projectRoot, 'node_modules', name), join(target, 'node_modules', name));
  }
}
