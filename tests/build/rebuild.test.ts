/**
 * A warm rebuild is the same site as a cold one (issue 13). A copy of the
 * project is built cold (empty cache folder), one article is edited and the
 * copy rebuilt warm (with everything the first build cached in
 * node_modules/.astro/), then rebuilt cold from the same content: the two
 * outputs must match file for file and byte for byte (the preview PNGs
 * included, compared by SHA-256), and the warm build must have redrawn only
 * the preview image the edit changed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { globSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixture } from '../support/fixture.ts';

const fixture = makeFixture('rebuild');
afterAll(() => fixture.remove());

/** Every file of a built site: path → SHA-256 of its bytes. */
function digests(dir: string): Map<string, string> {
  const files = globSync('**/*', { cwd: dir, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort()
      .map((path) => [
        path,
        createHash('sha256')
          .update(readFileSync(join(dir, path)))
          .digest('hex'),
      ]),
  );
}

/** "Preview images: 3 drawn, 38 from the cache" from the og-images integration's log. */
function previewCounts(output: string): { drawn: number; cached: number } {
  const match = /Preview images: (\d+) drawn, (\d+) from the cache/.exec(output);
  expect(match, output.slice(-2000)).not.toBeNull();
  return { drawn: Number(match![1]), cached: Number(match![2]) };
}

async function build(): Promise<{ files: Map<string, string>; output: string }> {
  const { code, output } = await fixture.build();
  expect(code, output.slice(-3000)).toBe(0);
  return { files: digests(fixture.outDir), output };
}

const clearCaches = () => rmSync(join(fixture.root, 'node_modules', '.astro'), { recursive: true, force: true });

describe('rebuilding', () => {
  it('a warm rebuild after editing one article redraws only what changed and writes the same bytes as a cold build', async () => {
    clearCaches();
    const first = await build();
    const images = [...first.files.keys()].filter((path) => path.endsWith('.png') && path.startsWith('og/'));
    expect(images.length).toBeGreaterThan(10);
    expect(previewCounts(first.output)).toEqual({ drawn: images.length, cached: 0 });

    // An article whose standfirst is the site's own (dekBy: site), so no source text has to change with it.
    const article = readdirSync(join(fixture.root, 'content/articles'))
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .find((name) => /^dekBy: site$/m.test(fixture.read(`content/articles/${name}`)));
    expect(article, 'an article with dekBy: site').toBeDefined();
    const file = `content/articles/${article!}`;
    const dek = /^dek: (.+)$/m.exec(fixture.read(file))?.[1];
    expect(dek, `${file} has a one-line dek to edit`).toBeDefined();
    fixture.replace(file, `dek: ${dek}`, `dek: ${dek!.replace(/\.$/, '')}, edited for the rebuild test.`);

    const warm = await build();
    // The article's card shows its dek: that one image is redrawn, every other one comes from the cache.
    expect(previewCounts(warm.output)).toEqual({ drawn: 1, cached: images.length - 1 });
    const slug = article!.replace(/\.mdx$/, '');
    expect(warm.files.get(`articles/${slug}/index.html`)).not.toBe(first.files.get(`articles/${slug}/index.html`));

    clearCaches();
    const cold = await build();
    expect(previewCounts(cold.output).cached).toBe(0);
    expect([...warm.files.keys()]).toEqual([...cold.files.keys()]);
    const differing = [...cold.files].filter(([path, digest]) => warm.files.get(path) !== digest).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 600_000);
});
