/**
 * Every internal href, src, srcset and #fragment in dist/ resolves, and no
 * page repeats an id. The build runs the same checker (src/integrations/
 * link-check.ts) and fails on a problem; this test re-checks the dist/ the
 * other tests use and shows the checker catches each kind of break.
 */
import { describe, expect, test } from 'vitest';
import { checkSite, formatProblems, type SiteFiles } from '../../../src/postbuild/link-check.ts';
import { readSiteFiles } from '../../../src/integrations/site-files.ts';
import { distDir } from '../../support/paths.ts';

test('no broken internal link, asset, fragment or duplicate id anywhere in dist/', () => {
  const files = readSiteFiles(distDir);
  expect(files.pages.size).toBeGreaterThan(10);
  const problems = checkSite(files, { site: 'http://localhost:4321' });
  expect(problems, formatProblems(problems)).toEqual([]);
});

describe('the checker', () => {
  const site = (pages: Record<string, string>, assets: string[] = []): SiteFiles => ({
    pages: new Map(Object.entries(pages)),
    exists: (file) => file in pages || assets.includes(file),
  });
  const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

  test('accepts links that resolve, in every form', () => {
    const problems = checkSite(
      site(
        {
          'index.html': page(
            '<a href="/a/">a</a><a href="a/#x">x</a><a href="#top">top</a><a href="https://example.com/missing">out</a><img src="/i.png" srcset="/i.png 1x, /i@2x.png 2x" alt="">',
          ),
          'a/index.html': page(
            '<h2 id="x">x</h2><a href="../">home</a><a href="#x:~:text=x">text fragment</a><a href="#:~:text=x">text alone</a><a href="http://localhost:4321/a/#x">abs</a>',
          ),
        },
        ['i.png', 'i@2x.png'],
      ),
      { site: 'http://localhost:4321' },
    );
    expect(problems).toEqual([]);
  });

  test('lists each broken link, asset, fragment and repeated id with its page', () => {
    const problems = checkSite(
      site({
        'index.html': page(
          '<a href="/nowhere/">1</a><a href="/a/#missing">2</a><img src="/gone.png" srcset="/gone@2x.png 2x" alt=""><a href="#self-missing">3</a><a href="/a/#gone:~:text=d">4</a>',
        ),
        'a/index.html': page('<p id="d"></p><p id="d"></p>'),
      }),
    );
    expect(problems.map((problem) => `${problem.page}: ${problem.message}`)).toEqual([
      'a/index.html: id "d" is used more than once',
      'index.html: href="/nowhere/" points to /nowhere/, which is not in the build',
      'index.html: href="/a/#missing": no element with id "missing" on /a/',
      'index.html: src="/gone.png" points to /gone.png, which is not in the build',
      'index.html: srcset="/gone@2x.png" points to /gone@2x.png, which is not in the build',
      'index.html: href="#self-missing": no element with id "self-missing" on /',
      'index.html: href="/a/#gone:~:text=d": no element with id "gone" on /a/',
    ]);
  });
});
