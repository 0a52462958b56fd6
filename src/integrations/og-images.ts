/**
 * Link-preview images for the build, drawn after the pages are written
 * (astro:build:done) rather than inside Astro's page rendering, where one
 * image after another on one core was most of a large site's build time.
 *
 * The cards come from dist/og/cards.json, which the build's own endpoint
 * (src/pages/og/cards.json.ts) writes from the records the pages show; it
 * is removed once read. Each card's PNG comes from the cache when its key
 * (src/lib/og-render.ts) is there, otherwise a pool of worker threads draws it
 * into the cache. The cache folder is inside Astro's cacheDir
 * (node_modules/.astro/ by default), the one folder CI keeps.
 *
 * Two integrations, so the drawing overlaps the rest of the build: `ogImages`
 * starts the pool and returns at once, the pass over the pages runs while the
 * workers draw (the link check counts the images still being drawn as there:
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
import { OG_CARDS_FILE, type OgCardEntry } from '../lib/og-card.ts';
import { ogCacheKey } from '../lib/og-render.ts';
import { drawInPool, type DrawJob } from '../lib/og-pool.ts';

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

export default function ogImages(): AstroIntegration {
  let cacheDir: string | undefined;
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
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const listFile = join(root, OG_CARDS_FILE);
        if (!existsSync(listFile)) throw new Error(`No ${OG_CARDS_FILE} in the build: src/pages/og/cards.json.ts should write the list of preview cards.`);
        const entries = JSON.parse(readFileSync(listFile, 'utf8')) as OgCardEntry[];
        rmSync(listFile);
        const started = performance.now();
        const folder = cacheDir!;
        mkdirSync(folder, { recursive: true });
        // Cards with the same key (the same words by the same speaker in two articles) are drawn once.
        const toDraw = new Map<string, DrawJob>();
        const later: { cached: string; file: string }[] = [];
        pending.clear();
        for (const entry of entries) {
          const key = ogCacheKey(entry.card);
          const cached = join(folder, `${key}.png`);
          const file = join(root, entry.path);
          if (existsSync(cached) && !toDraw.has(key)) {
            place(cached, file);
            continue;
          }
          toDraw.set(key, { card: entry.card, key, path: entry.path });
          later.push({ cached, file });
          pending.add(entry.path.replace(/^\//, ''));
        }
        const threads = Math.min(availableParallelism(), toDraw.size);
        drawing = drawInPool([...toDraw.values()], folder, threads).then(() => ({
          place: () => {
            for (const { cached, file } of later) place(cached, file);
            pending.clear();
          },
          summary: `Preview images: ${toDraw.size} drawn, ${entries.length - later.length} from the cache (${folder}), in ${Math.round(performance.now() - started)} ms`,
        }));
        // Awaited by ogImagesWritten; a failure is reported there (or by the step that fails first).
        drawing.catch(() => {});
        logger.info(
          `Drawing ${toDraw.size} preview images in ${threads} worker thread(s) while the pages are checked and indexed; ${entries.length - later.length} from the cache.`,
        );
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
