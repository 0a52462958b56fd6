import { describe, expect, it } from 'vitest';
import { splitStoreLiteral } from '../../src/integrations/content-store-module.ts';

/** Evaluates a module of the shape `export default <expression>` and returns its default export. */
function exported(code: string): unknown {
  const expression = code.trim().replace(/^export default /, '');
  return new Function(`return (${expression});`)();
}

/** The module Astro writes for its content store (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;

describe('splitStoreLiteral', () => {
  const store = JSON.stringify([['Map', 1], 'Kim Jong-un’s “fourth meeting”', 'say 😀 twice 😀', 'x'.repeat(50)]);

  it('exports the same value from pieces no longer than asked', () => {
    const split = splitStoreLiteral(astroModule(store), 8)!;
    expect(split).toBeDefined();
    expect(exported(split)).toEqual(JSON.parse(store));
    const pieces = split.split('\n').slice(1, -1);
    expect(pieces.length).toBeGreaterThan(store.length / 8 - 1);
    for (const piece of pieces) expect((JSON.parse(piece.replace(/,$/, '')) as string).length).toBeLessThanOrEqual(8);
  });

  it('never ends a piece inside a surrogate pair', () => {
    // With pieces of one character, every pair would be cut in two if the split allowed it.
    const split = splitStoreLiteral(astroModule(JSON.stringify(['😀😀'])), 1)!;
    const pieces = split
      .split('\n')
      .slice(1, -1)
      .map((piece) => JSON.parse(piece.replace(/,$/, '')) as string);
    expect(pieces).toContain('😀');
    expect(pieces.every((piece) => piece.isWellFormed())).toBe(true);
    expect(exported(split)).toEqual(['😀😀']);
  });

  it('leaves a store that fits in one piece, and code of any other shape, as it is', () => {
    expect(splitStoreLiteral(astroModule(store), store.length)).toBeUndefined();
    expect(splitStoreLiteral('export default new Map()', 8)).toBeUndefined();
    expect(splitStoreLiteral('export default JSON.parse(someVariable)', 8)).toBeUndefined();
    expect(splitStoreLiteral(`export default JSON.parse(${JSON.stringify({ not: 'a string' })})`, 8)).toBeUndefined();
  });
});
