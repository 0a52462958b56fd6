/**
 * The link-preview images (/og/…png), an ordinary route: one PNG per card
 * (_cards.ts), each path keyed by its content hash (src/og/key.ts: the card
 * and everything that draws it), so an incremental build draws again only
 * what changed. In a build the cards are started in worker threads as soon as
 * the paths are listed, before any page renders (src/og/images.ts); `astro
 * dev` draws each on request.
 *
 * The folder "og" is a parameter, not a folder of src/pages/, for one reason:
 * Astro renders routes whose first segment is a parameter after all the
 * others (its route priority), so the workers draw while every page renders,
 * and this thread draws only the cards they have not reached by then. With
 * src/pages/og/ the images came between the article and the quotation pages,
 * and the workers sat idle for the rest of the pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { OgCard } from '../../og/card.ts';
import { drawAhead, ogImage } from '../../og/images.ts';
import { ogCacheKey } from '../../og/key.ts';
import { ogCards } from './_cards.ts';

/** "/og/quotes/x.png" → "quotes/x", the route's `card` parameter (urls.ogImage gives every path under /og/). */
const param = (path: string) => path.slice('/og/'.length, -'.png'.length);
const FOLDER = 'og';

/** Set by src/integrations/og-images.ts: the image cache folder, and whether this is a build (not `astro dev`). */
const { cacheDir, build } = import.meta.env['SUMMIT_OG'] as { cacheDir: string; build: boolean };

export const getStaticPaths = (async () => {
  const cards = await ogCards();
  if (build) drawAhead(cards, cacheDir);
  return cards.map(({ path, card }) => {
    const key = ogCacheKey(card);
    return { params: { images: FOLDER, card: param(path) }, props: { card, key }, cacheKey: key };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard; key: string }> = async ({ props }) => {
  // The PNG's own bytes, not a copy: Astro copies the body once more to write it, for each of the thousands of images.
  const png = await ogImage(props.card, cacheDir, props.key);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
