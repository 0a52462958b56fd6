/**
 * What a link-preview image shows, as a tree of elements for satori (which
 * takes React-like `{ type, props }` objects; no React needed). Pure: the
 * same card always gives the same tree, so the tree's hash is the cache key.
 *
 * Colours repeat tokens.css on purpose: satori draws outside the page and
 * cannot read CSS custom properties.
 */
import { truncateWords } from './text.ts';

export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export interface OgCard {
  /** Small capitals above the title: "Article", "Direct quote", "Trump–Kim meeting". */
  label: string;
  /** The main words: a headline, a quotation, a meeting's name. */
  title: string;
  /** Whether the title is someone's words (quote marks, italic for a paraphrase). */
  quote?: 'direct' | 'paraphrase' | undefined;
  /** A line or two under the title: a dek, a summary. */
  body?: string | undefined;
  /** Bold line at the foot: the speaker, the source. */
  byline?: string | undefined;
  /** Line after the byline: role and affiliation, date and place. */
  detail?: string | undefined;
}

/** A card and the site path of its PNG (a path from urls.ogImage). */
export interface OgCardEntry {
  path: string;
  card: OgCard;
}

/** Where the build writes its list of cards (src/pages/og/cards.json.ts), relative to dist/. */
export const OG_CARDS_FILE = 'og/cards.json';

const COLOR = { bg: '#fdfcfa', surface: '#f3f1ec', text: '#1c1b19', muted: '#5c5850', accent: '#a3341f', quote: '#f7e9c6', paraphrase: '#dde8f3' };

export interface OgNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (OgNode | string)[] | OgNode | string };
}

function el(type: string, style: Record<string, string | number>, ...children: (OgNode | string | undefined | false)[]): OgNode {
  const kept = children.filter((child): child is OgNode | string => Boolean(child));
  return { type, props: { style, children: kept.length === 1 ? kept[0]! : kept } };
}

/** Smaller type for longer titles, so every title fits in the card without being cut mid-thought. */
function titleSize(text: string): number {
  if (text.length <= 60) return 68;
  if (text.length <= 120) return 56;
  if (text.length <= 200) return 46;
  return 38;
}

export function ogCardTree(card: OgCard): OgNode {
  const words = truncateWords(card.title, 280);
  const title = card.quote === 'direct' ? `“${words}”` : words;
  const band = card.quote === 'paraphrase' ? COLOR.paraphrase : card.quote === 'direct' ? COLOR.quote : COLOR.accent;
  return el(
    'div',
    { width: '100%', height: '100%', display: 'flex', backgroundColor: COLOR.bg, color: COLOR.text, fontFamily: 'Source Serif 4' },
    el('div', { width: 24, height: '100%', backgroundColor: band }),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '56px 72px 52px 64px' },
      el(
        'div',
        { display: 'flex', justifyContent: 'space-between', fontSize: 26, letterSpacing: 2, textTransform: 'uppercase', color: COLOR.muted },
        el('span', { fontWeight: 700, color: COLOR.accent }, 'Summit Desk'),
        el('span', {}, card.label),
      ),
      el(
        'div',
        { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' },
        el(
          'div',
          { fontSize: titleSize(title), fontWeight: card.quote ? 600 : 700, lineHeight: 1.2, fontStyle: card.quote === 'paraphrase' ? 'italic' : 'normal' },
          title,
        ),
        card.body !== undefined && el('div', { marginTop: 24, fontSize: 30, lineHeight: 1.35, color: COLOR.muted }, truncateWords(card.body, 190)),
      ),
      (card.byline !== undefined || card.detail !== undefined) &&
        el(
          'div',
          { display: 'flex', flexDirection: 'column', borderTop: `3px solid ${COLOR.surface}`, paddingTop: 20, fontSize: 30 },
          card.byline !== undefined && el('span', { fontWeight: 700 }, card.byline),
          card.detail !== undefined && el('span', { color: COLOR.muted, marginTop: 4 }, truncateWords(card.detail, 90)),
        ),
    ),
  );
}
