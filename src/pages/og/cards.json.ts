/**
 * The build's list of link-preview cards (path and card), for the og-images
 * integration, which draws them after the pages are written and removes
 * this file from dist/. Computed here because only pages can read the
 * content collections the cards come from.
 */
import type { APIRoute } from 'astro';
import { ogCards } from './_cards.ts';

// Written to dist/og/cards.json: OG_CARDS_FILE in src/lib/og-card.ts, where the integration looks for it.

export const GET: APIRoute = async () => new Response(JSON.stringify(await ogCards()), { headers: { 'Content-Type': 'application/json' } });
