/**
 * A warm rebuild is the same site as a cold one (issue 13, issue 23). A copy of the project is built
 * cold (empty cache folder), one article is edited and the copy rebuilt warm (with everything the first
 * build cached in node_modules/.astro/: the content store, the preview images), then rebuilt cold from the
 * same content: the two outputs must match file for file and byte for byte (the preview PNGs and the
 * search index included).
 *
 * The edit changes a site-written headline and standfirst: the headline is shown on other pages too (the
 * quotation pages of that article, the people and meeting pages that list it) and on the article's preview
 * image, so a cache that missed it would publish a stale page or image. tests/fixture-builds/faults.test.ts
 * does the same after random edits of every kind, failed builds and killed ones.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixture } from '../support/fixture.ts';
import { differingFiles, fileDigests } from '../support/dist.ts';

const fixture = makeFixture('rebuild');
afterAll(() => fixture.remove());

async function build(): Promise<Map<string, string>> {
  const { code, output } = await fixture.build();
  expect(code, output.slice(-3000)).toBe(0);
  return fileDigests(fixture.outDir);
}

const clearCaches = () => rmSync(join(fixture.root, 'node_modules', '.astro'), { recursive: true, force: true });

describe('rebuilding', () => {
  it('a warm rebuild after editing one article writes the same bytes as a cold build', async () => {
    clearCaches();
    const first = await build();
    expect([...first.keys()].filter((path) => path.endsWith('.png') && path.startsWith('og/')).length).toBeGreaterThan(10);

    // An article whose headline and standfirst are the site's own (headlineBy, dekBy: site), so no source text has to change with them.
    const article = readdirSync(join(fixture.root, 'content/articles'))
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .find((name) => /^dekBy: site$/m.test(fixture.read(`content/articles/${name}`)) && /^headlineBy: site$/m.test(fixture.read(`content/articles/${name}`)));
    expect(article, 'an article with headlineBy: site and dekBy: site').toBeDefined();
    const file = `content/articles/${article!}`;
    const dek = /^dek: (.+)$/m.exec(fixture.read(file))?.[1];
    const headline = /^headline: (.+)$/m.exec(fixture.read(file))?.[1];
    expect(dek, `${file} has a one-line dek to edit`).toBeDefined();
    expect(headline, `${file} has a one-line headline to edit`).toBeDefined();
    fixture.replace(file, `dek: ${dek}`, `dek: ${dek!.replace(/\.$/, '')}, edited for the rebuild test.`);
    fixture.replace(file, `headline: ${headline}`, `headline: ${headline} (edited)`);

    const warm = await build();
    const slug = article!.replace(/\.mdx$/, '');
    expect(warm.get(`articles/${slug}/index.html`)).not.toBe(first.get(`articles/${slug}/index.html`));
    expect(warm.get(`og/articles/${slug}.png`), 'the article has a preview image').toBeDefined();
    expect(warm.get(`og/articles/${slug}.png`)).not.toBe(first.get(`og/articles/${slug}.png`));

    clearCaches();
    const cold = await build();
    expect(differingFiles(warm, cold)).toEqual([]);
  }, 600_000);
});
