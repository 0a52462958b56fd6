/**
 * Link-preview images in `astro dev`, drawn on request. A build does not
 * render them here: drawing ~35 ms per image one after another inside
 * Astro's page rendering was most of a large site's build time. The build
 * renders the card list (cards.json.ts), and the og-images integration draws
 * the cards in worker threads beside the rendering, with a cache.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { OgCard } from '../../og/card.ts';
import { renderOgCard } from '../../og/render.ts';
import { ogCards } from './_cards.ts';

/** "/og/quotes/x.png" → "quotes/x", the route's parameter. */
const param = (path: string) => path.slice('/og/'.length, -'.png'.length);

export const getStaticPaths = (async () => {
  // Set by the og-images integration: true under `astro dev` only.
  if (import.meta.env['SUMMIT_OG_ON_REQUEST'] !== true) return [];
  return (await ogCards()).map(({ path, card }) => ({ params: { image: param(path) }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const png = await renderOgCard(props.card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
