/** What `npm run dev` starts a fresh server for (src/cli/dev.ts), and what it leaves to Vite's reload in place. */
import { expect, test } from 'vitest';
import { needsRestart } from '../../src/cli/dev.ts';

test('everything read once per start needs a fresh server: content, data, schemas, plugins, integrations, config, dependencies', () => {
  for (const path of [
    'content/people.yaml',
    'content/articles/hanoi-hangover.mdx',
    'content/sources/hanoi-hangover.txt',
    'src/model/schemas/person.ts',
    'src/markdown/rehype-paragraph-links.ts',
    'src/integrations/page-pass.ts',
    'src/content.config.ts',
    'src/lib/text.ts',
    'astro.config.mjs',
    'package-lock.json',
  ])
    expect(needsRestart(path), path).toBe(true);
});

test('pages, components, layouts, styles and browser code are reloaded by Vite; editors’ scratch files and other files change nothing', () => {
  for (const path of [
    'src/pages/people/[id].astro',
    'src/components/SiteFooter.astro',
    'src/layouts/Base.astro',
    'src/styles/tokens.css',
    'src/client/share.ts',
    'src/search/browser/ui.ts',
    'content/.people.yaml.swp',
    'content/people.yaml~',
    'README.md',
    'tests/unit/text.test.ts',
  ])
    expect(needsRestart(path), path).toBe(false);
});
