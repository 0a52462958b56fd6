/**
 * A new mention kind touches the files the README counts, and nothing else:
 * a copy of src/ and content/ gets `treaty` (tests/support/new-mention-kind.ts),
 * and its data file, the vocabulary, the mention plugin and the permalink
 * record ids all take it up from the kinds table. (The build of such a copy:
 * tests/fixture-builds/new-mention-kind.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../support/paths.ts';
import { linkNodeModules } from '../support/project-copy.ts';
import { run, toHtml } from '../support/markdown.ts';
import { addTreatyKind, TOUCHED, TREATY, TREATY_ARTICLE } from '../support/new-mention-kind.ts';

let root: string;
const load = <T>(file: string): Promise<T> => import(pathToFileURL(join(root, file)).href) as Promise<T>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

beforeAll(() => {
  mkdirSync(join(projectRoot, 'tests', '.tmp'), { recursive: true });
  root = mkdtempSync(join(projectRoot, 'tests', '.tmp', 'new-kind-'));
  for (const folder of ['src', 'content']) cpSync(join(projectRoot, folder), join(root, folder), { recursive: true });
  linkNodeModules(projectRoot, root);
  addTreatyKind({
    read: (file) => readFileSync(join(root, file), 'utf8'),
    write: (file, text) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    },
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a new mention kind', () => {
  it('touches its schema, its rows in the kinds table and its data file, besides the article that names it', () => {
    const changed = ['src', 'content']
      .flatMap((folder) => files(join(root, folder)))
      .map((file) => relative(root, file))
      .filter((file) => {
        try {
          return !readFileSync(join(projectRoot, file)).equals(readFileSync(join(root, file)));
        } catch {
          return true;
        }
      })
      .sort();
    expect(changed).toEqual([...TOUCHED, TREATY_ARTICLE].sort());
    expect(TOUCHED).toHaveLength(3);
  });

  it('is read from its data file, taken by <Mention>, and marked in the article', async () => {
    const { loadRegistry } = await load<typeof import('../../src/model/registry.ts')>('src/model/registry.ts');
    const { default: remarkAnnotationVocabulary } = await load<typeof import('../../src/markdown/remark-annotation-vocabulary.ts')>(
      'src/markdown/remark-annotation-vocabulary.ts',
    );
    const { default: remarkAnchorIds } = await load<typeof import('../../src/markdown/remark-anchor-ids.ts')>('src/markdown/remark-anchor-ids.ts');
    const { default: remarkMentions } = await load<typeof import('../../src/markdown/remark-mentions.ts')>('src/markdown/remark-mentions.ts');
    const registry = loadRegistry(join(root, 'content')) as unknown as Record<string, Map<string, { name: string }>>;
    expect(registry['treaties']?.get(TREATY.id)?.name).toBe(TREATY.name);
    const { tree, file } = run(`Under the <Mention treaty="${TREATY.id}">${TREATY.words}</Mention>.`, {
      plugins: [remarkAnnotationVocabulary, remarkAnchorIds, [remarkMentions, { registry }]],
    });
    // A treaty has no page of its own: the mention is marked, not linked.
    expect(toHtml(tree, file)).toContain(`<span data-mention="treaty:${TREATY.id}">${TREATY.words}</span>`);
  });

  it('names permalinks like any other record', async () => {
    const { recordIds } = await load<typeof import('../../src/integrations/permalinks.ts')>('src/integrations/permalinks.ts');
    expect(recordIds(join(root, 'content')).has(TREATY.id)).toBe(true);
  });
});
