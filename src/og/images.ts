/**
 * The preview images' one interface to the site: the route
 * src/pages/[images]/[...card].png.ts lists the cards (getStaticPaths, each path
 * keyed by ogCacheKey for Astro's incremental build) and asks here for each
 * PNG.
 *
 *   drawAhead(cards, cacheDir)  in a build, called once from getStaticPaths, before
 *                               Astro renders any page: starts worker threads on
 *                               the cards the image cache lacks, so they are drawn
 *                               on the other cores while Astro renders the pages.
 *   ogImage(card, cacheDir[, key])  the PNG (key: the card's ogCacheKey, when the caller has it): from the cache; or, when a worker is
 *                               drawing it, once it is there; or drawn on this
 *                               thread when no worker has reached it yet.
 *
 * The cache is a folder of PNGs named by key (key.ts: the card and everything
 * that draws it), each written under a temporary name and renamed, so an entry
 * is whole or absent, and the bytes are the same whoever drew them. The state
 * below (the drawing begun) is this module's alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { OgCard, OgCardEntry } from './card.ts';
import { ogCacheKey } from './key.ts';
import { DrawingPool, type DrawJob } from './pool.ts';
import { cachePng, drawOgCard } from './render.ts';

/** The drawing begun by drawAhead: the pool and each key's job. */
let ahead: { pool: DrawingPool; index: Map<string, number>; cacheDir: string } | undefined;

/** Starts drawing, in worker threads, every card the cache lacks; returns how many. One core is left to Astro's rendering. */
export function drawAhead(entries: readonly OgCardEntry[], cacheDir: string, threads = availableParallelism() - 1): number {
  const jobs: DrawJob[] = [];
  const index = new Map<string, number>();
  for (const { card, path } of entries) {
    const key = ogCacheKey(card);
    // Cards with the same key (the same words by the same speaker in two articles) are drawn once.
    if (index.has(key) || existsSync(join(cacheDir, `${key}.png`))) continue;
    index.set(key, jobs.length);
    jobs.push({ card, key, path });
  }
  ahead = jobs.length > 0 ? { pool: new DrawingPool(jobs, cacheDir, threads), index, cacheDir } : undefined;
  return jobs.length;
}

/** The card's PNG (see above). */
export async function ogImage(card: OgCard, cacheDir: string, key = ogCacheKey(card)): Promise<Buffer<ArrayBuffer>> {
  const file = join(cacheDir, `${key}.png`);
  if (existsSync(file)) return readFileSync(file);
  const job = ahead?.cacheDir === cacheDir ? ahead.index.get(key) : undefined;
  if (ahead && job !== undefined && !ahead.pool.claim(job)) {
    await ahead.pool.drawn(job);
    return readFileSync(file);
  }
  const png = drawOgCard(card);
  cachePng(cacheDir, key, png);
  return png;
}
