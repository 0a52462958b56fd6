/**
 * The build's list of preview cards, handed from the endpoint that computes it
 * (src/pages/og/cards.json.ts) to the og-images integration the moment it is
 * rendered, so the image workers draw on the core Astro's page rendering
 * leaves idle instead of waiting for the last page. The page bundle and the
 * integrations are separate module graphs in one Node process, so the
 * receiver is kept on globalThis under a registered symbol. Nothing is
 * registered outside a build (`astro dev`): handing off then does nothing,
 * and the integration still reads dist/og/cards.json when the pages are done.
 */
import type { OgCardEntry } from './card.ts';

const RECEIVER = Symbol.for('summit-desk.og-cards');

type Receiver = (entries: readonly OgCardEntry[]) => void;
type WithReceiver = typeof globalThis & { [RECEIVER]?: Receiver | undefined };

/** Registers (or, with undefined, removes) what the build does with the cards once they are known. */
export function receiveOgCards(receiver: Receiver | undefined): void {
  (globalThis as WithReceiver)[RECEIVER] = receiver;
}

/** Gives the cards to the build's receiver, if a build registered one. */
export function handOffOgCards(entries: readonly OgCardEntry[]): void {
  (globalThis as WithReceiver)[RECEIVER]?.(entries);
}
