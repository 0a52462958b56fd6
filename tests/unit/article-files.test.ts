import { describe, it, expect } from 'vitest';
import { articleFileProblems } from '../../src/model/article-files.ts';
import { siteUrl } from '../../src/lib/site-url.ts';
import { showInvisible } from '../../src/lib/invisible.ts';

describe('article file names', () => {
  it('accepts lower-case slug names and ignores other files', () => {
    expect(articleFileProblems(['hanoi-hangover.mdx', 'trump-kim-fourth-meeting.mdx', 'README.txt'])).toEqual([]);
  });

  it('refuses names that are not slugs, and two names that make one slug', () => {
    const problems = articleFileProblems(['hanoi-hangover.mdx', 'Hanoi Hangover.mdx']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe(
      'content/articles/Hanoi Hangover.mdx: article file names are their URL slugs, lower-case words joined by hyphens. Rename it to content/articles/hanoi-hangover.mdx.',
    );
    expect(problems[1]).toMatch(/^content\/articles\/hanoi-hangover\.mdx: gets the same slug "hanoi-hangover" as content\/articles\/Hanoi Hangover\.mdx/);
    expect(articleFileProblems(['hanoi_hangover.mdx'])).toHaveLength(1);
  });
});

describe('SITE_URL', () => {
  it('takes a full http(s) address, or falls back when unset', () => {
    expect(siteUrl('https://summit.example.org')).toBe('https://summit.example.org');
    expect(siteUrl(undefined)).toBe('http://localhost:4321');
    expect(siteUrl('')).toBe('http://localhost:4321');
  });

  it('names SITE_URL and the fix when the value is not a web address', () => {
    expect(() => siteUrl('example.org')).toThrow(
      'SITE_URL="example.org" is not a web address. Set SITE_URL to the site\'s full address with its scheme, e.g. SITE_URL=https://example.org, or unset it for a local build.',
    );
    expect(() => siteUrl('javascript:alert(1)')).toThrow(/^SITE_URL="javascript:alert\(1\)" is not a web address/);
    expect(() => siteUrl('ftp://example.org')).toThrow(/is not a web address/);
  });
});

describe('showInvisible', () => {
  it('shows zero-width, no-break and other invisible characters by code point, and leaves the rest alone', () => {
    expect(showInvisible('Kim\u200bJong-un\u00a0said\u00ad – “yes”\t')).toBe('Kim⟨U+200B⟩Jong-un⟨U+00A0⟩said⟨U+00AD⟩ – “yes”⟨U+0009⟩');
    expect(showInvisible('Plain text, with spaces.')).toBe('Plain text, with spaces.');
  });
});
