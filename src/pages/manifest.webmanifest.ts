/** The web app manifest: name, colours and icons for "add to home screen". */
import type { APIRoute } from 'astro';
import { urls } from '../lib/urls.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      {
        name: 'Summit Desk: US–North Korea summit diplomacy, annotated',
        short_name: 'Summit Desk',
        description: 'News articles on Trump–Kim summit diplomacy, published word for word and annotated.',
        start_url: urls.home(),
        scope: urls.home(),
        display: 'browser',
        lang: 'en',
        // Repeats --color-bg and --color-accent from tokens.css: a manifest cannot read CSS.
        background_color: '#fdfcfa',
        theme_color: '#a3341f',
        icons: [
          { src: '/favicon.svg', type: 'image/svg+xml', sizes: 'any' },
          { src: urls.icon(192), type: 'image/png', sizes: '192x192' },
          { src: urls.icon(512), type: 'image/png', sizes: '512x512' },
        ],
      },
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
