/**
 * A failed build publishes nothing. Astro writes pages into the output folder
 * as it renders them and leaves them there when a later step fails, so a
 * broken build could leave a half-written (or a stale) dist/ that `serve dist`
 * would serve as if it were good. This integration, listed last, marks the
 * build complete only after every other `astro:build:done` hook has run; if
 * the process exits any other way during `astro build`, it removes the output
 * folder.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function publishGuardIntegration(): AstroIntegration {
  let building = false;
  let complete = false;
  return {
    name: 'summit-desk:publish-guard',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config, logger }) => {
        if (!building) return;
        const outDir = fileURLToPath(config.outDir);
        process.on('exit', (code) => {
          if (complete && code === 0) return;
          rmSync(outDir, { recursive: true, force: true });
          logger.error(`Build failed: removed ${outDir} so that no half-built or stale site is served.`);
        });
      },
      'astro:build:done': () => {
        complete = true;
      },
    },
  };
}
