/**
 * Times one `astro build` and samples the memory of its whole process tree
 * (Astro's Node process and the Pagefind binary it starts) from /proc, so
 * the peak counts both, which a single process's max RSS would not.
 * Astro's own timing lines say where the time went.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { projectRoot } from '../support/paths.ts';

export interface BuildPhases {
  /** Content sync and type generation ("[types] Generated …"). */
  syncMs?: number;
  /** Astro's "Collecting build info" step: routes and the content layer. */
  collectMs?: number;
  /** Vite's server bundle: where MDX compiles and the remark/rehype plugins run ("[vite] ✓ built in …", the first one). */
  bundleMs?: number;
  /** Rendering every page to HTML ("generating static routes … ✓ Completed in …"). */
  renderMs?: number;
  /** What Pagefind takes after the page pass, which prepares every page for it: reading them and writing the index (the page pass logs it as "Indexed …"). */
  pagefindMs?: number;
  /** Each of the project's steps after the pages are written, by integration ("og-images", "link-check", …), as each logs "… in N ms". */
  steps?: Record<string, number>;
}

export interface BuildMeasurement {
  wallMs: number;
  /** User + system CPU time of the build and the processes it waited for (Pagefind), from /usr/bin/time; steadier than wall time on a shared machine. */
  cpuMs?: number;
  peakRssMb: number;
  /** Peak memory (MB) by the last phase Astro had announced when it was sampled. */
  peakRssMbByPhase: Record<string, number>;
  pages?: number;
  phases: BuildPhases;
  output: string;
}

const PAGE_SIZE = 4096;
/** GNU time, for the CPU time of the build; the bench still runs without it. */
const TIME = '/usr/bin/time';

function rssOfTree(rootPid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces: ") state ppid … rss is field 24".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * PAGE_SIZE);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === rootPid) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

/** Astro's durations: "412ms", "4.61s", or past a minute "1m 3s" (getTimeStat in astro/dist/core/build/util.js). */
const DURATION = String.raw`[\d.]+\s*(?:ms|s|m\s+\d+s)`;

function seconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const minutes = /(\d+)m\s+(\d+)s/.exec(text);
  if (minutes) return (Number(minutes[1]) * 60 + Number(minutes[2])) * 1000;
  const match = /([\d.]+)\s*(ms|s)\b/.exec(text);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * { ms: 1, s: 1000 }[match[2] as 'ms' | 's']);
}

/**
 * Astro's log lines that start each phase, in order, with the name the bench gives it. The preview images
 * are a route (src/pages/[images]/[...card].png.ts), drawn in a worker thread while the pages render; after
 * the pages, the page pass checks them and prepares them for search ("page pass"), then Pagefind reads the
 * prepared pages and writes the index.
 */
const PHASE_MARKERS: [string, string][] = [
  ['Syncing content', 'sync'],
  ['Collecting build info', 'collect'],
  ['Building static entrypoints', 'bundle'],
  ['generating static routes', 'render + images'],
  ['[summit-desk:pages] Checked', 'Pagefind'],
  ['Indexed', 'end'],
];
const RENDER = PHASE_MARKERS.findIndex(([, name]) => name.startsWith('render'));
/** Longer than any marker: what is kept of the log already read, for a marker split between two chunks. */
const CARRY = 64;

/**
 * The build's phase, followed as its log arrives: each chunk is read once, with the last few characters
 * before it. (The sampler used to search the whole log ten times a second: by the end of a 1,000-article
 * build, 2.7 MB of per-page lines, about 10 ms of CPU a sample, a tenth of a core taken from the build it
 * was measuring on a 2-core machine.)
 */
export function phaseFollower(): { read(text: string): void; readonly phase: string } {
  let reached = -1;
  let rendered = false;
  let carry = '';
  return {
    read(text) {
      const window = carry + text;
      let renderAt = -1;
      for (let index = reached + 1; index < PHASE_MARKERS.length; index += 1) {
        const at = window.indexOf(PHASE_MARKERS[index]![0]);
        if (at < 0) continue;
        reached = index;
        if (index === RENDER) renderAt = at;
      }
      // Rendering ends with "✓ Completed in …" (as collecting does, before it); then the build:done hooks run: the page pass first.
      if (reached === RENDER && !rendered) rendered = window.indexOf('✓ Completed', renderAt + 1) >= 0;
      // Nothing from before the rendering's marker is carried on, so the collecting step's "✓ Completed" is never read again after it.
      carry = window.slice(Math.max(0, window.length - CARRY, renderAt + 1));
    },
    get phase() {
      if (reached < 0) return 'start';
      return reached === RENDER && rendered ? 'page pass' : PHASE_MARKERS[reached]![1];
    },
  };
}

/** Reads the phase timings from Astro's build log (colour codes off). */
export function parsePhases(output: string): { phases: BuildPhases; pages?: number } {
  const plain = stripVTControlCharacters(output);
  const routes = plain.indexOf('generating static routes');
  const phases: BuildPhases = {};
  const sync = new RegExp(String.raw`\[types\] Generated (${DURATION})`).exec(plain)?.[1];
  const collect = new RegExp(String.raw`Collecting build info[\s\S]*?✓ Completed in (${DURATION})`).exec(plain)?.[1];
  const bundle = new RegExp(String.raw`\[vite\] ✓ built in (${DURATION})`).exec(plain)?.[1];
  const render = routes >= 0 ? new RegExp(`✓ Completed in (${DURATION})`).exec(plain.slice(routes))?.[1] : undefined;
  const pagefind = /Indexed \d+ pages for search in (\d+ ms)/.exec(plain)?.[1];
  const set = (key: Exclude<keyof BuildPhases, 'steps'>, value: number | undefined) => {
    if (value !== undefined) phases[key] = value;
  };
  set('syncMs', seconds(sync));
  set('collectMs', seconds(collect));
  set('bundleMs', seconds(bundle));
  set('renderMs', seconds(render));
  set('pagefindMs', seconds(pagefind));
  const steps: Record<string, number> = {};
  for (const match of plain.matchAll(/\[summit-desk:([\w-]+)\][^\n]*? in (\d+) ms/g)) steps[match[1]!] = Number(match[2]);
  if (Object.keys(steps).length > 0) phases.steps = steps;
  const pages = /(\d+) page\(s\) built in/.exec(plain)?.[1];
  return pages ? { phases, pages: Number(pages) } : { phases };
}

/** Builds the project at `root` (the real one by default), timing it and sampling memory every 100 ms. */
export function measureBuild(root = projectRoot): Promise<BuildMeasurement> {
  return new Promise((resolve, reject) => {
    const astro = [process.execPath, join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root];
    const timeDir = existsSync(TIME) ? mkdtempSync(join(tmpdir(), 'bench-time-')) : undefined;
    const command = timeDir ? [TIME, '-f', '%U %S', '-o', join(timeDir, 'cpu'), ...astro] : astro;
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let peak = 0;
    const byPhase: Record<string, number> = {};
    const follower = phaseFollower();
    const read = (text: string) => {
      output += text;
      follower.read(text);
    };
    // Decoded as a stream, so a character split between two chunks (the log's "✓", "├─") arrives whole.
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    const sampler = setInterval(() => {
      if (!child.pid) return;
      const rss = rssOfTree(child.pid);
      peak = Math.max(peak, rss);
      const phase = follower.phase;
      byPhase[phase] = Math.max(byPhase[phase] ?? 0, Math.round(rss / 1024 / 1024));
    }, 100);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      const wallMs = Math.round(performance.now() - started);
      if (code !== 0) {
        reject(new Error(`astro build in ${root} failed (exit ${code}):\n${output.slice(-4000)}`));
        return;
      }
      let cpuMs: number | undefined;
      if (timeDir) {
        const [user, system] = readFileSync(join(timeDir, 'cpu'), 'utf8').trim().split(/\s+/).slice(-2).map(Number);
        rmSync(timeDir, { recursive: true, force: true });
        if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = Math.round((user! + system!) * 1000);
      }
      resolve({
        wallMs,
        ...(cpuMs === undefined ? {} : { cpuMs }),
        peakRssMb: Math.round(peak / 1024 / 1024),
        peakRssMbByPhase: byPhase,
        ...parsePhases(output),
        output,
      });
    });
  });
}
