/**
 * Cache keys for incremental builds (astro.config.mjs `experimental.incrementalBuild`).
 * Astro copies a page from the previous build instead of rendering it again when
 * the key its route gives it in getStaticPaths() is unchanged, and so is the code
 * the route imports (Astro hashes that part itself). So a key must cover every
 * piece of content the page shows: the pages build theirs from the digests of the
 * articles they draw on (src/model/corpus.ts `pageKey`), plus a digest of all the
 * data records, since most pages show people, places or meetings. A key that
 * misses an input would serve a stale page: tests/site/build/rebuild.test.ts compares
 * a warm rebuild with a cold build byte for byte.
 */
import { createHash } from 'node:crypto';

/** One key from its parts, in the order given (callers sort what has no order). */
export function cacheKeyOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}
