/**
 * Makes characters a reader cannot see visible in error messages: a source
 * line and an article line that differ only by a zero-width space, a no-break
 * space or a soft hyphen otherwise print identically.
 *
 *   showInvisible('Kim\u200BJong-un') → 'Kim⟨U+200B⟩Jong-un'
 */

/** Format characters (zero-width, bidi marks, soft hyphen), controls, and every space but the plain one. */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]|(?! )\p{Zs}/gu;

export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) => `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
