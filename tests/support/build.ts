/** Runs `astro build` in a folder and reports what it printed, for the global setup and the bad-input fixtures. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

export interface BuildResult {
  code: number | null;
  output: string;
}

export interface BuildOptions {
  /** Extra environment variables (e.g. SITE_URL). */
  env?: Record<string, string>;
  /** Called with everything printed so far, each time more arrives (e.g. to stop the build mid-way). */
  onOutput?: (output: string, child: ChildProcess) => void;
  /** Called once the build's process is started (e.g. to stop it after a while). */
  onStart?: (child: ChildProcess) => void;
}

export function astroBuild(root = projectRoot, extraArgs: string[] = [], options: BuildOptions = {}): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root, ...extraArgs], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    options.onStart?.(child);
    let output = '';
    const more = (chunk: Buffer) => {
      output += chunk;
      options.onOutput?.(output, child);
    };
    child.stdout.on('data', more);
    child.stderr.on('data', more);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
