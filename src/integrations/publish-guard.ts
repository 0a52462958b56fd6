/**
 * A failed build publishes nothing. Astro writes pages into the output folder
 * as it renders them and leaves them there when a later step fails (a later
 * page, the link check, search indexing), so a broken build could leave a
 * half-written or stale dist/ that `serve dist` would serve as if it were
 * good. When `astro build` exits with an error, this removes the output
 * folder. List it first, so that it is in place before any other hook can fail.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function publishGuardIntegration(): AstroIntegration {
  return {
    name: 'summit-desk:publish-guard',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const outDir = fileURLToPath(config.outDir);
        process.on('exit', (code) => {
          if (code === 0) return;
          rmSync(outDir, { recursive: true, force: true });
          logger.error(`Build failed: removed ${outDir} so that no half-built or stale site is served.`);
        });
      },
    },
  };
}
