import { describe, it, expect } from 'vitest';
import { serializeJsonLd, ldId } from '../../src/lib/jsonld.ts';

describe('serializeJsonLd', () => {
  it('escapes every "<" so no text can close the script element', () => {
    const text = serializeJsonLd({ name: '</script><script>alert(1)</script>', note: '<!-- a' });
    expect(text).toBe('{"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>","note":"\\u003c!-- a"}');
    expect(text).not.toContain('<');
  });

  it('still parses back to the same data', () => {
    const data = [
      { '@type': 'Quotation', text: 'a < b & “c”' },
      { '@type': 'Person', name: 'Kim Jong-un' },
    ];
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });
});

describe('ldId', () => {
  it('is the page URL on the site plus a fragment', () => {
    expect(ldId(new URL('https://summit.example/'), '/people/hong-min/', 'person')).toBe('https://summit.example/people/hong-min/#person');
  });
});
