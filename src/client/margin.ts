/**
 * The margin beside the text, laid out as gwern.net lays out its sidenotes:
 * each paragraph's margin starts level with the paragraph (CSS puts it in the
 * paragraph's grid row); one taller than its paragraph runs on down the margin
 * and nudges the next margin down to clear it; a margin that would then start
 * below its own paragraph's last line moves under the paragraph, in the text
 * column, so no card ever stands beside another speaker's words. Without this
 * script a tall margin scrolls within its paragraph's height (the article page's CSS).
 *
 * Also: a card hovered or focused lights up its own words in the text (data-lit); and a card for the
 * speaker of the last card under the paragraph just before is marked (data-again), so that on phones, where
 * each card follows its paragraph, the name is not repeated on screen (margin.css).
 */
import css from './margin.css?inline';
import { adoptStyles } from './styles.ts';

adoptStyles(css);
const GAP = 8;
const wrappers = [...document.querySelectorAll<HTMLElement>('[data-article-body] .with-margin')];

interface Placed {
  margin: HTMLElement;
  /** The paragraph's box, the margin's, and the tops and bottoms of its items (cards, notes). */
  text: DOMRect;
  box: DOMRect;
  tops: number[];
  bottoms: number[];
}

/** Reads where each margin stands, all in one layout. */
function measure(wrappers: readonly HTMLElement[]): Placed[] {
  return wrappers.flatMap((wrapper) => {
    const margin = wrapper.querySelector<HTMLElement>(':scope > .margin');
    if (!margin) return [];
    const items = [...margin.children].flatMap((child) => (child.matches('ul') ? [...child.children] : [child])).map((item) => item.getBoundingClientRect());
    return [
      {
        margin,
        text: wrapper.firstElementChild!.getBoundingClientRect(),
        box: margin.getBoundingClientRect(),
        tops: items.map((r) => r.top),
        bottoms: items.map((r) => r.bottom),
      },
    ];
  });
}

/**
 * Writes first, then reads, so that the page is laid out once per pass (and once more after each margin moved
 * under its paragraph, which moves everything after it) rather than once per paragraph: on a phone, where no
 * margin stands beside the text, the pass is one layout.
 */
function place() {
  for (const wrapper of wrappers) {
    const margin = wrapper.querySelector<HTMLElement>(':scope > .margin');
    if (!margin) continue;
    margin.removeAttribute('data-under');
    margin.style.translate = '';
    margin.setAttribute('data-placed', '');
  }
  let floor = -Infinity;
  let placed = measure(wrappers);
  for (let index = 0; index < placed.length; index += 1) {
    const { margin, text, box, tops, bottoms } = placed[index]!;
    // Not beside the text (phones, Plain text): nothing to place.
    if (box.left < text.right || box.height === 0) continue;
    // A translate moves the margin on screen without moving anything else, so the rects read above stay true.
    const shift = Math.max(0, floor + GAP - box.top);
    // An item may run past its paragraph, but it must start beside it (its first line within the paragraph).
    if (Math.max(...tops) + shift > text.bottom - 16) {
      margin.setAttribute('data-under', '');
      const wrapper = margin.parentElement!;
      placed = [...placed.slice(0, index + 1), ...measure(wrappers.slice(wrappers.indexOf(wrapper) + 1))];
      continue;
    }
    if (shift > 0) margin.style.translate = `0 ${shift}px`;
    floor = Math.max(...bottoms) + shift;
  }
}

let pending = 0;
const schedule = () => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(place);
};
const body = document.querySelector('[data-article-body]');
if (body) {
  // Placed in the next frame (an observer reports its target once at the start), not in this script's task: the
  // layout it reads is then part of that frame's work. Again whenever the text's size changes, a note opens, or a
  // face arrives (reading document.fonts lays the page out, so that too waits for the frame).
  new ResizeObserver(schedule).observe(body);
  body.addEventListener('toggle', schedule, true);
  requestAnimationFrame(() => void document.fonts.ready.then(schedule));
}

// The same speaker as the last card of the paragraph just before: named once on a phone.
let before: { wrapper: Element; speaker: string | null } | undefined;
for (const wrapper of wrappers) {
  const cards = wrapper.querySelectorAll(':scope > .margin .margin-card');
  let speaker: string | null = null;
  for (const [index, card] of [...cards].entries()) {
    speaker = card.querySelector(':scope > a')!.getAttribute('href');
    const previous = index > 0 ? null : before?.wrapper === wrapper.previousElementSibling ? before!.speaker : null;
    card.toggleAttribute('data-again', speaker !== null && speaker === previous);
  }
  if (cards.length > 0) before = { wrapper, speaker };
}

// A card lights up the words it credits: the quotations its links name.
const light = (card: Element | null, on: boolean) => {
  if (!card?.matches('.margin-card')) return;
  for (const link of card.querySelectorAll<HTMLAnchorElement>('a[href^="/quotes/"]')) {
    const id = decodeURIComponent(link.pathname.split('/')[2] ?? '');
    document.querySelector(`[data-quote="${CSS.escape(id)}"]`)?.toggleAttribute('data-lit', on);
  }
};
for (const [type, on] of [
  ['mouseover', true],
  ['mouseout', false],
  ['focusin', true],
  ['focusout', false],
] as const) {
  document.addEventListener(type, (event) => light((event.target as Element).closest?.('.margin-card'), on));
}
