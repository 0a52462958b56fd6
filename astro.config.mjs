// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from './src/model/registry.ts';
import { siteMarkdown } from './src/markdown/index.ts';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import ogImages from './src/integrations/og-images.ts';
import pagePass from './src/integrations/page-pass.ts';
import publishGuard from './src/integrations/publish-guard.ts';
import contentPrecheck from './src/integrations/content-precheck.ts';
import { siteUrl } from './src/lib/site-url.ts';
import contentGuard from './src/integrations/content-guard.ts';
import contentStoreModule from './src/integrations/content-store-module.ts';
import { cspDirectives, scriptResources, styleResources } from './src/postbuild/security-headers.ts';
import { BOOT_HASH } from './src/client/boot.ts';

// One build at a time, into a folder beside dist/ that replaces it only when complete (publish-guard.ts):
// `start` is listed first, before any hook can fail; `publish` last, after every step has written.
const guard = publishGuard();

const contentDir = fileURLToPath(new URL('./content/', import.meta.url));
// An error found here (in the data files, or in SITE_URL) is reported by the content guard, once the
// publish guard holds the build and can remove a stale dist/ (a throw here could not).
/** @type {import('./src/model/registry.ts').Registry | undefined} */
let registry;
/** @type {unknown} */
let registryError;
try {
  registry = loadRegistry(contentDir);
} catch (error) {
  registryError = error;
}
/** @type {string | undefined} */
let site;
/** @type {unknown} */
let siteError;
try {
  site = siteUrl(process.env.SITE_URL);
} catch (error) {
  siteError = error;
}

export default defineConfig({
  // The one setting for the site's public address: canonical URLs, link
  // previews, JSON-LD ids, the feed, the sitemap and robots.txt all use it.
  ...(site === undefined ? {} : { site }),
  trailingSlash: 'always',
  markdown: {
    // No code blocks in the articles; Shiki's inline styles would also need 'unsafe-inline' under the CSP.
    syntaxHighlight: false,
    // Astro 7's default engine is not remark; our plugins need the unified pipeline.
    // Its options (no smartypants, no gfm) are in src/markdown/index.ts, shared with the article worker.
    processor: unified(siteMarkdown(registry)),
  },
  // Order matters: the publish guard first (it must be in place before any
  // other hook can fail), then the content checks. The preview images are drawn in worker
  // threads while the pages render (src/og/images.ts), and are in dist/ with them. After the
  // pages are written: one pass over them (src/integrations/page-pass.ts: permalink aliases
  // and redirects, CSP narrowing, the link check, the permalink manifest, the security
  // headers, and the search index, fed each page as the pass leaves it and written last).
  // pagefind() serves the search index in `astro dev`.
  integrations: [
    guard.start,
    contentGuard({ contentDir, registryError, siteError }),
    contentPrecheck({ contentDir }),
    // The content store reaches the pages as one module; split so that compiling it stays quick (content-store-module.ts).
    contentStoreModule(),
    // Compiles .mdx pages (src/pages/), should the site add any. The articles are MDX too, but they are
    // parsed (remark-mdx) and rendered to HTML in the content layer (src/markdown/article-loader.ts) by the
    // processor above, not compiled into one Vite module each, which cost a large build much time and memory.
    mdx(),
    sitemap({ filter: (page) => !page.includes('/404') }),
    ogImages(),
    pagePass({ contentDir }),
    pagefind(),
    guard.publish,
  ],
  security: {
    // A per-page <meta> policy with the hash of each inline script and style
    // (JSON-LD blocks are data, not script, so CSP does not apply to them).
    // Astro gives every page the whole site's hashes; the link check's pass narrows
    // each page to its own.
    // The same directives go out as headers: src/integrations/security-headers.ts.
    csp: {
      algorithm: 'SHA-256',
      directives: [...cspDirectives],
      scriptDirective: { resources: [...scriptResources], hashes: [BOOT_HASH] },
      styleDirective: { resources: [...styleResources] },
    },
  },
  build: {
    format: 'directory',
    // Four pages in flight: Astro renders on one thread and waits on the disk for each page it writes,
    // so one at a time left that thread idle much of the time.
    concurrency: 4,
    // All CSS in the page: an article arrives in one response (HTML + CSS ≈ 11 KB gzip, under
    // the 14.6 KB first round trip) instead of HTML, then two stylesheets a round trip later.
    // It brings the largest paint forward on mobile; repeat views re-send the CSS (README, Performance).
    inlineStylesheets: 'always',
  },
  // Scope component styles with a class, not a data-astro-cid-* attribute on every element:
  // the same specificity, 2.4 KB less raw HTML on the long article (bench, issue 8).
  scopedStyleStrategy: 'class',
  // The preview-image renderer runs only at build time; loading it from
  // node_modules rather than bundling it saves bundling work (resvg is a
  // native addon and cannot be bundled anyway; fontkit is large).
  vite: {
    ssr: { external: ['fontkit', '@resvg/resvg-js'] },
    // Astro inlines a page's script when it is smaller than this. The share script (~2.4 KB) is the same
    // on every page: as a file it is cached once for the whole site instead of riding in every article's
    // first round trip (the 14.6 KB budget); scripts under 1 KB stay inline.
    build: { assetsInlineLimit: 1024 },
  },
});
