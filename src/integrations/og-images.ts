/**
 * Wires the preview images in (src/og/images.ts, drawn by the route
 * src/pages/[images]/[...card].png.ts): tells the route where the image cache is
 * (inside Astro's cacheDir, node_modules/.astro/ by default, the one folder CI
 * keeps) and whether this is a build, where the cards are drawn ahead in
 * worker threads, or `astro dev`, where each is drawn on request. The route
 * cannot ask import.meta.env.DEV: that follows NODE_ENV, which test runners set.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function ogImages(): AstroIntegration {
  return {
    name: 'summit-desk:og-images',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const value = { cacheDir: join(fileURLToPath(config.cacheDir), 'summit-og'), build: command === 'build' };
        updateConfig({ vite: { define: { 'import.meta.env.SUMMIT_OG': JSON.stringify(value) } } });
      },
    },
  };
}
