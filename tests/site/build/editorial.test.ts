/**
 * Issue 12, editorial accuracy, read from the built site: one test (or group)
 * per item of the issue. Expectations come from the source texts and the
 * article pages themselves where they can, not from the code under test.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, readPage } from '../../support/dist.ts';
import { contentDir, distDir } from '../../support/paths.ts';
import { FACETS } from '../../../src/search/browser/state.ts';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const positions = readPage('/positions/');
const quotePages = builtPages().filter((path) => /^\/quotes\/[^/]+\/$/.test(path));
const cards = quotePages.map((path) => ({ id: path.split('/')[2]!, card: readPage(path).querySelector('article.quote-card')! }));
const cardWords = (card: Element) => text(card.querySelector('blockquote')).replace(/^“/, '').replace(/”$/, '');
const jsonLd = (path: string) => [...readPage(path).querySelectorAll('script[type="application/ld+json"]')].flatMap((s) => [JSON.parse(s.textContent!)].flat());
const sources = {
  'hanoi-hangover': readFileSync(join(contentDir, 'sources', 'hanoi-hangover.txt'), 'utf8'),
  'trump-kim-fourth-meeting': readFileSync(join(contentDir, 'sources', 'trump-kim-fourth-meeting.txt'), 'utf8'),
};
const articles = Object.keys(sources) as (keyof typeof sources)[];

/** The marks in one cell of the matrix: person row (by name) × topic column (by id). */
function cell(person: string, topic: string): Element {
  const row = [...positions.querySelectorAll('tbody tr')].find((tr) => text(tr.querySelector('th')) === person);
  expect(row, `row for ${person}`).toBeDefined();
  const td = row!.querySelector(`td[data-topic="${topic}"]`);
  expect(td, `${person} × ${topic}`).not.toBeNull();
  return td!;
}
const marks = (td: Element) => [...td.querySelectorAll('a.mark')];

describe('1. the positions matrix says where they stand', () => {
  it('is titled for what it shows', () => {
    expect(text(positions.querySelector('h1'))).toBe('Where they stand');
    expect(text(positions.querySelector('title'))).toMatch(/^Where they stand/);
  });

  it('has a legend giving each stance its own symbol and words', () => {
    const entries = [...positions.querySelectorAll('.legend [data-stance]')];
    expect(entries.map((e) => e.getAttribute('data-stance'))).toEqual(['supports', 'opposes', 'assesses']);
    const symbols = entries.map((e) => text(e.querySelector('.symbol')));
    expect(new Set(symbols).size).toBe(3);
    expect(entries.map((e) => text(e.querySelector('dt')))).toEqual(['+ Proposes or supports', '− Opposes or rejects', '○ Assesses or predicts']);
    // Each mark shows the legend's symbol for its stance.
    const bySymbol = Object.fromEntries(entries.map((e) => [e.getAttribute('data-stance'), text(e.querySelector('.symbol'))]));
    const all = [...positions.querySelectorAll('td a.mark')];
    expect(all.length).toBeGreaterThan(20);
    for (const mark of all) expect(text(mark.querySelector('.symbol'))).toBe(bySymbol[mark.getAttribute('data-stance')!]);
  });

  it('says Narang opposes the South Korean nuclear option, in words a screen reader hears', () => {
    const td = cell('Vipin Narang', 'south-korean-nuclear-option');
    expect(marks(td)).toHaveLength(1);
    expect(text(td.querySelector('.visually-hidden'))).toBe('Vipin Narang opposes South Korean nuclear option');
    expect(marks(td)[0]!.querySelector('.symbol')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('records assessments and predictions as such, not as proposals', () => {
    for (const [person, topic] of [
      ['Doug Bandow', 'denuclearisation'],
      ['Doug Bandow', 'south-korean-nuclear-option'],
      ['Koh Yu-hwan', 'denuclearisation'],
      ['Park Won-gon', 'joint-exercises'],
    ] as const) {
      const found = marks(cell(person, topic));
      expect(found.length, `${person} × ${topic}`).toBeGreaterThan(0);
      for (const mark of found) {
        expect(mark.getAttribute('data-stance'), `${person} × ${topic}`).toBe('assesses');
        expect(text(mark)).toContain(`${person} assesses`);
      }
    }
  });

  it('marks Russia alignment only as observations', () => {
    const found = [...positions.querySelectorAll('td[data-topic="russia-alignment"] a.mark')];
    expect(found.length).toBeGreaterThan(0);
    for (const mark of found) expect(mark.getAttribute('data-stance')).toBe('assesses');
  });

  it('links every mark to a quotation that carries the same topic and stance', () => {
    const all = [...positions.querySelectorAll('td a.mark')];
    expect(all.length).toBeGreaterThan(20);
    for (const mark of all) {
      const topic = mark.closest('td')!.getAttribute('data-topic')!;
      const card = readPage(mark.getAttribute('href')!).querySelector('article.quote-card')!;
      expect(card.getAttribute('data-stances')!.split(' '), mark.getAttribute('href')!).toContain(`${topic}:${mark.getAttribute('data-stance')}`);
    }
  });

  it('has the topic Aum and Luse share, and leaves no quotation of Luse without a topic', () => {
    expect(text(positions.querySelector('#topic-stable-coexistence'))).toBe('Stable coexistence');
    expect(marks(cell('Frank Aum', 'stable-coexistence')).map((m) => m.getAttribute('data-stance'))).toEqual(['supports']);
    expect(marks(cell('Keith Luse', 'stable-coexistence')).map((m) => m.getAttribute('data-stance'))).toEqual(['supports']);
    const luse = cards.filter(({ id }) => id.startsWith('keith-luse-'));
    expect(luse.length).toBe(2);
    for (const { id, card } of luse) expect(card.getAttribute('data-topics'), id).not.toBe('');
  });

  it('shows the stance beside the topic on quote cards', () => {
    expect(cards.length).toBeGreaterThan(30);
    let tags = 0;
    for (const { id, card } of cards) {
      const stances = (card.getAttribute('data-stances') ?? '').split(' ').filter(Boolean);
      const shown = [...card.querySelectorAll('.tags a[data-stance]')].map((a) => text(a));
      expect(shown.length, id).toBe(stances.length);
      for (const link of card.querySelectorAll('.tags a[data-stance]')) {
        expect(text(link), id).toMatch(new RegExp(`: ${link.getAttribute('data-stance')}$`));
        tags += 1;
      }
    }
    expect(tags).toBeGreaterThan(30);
    const narang = cards.find(({ id }) => id.startsWith('vipin-narang-called-for'))!.card;
    expect([...narang.querySelectorAll('.tags a')].map((a) => text(a))).toEqual([
      'Deterrence and containment: supports',
      'South Korean nuclear option: opposes',
    ]);
  });

  it('shows the stance beside the topic on person pages', () => {
    const items = [...readPage('/people/vipin-narang/').querySelectorAll('#topics + ul li')].map((li) => text(li));
    expect(items).toEqual(['Deterrence and containment: supports', 'Rushing into deals: opposes', 'South Korean nuclear option: opposes']);
  });

  it('gives search a stance facet beside the topic one', () => {
    expect(FACETS.map((f) => f.key)).toContain('stance');
    const page = readPage('/quotes/vipin-narang-called-for-rebuilding-us-and-allied/');
    const values = (key: string) => [...page.querySelectorAll(`meta[data-pagefind-filter="${key}[content]"]`)].map((m) => m.getAttribute('content'));
    expect(values('topic')).toEqual(['Deterrence and containment', 'South Korean nuclear option']);
    expect(values('stance')).toEqual(['Deterrence and containment: supports', 'South Korean nuclear option: opposes']);
  });
});

describe('2. annotation and page errors', () => {
  // Attribution: a subject (a pronoun or a speaker's surname) with a reporting verb, or a bare "arguing that".
  const surnames = ['Hong', 'Park', 'Koh', 'Yang', 'Aum', 'Town', 'Luse', 'DeTrani', 'Bandow', 'Narang', 'Trump'];
  const subject = `(?:he|she|they|${surnames.join('|')})`;
  const verbs = '(?:said|says|argued|emphasised|expressed|told|added|suggested|warned|stressed|noted)';
  const startsWithAttribution = new RegExp(`^(?:${subject}\\s+${verbs}\\b|(?:arguing|saying|adding)\\s+that\\b)`, 'i');
  const containsAttribution = new RegExp(`,\\s*${subject}\\s+${verbs},`, 'i');

  it('no quote card’s words begin with, or carry, their attribution', () => {
    expect(cards.length).toBeGreaterThan(30);
    for (const { id, card } of cards) {
      const words = cardWords(card);
      expect(words, id).not.toMatch(startsWithAttribution);
      expect(words, id).not.toMatch(containsAttribution);
    }
    // The attribution check itself catches the old spans.
    expect('he emphasised containment').toMatch(startsWithAttribution);
    expect('Trump expressed openness').toMatch(startsWithAttribution);
    expect('Even if new talks were to take place, Hong argued, any agreement').toMatch(containsAttribution);
  });

  it('every passage on a meeting or person page names the speaker whose words it carries, with its quotation marks in pairs', () => {
    const pages = builtPages().filter((path) => /^\/(people|timeline)\/[^/]+\/$/.test(path));
    let checked = 0;
    let withSpeaker = 0;
    for (const path of pages) {
      for (const item of readPage(path).querySelectorAll('.mention-list > li')) {
        const passage = text(item.querySelector('blockquote'));
        const opening = (passage.match(/“/g) ?? []).length;
        expect(opening, `${path}: ${passage}`).toBe((passage.match(/”/g) ?? []).length);
        // Which speakers' words are in it, read from the article page: the quotations in its paragraph that share words with it.
        const href = item.querySelector('a[href*="#p-"]')!.getAttribute('href')!;
        const [articlePath, anchor] = href.split('#');
        const article = readPage(articlePath!);
        const paragraph = article.getElementById(anchor!)!;
        const core = passage.replace(/^“/, '').replace(/”$/, '').replace(/[.,]$/, '');
        for (const quote of paragraph.querySelectorAll('[data-quote]')) {
          const words = text(quote);
          if (!(core.includes(words) || words.includes(core) || (core.length > 20 && words.includes(core.slice(0, 20))))) continue;
          // The speaker's name is the link to their page on the quotation's margin card.
          const card = article.getElementById(quote.getAttribute('data-quote')!)?.closest('li');
          const speaker = text(card?.querySelector('a[href^="/people/"]'));
          expect(speaker, quote.getAttribute('data-quote')!).not.toBe('');
          expect(text(item), `${path}: ${passage}`).toContain(speaker);
          withSpeaker += 1;
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(withSpeaker).toBeGreaterThan(5);
  });

  it('gives Hong Min and Park Jie-won back the sentences the issue found without them', () => {
    const kim = [...readPage('/people/kim-jong-un/').querySelectorAll('.mention-list > li')].map((li) => text(li));
    expect(kim.find((t) => t.startsWith('“Kim saw the failure'))).toMatch(/for Trump\.” ?Hong Min \(quoted\), in/);
    const trump = [...readPage('/people/donald-trump/').querySelectorAll('.mention-list > li')].map((li) => text(li));
    expect(trump.find((t) => t.startsWith('“A second Trump administration'))).toMatch(/nuclear issue\.” ?Park Jie-won \(quoted\), in/);
    expect(trump.find((t) => t.startsWith('“It may feign'))).toMatch(/he said\. ?Hong Min \(quoted\), in/);
  });

  it('counts the places and organisations the articles name, and lists no organisation they do not', () => {
    const people = readPage('/people/');
    // Expected counts come from the article paragraphs themselves.
    const bodyText = articles
      .map((slug) => [...readPage(`/articles/${slug}/`).querySelectorAll('[data-article-body] p[id^="p-"]')].map((p) => text(p)).join('\n'))
      .join('\n');
    const occurrences = (name: string) => (bodyText.match(new RegExp(`\\b${name}\\b`, 'g')) ?? []).length;
    for (const [id, name] of [
      ['place-hanoi', 'Hanoi'],
      ['place-singapore', 'Singapore'],
      ['org-apec', 'Asia-Pacific Economic Cooperation'],
    ] as const) {
      const expected = occurrences(name);
      expect(expected, name).toBeGreaterThan(0);
      expect(text(people.getElementById(id)), name).toContain(`${expected} mention${expected === 1 ? '' : 's'}`);
    }
    // The articles' structured data names them too.
    const placesOf = (slug: string) =>
      (jsonLd(`/articles/${slug}/`).find((b) => b['@type'] === 'NewsArticle').mentions as { '@type': string; name?: string }[])
        .filter((m) => m['@type'] === 'Place')
        .map((m) => m.name);
    expect(placesOf('hanoi-hangover')).toContain('Hanoi');
    expect(placesOf('trump-kim-fourth-meeting')).toEqual(expect.arrayContaining(['Hanoi', 'Singapore']));
    expect(occurrences('Panmunjom')).toBe(0);
    expect(text(people.getElementById('place-panmunjom'))).toContain('Not named in the articles');
    expect(people.getElementById('place-panmunjom')!.querySelector('a[href="/timeline/dmz-meeting-2019/"]')).not.toBeNull();
    const listed = [...people.querySelectorAll('#organisations + ul > li, #places + ul > li')];
    expect(listed.length).toBeGreaterThan(10);
    for (const item of listed) expect(text(item), item.id).not.toMatch(/\b0 mentions\b/);
  });

  it('says whose words are in quotation marks inside a paraphrase', () => {
    const koh = cards.find(({ id }) => id.startsWith('koh-yu-hwan-pyongyang-was-likely'))!.card;
    expect(text(koh.querySelector('q.own-words'))).toBe('“tread very cautiously”');
    expect(text(koh.querySelector('.kind'))).toBe(
      'Paraphrase by the article: the article’s words, except those in quotation marks, which are Koh Yu-hwan’s own',
    );
  });

  it('tags Yang Moo-jin’s quotation with what his words are about, not Russia alignment', () => {
    const yang = cards.filter(({ id }) => id.startsWith('yang-moo-jin-'));
    expect(yang).toHaveLength(1);
    expect(yang[0]!.card.getAttribute('data-topics')).toBe('talks-prospects');
    expect(marks(cell('Yang Moo-jin', 'russia-alignment'))).toHaveLength(0);
  });

  it('gives each article every topic its quotations carry, in its JSON-LD keywords', () => {
    for (const slug of articles) {
      const keywords = (jsonLd(`/articles/${slug}/`).find((b) => b['@type'] === 'NewsArticle').keywords as string).split(', ');
      const quoted = new Set(
        cards
          .filter(({ card }) => card.getAttribute('data-article') === slug)
          .flatMap(({ card }) => card.getAttribute('data-topics')!.split(' ').filter(Boolean)),
      );
      expect(quoted.size, slug).toBeGreaterThan(0);
      const labels = [...quoted].map((id) => text(positions.getElementById(`topic-${id}`)));
      for (const label of labels) expect(keywords, `${slug}: ${label}`).toContain(label);
    }
    expect(jsonLd('/articles/hanoi-hangover/').find((b) => b['@type'] === 'NewsArticle').keywords).toContain('Denuclearisation');
  });

  it('words the three notes as the record has them', () => {
    const notes = (slug: string) => text(readPage(`/articles/${slug}/`).querySelector('[data-article-body]'));
    const hanoi = notes('hanoi-hangover');
    expect(hanoi).toContain('commits each party to the treaty');
    expect(hanoi).not.toContain('commits them');
    expect(hanoi).toMatch(/Yongbyon[^.]*\. It is assessed to have produced fissile material/);
    expect(notes('trump-kim-fourth-meeting')).toContain('The meeting of 30 June 2019 took place at Panmunjom');
  });

  it('calls the quotes page’s event filter “Event”, since not every event is a meeting', () => {
    const labels = [...readPage('/quotes/').querySelectorAll('quote-filters label > span')].map((s) => text(s));
    expect(labels).toContain('Event');
    expect(labels).not.toContain('Meeting');
    const options = [...readPage('/quotes/').querySelectorAll('select[name="meeting"] option')].map((o) => text(o));
    expect(options).toContain('Reported: North Korea declines another letter from Trump');
    expect(FACETS.find((f) => f.key === 'meeting')!.label).toBe('Event');
  });

  describe('a headline and dek the site wrote are marked wherever they are shown', () => {
    const headline = 'A fourth Trump–Kim meeting is floated after three summits of limited progress';
    it('on the home page', () => {
      const item = [...readPage('/').querySelectorAll('.articles article')].find((a) => text(a.querySelector('h2')) === headline)!;
      expect(text(item.querySelector('[data-editorial]'))).toBe('Headline and summary by Summit Desk; the source has none');
      const other = [...readPage('/').querySelectorAll('.articles article')].find((a) => text(a.querySelector('h2')) !== headline)!;
      expect(other.querySelector('.site-written')).toBeNull();
    });
    it('in the RSS feed', () => {
      const rss = readFileSync(join(distDir, 'rss.xml'), 'utf8');
      expect(rss).toContain(`<title>${headline} [headline by Summit Desk]</title>`);
      expect(rss).toMatch(/<description>Trump says[^<]*\[summary by Summit Desk; the source has no headline or summary\] \[/);
      expect(rss).toContain('<title>Hanoi hangover: why North Korea’s Kim snubs Trump for Russia’s embrace</title>');
    });
    it('in the JSON-LD, with creditText', () => {
      const article = jsonLd('/articles/trump-kim-fourth-meeting/').find((b) => b['@type'] === 'NewsArticle');
      expect(article.headline).toBe(headline);
      expect(article.creditText).toMatch(/^Headline and summary by Summit Desk; the source has none\./);
      expect(jsonLd('/articles/hanoi-hangover/').find((b) => b['@type'] === 'NewsArticle').creditText).not.toMatch(/by Summit Desk/);
    });
    it('in link previews: the description and the preview image’s alt text', () => {
      const page = readPage('/articles/trump-kim-fourth-meeting/');
      const meta = (name: string) => page.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute('content') ?? '';
      expect(meta('og:description')).toMatch(/\(Headline and summary by Summit Desk; the source has none\.\)$/);
      expect(meta('og:image:alt')).toMatch(/\(Headline and summary by Summit Desk; the source has none\)$/);
      expect(readPage('/articles/hanoi-hangover/').querySelector('meta[name="description"]')!.getAttribute('content')).not.toContain('Summit Desk');
    });
    it('on the article page', () => {
      expect(text(readPage('/articles/trump-kim-fourth-meeting/').querySelector('.site-note[data-editorial]'))).toContain(
        'headline and summary above are Summit Desk’s',
      );
    });
  });

  it('shows the dek’s slip verbatim with the site’s [sic], marked as editorial', () => {
    for (const path of ['/articles/hanoi-hangover/', '/']) {
      const sic = [...readPage(path).querySelectorAll('.sic')];
      expect(sic, path).toHaveLength(1);
      expect(sic[0]!.hasAttribute('data-editorial')).toBe(true);
      expect(text(sic[0])).toBe('[sic]');
      const dek = sic[0]!.parentElement!;
      expect(text(dek)).toContain('more focused Russia [sic], despite');
      // Without the site's mark, the dek is the source's second line again.
      const copy = dek.cloneNode(true) as Element;
      for (const mark of copy.querySelectorAll('[data-editorial]')) mark.remove();
      expect(text(copy)).toBe(sources['hanoi-hangover'].split('\n')[1]);
    }
  });

  it('labels what the site inferred: the publication and the events it dated', () => {
    const line = text(readPage('/articles/hanoi-hangover/').querySelector('.source-line'));
    expect(line).toContain('Source: This Week in Asia (inferred from the text: “Hong told This Week in Asia”)');
    expect(sources['hanoi-hangover']).toContain('Hong told This Week in Asia');
    const timeline = readPage('/timeline/');
    const dated = ['trump-letter-declined', 'hudson-institute-report', 'apec-summit-2025'];
    for (const id of dated) expect(text(timeline.getElementById(id)?.querySelector('.when')), id).toContain('dated by Summit Desk');
    for (const id of ['singapore-summit-2018', 'hanoi-summit-2019', 'dmz-meeting-2019'])
      expect(text(timeline.getElementById(id)?.querySelector('.when')), id).not.toContain('dated by Summit Desk');
  });

  it('tags the phrases that name people, and refers to Kim as the articles do', () => {
    const mentioned = (slug: string, words: string) =>
      [...readPage(`/articles/${slug}/`).querySelectorAll('[data-mention^="person:"]')]
        .filter((m) => text(m) === words)
        .map((m) => m.getAttribute('data-mention'));
    expect(mentioned('trump-kim-fourth-meeting', 'the North Korean leader')).toEqual(['person:kim-jong-un']);
    expect(mentioned('hanoi-hangover', 'the US president')).toEqual(['person:donald-trump', 'person:donald-trump']);
    expect(mentioned('hanoi-hangover', 'the two leaders')).toEqual(['person:donald-trump kim-jong-un']);
    expect(mentioned('trump-kim-fourth-meeting', 'the two leaders')).toEqual(['person:donald-trump kim-jong-un']);
    expect(text(readPage('/people/kim-jong-un/').querySelector('#quotations')!.parentElement)).toContain('The articles name Kim Jong-un but do not quote him.');
  });
});
