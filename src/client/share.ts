/**
 * One share control per shareable thing, added to links that already work
 * without JavaScript:
 *
 *   <a href="#p-…" data-share="this paragraph">¶</a>
 *   → <a …>¶</a><button type="button" class="share-button" aria-label="Share this paragraph">Share</button>
 *
 * The button discloses one small menu (the WAI-ARIA disclosure pattern: a
 * button with aria-expanded, the menu a labelled group right after it in
 * the document, so Tab and Shift+Tab leave it for the controls after and
 * before the button; it closes when focus leaves it). A popover, so it moves
 * nothing on the page: "Copy link"; "Copy words with link" on a quote card (in the
 * margin or on its own); "Share…" where the browser has the Web
 * Share API. The room the button takes is reserved by CSS from the first
 * paint (`@media (scripting: enabled)`, global.css), so adding it shifts no layout.
 *
 * Links are resolved against the page's canonical URL (so a link copied from
 * a preview or mirror points at the public site). What happened is said in
 * the page's one status region (#share-status, in Base.astro): visible, and
 * announced by screen readers. Elements are made with createElement only.
 */
import css from './share.css?inline';
import { adoptStyles } from './styles.ts';

adoptStyles(css);
const region = document.getElementById('share-status');
const base = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
let clearing: ReturnType<typeof setTimeout> | undefined;

function announce(message: string) {
  if (!region) return;
  region.textContent = message;
  clearTimeout(clearing);
  clearing = setTimeout(() => (region.textContent = ''), 5000);
}

async function copy(text: string, done: string, url: string) {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
  } catch {
    announce(`Could not copy. The link: ${url}`);
  }
}

function button(label: string, action: () => unknown, name?: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  if (name) element.setAttribute('aria-label', name);
  element.addEventListener('click', () => void action());
  return element;
}

// The one menu, filled for whichever control opened it and moved to stand right after it. A span: it may stand in a paragraph.
const menu = document.createElement('span');
menu.id = 'share-menu';
menu.className = 'share-menu ui';
menu.popover = 'auto';
menu.setAttribute('role', 'group');
menu.setAttribute('data-editorial', '');
document.body.append(menu);
let openedBy: HTMLButtonElement | undefined;
/** Closes the menu and gives focus back to the control that opened it. */
function close() {
  menu.hidePopover();
  openedBy?.focus();
}
// However it closes (an action, Escape, a click elsewhere, focus leaving it), its button says so.
menu.addEventListener('toggle', (event) => {
  if ((event as ToggleEvent).newState === 'closed') openedBy?.setAttribute('aria-expanded', 'false');
});
// Focus leaving the menu (Tab past its last item, Shift+Tab before its first) closes it.
menu.addEventListener('focusout', (event) => {
  if (!menu.contains(event.relatedTarget as Node | null) && menu.matches(':popover-open')) menu.hidePopover();
});

/**
 * The words a quote card's link shares: read from the article's own marked
 * words where the page has them (quotation marks only for the speaker's own
 * words), else from the card; with the speaker's name.
 */
function wordsOf(card: Element | null): string | undefined {
  if (!card) return undefined;
  const ids = [card.id, ...[...card.querySelectorAll('a[id]')].map((a) => a.id)];
  let paraphrased = true;
  const parts = ids.map((id) => {
    // A quotation in parts is marked once per part: its words are the parts joined with an ellipsis.
    const inText = [...document.querySelectorAll(`[data-quote="${CSS.escape(id)}"]`)];
    if (inText.length === 0) return card.querySelector('blockquote')?.textContent?.trim();
    const words = inText.map((element) => element.textContent).join(' … ');
    if (inText[0]!.localName !== 'q') return words;
    paraphrased = false;
    return `“${words}”`;
  });
  const by = card.querySelector('a[href^="/people/"]')?.textContent;
  const joined = [...new Set(parts)].filter(Boolean).join(' … ');
  // The one attribution rule (src/model/attribution.ts): the article's paraphrase is never in quotation marks, and says so.
  if (by && paraphrased) return `${by}, as paraphrased: ${joined}`;
  return `${joined}${by ? ` (${by})` : ''}`;
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-share]')) {
  const what = link.dataset['share']!;
  const title = link.dataset['shareTitle'] ?? document.title;
  // A margin card for several quotations shares their paragraph (data-share-href) rather than one card.
  const url = new URL(link.dataset['shareHref'] ?? link.getAttribute('href')!, base).href;
  const control: HTMLButtonElement = button(
    'Share',
    () => {
      const open = menu.matches(':popover-open');
      if (open) menu.hidePopover();
      // A second press on the control that opened the menu closes it.
      if (open && control.hasAttribute('data-share-open')) return;
      // Found when asked for, not for every control at load. A card may give the words as the one attribution rule
      // writes them (src/model/attribution.ts): a paraphrase never in quotation marks.
      const words = link.dataset['shareText'] ?? wordsOf(link.closest('.margin-card, .quote-card'));
      const items = [button('Copy link', () => copy(url, `Link to ${what} copied: ${url}`, url), `Copy link to ${what}`)];
      if (words) items.push(button('Copy words with link', () => copy(`${words}\n${url}`, `Words and link copied: ${url}`, url)));
      if (typeof navigator.share === 'function') {
        items.push(
          button('Share…', () => navigator.share({ title, ...(words ? { text: words } : {}), url }).catch(() => undefined), `Share ${what} with another app`),
        );
      }
      for (const item of items) item.addEventListener('click', close);
      menu.setAttribute('aria-label', `Share ${what}`);
      menu.replaceChildren(...items);
      // The menu opens beside this button (CSS anchor positioning; centred where a browser lacks it).
      openedBy?.removeAttribute('data-share-open');
      openedBy = control;
      control.setAttribute('data-share-open', '');
      control.after(menu);
      menu.showPopover();
      control.setAttribute('aria-expanded', 'true');
      // Focus moves into the menu at once; an action or Escape closes it and brings focus back.
      items[0]!.focus();
    },
    `Share ${what}`,
  );
  control.className = 'share-button';
  control.setAttribute('aria-expanded', 'false');
  control.setAttribute('aria-controls', 'share-menu');
  link.after(control);
}
menu.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') close();
});
