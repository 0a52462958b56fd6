/**
 * "Plain text": a reader can switch the site's marks off (the underlines on
 * quoted words and the margin beside the paragraphs) and read the article as
 * printed. The choice is remembered across pages in localStorage; Base.astro
 * applies it in the <head> before the first paint, so nothing moves. Without
 * JavaScript the button is not shown and the page keeps its light marks.
 */
const root = document.documentElement;
for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-plain-toggle]')) {
  const sync = () => toggle.setAttribute('aria-pressed', String(root.hasAttribute('data-plain')));
  sync();
  toggle.addEventListener('click', () => {
    const plain = root.toggleAttribute('data-plain');
    try {
      if (plain) localStorage.setItem('plain', '1');
      else localStorage.removeItem('plain');
    } catch {
      // Storage blocked: the choice holds for this page only.
    }
    sync();
  });
}
