/**
 * The one inline script, first in <body>, so that it runs before anything is drawn. It does three things:
 *
 * - It applies the reader's choice of marks (Quiet, Annotations, Plain text: src/client/plain-text.ts), so the
 *   page never draws its marks and then removes them.
 * - On a first view it keeps the text in the metric-matched fallback face (`data-fallback-font`, tokens.css):
 *   until this browser holds Source Serif 4 in its cache (`localStorage.fonts`, set by src/client/fonts.ts once
 *   the files are fetched, after the first paint), the page asks for no font file before it is drawn, so the
 *   first paint waits for nothing but the page itself; every later page is set in the face. Without JavaScript
 *   the face is used from the first page (`font-display: optional`, global.css).
 * - Once the page has loaded and its first paint is reported (the `first-contentful-paint` entry: the time the
 *   frame reached the screen, which a requestAnimationFrame callback runs ahead of), it puts the page's scripts,
 *   the print sheet and the manifest link in place of their `<template data-after-paint>` (Base.astro). They add
 *   controls and behaviour to a page that reads and navigates without them, and the room their controls take is
 *   reserved by CSS, so adding them later moves nothing. A tab opened in the background paints, and so gets
 *   them, when it is shown.
 *
 * Written by hand, small: it travels in every page's first round trip. Astro does not hash an is:inline
 * script itself, so its hash is given to the CSP in astro.config.mjs.
 */
import { createHash } from 'node:crypto';

export const BOOT =
  "try{var d=document.documentElement,s=localStorage,m=s.getItem('marks');m&&d.setAttribute('data-marks',m);s.getItem('fonts')||d.setAttribute('data-fallback-font','')}catch(e){}" +
  "addEventListener('load',()=>new PerformanceObserver((l,o)=>{l.getEntriesByName('first-contentful-paint')[0]&&(o.disconnect(),setTimeout(()=>{for(const t of document.querySelectorAll('[data-after-paint]'))t.replaceWith(t.content)}))}).observe({type:'paint',buffered:!0}))";
export const BOOT_HASH = `sha256-${createHash('sha256').update(BOOT, 'utf8').digest('base64')}` as const;
