/**
 * A failed build publishes nothing. Astro writes pages into the output folder
 * as it renders them and leaves them there when a later step fails (a later
 * page, the link check, search indexing) or when the build is stopped
 * (Ctrl-C, a CI runner's SIGTERM), so a broken build could leave a
 * half-written or stale dist/ that `serve dist` would serve as if it were
 * good. When `astro build` ends any way but successfully, this removes the
 * output folder.
 *
 * Two stages, so that nothing can fail before the guard is in place:
 * - `armPublishGuard()` is called at the top of astro.config.mjs, before the
 *   config can throw (an invalid SITE_URL, unreadable data files); it guesses
 *   the output folder from the command line (`--outDir`, else <root>/dist).
 * - the integration, listed first, replaces that guess with the folder Astro
 *   actually resolved, before any other hook can fail.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Exit codes for the signals, as a shell reports them (128 + signal number). */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * One guard per process: Astro may load this module more than once (the
 * config file and the integration are bundled separately), and every copy
 * must share the folder and the listeners.
 */
interface GuardState {
  guarded: string | undefined;
  armed: boolean;
  report: (message: string) => void;
}
const KEY = Symbol.for('summit-desk.publish-guard');
const state: GuardState = ((globalThis as Record<symbol, unknown>)[KEY] as GuardState | undefined) ?? {
  guarded: undefined,
  armed: false,
  report: (message) => console.error(message),
};
(globalThis as Record<symbol, unknown>)[KEY] = state;

/**
 * How long the main thread waits, without yielding, before it removes the folder. Astro renders four
 * pages at once (build.concurrency), and a page's mkdir and write already handed to libuv's thread pool
 * land whatever the main thread does: removed first, the folder came back with a page in it (seen once
 * in CI). Blocking, rather than a timer, keeps Astro from handing over any more writes meanwhile.
 */
const SETTLE_MS = 250;

function removeOutput(why: string): void {
  const folder = state.guarded;
  if (!folder) return;
  state.guarded = undefined;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
  rmSync(folder, { recursive: true, force: true });
  state.report(`${why}: removed ${folder} so that no half-built or stale site is served.`);
}

function arm(outDir: string): void {
  state.guarded = outDir;
  if (state.armed) return;
  state.armed = true;
  process.on('exit', (code) => {
    if (code !== 0) removeOutput('Build failed');
  });
  for (const [signal, code] of Object.entries(SIGNALS)) {
    // Listening replaces Node's default (exit at once), so the handler exits itself, after cleaning up.
    process.on(signal, () => {
      removeOutput(`Build stopped by ${signal}`);
      process.exit(code);
    });
  }
}

/** The value after `flag` on the command line (`--outDir dist` or `--outDir=dist`). */
function option(argv: readonly string[], flag: string): string | undefined {
  const at = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
  if (at === -1) return undefined;
  return argv[at]!.includes('=') ? argv[at]!.slice(flag.length + 1) : argv[at + 1];
}

/**
 * Guards the output folder from the moment the config file loads, when the
 * command is `astro build`. `configDir` is the project root (the config file's folder).
 */
export function armPublishGuard(configDir: string, argv: readonly string[] = process.argv): void {
  if (!argv.slice(2).includes('build')) return;
  const root = resolve(option(argv, '--root') ?? configDir);
  const outDir = option(argv, '--outDir');
  arm(outDir ? resolve(process.cwd(), outDir) : resolve(root, 'dist'));
}

export default function publishGuardIntegration(): AstroIntegration {
  return {
    name: 'summit-desk:publish-guard',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        state.report = (message) => logger.error(message);
        arm(fileURLToPath(config.outDir));
      },
    },
  };
}
