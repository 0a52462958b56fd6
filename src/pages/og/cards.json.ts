/**
 * The build's list of link-preview cards (path and card), for the og-images
 * integration, which draws them in worker threads and removes this file from
 * dist/. Computed here because only pages can read the content collections
 * the cards come from; handed to the integration as soon as it is computed
 * (src/og/handoff.ts), so the drawing starts while the other pages render.
 */
import type { APIRoute } from 'astro';
import { ogCards } from './_cards.ts';
import { handOffOgCards } from '../../og/handoff.ts';

// Written to dist/og/cards.json: OG_CARDS_FILE in src/og/card.ts, where the integration looks for it.

export const GET: APIRoute = async () => {
  const cards = await ogCards();
  handOffOgCards(cards);
  return new Response(JSON.stringify(cards), { headers: { 'Content-Type': 'application/json' } });
};
