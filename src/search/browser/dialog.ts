/**
 * The header's search dialog: a modal <dialog> (the page behind is inert,
 * so focus stays inside; Esc closes it), created on first use and reused.
 * Focus returns to whatever opened it.
 */
import { serializeSearchState } from './state.ts';
import { mountSearch } from './ui.ts';
import { urls } from '../../lib/urls.ts';

let dialog: HTMLDialogElement | undefined;
let input: HTMLInputElement | undefined;
let opener: Element | null = null;

function create(): HTMLDialogElement {
  const d = document.createElement('dialog');
  d.className = 'search-dialog';
  d.setAttribute('aria-labelledby', 'search-dialog-title');
  const head = document.createElement('div');
  head.className = 'search-dialog-head';
  const title = document.createElement('h2');
  title.id = 'search-dialog-title';
  title.textContent = 'Search';
  const full = document.createElement('a');
  full.href = urls.search();
  full.className = 'search-dialog-full';
  full.textContent = 'Filters and all results on the search page';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'search-dialog-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => d.close());
  head.append(title, full, close);
  const body = document.createElement('div');
  body.className = 'search-dialog-body';
  d.append(head, body);
  document.body.append(d);
  // Three results before "Show more": each shown result downloads its fragment, and a first
  // search from any page stays under 100 KB (issue 13); the search page shows eight.
  input = mountSearch(body, {
    syncUrl: false,
    headingLevel: 3,
    facets: false,
    pageSize: 3,
    enterOpensFirst: true,
    onStateChange: (state) => (full.href = `${urls.search()}${serializeSearchState(state)}`),
  }).input;
  // A click on the backdrop (outside the dialog's box) closes it, as readers expect of a modal.
  d.addEventListener('click', (event) => {
    if (event.target === d) {
      const box = d.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) d.close();
    }
  });
  // showModal() makes the page behind inert, but Tab can still leave for the
  // browser's own controls; keep it cycling through the dialog instead.
  d.addEventListener('keydown', (event) => {
    // Esc closes at once, even from the search box (where Chromium would first only clear the text).
    if (event.key === 'Escape') {
      event.preventDefault();
      d.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...d.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(
      (node) => !node.hasAttribute('disabled') && node.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  // The sticky head must never cover the focused control (WCAG 2.4.11): the dialog scrolls with padding the head's height,
  // so focus moves and scrollIntoView stop below it, whatever the head wraps to at 320 px.
  const pad = () => (d.style.scrollPaddingTop = `${head.offsetHeight + 8}px`);
  new ResizeObserver(pad).observe(head);
  d.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || head.contains(target) || getComputedStyle(head).position !== 'sticky') return;
    const covered = head.getBoundingClientRect().bottom - target.getBoundingClientRect().top;
    if (covered > 0) d.scrollBy({ top: -covered - 8 });
  });
  d.addEventListener('close', () => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    opener = null;
  });
  return d;
}

export function openSearchDialog(from: Element | null): void {
  dialog ??= create();
  if (dialog.open) {
    input?.focus();
    return;
  }
  opener = from;
  dialog.showModal();
  input?.focus();
  input?.select();
}
