/**
 * `npm run bench`: builds the site, measures it in Chromium, runs Lighthouse,
 * times search, and builds synthetic corpora; prints one Markdown table and
 * writes the same data as JSON to bench-results/ (git-ignored).
 *
 * Environment (for quicker partial runs):
 *   BENCH_SYNTHETIC=100,1000   corpus sizes to build ("" for none)
 *   BENCH_LARGE=1              also build the 3,000-article corpus (about half an hour on 2 cores)
 *   BENCH_WARM=0               skip the warm rebuild after each synthetic build (one article edited, caches kept)
 *   BENCH_LIGHTHOUSE_RUNS=3    runs per page (0 to skip)
 *   BENCH_KEEP_TMP=1           keep tests/.tmp/bench-N/ after measuring
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../support/browser.ts';
import { builtPages, fileFor } from '../support/dist.ts';
import { distDir, projectRoot } from '../support/paths.ts';
import { serveDist } from '../support/server.ts';
import { cssGzip, jsGzip, pageWeight } from '../support/weight.ts';
import { measureBuild, type BuildMeasurement } from './build.ts';
import { runLighthouse, type LighthouseScores } from './lighthouse.ts';
import { measurePage, type PageLoad } from './pages.ts';
import { measureCorpusSearch, measureSearch, type CorpusSearch, type SearchTiming } from './search.ts';
import { FIRST_SEARCH_BUDGET, kB } from '../support/search-weight.ts';
import { editOneArticle, writeSyntheticProject } from './synthetic.ts';
import { probeDisk, type DiskProbe } from './disk-probe.ts';

const SYNTHETIC = [
  ...(process.env['BENCH_SYNTHETIC'] ?? '100,1000').split(',').filter(Boolean).map(Number),
  ...(process.env['BENCH_LARGE'] === '1' ? [3000] : []),
];
const WARM = process.env['BENCH_WARM'] !== '0';
const LIGHTHOUSE_RUNS = Number(process.env['BENCH_LIGHTHOUSE_RUNS'] ?? 3);

/** Page types and how to find one of each in dist/; for types with many pages, the largest is measured (the worst case). */
const PAGE_TYPES: { type: string; match: (path: string) => boolean }[] = [
  { type: 'home', match: (path) => path === '/' },
  { type: 'article', match: (path) => /^\/articles\/[^/]+\/$/.test(path) },
  { type: 'timeline', match: (path) => path === '/timeline/' },
  { type: 'meeting', match: (path) => /^\/timeline\/[^/]+\/$/.test(path) },
  { type: 'quotes', match: (path) => path === '/quotes/' },
  { type: 'quote', match: (path) => /^\/quotes\/[^/]+\/$/.test(path) },
  { type: 'person', match: (path) => /^\/people\/[^/]+\/$/.test(path) },
  { type: 'positions', match: (path) => path === '/positions/' },
  { type: 'search', match: (path) => path === '/search/' },
];

function largest(paths: string[], root: string): string | undefined {
  return paths.map((path) => ({ path, size: statSync(fileFor(path, root)!).size })).sort((a, b) => b.size - a.size)[0]?.path;
}

interface SyntheticResult {
  articles: number;
  build: Omit<BuildMeasurement, 'output'>;
  msPerArticle: number;
  cpuMsPerArticle?: number;
  /** The rebuild after editing one article, with every cache the first build left (node_modules/.astro/ of the copy). */
  warm?: Omit<BuildMeasurement, 'output'> & { msPerArticle: number };
  /** The first search on this corpus (tests/bench/search.ts). */
  search?: CorpusSearch;
  /** How fast the file system made new folders and files just before the cold build (disk-probe.ts). */
  disk: DiskProbe;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const bytes = (value: number) => value.toLocaleString('en-US');
const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toLocaleString('en-US')} ms`);

function phaseText(build: Omit<BuildMeasurement, 'output'>): string {
  const { collectMs, bundleMs, renderMs, pagefindMs } = build.phases;
  const memory = Object.entries(build.peakRssMbByPhase)
    .map(([phase, mb]) => `${phase} ${mb}`)
    .join(', ');
  const steps = Object.entries(build.phases.steps ?? {})
    .map(([name, value]) => `${name} ${ms(value)}`)
    .join(', ');
  return `time: collect ${ms(collectMs)}, bundle+MDX ${ms(bundleMs)}, render ${ms(renderMs)}, Pagefind ${ms(pagefindMs)}${steps ? ` (after the pages: ${steps})` : ''}; peak MB by phase: ${memory}`;
}

function table(
  pages: (PageLoad & { articleBudget?: number })[],
  lighthouse: LighthouseScores[],
  search: SearchTiming,
  site: Omit<BuildMeasurement, 'output'>,
  synthetic: SyntheticResult[],
): string {
  const lines: string[] = [];
  const row = (cells: (string | number)[]) => lines.push(`| ${cells.join(' | ')} |`);
  row(['Measure', 'Page / case', 'HTML raw', 'HTML gzip', 'CSS gzip', 'JS gzip at load', 'Requests', 'Images+fonts', 'Notes']);
  row(Array(9).fill('---'));
  for (const page of pages) {
    const note = page.articleBudget === undefined ? '' : `HTML+CSS ${bytes(page.articleBudget)} B gzip (budget 14,600)`;
    row([
      `page: ${page.type}`,
      `\`${page.path}\``,
      bytes(page.htmlRaw),
      bytes(page.htmlGzip),
      bytes(page.cssGzip),
      bytes(page.jsGzip),
      page.requests,
      bytes(page.imageFontBytes),
      note,
    ]);
  }
  for (const entry of lighthouse) {
    if (entry.error || entry.runs === 0) {
      row(['Lighthouse', `\`${entry.path}\``, '', '', '', '', '', '', `could not run: ${entry.error ?? 'no runs'}`]);
      continue;
    }
    const scores = `perf ${entry.performance} / a11y ${entry.accessibility} / best ${entry.bestPractices} / SEO ${entry.seo}`;
    const vitals = `LCP ${ms(entry.lcpMs)}, TBT ${ms(entry.tbtMs)}, CLS ${entry.cls}`;
    const failing = entry.failing?.length ? `; losing points: ${entry.failing.join(', ')}` : '';
    row([`Lighthouse (mobile, median of ${entry.runs})`, `\`${entry.path}\``, '', '', '', '', '', '', `${scores}; ${vitals}${failing}`]);
  }
  const onDisk =
    search.indexOnDisk === undefined ? 'index n/a' : `index ${kb(search.indexOnDisk)} on disk (${kb(search.indexProperOnDisk ?? 0)} index/filter/fragment)`;
  if (search.available) {
    const split = `runtime ${kb(search.runtimeBytes ?? 0)}, index ${kb(search.indexBytesFetched ?? 0)}, UI ${kb(search.uiBytes ?? 0)}`;
    row([
      'search',
      `“${search.query}” from \`${search.page}\``,
      '',
      '',
      '',
      '',
      search.firstSearchResponses ?? '',
      '',
      `first search ${kb(search.firstSearchBytes ?? 0)} transferred (${split}); keystroke→results cold ${ms(search.coldMs)}, warm ${ms(search.warmMs)} (median of 3, incl. the UI's debounce); ${onDisk}`,
    ]);
    if (search.judged)
      row([
        'search: judged queries',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        `**${search.judged}**${search.judgedMisses?.length ? `; misses: ${search.judgedMisses.join('; ')}` : ''}`,
      ]);
    for (const each of search.queries ?? []) {
      const heaviest = [...each.files]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 4)
        .map((file) => `${file.url.replace(/^.*\//, '')} ${kB(file.bytes)}`)
        .join(', ');
      row([
        'first search',
        `“${each.query}” from \`${search.page}\``,
        '',
        '',
        '',
        '',
        each.responses,
        '',
        `**${kB(each.bytes)}** transferred (budget ${kB(FIRST_SEARCH_BUDGET)}); largest: ${heaviest}`,
      ]);
    }
  } else {
    row(['search', 'n/a', '', '', '', '', '', '', `n/a (${search.reason}); ${onDisk}`]);
  }
  row([
    'build: real site',
    `${site.pages ?? '?'} pages`,
    '',
    '',
    '',
    '',
    '',
    '',
    `${ms(site.wallMs)} wall, ${ms(site.cpuMs)} CPU, peak ${site.peakRssMb} MB; ${phaseText(site)}`,
  ]);
  for (const result of synthetic) {
    row([
      `build: ${result.articles} articles`,
      `${result.build.pages ?? '?'} pages`,
      '',
      '',
      '',
      '',
      '',
      '',
      `${ms(result.build.wallMs)} wall, **${result.msPerArticle} ms/article** (${result.cpuMsPerArticle ?? 'n/a'} ms CPU), peak ${result.build.peakRssMb} MB; ${phaseText(result.build)}; disk just before: ${result.disk.wallUs} µs per new folder with a file (${result.disk.cpuUs} µs CPU)`,
    ]);
    const corpus = result.search;
    if (corpus) {
      const index = `index: ${bytes(corpus.pages)} pages, metadata ${kB(corpus.metaBytes)}, ${bytes(corpus.chunks)} chunks (largest ${kB(corpus.largestChunkBytes)})`;
      const each = corpus.queries.map((q) => `“${q.query}” ${kB(q.bytes)} in ${q.responses}`).join(', ');
      row([`first search: ${result.articles} articles`, '', '', '', '', '', '', '', `${corpus.error ? `n/a (${corpus.error})` : each}; ${index}`]);
    }
    const warm = result.warm;
    if (warm) {
      const cpu = warm.cpuMs === undefined ? 'n/a' : Math.round(warm.cpuMs / result.articles);
      row([
        `warm rebuild: ${result.articles} articles`,
        'one article edited',
        '',
        '',
        '',
        '',
        '',
        '',
        `${ms(warm.wallMs)} wall, **${warm.msPerArticle} ms/article** (${cpu} ms CPU), peak ${warm.peakRssMb} MB; ${phaseText(warm)}`,
      ]);
    }
  }
  if (synthetic.length >= 2) {
    const [small, big] = [synthetic[0]!, synthetic.at(-1)!];
    const factor = big.articles / small.articles;
    const growth = (a: number | undefined, b: number | undefined) => (a && b ? `×${(b / a).toFixed(1)}` : 'n/a');
    row([
      'build: growth',
      `${small.articles} → ${big.articles}`,
      '',
      '',
      '',
      '',
      '',
      '',
      `×${factor} articles: wall ${growth(small.build.wallMs, big.build.wallMs)}, CPU ${growth(small.build.cpuMs, big.build.cpuMs)} (linear = ×${factor}); ms/article ${small.msPerArticle} → ${big.msPerArticle}`,
    ]);
  }
  return lines.join('\n');
}

/**
 * One synthetic corpus: written to tests/.tmp/bench-N/ (its folder added to `made`, for the caller to remove),
 * the file system probed beside it, built cold, its first search measured, then rebuilt warm.
 */
async function benchCorpus(size: number, made: string[]): Promise<SyntheticResult> {
  const target = join(projectRoot, 'tests/.tmp', `bench-${size}`);
  console.error(`bench: building a synthetic corpus of ${size} articles in ${target}…`);
  made.push(target);
  writeSyntheticProject(projectRoot, target, size);
  const probe = join(projectRoot, 'tests/.tmp', `disk-probe-${size}`);
  made.push(probe);
  const disk = probeDisk(probe);
  const { output: _output, ...build } = await measureBuild(target);
  const result: SyntheticResult = {
    articles: size,
    build,
    msPerArticle: Math.round(build.wallMs / size),
    ...(build.cpuMs === undefined ? {} : { cpuMsPerArticle: Math.round(build.cpuMs / size) }),
    disk,
  };
  console.error(`bench: first searches on ${size} articles…`);
  result.search = await measureCorpusSearch(join(target, 'dist'));
  if (WARM) {
    console.error(`bench: warm rebuild of ${size} articles after editing one…`);
    editOneArticle(target);
    const { output: _warmOutput, ...warm } = await measureBuild(target);
    result.warm = { ...warm, msPerArticle: Math.round(warm.wallMs / size) };
  }
  return result;
}

async function main() {
  const started = Date.now();
  console.error('bench: building the site…');
  const { output: _siteOutput, ...site } = await measureBuild();

  const all = builtPages();
  const chosen = PAGE_TYPES.map(({ type, match }) => ({ type, path: largest(all.filter(match), distDir) }));
  const article = chosen.find((entry) => entry.type === 'article')?.path;
  const server = await serveDist();
  const pages: (PageLoad & { articleBudget?: number })[] = [];
  let search: SearchTiming = { available: false, reason: 'not measured' };
  let lighthouse: LighthouseScores[] = [];
  try {
    const browser = await launchBrowser();
    try {
      for (const { type, path } of chosen) {
        if (!path) {
          console.error(`bench: no ${type} page in dist/, skipped`);
          continue;
        }
        const load = await measurePage(browser, server.url, type, path);
        if (type === 'article') {
          const weight = pageWeight(path);
          pages.push({ ...load, articleBudget: weight.htmlGzip + cssGzip(weight) });
          if (jsGzip(weight) !== load.jsGzip)
            console.error(`bench: note: JS at load in the browser (${load.jsGzip} B) differs from the static count (${jsGzip(weight)} B)`);
        } else {
          pages.push(load);
        }
      }
      if (article) search = await measureSearch(browser, server.url, article);
    } finally {
      await browser.close();
    }
    if (LIGHTHOUSE_RUNS > 0) {
      // Every article (first paint is promised on each), and one page of every other type.
      const articles = all.filter(PAGE_TYPES.find(({ type }) => type === 'article')!.match);
      const others = chosen.filter(({ type }) => type !== 'article').map(({ path }) => path);
      const targets = [...articles, ...others].filter((path): path is string => path !== undefined);
      console.error(`bench: Lighthouse ×${LIGHTHOUSE_RUNS} on ${targets.join(', ')}…`);
      lighthouse = await runLighthouse(server.url, targets, LIGHTHOUSE_RUNS);
    }
  } finally {
    await server.stop();
  }

  const synthetic: SyntheticResult[] = [];
  // Each corpus is removed only once every build has run, so that no build follows the deletion of tens of
  // thousands of files (the kernel's inode allocator on ext4 without a journal skips recently freed inodes).
  const made: string[] = [];
  try {
    for (const size of SYNTHETIC) synthetic.push(await benchCorpus(size, made));
  } finally {
    if (process.env['BENCH_KEEP_TMP'] !== '1') for (const folder of made) rmSync(folder, { recursive: true, force: true });
  }

  const markdown = table(pages, lighthouse, search, site, synthetic);
  console.log(markdown);
  const resultsDir = join(projectRoot, 'bench-results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = JSON.stringify({ date: new Date().toISOString(), pages, lighthouse, search, build: site, synthetic, markdown }, null, 2);
  writeFileSync(join(resultsDir, `bench-${stamp}.json`), json);
  writeFileSync(join(resultsDir, 'latest.json'), json);
  writeFileSync(join(resultsDir, 'latest.md'), `${markdown}\n`);
  console.error(`bench: done in ${Math.round((Date.now() - started) / 1000)} s; results in bench-results/latest.json`);
}

await main();
