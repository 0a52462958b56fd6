/**
 * Link-preview images for the build, drawn in a pool of worker threads rather
 * than inside Astro's page rendering, where one image after another on one
 * core was most of a large site's build time.
 *
 * The cards come from the build's own endpoint (src/pages/og/cards.json.ts),
 * which computes them from the records the pages show. It hands them to this
 * integration as soon as it renders (src/og/handoff.ts), so the workers
 * draw while Astro renders the other pages on its one thread; it also writes
 * them to dist/og/cards.json, which astro:build:done reads only when nothing
 * was handed off, and removes. Each card's PNG comes
 * from the cache when its key (src/og/render.ts) is there, otherwise a
 * worker draws it into the cache. The cache folder is inside Astro's cacheDir
 * (node_modules/.astro/ by default), the one folder CI keeps.
 *
 * Two integrations, so the drawing overlaps the rest of the build: `ogImages`
 * starts the pool and returns at once, the pass over the pages runs while the
 * workers finish (the link check counts the images still being drawn as there:
 * `pendingImages`), and `ogImagesWritten`, listed after it, waits for the pool
 * and links each PNG from the cache into dist/ (before search indexing, so the
 * workers' memory is gone when Pagefind's process needs its own). The workers write
 * only into the cache, never into dist/: a build that fails meanwhile leaves
 * nothing half-written there for the publish guard to race.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { OG_CARDS_FILE, type OgCardEntry } from '../og/card.ts';
import { ogCacheKey } from '../og/render.ts';
import { drawInPool, type DrawJob } from '../og/pool.ts';
import { receiveOgCards } from '../og/handoff.ts';

/**
 * Preview images listed for this build but not yet in dist/ (site-relative file paths, "og/quotes/x.png"):
 * the pass over the pages (page-pass.ts) counts them as there when it checks links.
 */
const pending = new Set<string>();
export function pendingImages(): ReadonlySet<string> {
  return pending;
}

/** The drawing under way: what to put in dist/ when it is done, and the line to log. */
let drawing: Promise<{ place: () => void; summary: string }> | undefined;

/** A PNG from the cache into dist/: a hard link where the two share a disk (no bytes copied), a copy where they cannot. */
function place(cached: string, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  try {
    linkSync(cached, file);
  } catch (error) {
    // Another disk, or a file system without hard links. Anything else (a file already there) is a bug to report:
    // copying over a file linked into the cache would change the cache too.
    if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(cached, file);
  }
}

/** The drawing begun: cached PNGs to link into dist/ with the pages, the counts for the log. */
interface Begun {
  cached: { cached: string; file: string }[];
  drawn: number;
  threads: number;
}

/** Sorts the cards into cached and to draw, and starts the pool on the ones to draw (into the cache, never into dist/). */
function begin(entries: readonly OgCardEntry[], root: string, folder: string, cores: number): Begun {
  const started = performance.now();
  mkdirSync(folder, { recursive: true });
  // Cards with the same key (the same words by the same speaker in two articles) are drawn once.
  const toDraw = new Map<string, DrawJob>();
  const cached: Begun['cached'] = [];
  const later: Begun['cached'] = [];
  pending.clear();
  for (const entry of entries) {
    const key = ogCacheKey(entry.card);
    const png = join(folder, `${key}.png`);
    const file = join(root, entry.path);
    if (existsSync(png) && !toDraw.has(key)) {
      cached.push({ cached: png, file });
      continue;
    }
    toDraw.set(key, { card: entry.card, key, path: entry.path });
    later.push({ cached: png, file });
    pending.add(entry.path.replace(/^\//, ''));
  }
  const threads = Math.max(1, Math.min(cores, toDraw.size));
  drawing = drawInPool([...toDraw.values()], folder, threads).then(() => ({
    place: () => {
      for (const { cached: png, file } of later) place(png, file);
      pending.clear();
    },
    summary: `Preview images: ${toDraw.size} drawn, ${cached.length} from the cache (${folder}), in ${Math.round(performance.now() - started)} ms`,
  }));
  // Awaited by ogImagesWritten; a failure is reported there (or by the step that fails first).
  drawing.catch(() => {});
  return { cached, drawn: toDraw.size, threads };
}

export default function ogImages(): AstroIntegration {
  let cacheDir: string | undefined;
  let outDir: string | undefined;
  /** What the hand-off began while the pages rendered. */
  let early: Begun | undefined;
  return {
    name: 'summit-desk:og-images',
    hooks: {
      // The route that draws an image per request (src/pages/og/[...image].png.ts) is for `astro dev`
      // only. It cannot ask import.meta.env.DEV: that follows NODE_ENV, which test runners set.
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.SUMMIT_OG_ON_REQUEST': JSON.stringify(command === 'dev') } } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'summit-og');
        outDir = fileURLToPath(config.outDir);
      },
      // Astro renders pages on one thread, waiting on the disk between them: the workers start as soon as
      // the cards endpoint has rendered (src/og/handoff.ts) and draw on the other cores meanwhile, one
      // core left to Astro (with all of them, Astro's rendering slowed by half and the build lost time:
      // 300 articles on 2 cores, 40.3 s with two workers, 31.8 s with one, 35.0 s drawing after the pages).
      'astro:build:start': ({ logger }) => {
        early = undefined;
        receiveOgCards((entries) => {
          if (early) throw new Error('The preview cards were handed to the build twice: src/pages/og/cards.json.ts renders once per build.');
          early = begin(entries, outDir!, cacheDir!, availableParallelism() - 1);
          logger.info(
            `Drawing ${early.drawn} preview images in ${early.threads} worker thread(s) while the pages render; ${early.cached.length} from the cache.`,
          );
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        receiveOgCards(undefined);
        const root = fileURLToPath(dir);
        const listFile = join(root, OG_CARDS_FILE);
        if (!existsSync(listFile)) throw new Error(`No ${OG_CARDS_FILE} in the build: src/pages/og/cards.json.ts should write the list of preview cards.`);
        // The file and the hand-off are the same GET's list: read only when nothing was handed off.
        let begun = early;
        early = undefined;
        if (!begun) {
          // No hand-off (the endpoint's page came from elsewhere): start now, while the pages are checked.
          begun = begin(JSON.parse(readFileSync(listFile, 'utf8')) as OgCardEntry[], root, cacheDir!, availableParallelism());
          logger.info(
            `Drawing ${begun.drawn} preview images in ${begun.threads} worker thread(s) while the pages are checked and indexed; ${begun.cached.length} from the cache.`,
          );
        }
        rmSync(listFile);
        for (const { cached, file } of begun.cached) place(cached, file);
      },
    },
  };
}

/** The end of the preview images (see above): waits for the pool, then links each new PNG into dist/. Listed after the page pass. */
export function ogImagesWritten(): AstroIntegration {
  return {
    name: 'summit-desk:og-images',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        if (!drawing) throw new Error('ogImagesWritten() runs after ogImages() (astro.config.mjs): no preview images were started.');
        const started = performance.now();
        const { place: placeAll, summary } = await drawing;
        const waited = Math.round(performance.now() - started);
        placeAll();
        drawing = undefined;
        logger.info(`${summary}, of which ${waited} ms after the pages were checked.`);
      },
    },
  };
}
