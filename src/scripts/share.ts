/**
 * Share controls, added to links that already work without JavaScript.
 *
 *   <a href="#p-…" data-share="this paragraph">¶</a>
 *   → <a …>¶</a><button type="button" class="share-button" aria-label="Copy link to this paragraph">Copy link</button>
 *     (+ a "Share…" button where the browser has the Web Share API)
 *
 * Copy puts the link's absolute URL, resolved against the page's canonical
 * URL (so a link copied from a preview or mirror points at the public site),
 * on the clipboard and says so in the page's one status region (#share-status,
 * in Base.astro): visible, and announced by screen readers.
 * Elements are made with createElement only: no markup parsing.
 */
const region = document.getElementById('share-status');
const base = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
let clearing: ReturnType<typeof setTimeout> | undefined;

function announce(message: string) {
  if (!region) return;
  region.textContent = message;
  clearTimeout(clearing);
  clearing = setTimeout(() => (region.textContent = ''), 5000);
}

function button(label: string, name: string, action: () => Promise<void>): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'share-button';
  element.textContent = label;
  element.setAttribute('aria-label', name);
  element.addEventListener('click', () => void action());
  return element;
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-share]')) {
  const what = link.dataset['share']!;
  const url = new URL(link.getAttribute('href')!, base).href;
  const controls: HTMLButtonElement[] = [
    button('Copy link', `Copy link to ${what}`, async () => {
      try {
        await navigator.clipboard.writeText(url);
        announce(`Link to ${what} copied: ${url}`);
      } catch {
        announce(`Could not copy the link. Copy it from here: ${url}`);
      }
    }),
  ];
  if (typeof navigator.share === 'function') {
    controls.push(
      button('Share…', `Share ${what}`, async () => {
        try {
          await navigator.share({ title: link.dataset['shareTitle'] ?? document.title, url });
        } catch {
          // The reader closed the share sheet: nothing to report.
        }
      }),
    );
  }
  link.after(...controls);
}
