/**
 * A first view is set in the metric-matched fallback face and fetches no font before it is drawn
 * (src/client/boot.ts). After that paint this fetches the text face's files (the ones global.css names: Vite
 * gives both the same hashed URL) into the browser's cache, without applying them to this page (a face swapped
 * in now would move its lines), and records that they are there: every later page is set in Source Serif 4
 * from its first paint. FontFace objects of its own, not the document's: reading document.fonts would lay the
 * page out in this script's task.
 */
import roman from '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2?url';
import italic from '@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2?url';

if (document.documentElement.hasAttribute('data-fallback-font')) {
  const faces = [new FontFace('Source Serif 4', `url(${roman})`, { weight: '200 900' }), new FontFace('Source Serif 4', `url(${italic})`, { style: 'italic' })];
  Promise.all(faces.map((face) => face.load())).then(
    () => {
      try {
        localStorage.setItem('fonts', '1');
      } catch {
        // Storage refused: each page stays in the fallback face, as a first view does.
      }
    },
    () => {
      // Not fetched (offline, blocked): the next page tries again.
    },
  );
}
