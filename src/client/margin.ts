/**
 * The margin beside the text, laid out as gwern.net lays out its sidenotes:
 * each paragraph's margin starts level with the paragraph (CSS puts it in the
 * paragraph's grid row); one taller than its paragraph runs on down the margin
 * and nudges the next margin down to clear it; a margin that would then start
 * below its own paragraph's last line moves under the paragraph, in the text
 * column, so no card ever stands beside another speaker's words. Without this
 * script a tall margin scrolls within its paragraph's height (the article page's CSS).
 *
 * Also: a card hovered or focused lights up its own words in the text (data-lit).
 */
import css from './margin.css?inline';
import { adoptStyles } from './styles.ts';

adoptStyles(css);
document.documentElement.setAttribute('data-js', '');
const GAP = 8;
const wrappers = [...document.querySelectorAll<HTMLElement>('[data-article-body] .with-margin')];

function place() {
  let floor = -Infinity;
  for (const wrapper of wrappers) {
    const paragraph = wrapper.firstElementChild as HTMLElement;
    const margin = wrapper.querySelector<HTMLElement>(':scope > .margin');
    if (!margin) continue;
    margin.removeAttribute('data-under');
    margin.style.translate = '';
    margin.setAttribute('data-placed', '');
    const text = paragraph.getBoundingClientRect();
    const box = margin.getBoundingClientRect();
    // Not beside the text (phones, Plain text): nothing to place.
    if (box.left < text.right || box.height === 0) continue;
    const items = [...margin.children].flatMap((child) => (child.matches('ul') ? [...child.children] : [child]));
    const shift = Math.max(0, floor + GAP - box.top);
    const lastTop = Math.max(...items.map((item) => item.getBoundingClientRect().top)) + shift;
    // An item may run past its paragraph, but it must start beside it (its first line within the paragraph).
    if (lastTop > text.bottom - 16) {
      margin.setAttribute('data-under', '');
      continue;
    }
    if (shift > 0) margin.style.translate = `0 ${shift}px`;
    const bottom = Math.max(...items.map((item) => item.getBoundingClientRect().bottom));
    floor = bottom;
  }
}

let pending = 0;
const schedule = () => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(place);
};
place();
const body = document.querySelector('[data-article-body]');
if (body) {
  new ResizeObserver(schedule).observe(body);
  body.addEventListener('toggle', schedule, true);
  void document.fonts.ready.then(schedule);
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
