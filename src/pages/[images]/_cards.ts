/**
 * The link-preview cards of the site, one per article, quotation and meeting
 * and one for the site, each with the path urls.ogImage gives it. Built from
 * the same corpus records the pages show. Not a route (the leading "_").
 */
import { getCorpus } from '../../model/corpus.ts';
import { describePersonAlone, KIND_LABELS } from '../../lib/people.ts';
import { PARAPHRASE_MARK } from '../../model/attribution.ts';
import { formatDateRange } from '../../lib/dates.ts';
import { urls } from '../../lib/urls.ts';
import type { OgCardEntry } from '../../og/card.ts';
import { articleOgCard } from '../../model/editorial-marks.ts';

export async function ogCards(): Promise<OgCardEntry[]> {
  const corpus = await getCorpus();
  const cards: OgCardEntry[] = [
    {
      path: urls.ogImage.site(),
      card: {
        label: 'Annotated',
        title: 'US–North Korea summit diplomacy, annotated',
        body: 'News articles, word for word: who said what, the Singapore, Hanoi and DMZ meetings, and what experts propose now.',
      },
    },
  ];
  for (const { slug, entry } of corpus.articles) {
    cards.push({ path: urls.ogImage.article(slug), card: articleOgCard(entry.data) });
  }
  for (const quotation of corpus.quotations) {
    const speaker = corpus.people.get(quotation.speaker)!;
    cards.push({
      path: urls.ogImage.quote(quotation.id),
      card: {
        label: KIND_LABELS[quotation.kind],
        title: quotation.text,
        quote: quotation.kind === 'paraphrase' ? 'paraphrase' : 'direct',
        // The one attribution rule (src/model/attribution.ts): a paraphrase says so beside the name, not only in the label.
        byline: quotation.kind === 'paraphrase' ? `${speaker.name}, ${PARAPHRASE_MARK} by the article` : speaker.name,
        detail: describePersonAlone(speaker),
      },
    });
  }
  for (const event of corpus.events.filter((e) => e.kind === 'summit')) {
    const place = event.place ? corpus.places.get(event.place)?.name : undefined;
    cards.push({
      path: urls.ogImage.meeting(event.id),
      card: {
        label: 'Trump–Kim meeting',
        title: event.name,
        body: event.summary,
        byline: [formatDateRange(event.start, event.end), place].filter(Boolean).join(' · '),
      },
    });
  }
  return cards;
}
