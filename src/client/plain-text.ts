/**
 * How the site's marks are shown, the reader's choice: "Quiet" (the default:
 * a light mark on paraphrase, names linked at first mention, the margin),
 * "Annotations" (every mark) or "Plain text" (no marks, no margin: the article
 * as printed). A group of radio buttons, so it always says which mode it is in.
 * The choice is remembered across pages in localStorage; Base.astro applies it
 * in the <head> before the first paint, so nothing moves. Without JavaScript
 * the choice is not offered and the page keeps its quiet marks.
 */
const root = document.documentElement;
for (const group of document.querySelectorAll<HTMLElement>('[data-marks-modes]')) {
  const current = root.getAttribute('data-marks') ?? '';
  for (const input of group.querySelectorAll<HTMLInputElement>('input[name="marks"]')) {
    input.checked = input.value === current;
    input.addEventListener('change', () => {
      if (input.value) root.setAttribute('data-marks', input.value);
      else root.removeAttribute('data-marks');
      try {
        if (input.value) localStorage.setItem('marks', input.value);
        else localStorage.removeItem('marks');
      } catch {
        // Storage blocked: the choice holds for this page only.
      }
    });
  }
}
