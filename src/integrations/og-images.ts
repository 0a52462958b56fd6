/**
 * Link-preview images for the build, drawn after the pages are written
 * (astro:build:done) rather than inside Astro's page rendering, where one
 * image after another on one core was most of a large site's build time.
 *
 * The cards come from dist/og/cards.json, which the build's own endpoint
 * (src/pages/og/cards.json.ts) writes from the records the pages show; it
 * is removed once read. Each card's PNG comes from the cache when its key
 * (src/lib/og-render.ts) is there, otherwise it is drawn in a pool of worker
 * threads and put in the cache. The cache folder is inside Astro's cacheDir
 * (node_modules/.astro/ by default), the one folder CI keeps.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OG_CARDS_FILE, type OgCardEntry } from '../lib/og-card.ts';
import { cachePng, ogCacheKey } from '../lib/og-render.ts';
import { drawInPool } from '../lib/og-pool.ts';

/**
 * Preview images listed for this build but not yet in dist/ (site-relative file paths, "og/quotes/x.png"):
 * the pass over the pages (page-pass.ts) counts them as there when it checks links.
 */
const pending = new Set<string>();
export function pendingImages(): ReadonlySet<string> {
  return pending;
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
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const listFile = join(root, OG_CARDS_FILE);
        if (!existsSync(listFile)) throw new Error(`No ${OG_CARDS_FILE} in the build: src/pages/og/cards.json.ts should write the list of preview cards.`);
        const entries = JSON.parse(readFileSync(listFile, 'utf8')) as OgCardEntry[];
        rmSync(listFile);
        const started = performance.now();
        const folder = cacheDir!;
        const target = (entry: OgCardEntry) => {
          const file = join(root, entry.path);
          mkdirSync(dirname(file), { recursive: true });
          return file;
        };
        const toDraw: { entry: OgCardEntry; key: string }[] = [];
        for (const entry of entries) {
          const key = ogCacheKey(entry.card);
          const cached = join(folder, `${key}.png`);
          if (existsSync(cached)) copyFileSync(cached, target(entry));
          else toDraw.push({ entry, key });
        }
        await drawInPool(
          toDraw.map(({ entry }) => entry.card),
          (index, png) => {
            const { entry, key } = toDraw[index]!;
            writeFileSync(target(entry), png);
            cachePng(folder, key, png);
          },
        );
        logger.info(
          `Preview images: ${toDraw.length} drawn, ${entries.length - toDraw.length} from the cache (${folder}), in ${Math.round(performance.now() - started)} ms.`,
        );
      },
    },
  };
}
