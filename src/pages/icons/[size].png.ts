/** PNG icons for browsers, home screens and the web app manifest, drawn from public/favicon.svg so there is one icon to edit. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [32, 180, 192, 512] as const;

export const getStaticPaths = (() => ICON_SIZES.map((size) => ({ params: { size: String(size) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const svg = readFileSync(join(process.cwd(), 'public', 'favicon.svg'));
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: Number(params['size']) } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
