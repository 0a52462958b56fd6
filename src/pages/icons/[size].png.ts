/** PNG icons for browsers, home screens and the web app manifest, drawn from public/favicon.svg so there is one icon to edit. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { cacheKeyOf } from '../../model/page-keys.ts';

export const ICON_SIZES = [32, 180, 192, 512] as const;

const favicon = () => readFileSync(join(process.cwd(), 'public', 'favicon.svg'));

// Drawn again only when the icon changes (incremental builds: src/model/page-keys.ts).
export const getStaticPaths = (() => {
  const cacheKey = cacheKeyOf([favicon().toString('utf8')]);
  return ICON_SIZES.map((size) => ({ params: { size: String(size) }, cacheKey }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const svg = favicon();
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: Number(params['size']) } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
