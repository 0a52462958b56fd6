// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from './src/lib/registry.ts';
import { remarkPlugins, rehypePlugins } from './src/plugins/index.ts';
import pagefind from './src/integrations/pagefind.ts';

const registry = loadRegistry(fileURLToPath(new URL('./content/', import.meta.url)));

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  markdown: {
    // Astro 7's default engine is not remark; our plugins need the unified pipeline.
    // smartypants and gfm are off: the article text is published exactly as the
    // source gives it, and no typographic rewriting may touch it.
    processor: unified({
      remarkPlugins: remarkPlugins(registry),
      rehypePlugins: rehypePlugins(),
      smartypants: false,
      gfm: false,
    }),
  },
  integrations: [mdx(), pagefind()],
  build: { format: 'directory' },
});
