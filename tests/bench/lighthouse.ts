/**
 * Lighthouse (mobile defaults: emulated Moto G Power, simulated slow 4G and
 * 4× CPU throttling) against the served dist/, in the system Chromium that
 * launchBrowser() starts, reached through a debugging port. Median of runs.
 */
import lighthouse from 'lighthouse';
import { launchBrowser } from '../support/browser.ts';
import { freePort } from '../support/server.ts';

export interface LighthouseScores {
  path: string;
  runs: number;
  performance?: number;
  accessibility?: number;
  bestPractices?: number;
  seo?: number;
  lcpMs?: number;
  tbtMs?: number;
  cls?: number;
  /** Audits that cost points in accessibility, best practices or SEO (from every run). */
  failing?: string[];
  /** Why there are no scores, when Lighthouse could not run. */
  error?: string;
}

/**
 * Each run is a first view: Lighthouse clears the HTTP cache but by default keeps the origin's local
 * storage, so a page would find the note a previous run left that the fonts are cached
 * (src/client/fonts.ts) with the cache itself gone, a state a reader reaches only by clearing one and
 * not the other. Its defaults, and local storage.
 */
const FIRST_VIEW: ('file_systems' | 'shader_cache' | 'service_workers' | 'cache_storage' | 'local_storage')[] = [
  'file_systems',
  'shader_cache',
  'service_workers',
  'cache_storage',
  'local_storage',
];

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function runLighthouse(baseUrl: string, paths: string[], runs = 3): Promise<LighthouseScores[]> {
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1']);
  const results: LighthouseScores[] = [];
  try {
    for (const path of paths) {
      const samples: Record<Exclude<keyof LighthouseScores, 'path' | 'runs' | 'error' | 'failing'>, number[]> = {
        performance: [],
        accessibility: [],
        bestPractices: [],
        seo: [],
        lcpMs: [],
        tbtMs: [],
        cls: [],
      };
      let error: string | undefined;
      const failing = new Set<string>();
      for (let run = 0; run < runs; run += 1) {
        try {
          const result = await lighthouse(baseUrl + path, { port, output: 'json', logLevel: 'error', clearStorageTypes: FIRST_VIEW });
          const lhr = result?.lhr;
          if (!lhr) throw new Error('Lighthouse returned no result');
          if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
          const score = (id: string) => lhr.categories[id]?.score;
          const audit = (id: string) => lhr.audits[id]?.numericValue;
          const push = (key: keyof typeof samples, value: number | null | undefined, scale = 1) => {
            if (typeof value === 'number') samples[key].push(value * scale);
          };
          for (const id of ['accessibility', 'best-practices', 'seo']) {
            for (const ref of lhr.categories[id]?.auditRefs ?? []) {
              const audited = lhr.audits[ref.id];
              if (ref.weight > 0 && audited && audited.score !== null && audited.score < 1) failing.add(`${id}: ${ref.id}`);
            }
          }
          push('performance', score('performance'), 100);
          push('accessibility', score('accessibility'), 100);
          push('bestPractices', score('best-practices'), 100);
          push('seo', score('seo'), 100);
          push('lcpMs', audit('largest-contentful-paint'));
          push('tbtMs', audit('total-blocking-time'));
          push('cls', audit('cumulative-layout-shift'));
        } catch (caught) {
          error = (caught as Error).message.split('\n')[0];
        }
      }
      const entry: LighthouseScores = { path, runs: samples.performance.length };
      for (const key of Object.keys(samples) as (keyof typeof samples)[]) {
        const value = median(samples[key]);
        if (value !== undefined) entry[key] = key === 'cls' ? Math.round(value * 1000) / 1000 : Math.round(value);
      }
      if (failing.size > 0) entry.failing = [...failing].sort();
      if (error && entry.runs === 0) entry.error = error;
      results.push(entry);
    }
  } finally {
    await browser.close();
  }
  return results;
}
