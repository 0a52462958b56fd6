/**
 * The search form: the box with its label and hint, and the setting that
 * turns the "/" shortcut off (WCAG 2.1.4). Without JS the form is a plain
 * GET to /search/.
 */
import { el } from '../dom.ts';
import { SLASH_SETTING, slashShortcutOn } from '../shortcut.ts';
import { urls } from '../../../lib/urls.ts';

/** The form, its ids starting with `id`, and its search box holding `q`. */
export function searchForm(id: string, q: string): { form: HTMLFormElement; input: HTMLInputElement } {
  const input = el('input', { id: `${id}-q`, type: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint` });
  input.value = q;
  const slash = el('input', { type: 'checkbox', id: `${id}-slash` });
  slash.checked = slashShortcutOn();
  slash.addEventListener('change', () => {
    try {
      if (slash.checked) localStorage.removeItem(SLASH_SETTING);
      else localStorage.setItem(SLASH_SETTING, 'off');
    } catch {
      // Storage refused (private mode): the setting lasts for this page only.
    }
    document.documentElement.toggleAttribute('data-no-slash', !slash.checked);
  });
  const form = el(
    'form',
    { class: 'search-form', role: 'search', action: urls.search(), method: 'get' },
    el('label', { for: input.id }, 'Search quotations, people, meetings and articles'),
    input,
    el('p', { id: `${id}-hint`, class: 'search-hint' }, 'Results appear as you type. Try a phrase you remember, a name, a topic or a question.'),
    el('p', { class: 'search-setting' }, slash, ' ', el('label', { for: slash.id }, 'Open search with the / key (Ctrl+K always works)')),
  );
  return { form, input };
}
