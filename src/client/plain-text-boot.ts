/**
 * The one inline script: it applies the reader's choice of marks (Quiet, Annotations, Plain text)
 * (src/client/plain-text.ts) in the <head>, before the first paint, so the
 * page never draws its marks and then removes them. Astro does not hash an
 * is:inline script itself, so its hash is given to the CSP in astro.config.mjs.
 */
import { createHash } from 'node:crypto';

export const PLAIN_TEXT_BOOT = "try{var m=localStorage.getItem('marks');m&&document.documentElement.setAttribute('data-marks',m)}catch(e){}";
export const PLAIN_TEXT_BOOT_HASH = `sha256-${createHash('sha256').update(PLAIN_TEXT_BOOT, 'utf8').digest('base64')}` as const;
