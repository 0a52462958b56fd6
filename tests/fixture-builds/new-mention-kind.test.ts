/**
 * A new mention kind, built: a copy of the project gets `treaty` as the README
 * says (its schema, its rows in the kinds table, its data file; one tagged
 * mention: tests/support/new-mention-kind.ts) and nothing else. The build must
 * succeed, read the new data file into its collection and mark the mention on
 * the article page, its words unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../support/fixture.ts';
import { readPage } from '../support/dist.ts';
import { addTreatyKind, TREATY } from '../support/new-mention-kind.ts';

let fixture: Fixture;
let build: { code: number | null; output: string };

beforeAll(async () => {
  fixture = makeFixture('new-mention-kind');
  addTreatyKind(fixture);
  build = await fixture.build();
}, 300_000);
afterAll(() => fixture?.remove());

describe('a new mention kind, added in three files', () => {
  it('builds', () => {
    expect(build.output).not.toMatch(/error/i);
    expect(build.code).toBe(0);
  });

  it('marks the mention on the article page, its words as the source has them', () => {
    const marked = readPage('/articles/hanoi-hangover/', fixture.outDir).querySelector(`[data-mention="treaty:${TREATY.id}"]`);
    expect(marked?.textContent).toBe(TREATY.words);
  });
});
