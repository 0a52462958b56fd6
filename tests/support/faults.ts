/**
 * Fault injection for the build's caches (issue 23): random sequences of edits to a copy of the project,
 * each followed by a build that completes, fails (an injected error) or is killed at a random moment
 * (SIGTERM or SIGKILL). After every completed build, dist/ must equal a cold build of the same sources,
 * file for file and byte for byte (the preview PNGs and the search index included). After a failed or
 * stopped build, dist/ must be gone (a failure, or a stop the guard saw), or a complete site: the last one
 * (SIGKILL, or a signal before the guard listens) or this build's own (a signal after the swap); never a part of one.
 *
 * The cold build runs in the same copy (the same folder, so nothing can differ by path), with the cache
 * folder moved aside and put back afterwards. Cold builds are remembered by the sources' digest, so a
 * state the sequence comes back to (after an undo) is built cold once.
 *
 * Used by tests/fixture-builds/faults.test.ts (a short run) and `npm run faults` (a long one).
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixture, type Fixture } from './fixture.ts';
import { differingFiles, fileDigests } from './dist.ts';
import { projectRoot } from './paths.ts';
import { sourcesDigest } from '../../src/model/inputs.ts';
import { random } from './random.ts';

/** An edit to the sources: `from` → `to` in one file, found when first applied; undone by the reverse replacement. */
interface Edit {
  kind: string;
  file: string;
  from: string;
  to: string;
}

/** The first file (sorted) under `folder` whose text matches `pattern`. */
function firstMatching(fixture: Fixture, folder: string, pattern: RegExp): string {
  const files = readdirSync(join(fixture.root, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(fixture.root, folder, path)).isFile())
    .sort();
  const file = files.find((path) => pattern.test(readFileSync(join(fixture.root, folder, path), 'utf8')));
  if (!file) throw new Error(`Fault injection: no file under ${folder} matches ${pattern}; update the edit list in tests/support/faults.ts.`);
  return `${folder}/${file}`;
}

/** An edit that changes the first match of `pattern` (whose first group is kept) in `file`. */
function edit(fixture: Fixture, kind: string, file: string, pattern: RegExp, change: (match: string) => string): Edit {
  const match = pattern.exec(fixture.read(file));
  if (!match) throw new Error(`Fault injection (${kind}): ${pattern} not found in ${file}; update the edit list in tests/support/faults.ts.`);
  return { kind, file, from: match[0], to: change(match[0]) };
}

const THIRD = join(projectRoot, 'tests', 'fixtures', 'third-article');
const THIRD_SLUG = 'third-article-fixture';

/**
 * The kinds of edit, each made from the sources as they are when first applied. Every one changes what the
 * build outputs or what its caches are keyed by.
 */
const EDIT_KINDS: Record<string, (fixture: Fixture) => Edit[]> = {
  // The standfirst of an article the site wrote its own standfirst for (no source line to match).
  'article text': (f) => [
    edit(f, 'article text', 'content/articles/trump-kim-fourth-meeting.mdx', /^dek: .+$/m, (line) => `${line.replace(/\.$/, '')}, edited`),
  ],
  // One mention unwrapped: the words stay, the annotation (and what lists it) goes.
  annotation: (f) => [
    edit(f, 'annotation', 'content/articles/hanoi-hangover.mdx', /<Mention person="kim-jong-un">(Kim Jong-un)<\/Mention>/, () => 'Kim Jong-un'),
  ],
  'people.yaml': (f) => [edit(f, 'people.yaml', 'content/people.yaml', /^ {2}role: [^'"\n].*$/m, (line) => `${line} (edited)`)],
  'events.yaml': (f) => [edit(f, 'events.yaml', 'content/events.yaml', /^ {2}summary: [^'"\n].*$/m, (line) => `${line} Edited.`)],
  'notes.yaml': (f) => [edit(f, 'notes.yaml', 'content/notes.yaml', /^ {2}body: [^'"\n].*$/m, (line) => `${line} Edited.`)],
  'organisations.yaml': (f) => [edit(f, 'organisations.yaml', 'content/organisations.yaml', /^ {2}description: [^'"\n].*$/m, (line) => `${line} (edited)`)],
  'places.yaml': (f) => [edit(f, 'places.yaml', 'content/places.yaml', /^ {2}description: [^'"\n].*$/m, (line) => `${line} (edited)`)],
  'topics.yaml': (f) => [edit(f, 'topics.yaml', 'content/topics.yaml', /^ {2}label: [^'"\n].*$/m, (line) => `${line} (edited)`)],
  // A new field with a default, shown in the article page's title: a warm build must not publish "undefined".
  schema: (f) => [
    edit(f, 'schema', 'src/model/schemas/article.ts', /^ {2}dekBy: /m, (line) => `  edition: z.string().default('first edition'),\n${line}`),
    edit(
      f,
      'schema',
      'src/pages/articles/[slug].astro',
      /title=\{data\.headline\}/,
      () => 'title={`${data.headline} (${(data as { edition?: string }).edition})`}',
    ),
  ],
  component: (f) => [edit(f, 'component', 'src/components/SiteFooter.astro', /<\/footer>/, () => '<span>fault edit</span></footer>')],
  layout: (f) => [edit(f, 'layout', 'src/layouts/Base.astro', /<body/, () => '<body data-fault-edit')],
  'CSS tokens': (f) => [edit(f, 'CSS tokens', 'src/styles/tokens.css', /#[0-9a-f]{6}/i, () => '#fefefe')],
  plugin: (f) => [edit(f, 'plugin', 'src/markdown/rehype-paragraph-links.ts', /dataShare: '[^']+'/, (text) => text.replace(/'$/, " (edited)'"))],
  'image drawing': (f) => {
    const file = firstMatching(f, 'src/og', /'#[0-9a-f]{6}'/i);
    return [edit(f, 'image drawing', file, /'#[0-9a-f]{6}'/i, () => "'#2a6f97'")];
  },
  config: (f) => [edit(f, 'config', 'astro.config.mjs', /!page\.includes\('\/404'\)/, (text) => `${text} && !page.includes('/topics/')`)],
  // A dependency's version in the lockfile: no output changes, but every key that covers the packages must.
  lockfile: (f) => [edit(f, 'lockfile', 'package-lock.json', /"version": "[^"]+"/, (text) => text.replace(/"$/, '-fault"'))],
  'third article': () => [
    { kind: 'third article', file: `content/sources/${THIRD_SLUG}.txt`, from: '', to: readFileSync(join(THIRD, 'source.txt'), 'utf8') },
    { kind: 'third article', file: `content/articles/${THIRD_SLUG}.mdx`, from: '', to: readFileSync(join(THIRD, 'article.mdx'), 'utf8') },
    { kind: 'third article', file: 'content/people.yaml', from: '', to: readFileSync(join(THIRD, 'person.yaml'), 'utf8') },
  ],
};
export const EDIT_KIND_NAMES = Object.keys(EDIT_KINDS);

/**
 * Applies every kind of edit, and every injected failure, to a copy of the sources and undoes it, without
 * building: the list names files and patterns in the code, and a long run should not be the first to find
 * one gone stale. Returns one line per edit that does not apply or does not undo to the same bytes.
 */
export function staleEdits(): string[] {
  const fixture = makeFixture('fault-edits');
  const problems: string[] = [];
  try {
    const before = sourcesDigest(fixture.root);
    const all: [string, (f: Fixture) => Edit[]][] = [
      ...Object.entries(EDIT_KINDS),
      ...FAILURES.map((make, i): [string, (f: Fixture) => Edit[]] => [`failure ${i + 1}`, (f) => [make(f)]]),
    ];
    for (const [kind, make] of all) {
      try {
        const changes = make(fixture);
        changes.forEach((change) => apply(fixture, change));
        if (sourcesDigest(fixture.root) === before) problems.push(`${kind}: applying it changed no source`);
        for (const change of [...changes].reverse()) undo(fixture, change);
        if (sourcesDigest(fixture.root) !== before) problems.push(`${kind}: undoing it did not restore the sources`);
      } catch (error) {
        problems.push(`${kind}: ${(error as Error).message}`);
      }
    }
  } finally {
    fixture.remove();
  }
  return problems;
}

/** Errors a build can meet, each marked so the test knows the failure is the injected one. */
const MARK = 'Injected fault';
const FAILURES: readonly ((f: Fixture) => Edit)[] = [
  // Early: a data file the registry refuses (a second record with an existing id).
  (f) => ({
    kind: 'failure',
    file: 'content/topics.yaml',
    from: '',
    to: `- id: ${/^- id: (\S+)$/m.exec(f.read('content/topics.yaml'))![1]}\n  label: ${MARK}\n`,
  }),
  // In the content layer: an article with a tag no annotation knows.
  () => ({ kind: 'failure', file: 'content/articles/hanoi-hangover.mdx', from: '', to: `\n<InjectedFault>${MARK}</InjectedFault>\n` }),
  // While pages render: one page of many throws.
  (f) => edit(f, 'failure', 'src/pages/people/[id].astro', /\n---\n/, () => `\nif (Astro.params.id === 'kim-jong-un') throw new Error('${MARK}');\n---\n`),
];

function apply(fixture: Fixture, change: Edit): void {
  if (change.from === '') {
    const path = join(fixture.root, change.file);
    fixture.write(change.file, `${existsSync(path) ? fixture.read(change.file) : ''}${change.to}`);
  } else fixture.replace(change.file, change.from, change.to);
}

function undo(fixture: Fixture, change: Edit): void {
  const text = fixture.read(change.file);
  if (change.from === '' && text === change.to) return rmSync(join(fixture.root, change.file));
  const at = change.from === '' ? text.lastIndexOf(change.to) : text.indexOf(change.to);
  if (at === -1) throw new Error(`Fault injection: cannot undo ${change.kind} in ${change.file}`);
  fixture.write(change.file, text.slice(0, at) + change.from + text.slice(at + change.to.length));
}

export interface FaultOptions {
  seed: number;
  sequences: number;
  /** Steps per sequence; the last step's build always completes. */
  steps: number;
  log?: (line: string) => void;
}

export interface FaultReport {
  seed: number;
  sequences: number;
  steps: number;
  edits: Record<string, number>;
  builds: { completed: number; failed: number; killed: number };
  coldBuilds: number;
  /** One line per broken promise: a completed build that differs from cold, a dist/ left half-built or stale. */
  problems: string[];
}

type Outcome = 'complete' | 'fail' | 'SIGTERM' | 'SIGKILL';

export async function runFaults(options: FaultOptions): Promise<FaultReport> {
  const rand = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const log = options.log ?? (() => {});
  const report: FaultReport = {
    seed: options.seed,
    sequences: 0,
    steps: 0,
    edits: {},
    builds: { completed: 0, failed: 0, killed: 0 },
    coldBuilds: 0,
    problems: [],
  };
  const fixture = makeFixture('faults');
  const cache = join(fixture.root, 'node_modules', '.astro');
  const coldOut = join(fixture.root, 'cold-dist');
  const colds = new Map<string, Map<string, string>>();
  /** The cold build of the sources as they are now (the cache folder moved aside meanwhile). */
  const coldBuild = async (): Promise<Map<string, string>> => {
    const key = sourcesDigest(fixture.root);
    const known = colds.get(key);
    if (known) return known;
    const aside = `${cache}.warm`;
    if (existsSync(cache)) renameSync(cache, aside);
    try {
      const { code, output } = await fixture.build({ outDir: coldOut });
      if (code !== 0) throw new Error(`The cold build failed:\n${output.slice(-3000)}`);
      report.coldBuilds += 1;
      const files = fileDigests(coldOut);
      colds.set(key, files);
      return files;
    } finally {
      rmSync(cache, { recursive: true, force: true });
      if (existsSync(aside)) renameSync(aside, cache);
      rmSync(coldOut, { recursive: true, force: true });
    }
  };

  try {
    // The first build is cold: it is its own reference.
    let started = Date.now();
    const first = await fixture.build();
    if (first.code !== 0) throw new Error(`The first build failed:\n${first.output.slice(-3000)}`);
    let lastBuildMs = Date.now() - started;
    let published: Map<string, string> | undefined = fileDigests(fixture.outDir);
    colds.set(sourcesDigest(fixture.root), published);
    const active = new Map<string, Edit[]>();

    for (let sequence = 0; sequence < options.sequences; sequence += 1) {
      report.sequences += 1;
      // Each ending equally often (failed, SIGTERM, SIGKILL, completed), in a random order; the last build completes, so every sequence is compared.
      const outcomes: Outcome[] = Array.from({ length: options.steps - 1 }, (_, i) => (['fail', 'SIGTERM', 'SIGKILL', 'complete'] as const)[i % 4]!);
      for (let i = outcomes.length - 1; i > 0; i -= 1) {
        const j = Math.floor(rand() * (i + 1));
        [outcomes[i], outcomes[j]] = [outcomes[j]!, outcomes[i]!];
      }
      outcomes.push('complete');

      for (const outcome of outcomes) {
        report.steps += 1;
        const undoing = active.size > 0 && rand() < 0.35;
        let what: string;
        if (undoing) {
          const kind = pick([...active.keys()]);
          for (const change of [...active.get(kind)!].reverse()) undo(fixture, change);
          active.delete(kind);
          what = `undo ${kind}`;
        } else {
          const kind = pick(EDIT_KIND_NAMES.filter((name) => !active.has(name)));
          const changes = EDIT_KINDS[kind]!(fixture);
          changes.forEach((change) => apply(fixture, change));
          active.set(kind, changes);
          what = kind;
        }
        report.edits[what] = (report.edits[what] ?? 0) + 1;

        const failure = outcome === 'fail' ? pick(FAILURES)(fixture) : undefined;
        if (failure) apply(fixture, failure);
        const delay = Math.round(rand() * lastBuildMs * 0.9);
        let sent = false;
        let timer: NodeJS.Timeout | undefined;
        started = Date.now();
        // Timed from the build's first line, once Astro has loaded the config and the guard: before that there
        // is nothing to stop but Node starting, and a signal then leaves dist/ as it was.
        const result = await fixture.build({
          onOutput: (_output, child) => {
            if ((outcome === 'SIGTERM' || outcome === 'SIGKILL') && timer === undefined) timer = setTimeout(() => (sent = child.kill(outcome)), delay);
          },
        });
        clearTimeout(timer);
        if (failure) undo(fixture, failure);
        const step = `sequence ${sequence + 1}, step ${report.steps} (${what}; ${outcome}${sent ? ` after ${delay} ms` : ''})`;

        if (result.code === 0) {
          if (failure) report.problems.push(`${step}: the injected error did not fail the build`);
          lastBuildMs = Date.now() - started;
          report.builds.completed += 1;
          published = fileDigests(fixture.outDir);
          const cold = await coldBuild();
          const differing = differingFiles(published, cold);
          if (differing.length > 0) report.problems.push(`${step}: ${differing.length} file(s) differ from a cold build: ${differing.slice(0, 10).join(', ')}`);
          log(`${step}: completed, ${differing.length === 0 ? 'equal to a cold build' : `${differing.length} file(s) differ from a cold build`}`);
          continue;
        }
        if (failure) {
          report.builds.failed += 1;
          if (!result.output.includes(MARK) && !result.output.includes(failure.file))
            report.problems.push(`${step}: the build failed, but not with the injected error:\n${result.output.slice(-2000)}`);
        } else if (sent) report.builds.killed += 1;
        else report.problems.push(`${step}: the build failed by itself (exit ${result.code}):\n${result.output.slice(-2000)}`);
        const left = existsSync(fixture.outDir) ? fileDigests(fixture.outDir) : undefined;
        if (failure) {
          // A failure is met with the guard in place: dist/ is removed, so no stale site passes for this build.
          if (left !== undefined) report.problems.push(`${step}: a failed build left a dist/ (${left.size} files)`);
        } else if (left !== undefined && (published === undefined || differingFiles(left, published).length > 0)) {
          // A stop leaves no dist/ (the guard removed it), the last complete site (a SIGKILL, or a signal that came
          // before the guard was listening) or, if the signal came after the swap, this build's own complete site.
          const cold = await coldBuild();
          const differing = differingFiles(left, cold);
          if (differing.length > 0)
            report.problems.push(
              `${step}: a stopped build left a dist/ that is neither the last complete site nor this one (${differing.length} file(s) differ)`,
            );
        }
        published = left;
        log(`${step}: ${failure ? 'failed as injected' : `stopped (exit ${result.code})`}, dist/ ${left ? 'is a complete site' : 'removed'}`);
      }
    }
  } finally {
    fixture.remove();
  }
  return report;
}
