/**
 * `npm run ids` pins only what the current sources publish (issue 23, found 5 and 9): it refuses a dist/
 * built from other sources, writes the manifest as Prettier formats it, and a malformed manifest or moves
 * file fails the build when it starts, naming the file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { check, resolveConfig } from 'prettier';
import { makeFixture, type Fixture } from '../support/fixture.ts';
import type { BuildResult } from '../support/build.ts';

const MANIFEST = 'src/data/permalinks.json';
const MOVES = 'src/data/permalink-moves.json';

let fixture: Fixture;
type Broken = BuildResult & { contentLoaded: boolean };
let broken: { manifest: Broken; moves: Broken };
let built: BuildResult;

const ids = (...args: string[]) => {
  const run = spawnSync(process.execPath, [join(fixture.root, 'src/cli/ids.ts'), ...args], { cwd: fixture.root, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

beforeAll(async () => {
  fixture = makeFixture('ids');
  const manifest = fixture.read(MANIFEST);
  const moves = fixture.read(MOVES);
  // The copy has never loaded its content: Astro's content store appears only once it has.
  const store = join(fixture.root, 'node_modules', '.astro', 'data-store.json');
  fixture.write(MANIFEST, manifest.slice(0, manifest.length / 2));
  const brokenManifest = { ...(await fixture.build()), contentLoaded: existsSync(store) };
  fixture.write(MANIFEST, manifest);
  fixture.write(MOVES, `${moves.trimEnd()},\n`);
  const brokenMoves = { ...(await fixture.build()), contentLoaded: existsSync(store) };
  fixture.write(MOVES, moves);
  broken = { manifest: brokenManifest, moves: brokenMoves };
  built = await fixture.build();
}, 600_000);

afterAll(() => fixture?.remove());

describe('a malformed permalink file', () => {
  test.each([
    ['manifest', MANIFEST],
    ['moves', MOVES],
  ] as const)('%s: fails the build when it starts, naming the file', (which, file) => {
    const { code, output, contentLoaded } = broken[which];
    expect(code).not.toBe(0);
    expect(output).toContain(`${file} is not valid JSON`);
    expect(contentLoaded, 'the build stopped before loading the content, let alone rendering a page').toBe(false);
  });
});

describe('npm run ids', () => {
  test('finds the build up to date with the manifest', () => {
    expect(built.code, built.output.slice(-3000)).toBe(0);
    expect(ids()).toMatchObject({ code: 0, output: expect.stringContaining('is up to date') });
  });

  test('--update pins what the build has and writes the manifest as Prettier formats it', async () => {
    const manifest = JSON.parse(fixture.read(MANIFEST)) as { pages: Record<string, string[]> };
    const [path, pinned] = Object.entries(manifest.pages).find(([, list]) => list.length > 2)!;
    const dropped = pinned.at(-1)!;
    manifest.pages[path] = pinned.slice(0, -1);
    fixture.write(MANIFEST, JSON.stringify(manifest));
    expect(ids()).toMatchObject({ code: 1, output: expect.stringContaining(`+ ${path}#${dropped}`) });
    expect(ids('--update')).toMatchObject({ code: 0, output: expect.stringContaining('Added 1 permalink(s)') });
    const written = fixture.read(MANIFEST);
    expect(JSON.parse(written).pages[path]).toContain(dropped);
    const options = (await resolveConfig(join(fixture.root, MANIFEST))) ?? {};
    expect(await check(written, { ...options, filepath: join(fixture.root, MANIFEST) })).toBe(true);
  });

  test('refuses a dist/ that is not the build of the current sources', () => {
    const before = fixture.read(MANIFEST);
    fixture.replace('content/people.yaml', 'role: US president', 'role: US president (edited)');
    const run = ids('--update');
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/is not the build of the sources in this checkout \(they changed since it was built\): run `npm run build` first/);
    expect(fixture.read(MANIFEST)).toBe(before);
  });
});
