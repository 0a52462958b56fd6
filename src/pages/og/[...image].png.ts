/**
 * Link-preview images, one PNG per article, quotation and meeting, and one
 * for the site (urls.ogImage names them). Drawn at build time from the same
 * records the pages show; see lib/og-render.ts for the drawing and its cache.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../data/corpus.ts';
import { describePerson, KIND_LABELS } from '../../lib/people.ts';
import { formatDateRange } from '../../lib/dates.ts';
import { urls } from '../../lib/urls.ts';
import type { OgCard } from '../../lib/og-card.ts';
import { renderOgCard } from '../../lib/og-render.ts';
import { articleOgCard } from '../../lib/editorial-marks.ts';

/** "/og/quotes/x.png" → "quotes/x", the route's parameter. */
const param = (path: string) => path.slice('/og/'.length, -'.png'.length);

export const getStaticPaths = (async () => {
  const corpus = await getCorpus();
  const cards: { path: string; card: OgCard }[] = [
    { path: urls.ogImage.site(), card: { label: 'Annotated', title: 'US–North Korea summit diplomacy, annotated', body: 'News articles, word for word: who said what, the Singapore, Hanoi and DMZ meetings, and what experts propose now.' } },
  ];
  for (const { slug, entry } of corpus.articles) {
    cards.push({ path: urls.ogImage.article(slug), card: articleOgCard(entry.data) });
  }
  for (const quotation of corpus.quotations) {
    const speaker = corpus.people.get(quotation.speaker)!;
    cards.push({
      path: urls.ogImage.quote(quotation.id),
      card: { label: KIND_LABELS[quotation.kind], title: quotation.text, quote: quotation.kind === 'paraphrase' ? 'paraphrase' : 'direct', byline: speaker.name, detail: describePerson(speaker) },
    });
  }
  for (const event of corpus.events.filter((e) => e.kind === 'summit')) {
    const place = event.place ? corpus.places.get(event.place.id)?.name : undefined;
    cards.push({
      path: urls.ogImage.meeting(event.id),
      card: { label: 'Trump–Kim meeting', title: event.name, body: event.summary, byline: [formatDateRange(event.start, event.end), place].filter(Boolean).join(' · ') },
    });
  }
  return cards.map(({ path, card }) => ({ params: { image: param(path) }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const png = await renderOgCard(props.card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
