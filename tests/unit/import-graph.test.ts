/**
 * The import graph of src/, read with es-module-lexer (src/lib/import-closure.ts;
 * an .astro file's imports are in its frontmatter): the layers the README's tree
 * describes hold. No cycle; src/lib/ imports nothing of ours but src/lib/;
 * src/model/ only src/lib/ and src/model/; src/markdown/ no page, component or
 * layout. Type-only imports count: they tie the layers as much as the others.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { relativeImports } from '../../src/lib/import-closure.ts';
import { projectRoot } from '../support/paths.ts';

const src = join(projectRoot, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

/** The module text es-module-lexer reads: an .astro file's frontmatter, a script as it is. */
function moduleText(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  return match?.[1] ?? '';
}

/** Each module of src/ (relative to src/) → the modules of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const modules = files(src).filter((file) => /\.(ts|mjs|astro)$/.test(file) && !file.endsWith('.d.ts'));
  return new Map(
    modules.map((file) => [
      relative(src, file),
      relativeImports(moduleText(file), file)
        .map((specifier) => relative(src, join(dirname(file), specifier.replace(/\?.*$/, ''))))
        .filter((target) => !target.startsWith('..') && !/\.(css|json|svg)$/.test(target)),
    ]),
  );
}

/** Every cycle, each as the path round it (a → b → a), found by depth-first search. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const folder = (module: string) => module.split('/')[0]!;

/** Imports from a folder to folders it may not import. */
function crossings(graph: Map<string, string[]>, from: string, allowed: (target: string) => boolean): string[] {
  return [...graph]
    .filter(([module]) => folder(module) === from)
    .flatMap(([module, targets]) => targets.filter((t) => !allowed(t)).map((t) => `${module} → ${t}`));
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('is read: every folder of the tree has modules, and the known imports are there', () => {
    expect(graph.get('model/corpus.ts')).toContain('model/kinds.ts');
    expect(graph.get('content.config.ts')).toContain('model/data-loader.ts');
    expect(graph.get('pages/articles/[slug].astro')).toContain('model/corpus.ts');
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(
      cycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['a.ts']],
        ]),
      ),
    ).toEqual(['a.ts → b.ts → a.ts']);
  });

  it('keeps src/lib/ to itself', () => {
    expect(crossings(graph, 'lib', (target) => folder(target) === 'lib')).toEqual([]);
  });

  it('lets src/model/ import only src/lib/ and src/model/', () => {
    expect(crossings(graph, 'model', (target) => ['lib', 'model'].includes(folder(target)))).toEqual([]);
  });

  it('keeps pages, components and layouts out of src/markdown/', () => {
    expect(crossings(graph, 'markdown', (target) => !['pages', 'components', 'layouts'].includes(folder(target)))).toEqual([]);
  });
});

describe('the tree', () => {
  const all = files(src).map((file) => relative(src, file));

  it('has no file over 300 lines', () => {
    const lines = (file: string) => readFileSync(join(src, file), 'utf8').split('\n').length;
    expect(all.filter((file) => lines(file) > 300)).toEqual([]);
  });

  it('has no folder over 20 files', () => {
    const counts = new Map<string, number>();
    for (const file of all) counts.set(dirname(file), (counts.get(dirname(file)) ?? 0) + 1);
    expect([...counts].filter(([, count]) => count > 20)).toEqual([]);
  });
});
