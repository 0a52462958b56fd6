/**
 * What a link-preview image shows and how it is set: the card's text runs,
 * each with its face, size and colour, and the fixed measures of the design.
 * Pure: the same card always gives the same spec, so the spec's hash is part
 * of the cache key (src/og/key.ts); layout.ts places it with the
 * fonts' metrics and raster.ts draws it.
 *
 *   ▌ SUMMIT DESK                                  DIRECT QUOTE   ← header: 26 px capitals, letter-spaced
 *   ▌
 *   ▌ “There is little possibility of the North returning to     ← title: 38–68 px by length, centred
 *   ▌ talks in the foreseeable future …”                            vertically with the body under it
 *   ▌ ───────────────────────────────────────────────────────     ← 3 px rule over the footer
 *   ▌ Hong Min                                                    ← byline, bold
 *   ▌ Senior researcher, Korea Institute for National Unification ← detail, muted
 *
 * Colours repeat tokens.css on purpose: the card is drawn outside the page
 * and cannot read CSS custom properties.
 */
import { truncateWords } from '../lib/text.ts';

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

export const OG_COLOR = {
  bg: '#fdfcfa',
  surface: '#f3f1ec',
  text: '#1c1b19',
  muted: '#5c5850',
  accent: '#a3341f',
  quote: '#f7e9c6',
  paraphrase: '#dde8f3',
} as const;

/** The colours text is set in: each gets its own run of palette entries (raster.ts). */
export type OgInk = 'text' | 'muted' | 'accent';

/** The fixed measures of the card, in pixels. */
export const OG_DESIGN = {
  /** The coloured band down the left edge. */
  band: 24,
  padding: { top: 56, right: 72, bottom: 52, left: 64 },
  /** Space between the title and the body. */
  bodyGap: 24,
  /** The rule over the footer, and the space under it. */
  rule: 3,
  footerGap: 20,
  /** Space between the byline and the detail. */
  detailGap: 4,
} as const;

export interface OgStyle {
  size: number;
  weight: 400 | 600 | 700;
  italic: boolean;
  ink: OgInk;
  /** A multiple of the size, or 'normal': the font's ascent + descent (as CSS). */
  lineHeight: number | 'normal';
  /** Pixels after every glyph (CSS letter-spacing). */
  letterSpacing: number;
}

export interface OgRun {
  text: string;
  style: OgStyle;
}

/** A card as the renderer sets it: the words after truncation and quote marks, and a style for each run. */
export interface OgCardSpec {
  band: string;
  /** "SUMMIT DESK" at the left, the label at the right, in capitals. */
  brand: OgRun;
  label: OgRun;
  title: OgRun;
  body?: OgRun | undefined;
  byline?: OgRun | undefined;
  detail?: OgRun | undefined;
}

/** Smaller type for longer titles, so every title fits in the card without being cut mid-thought. */
function titleSize(text: string): number {
  if (text.length <= 60) return 68;
  if (text.length <= 120) return 56;
  if (text.length <= 200) return 46;
  return 38;
}

const header = { size: 26, italic: false, lineHeight: 'normal', letterSpacing: 2 } as const;
const small = { size: 30, italic: false, letterSpacing: 0 } as const;

export function ogCardSpec(card: OgCard): OgCardSpec {
  const words = truncateWords(card.title, 280);
  const title = card.quote === 'direct' ? `“${words}”` : words;
  return {
    band: card.quote === 'paraphrase' ? OG_COLOR.paraphrase : card.quote === 'direct' ? OG_COLOR.quote : OG_COLOR.accent,
    brand: { text: 'SUMMIT DESK', style: { ...header, weight: 700, ink: 'accent' } },
    label: { text: card.label.toUpperCase(), style: { ...header, weight: 400, ink: 'muted' } },
    title: {
      text: title,
      style: { size: titleSize(title), weight: card.quote ? 600 : 700, italic: card.quote === 'paraphrase', ink: 'text', lineHeight: 1.2, letterSpacing: 0 },
    },
    body: card.body === undefined ? undefined : { text: truncateWords(card.body, 190), style: { ...small, weight: 400, ink: 'muted', lineHeight: 1.35 } },
    byline: card.byline === undefined ? undefined : { text: card.byline, style: { ...small, weight: 700, ink: 'text', lineHeight: 'normal' } },
    detail:
      card.detail === undefined ? undefined : { text: truncateWords(card.detail, 90), style: { ...small, weight: 400, ink: 'muted', lineHeight: 'normal' } },
  };
}
