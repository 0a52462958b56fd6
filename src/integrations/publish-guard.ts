/**
 * One build at a time per checkout, never half a site, and no cache a later build could wrongly trust.
 *
 * `publishGuard()` gives two integrations: `start`, listed first in astro.config.mjs, and `publish`, listed
 * last (its `astro:build:done` must run after every other step has written into the site).
 *
 * start (astro:config:setup, `astro build` only):
 * 1. takes the checkout's build lock, `<cacheDir>/build.lock` holding its pid: a second build waits for the
 *    first and says so; a lock whose process is gone (killed, crashed) is stale and taken over;
 * 2. if the last build did not finish (its in-progress marker is still there), discards every cache in the
 *    cache folder: a build stopped or failed part-way may have left entries a later build would trust;
 * 3. discards the content store when the code that fills it changed (src/model/inputs.ts): Astro keys a
 *    data record by the record alone, so it would not see a schema edit;
 * 4. writes the in-progress marker, and points the build at a folder beside the output folder
 *    (`.dist.building`), so nothing is ever written into dist/ itself.
 *
 * publish (astro:build:done, last): writes the sources' stamp into the built site (`npm run ids` compares
 * it), swaps the folder into place by renaming, removes the marker and releases the lock.
 *
 * A build that fails or is stopped (SIGINT, SIGTERM, SIGHUP) removes dist/ as well, so that no stale site
 * is served as if it were this build; a SIGKILL (or a signal that comes before Astro has loaded this
 * integration, when nothing listens yet) leaves the last complete dist/ and, where it held one, a stale
 * lock, which the next build takes over, and its half-built folder, which the next build removes. The rename is the only
 * moment dist/ changes, so a server reading dist/ sees the old site or the new one, never a part of one.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { STAMP_FILE, stampText } from '../postbuild/build-stamp.ts';
import { contentCodeDigest } from '../model/inputs.ts';

/** Exit codes for the signals, as a shell reports them (128 + signal number). */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
const LOCK = 'build.lock';
const IN_PROGRESS = 'build-in-progress';
const CODE_STAMP = 'build-code-digest';
/** Astro's content store (data-store.json) and the module files it generates from it. */
const CONTENT_STORE = ['data-store.json', 'content-assets.mjs', 'content-modules.mjs'];
/** How often a waiting build looks at the lock, and how long it waits before it gives up. */
const POLL_MS = 250;
const WAIT_LIMIT_MS = 30 * 60_000;

interface Holder {
  pid: number;
  started: string;
}

/** Whether the process that wrote a lock still runs (and is a Node process: a pid is reused after a reboot). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc: the pid is alive, which is all we can know
  }
}

function readHolder(lock: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(lock, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/** Creates the lock with its content in one step (a hard link fails when the name exists), or says who holds it. */
function tryLock(lock: string): Holder | undefined {
  const mine = `${lock}.${process.pid}`;
  writeFileSync(mine, JSON.stringify({ pid: process.pid, started: new Date().toISOString() } satisfies Holder));
  try {
    linkSync(mine, lock);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(mine, { force: true });
  }
  const holder = readHolder(lock);
  if (holder && holder.pid === process.pid) return undefined;
  if (holder && running(holder.pid)) return holder;
  // Stale: moved aside under a name of our own first, so that two builds finding it stale cannot both take it.
  const aside = `${lock}.stale.${process.pid}`;
  try {
    renameSync(lock, aside);
  } catch {
    return holder ?? { pid: 0, started: '' }; // someone else moved it first: look again
  }
  const moved = readHolder(aside);
  if (moved && moved.pid !== holder?.pid && running(moved.pid)) {
    // Another build took the lock between our read and our rename: give it back.
    try {
      linkSync(aside, lock);
    } catch {
      // a third build holds it now; it is theirs
    }
    rmSync(aside, { force: true });
    return moved;
  }
  rmSync(aside, { force: true });
  return tryLock(lock);
}

async function acquire(lock: string, logger: AstroIntegrationLogger): Promise<void> {
  const since = Date.now();
  let told = 0;
  for (;;) {
    const holder = tryLock(lock);
    if (!holder) return;
    if (holder.pid !== told && holder.pid !== 0) {
      told = holder.pid;
      logger.warn(`Another build of this checkout is running (pid ${holder.pid}, started ${holder.started}); waiting for it to finish (${lock}).`);
    }
    if (Date.now() - since > WAIT_LIMIT_MS) {
      throw new Error(
        `Another build of this checkout (pid ${holder.pid}) has held ${lock} for over ${WAIT_LIMIT_MS / 60_000} minutes. Stop it, or remove the lock if no build is running.`,
      );
    }
    await sleep(POLL_MS);
  }
}

export interface PublishGuard {
  start: AstroIntegration;
  publish: AstroIntegration;
}

export default function publishGuard(): PublishGuard {
  /** Set while this process holds the lock and is building. */
  let held: { lock: string; cacheDir: string; outDir: string; building: string; stamp: string } | undefined;

  const release = () => {
    if (held) rmSync(held.lock, { force: true });
    held = undefined;
  };

  /** A failed or stopped build: nothing of it is published, and no stale site is left to look like it. */
  const abandon = (why: string, report: (message: string) => void) => {
    if (!held) return;
    const { outDir, building } = held;
    rmSync(outDir, { recursive: true, force: true });
    // Writes already handed to the disk may land after this; the next build removes the folder before it starts.
    rmSync(building, { recursive: true, force: true });
    release();
    report(`${why}: removed ${outDir} so that no half-built or stale site is served.`);
  };

  let listening = false;
  const listen = (report: (message: string) => void) => {
    if (listening) return;
    listening = true;
    process.on('exit', (code) => {
      if (code !== 0) abandon('Build failed', report);
      else release();
    });
    for (const [signal, code] of Object.entries(SIGNALS)) {
      // Listening replaces Node's default (exit at once), so the handler exits itself, after cleaning up.
      process.on(signal, () => {
        abandon(`Build stopped by ${signal}`, report);
        process.exit(code);
      });
    }
  };

  const start: AstroIntegration = {
    name: 'summit-desk:publish-guard',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const cacheDir = fileURLToPath(config.cacheDir);
        const outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        mkdirSync(cacheDir, { recursive: true });
        const lock = join(cacheDir, LOCK);
        await acquire(lock, logger);
        const building = join(dirname(outDir), `.${basename(outDir)}.building`);
        held = { lock, cacheDir, outDir, building, stamp: stampText(root) };
        listen((message) => logger.error(message));

        const marker = join(cacheDir, IN_PROGRESS);
        if (existsSync(marker)) {
          logger.warn('The last build of this checkout did not finish: every cache it may have written to is discarded.');
          for (const name of readdirSync(cacheDir)) if (name !== LOCK) rmSync(join(cacheDir, name), { recursive: true, force: true });
        }
        const code = contentCodeDigest(root);
        const codeStamp = join(cacheDir, CODE_STAMP);
        if (!existsSync(codeStamp) || readFileSync(codeStamp, 'utf8') !== code) {
          for (const name of CONTENT_STORE) rmSync(join(cacheDir, name), { force: true });
        }
        writeFileSync(marker, String(process.pid));
        writeFileSync(codeStamp, code);

        rmSync(building, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${building}/`) });
      },
    },
  };

  const publish: AstroIntegration = {
    name: 'summit-desk:publish',
    hooks: {
      'astro:build:done': ({ dir }) => {
        if (!held) return;
        const { building, outDir, cacheDir, stamp } = held;
        if (fileURLToPath(dir).replace(/\/$/, '') !== building) throw new Error(`The site was built into ${fileURLToPath(dir)}, not ${building}.`);
        writeFileSync(join(building, STAMP_FILE), stamp);
        const old = `${building}.old`;
        rmSync(old, { recursive: true, force: true });
        if (existsSync(outDir)) renameSync(outDir, old);
        renameSync(building, outDir);
        rmSync(old, { recursive: true, force: true });
        rmSync(join(cacheDir, IN_PROGRESS), { force: true });
        release();
      },
    },
  };

  return { start, publish };
}
