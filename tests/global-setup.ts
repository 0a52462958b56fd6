/**
 * Builds the site once for the whole run and serves dist/ for browser tests.
 * SUMMIT_SKIP_BUILD=1 reuses an existing dist/ (for quick local iterations).
 */
import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { astroBuild } from './support/build.ts';
import { serveDist, type RunningServer } from './support/server.ts';
import { distDir } from './support/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
  if (process.env['SUMMIT_SKIP_BUILD'] !== '1' || !existsSync(distDir)) {
    const started = Date.now();
    const { code, output } = await astroBuild();
    if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${output}`);
    console.log(`[global-setup] astro build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  server = await serveDist();
  project.provide('baseUrl', server.url);
}

export async function teardown() {
  await server?.stop();
}
