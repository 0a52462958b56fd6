/**
 * Arrow keys move between the search box and the result links; Enter
 * follows a link as links do. Up from the first link returns to the box.
 */
export function arrowKeys(root: HTMLElement, input: HTMLInputElement, results: HTMLElement): void {
  root.addEventListener('keydown', (event) => {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.altKey || event.ctrlKey || event.metaKey) return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('.result-list a[href]')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.target === input) {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      links[0]!.focus();
      return;
    }
    if (at === -1) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]!.focus();
    else if (at === 0) input.focus();
    else links[at - 1]!.focus();
  });
}
