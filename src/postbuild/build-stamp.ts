/**
 * The stamp a built site carries: the digest of the sources it was built from (src/model/inputs.ts),
 * taken when the build starts and written into the site when it is complete (publish-guard.ts), so that
 * `npm run ids -- --update` can refuse a dist/ that is not the build of the sources in the checkout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourcesDigest } from '../model/inputs.ts';

/** The stamp's file in the built site. */
export const STAMP_FILE = 'build-stamp.json';

export interface BuildStamp {
  sources: string;
}

export function stampText(root: string): string {
  return `${JSON.stringify({ sources: sourcesDigest(root) } satisfies BuildStamp)}\n`;
}

/** The stamp a built site carries, or undefined when it has none (never built, or built before stamps). */
export function readStamp(outDir: string): BuildStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(join(outDir, STAMP_FILE), 'utf8')) as Partial<BuildStamp>;
    return typeof stamp.sources === 'string' ? { sources: stamp.sources } : undefined;
  } catch {
    return undefined;
  }
}
