import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { scanPage } from '../../src/postbuild/page-scan.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('scanPage', () => {
  const html = [
    '<!doctype html><html><head><style>p{color:red}</style>',
    '<script type="application/ld+json">{"@id":"x"}</script>',
    '<script src="/a.js"></script><script>boot()</script>',
    '</head><body><main id="main"><a name="old" href="/quotes/a/?x=1&amp;y=2#words">A</a>',
    '<span id="old-quote" data-permalink-alias></span>',
    '<img src="/og/a.png" srcset="/og/a.png 1x, /og/b.png 2x" alt="">',
    '<script>document.write("<a id=\\"fake\\" href=\\"/nowhere/\\">")</script></main></body></html>',
  ].join('');
  const scan = scanPage(html);

  it('lists element ids in order, marking alias anchors, and anchor names', () => {
    expect(scan.ids).toEqual([
      { tag: 'main', id: 'main', alias: false },
      { tag: 'span', id: 'old-quote', alias: true },
    ]);
    expect(scan.names).toEqual(['old']);
  });

  it('lists every href, src and srcset URL, entities decoded, and nothing written inside a script', () => {
    expect(scan.links).toEqual([
      { attribute: 'src', url: '/a.js' },
      { attribute: 'href', url: '/quotes/a/?x=1&y=2#words' },
      { attribute: 'src', url: '/og/a.png' },
      { attribute: 'srcset', url: '/og/a.png' },
      { attribute: 'srcset', url: '/og/b.png' },
    ]);
  });

  it('hashes inline styles and executable inline scripts, not data blocks or external scripts', () => {
    expect([...scan.styles]).toEqual([hash('p{color:red}')]);
    expect([...scan.scripts]).toEqual([hash('boot()'), hash('document.write("<a id=\\"fake\\" href=\\"/nowhere/\\">")')]);
  });
});
