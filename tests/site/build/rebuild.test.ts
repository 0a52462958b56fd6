/**
 * A warm rebuild is the same site as a cold one (issue 13). A copy of the
 * project is built cold (empty cache folder), one article is edited and the
 * copy rebuilt warm (with everything the first build cached in
 * node_modules/.astro/), then rebuilt cold from the same content: the two
 * outputs must match file for file and byte for byte (the preview PNGs
 * included, compared by SHA-256), and the warm build must have redrawn only
 * the preview image the edit changed, and rendered again only the pages that
 * show the edited article (Astro's incremental build copies the others).
 *
 * The edit changes a site-written headline and standfirst: the headline is
 * shown on other pages too (the quotation pages of that article, the people
 * and meeting pages that list it), so a page whose cache key missed the
 * article it shows would be copied stale and differ from the cold build.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { globSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixture } from '../../support/fixture.ts';

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

/**
 * The pages Astro rendered, and those it copied from its incremental cache, from the build's log. Pages are
 * rendered four at a time (build.concurrency), so one log line may hold several pages' entries; a copied
 * page's path is followed at once by "(cached)" or "(restored)", a rendered page's by its time or another entry.
 */
function pageCounts(output: string): { rendered: string[]; copied: string[] } {
  const entries = [...output.matchAll(/├─ (\/\S*index\.html)[^\S\n]*(\((?:cached|restored)\))?/g)];
  return {
    rendered: entries.filter((entry) => !entry[2]).map((entry) => entry[1]!),
    copied: entries.filter((entry) => entry[2]).map((entry) => entry[1]!),
  };
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
    // The cards endpoint handed its list over as it rendered: the workers began before the last page was written.
    const began = first.output.search(/Drawing \d+ preview images in \d+ worker thread\(s\) while the pages render/);
    const rendered = first.output.indexOf('✓ Completed', first.output.indexOf('generating static routes'));
    expect(began, first.output.slice(-3000)).toBeGreaterThan(0);
    expect(began).toBeLessThan(rendered);

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
    // Only pages that show the edited article were rendered again; at least the other article's page was copied.
    const pages = pageCounts(warm.output);
    expect(pages.rendered).toContain(`/articles/${slug}/index.html`);
    expect(pages.copied.length, 'pages copied from the incremental cache').toBeGreaterThan(0);
    expect(pages.copied.some((page) => page.startsWith('/articles/'))).toBe(true);
    expect(pages.copied).not.toContain(`/articles/${slug}/index.html`);
    // The article's card shows its dek: that one image is redrawn, every other one comes from the cache.
    expect(previewCounts(warm.output)).toEqual({ drawn: 1, cached: images.length - 1 });
    expect(warm.files.get(`articles/${slug}/index.html`)).not.toBe(first.files.get(`articles/${slug}/index.html`));

    clearCaches();
    const cold = await build();
    expect(previewCounts(cold.output).cached).toBe(0);
    expect([...warm.files.keys()]).toEqual([...cold.files.keys()]);
    const differing = [...cold.files].filter(([path, digest]) => warm.files.get(path) !== digest).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 600_000);
});
