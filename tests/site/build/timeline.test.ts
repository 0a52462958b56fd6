/**
 * The timeline joins the articles: entries in date order with machine-readable
 * dates, and every link to an article lands on a paragraph that really
 * mentions that meeting. Which articles mention which meeting is decided here
 * from the source texts themselves, not from the annotations under test.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPage, builtPages, afterPaint } from '../../support/dist.ts';
import { contentDir } from '../../support/paths.ts';
import { BOOT } from '../../../src/client/boot.ts';

/** Words that identify each meeting in the source texts (read from the seeds). */
const MEETINGS = {
  'singapore-summit-2018': { date: '2018-06-12', words: [/Singapore/, /June 2018/, /three previous summits/] },
  // "Subsequent meetings" (after Singapore) and "three previous summits" name the later meetings together, in the source's words.
  'hanoi-summit-2019': { date: '2019-02-27', words: [/Hanoi/, /February 2019/, /failed summit/, /Subsequent meetings/, /three previous summits/] },
  'dmz-meeting-2019': { date: '2019-06-30', words: [/June 2019/, /demarcation line/, /Subsequent meetings/, /three previous summits/] },
} as const;
type MeetingId = keyof typeof MEETINGS;
const meetingIds = Object.keys(MEETINGS) as MeetingId[];

const sources = {
  'trump-kim-fourth-meeting': readFileSync(join(contentDir, 'sources', 'trump-kim-fourth-meeting.txt'), 'utf8'),
  'hanoi-hangover': readFileSync(join(contentDir, 'sources', 'hanoi-hangover.txt'), 'utf8'),
};
const articlesMentioning = (id: MeetingId) =>
  (Object.keys(sources) as (keyof typeof sources)[]).filter((slug) => MEETINGS[id].words.some((word) => word.test(sources[slug])));

const timeline = readPage('/timeline/');
const entries = [...timeline.querySelectorAll('ol.timeline > li')];

describe('/timeline/', () => {
  it('lists every event once, in chronological order', () => {
    const starts = entries.map((entry) => entry.querySelector('time')?.getAttribute('datetime') ?? '');
    expect(entries.length).toBeGreaterThanOrEqual(6);
    expect(starts).toEqual([...starts].sort());
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(meetingIds)('gives %s its date as a machine-readable <time>', (id) => {
    const entry = timeline.getElementById(id);
    expect(entry?.querySelector('time')?.getAttribute('datetime')).toBe(MEETINGS[id].date);
    expect(entry?.querySelector('h2')?.textContent).toBeTruthy();
  });

  it('marks the range of the two-day Hanoi summit with both days', () => {
    const times = [...timeline.getElementById('hanoi-summit-2019')!.querySelectorAll('time')].map((time) => time.getAttribute('datetime'));
    expect(times.slice(0, 2)).toEqual(['2019-02-27', '2019-02-28']);
  });

  it('sets context events apart from the three meetings', () => {
    const kinds = entries.map((entry) => entry.className);
    expect(kinds.filter((kind) => kind.includes('entry--summit'))).toHaveLength(3);
    const context = entries.filter((e) => e.className.includes('entry--context'));
    expect(context.length).toBeGreaterThan(0);
    expect(context.length + 3).toBe(entries.length);
    for (const entry of context) {
      expect(entry.textContent).toContain('Context');
    }
  });

  it('gives each entry a self-link to its own id', () => {
    for (const entry of entries) expect(entry.querySelector(`a[href="#${entry.id}"]`), entry.id).not.toBeNull();
  });

  it('needs no JavaScript: its only scripts are the site-wide enhancements', () => {
    // The boot script (src/client/boot.ts, inline on every page) applies a reader's saved choices and, after the first
    // paint, adds the one site-wide bundle (src/components/PageScripts.astro: the share buttons beside the self-links,
    // the search loader, ...), kept in a <template data-after-paint> until then. The timeline itself has no script.
    const later = afterPaint(timeline, 'script');
    const scripts = [...timeline.querySelectorAll('script:not([type="application/ld+json"])'), ...later];
    const bundle = scripts.filter((script) =>
      /^\/_astro\/PageScripts\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.test(script.getAttribute('src') ?? ''),
    );
    const boot = scripts.filter((script) => script.textContent === BOOT);
    expect(bundle).toHaveLength(1);
    expect(later).toEqual(bundle);
    expect(boot).toHaveLength(1);
    expect(scripts).toHaveLength(2);
  });
});

describe.each(meetingIds)('meeting %s', (id) => {
  const page = readPage(`/timeline/${id}/`);
  const links = [...page.querySelectorAll('a[href^="/articles/"]')].map((a) => a.getAttribute('href')!).filter((href) => href.includes('#p-'));

  it('has its own page with Event structured data', () => {
    const blocks = [...page.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? ''));
    const event = blocks.flat().find((block) => block['@type'] === 'Event');
    expect(event?.startDate).toBe(MEETINGS[id].date);
    expect(event?.name).toBe(page.querySelector('h1')?.textContent);
  });

  it('links only to paragraphs whose text names the meeting', () => {
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      // A link to a quotation's words carries a text fragment (#p-…:~:text=…) after the paragraph's id.
      const [path, fragment] = href.split('#');
      const anchor = fragment!.split(':~:')[0];
      const paragraph = readPage(path!).getElementById(anchor!);
      expect(paragraph, href).not.toBeNull();
      const text = paragraph!.textContent ?? '';
      // Decided from the paragraph's words alone, never from the annotations this test checks.
      const named = MEETINGS[id].words.some((word) => word.test(text));
      expect(named, `${href}: ${text.slice(0, 80)}`).toBe(true);
    }
  });

  it('links to at least one paragraph of each article that mentions it', () => {
    const expected = articlesMentioning(id);
    expect(expected.length).toBeGreaterThan(0);
    for (const slug of expected)
      expect(
        links.some((href) => href.startsWith(`/articles/${slug}/#`)),
        slug,
      ).toBe(true);
  });
});

describe('articles', () => {
  it.each(Object.keys(sources))('%s shows the compact timeline and links to the meetings', (slug) => {
    const page = readPage(`/articles/${slug}/`);
    const compact = page.querySelector('.compact-timeline');
    expect(compact).not.toBeNull();
    expect(compact!.querySelectorAll('li')).toHaveLength(3);
    const marked = [...compact!.querySelectorAll('li.mentioned a[href^="/timeline/"]')].map((a) => a.getAttribute('href')!.split('/')[2]);
    expect(marked.sort()).toEqual(meetingIds.filter((id) => articlesMentioning(id).includes(slug as keyof typeof sources)).sort());
  });

  it('the header links to the timeline from every page', () => {
    for (const path of builtPages()) expect(readPage(path).querySelector('header a[href="/timeline/"]'), path).not.toBeNull();
  });
});
