/**
 * A throwaway copy of the project under tests/.tmp/ (gitignored), for builds
 * that must see different content: the bad-input fixtures and the escaping
 * test. node_modules links each package (tests/support/project-copy.ts), so a copy costs a few hundred kilobytes and has caches of its own.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { linkNodeModules } from './project-copy.ts';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';
import { astroBuild, type BuildOptions, type BuildResult } from './build.ts';

export const tmpRoot = join(projectRoot, 'tests', '.tmp');
const COPIED = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

export interface Fixture {
  root: string;
  /** The fixture's output folder (inside the fixture, never the project's dist/). */
  outDir: string;
  read(file: string): string;
  write(file: string, text: string | Buffer): void;
  /** Replaces exactly one occurrence of `from` in `file`; throws when it is missing, so a fixture cannot silently stop applying. */
  replace(file: string, from: string, to: string): void;
  /** Builds the copy into its dist/, or into `outDir` when given. */
  build(options?: BuildOptions & { outDir?: string }): Promise<BuildResult>;
  remove(): void;
}

export function makeFixture(name: string): Fixture {
  mkdirSync(tmpRoot, { recursive: true });
  const root = mkdtempSync(join(tmpRoot, `${name}-`));
  for (const entry of COPIED) if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  linkNodeModules(projectRoot, root);
  const outDir = join(root, 'dist');
  const fixture: Fixture = {
    root,
    outDir,
    read: (file) => readFileSync(join(root, file), 'utf8'),
    write: (file, text) => writeFileSync(join(root, file), text),
    replace: (file, from, to) => {
      const text = fixture.read(file);
      const at = text.indexOf(from);
      if (at === -1) throw new Error(`Fixture ${name}: "${from}" not found in ${file}`);
      fixture.write(file, text.slice(0, at) + to + text.slice(at + from.length));
    },
    build: (options = {}) => astroBuild(root, ['--outDir', options.outDir ?? outDir], options),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  return fixture;
}
