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
import { parse } from 'yaml';
import { isRedirectPage } from '../../../src/postbuild/permalinks.ts';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const positions = readPage('/positions/');
const quotePages = builtPages().filter((path) => /^\/quotes\/[^/]+\/$/.test(path));
const cards = quotePages.map((path) => ({ id: path.split('/')[2]!, card: readPage(path).querySelector('article.quote-card')! }));
/** A card's words without the site's marks (the paraphrase's hidden lead, the marks round a direct quote). */
const cardWords = (card: Element) => {
  const copy = card.querySelector('blockquote')!.cloneNode(true) as Element;
  for (const added of copy.querySelectorAll('[data-editorial]:not([data-elision]), [aria-hidden="true"]')) added.remove();
  return text(copy);
};
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
      expect(jsonLd('/articles/hanoi-hangover/').find((b) => b['@type'] === 'NewsArticle').creditText).not.toMatch(/Headline and summary by Summit Desk/);
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

/**
 * Issue 22: attribution a copy desk would sign everywhere the words travel. Expectations come from the
 * source texts, the content files and the built pages, one group per item of the issue.
 */
describe('issue 22', () => {
  const meta = (page: Document, name: string) => page.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute('content') ?? '';
  const quoteCards = cards.map(({ id, card }) => ({ id, card, page: readPage(`/quotes/${id}/`), kind: card.getAttribute('data-kind')! }));
  const speakerOf = (page: Document) => text(page.querySelector('.quote-card .speaker a'));

  describe('1. quotation or paraphrase, by one rule everywhere the words go', () => {
    it('titles a paraphrase’s page “Name, as paraphrased: …”, never in quotation marks, in every title a preview or search shows', () => {
      const paraphrases = quoteCards.filter((c) => c.kind === 'paraphrase');
      expect(paraphrases.length).toBeGreaterThan(20);
      for (const { id, page } of paraphrases) {
        const lead = `${speakerOf(page)}, as paraphrased: `;
        const titles = [
          text(page.querySelector('title')),
          meta(page, 'og:title'),
          meta(page, 'description'),
          meta(page, 'og:image:alt'),
          page.querySelector('.quote-card')!.getAttribute('data-pagefind-title')!,
          page.querySelector('meta[data-pagefind-meta="title[content]"]')!.getAttribute('content')!,
          page.querySelector('a[data-share]')!.getAttribute('data-share-title')!,
          page.querySelector('a[data-share]')!.getAttribute('data-share-text')!,
        ];
        for (const title of titles) {
          expect(title, id).toContain(lead);
          expect(title.slice(lead.length).startsWith('“'), `${id}: ${title}`).toBe(false);
        }
        expect(text(page.querySelector('h1')), id).toContain(lead.trim());
      }
    });

    it('puts the speaker’s own words in quotation marks after their name', () => {
      const direct = quoteCards.filter((c) => c.kind !== 'paraphrase');
      expect(direct.length).toBeGreaterThan(8);
      for (const { id, page } of direct) {
        for (const title of [text(page.querySelector('title')), meta(page, 'og:title')]) {
          expect(title, id).toMatch(new RegExp(`^${speakerOf(page)}: “`));
        }
      }
    });

    it('types no paraphrase as a schema.org Quotation by the speaker', () => {
      for (const { id, kind } of quoteCards) {
        const types = jsonLd(`/quotes/${id}/`).map((node) => node['@type']);
        expect(types.includes('Quotation'), id).toBe(kind !== 'paraphrase');
      }
    });

    it('labels a paraphrase as the article’s on the preview image’s text model and headings, and says “Quotation” nowhere for one', () => {
      for (const { id, page, kind } of quoteCards) {
        if (kind !== 'paraphrase') continue;
        expect(text(page.querySelector('.quote-card .kind')), id).toMatch(/^Paraphrase by the article/);
        expect(text(page.querySelector('h1')), id).not.toMatch(/Quotation by/);
      }
    });
  });

  describe('2. cards that stand alone', () => {
    const subordinate = /^(?:even if|rather than|if|although|though|while|because|unless|when|as)\b/i;
    it('shows no subordinate clause as a quotation on its own: a split statement is one quotation, joined by the site’s ellipsis', () => {
      for (const { id, card } of cards) {
        const parts = [...card.querySelectorAll('blockquote [data-elision]')].length + 1;
        // A clause that opens with a subordinator needs its main clause: after a comma in the same words, or in a later part.
        if (subordinate.test(cardWords(card)) && !cardWords(card).includes(', ')) expect(parts, `${id}: ${cardWords(card)}`).toBeGreaterThan(1);
      }
      const hong = readPage('/quotes/hong-min-even-if-new-talks-were-to/').querySelector('.quote-card')!;
      expect(cardWords(hong)).toBe(
        'Even if new talks were to take place … any agreement would face considerable uncertainty, both over its implementation timeline and the willingness of a future US administration to uphold it',
      );
      // Each part is the source's, word for word; the ellipsis stands for ", Hong argued,".
      for (const part of cardWords(hong).split(' … ')) expect(sources['hanoi-hangover']).toContain(part);
      const aum = readPage('/quotes/frank-aum-rather-than-insist-on-immediate-denuclearisation/').querySelector('.quote-card')!;
      expect(cardWords(aum)).toMatch(/^Rather than insist on immediate denuclearisation … the goal should be reframed as “long-term and aspirational/);
    });

    it('keeps the second parts’ old addresses as redirects to the whole quotation', () => {
      for (const [old, now] of [
        ['hong-min-any-agreement-would-face-considerable-uncertainty', 'hong-min-even-if-new-talks-were-to'],
        ['frank-aum-the-goal-should-be-reframed-as', 'frank-aum-rather-than-insist-on-immediate-denuclearisation'],
      ]) {
        const html = readFileSync(join(distDir, 'quotes', old!, 'index.html'), 'utf8');
        expect(isRedirectPage(html), old).toBe(true);
        expect(html).toContain(`/quotes/${now}/`);
        expect(readPage('/articles/hanoi-hangover/').getElementById(old!), `alias #${old} on the article`).not.toBeNull();
      }
    });
  });

  describe('3. stances reviewed mark by mark', () => {
    const stance = (person: string, topic: string) => marks(cell(person, topic)).map((m) => m.getAttribute('data-stance'));
    it('does not mark Frank Aum as supporting denuclearisation: he opposes insisting on it now', () => {
      expect(stance('Frank Aum', 'denuclearisation')).toEqual([]);
      expect(stance('Frank Aum', 'immediate-denuclearisation')).toEqual(['opposes']);
      expect(stance('Keith Luse', 'denuclearisation')).toEqual(['supports']);
    });

    it('marks Narang’s warning as a side taken, Town’s call to abandon military build-ups under deterrence, and no stance on talks for the White House', () => {
      expect(stance('Vipin Narang', 'rushing-into-deals')).toEqual(['opposes']);
      expect(stance('Vipin Narang', 'talks-prospects')).toEqual([]);
      expect(stance('Jenny Town', 'deterrence')).toEqual(['opposes']);
      expect(positions.querySelector('tbody tr th a[href="/people/white-house/"]')).toBeNull();
      expect(text(readPage('/quotes/white-house-the-president-remains-receptive-to-correspondence/').querySelector('.kind'))).toBe('Direct quote');
    });

    it('keys what each mark claims, and what an empty cell does not', () => {
      const legend = [...positions.querySelectorAll('.legend dd')].map((dd) => text(dd));
      expect(legend).toHaveLength(3);
      for (const entry of legend) expect(entry).toMatch(/^The quotation’s words /);
      expect(text(positions.querySelector('main > h1 + p'))).toContain('An empty cell claims nothing');
    });

    it('sets the columns in the stated order: by group as topics.yaml gives them, then alphabetically', () => {
      const topics = parse(readFileSync(join(contentDir, 'topics.yaml'), 'utf8')) as { id: string; label: string; group: string }[];
      const groups = ['talks', 'steps', 'nuclear', 'context'];
      const shown = [...positions.querySelectorAll('thead th.topic')].map((th) => th.id.replace('topic-', ''));
      const expected = topics
        .filter((t) => shown.includes(t.id))
        .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || a.label.localeCompare(b.label))
        .map((t) => t.id);
      expect(shown).toEqual(expected);
      expect(shown.slice(0, 2)).toEqual(['normalisation', 'leader-meetings']);
      expect(text(positions.querySelector('main > h1 + p'))).toContain('Columns are grouped (talks and the relationship, reciprocal steps');
    });

    it('gives the reasoning beside each non-obvious mark, quoting the source', () => {
      const mdx = readFileSync(join(contentDir, 'articles', 'hanoi-hangover.mdx'), 'utf8');
      for (const words of ['Rather than insist on immediate', 'He warned\n    against rushing into deals', 'the White House confirming']) {
        expect(mdx.replace(/\s+/g, ' ')).toContain(`Source: "${words.replace(/\s+/g, ' ')}`);
      }
    });
  });

  describe('4. the site’s own facts hedged', () => {
    const timeline = readPage('/timeline/');
    it('measures no gap since the last meeting beyond what the articles report', () => {
      for (const path of builtPages())
        expect(readFileSync(join(distDir, path === '/' ? 'index.html' : path.endsWith('/') ? `${path}index.html` : path), 'utf8'), path).not.toMatch(
          /without a meeting/,
        );
      expect(text(timeline.querySelector('.timeline-scale figcaption'))).toContain('No meeting reported since 30 June 2019');
    });

    it('says “Reported” where the source reports, and makes no identification the source does not', () => {
      expect(text(timeline.getElementById('trump-letter-declined')?.querySelector('.title'))).toMatch(
        /^Reported: North Korea declines another letter from Trump/,
      );
      for (const path of ['/timeline/', '/quotes/', '/quotes/joseph-detrani-endorsed-a-prudent-action-for-action/', '/articles/hanoi-hangover/']) {
        const page = readPageHtml(path);
        expect(page, path).not.toContain('Six-party talks joint statement');
      }
      expect(text(timeline.getElementById('six-party-talks-2005')?.querySelector('.title'))).toMatch(/^Six-party talks in 2005/);
    });

    it('puts no ellipsis after a complete quotation on /timeline/', () => {
      const links = [...timeline.querySelectorAll('.quotes a')].map((a) => text(a));
      expect(links).toContain('The White House: “the president remains receptive to correspondence with Kim Jong-un”');
      for (const link of links) {
        const id = link;
        if (link.endsWith('…”') || link.endsWith('…')) expect(link.length, id).toBeGreaterThan(70);
      }
    });
  });

  describe('5. house style in one place', () => {
    it('names organisations as they name themselves, in labels and JSON-LD, with no cities in affiliations', () => {
      const town = readPage('/people/jenny-town/');
      expect(text(town.querySelector('.role'))).toBe('Director of the Korea Program, Stimson Center');
      expect(jsonLd('/people/jenny-town/').find((n) => n['@type'] === 'Person').affiliation.name).toBe('Stimson Center');
      expect(text(readPage('/people/koh-yu-hwan/').querySelector('.role'))).not.toContain('Seoul');
      // The article text keeps its own spelling.
      expect(text(readPage('/articles/hanoi-hangover/').querySelector('[data-article-body]'))).toContain('Stimson Centre’s Korea Programme');
    });

    it('writes roles in lower case after a name', () => {
      for (const { id, card } of cards) expect(text(card.querySelector('.speaker span')), id).toMatch(/^(?:[a-z]|US |South Korean |North Korean )/);
    });

    const siteText = builtPages().map((path) => {
      const page = readPage(path);
      const copy = page.documentElement.cloneNode(true) as Element;
      for (const el of copy.querySelectorAll('script, style, [data-article-body], pre, code')) el.remove();
      const metas = [...page.querySelectorAll('meta[content]:not([http-equiv])')]
        .map((m) => m.getAttribute('content')!)
        .filter((c) => !/^(?:https?:|width=|text\/|\d)/.test(c));
      const ld = [...page.querySelectorAll('script[type="application/ld+json"]')].map((s) =>
        JSON.stringify(JSON.parse(s.textContent!), (_k, v) => v).replace(/\\"/g, '\u0001'),
      );
      return { path, text: `${text(copy)}\n${metas.join('\n')}`, ld };
    });

    it('uses curly apostrophes and quotation marks in everything the site writes', () => {
      const straight: string[] = [];
      for (const { path, text: words } of siteText) for (const match of words.matchAll(/.{0,30}['"].{0,30}/g)) straight.push(`${path}: ${match[0]}`);
      const feed = readFileSync(join(distDir, 'rss.xml'), 'utf8').replace(/<[^>]+>/g, ' ');
      for (const match of feed.matchAll(/.{0,30}['"].{0,30}/g)) straight.push(`rss.xml: ${match[0]}`);
      expect(straight).toEqual([]);
    });

    it('never writes “1 quotations”, “Where The …”, doubled punctuation before an ellipsis, or “Official statement”', () => {
      for (const { path, text: words } of siteText) {
        expect(words, path).not.toMatch(/\b1 (?:quotations|paraphrases|mentions)\b/);
        expect(words, path).not.toMatch(/\b0 quotations\b/);
        expect(words, path).not.toMatch(/(?:Where|More from|mention|name|not|by) The White House/);
        expect(words, path).not.toMatch(/[.,;:!?]…/);
        expect(words, path).not.toContain('Official statement');
      }
    });

    it('counts quotations and paraphrases apart', () => {
      expect(text(readPage('/quotes/').querySelector('main > h1 + p'))).toMatch(/^All \d+ quotations and \d+ paraphrases in the two articles/);
      expect(text(readPage('/people/doug-bandow/').querySelector('#quotations'))).toBe('Quotations and paraphrases (3 paraphrases)');
    });

    it('credits a passage shown away from its article by one formula', () => {
      const credits = builtPages().flatMap((path) => [...readPage(path).querySelectorAll('.mention-list .credit .who')].map((w) => text(w)));
      expect(credits.length).toBeGreaterThan(10);
      for (const credit of credits)
        expect(credit).toMatch(/^[A-Z][^()]+ \((?:quoted|paraphrased)\)(?:(?:, | and )[A-Z][^()]+ \((?:quoted|paraphrased)\))*, in$/);
    });
  });

  describe('6. [sic] applied the same way everywhere', () => {
    it('follows the dek’s slip in every description, image alt, JSON-LD and the feed', () => {
      const page = readPage('/articles/hanoi-hangover/');
      const places = [
        meta(page, 'description'),
        meta(page, 'og:description'),
        meta(page, 'og:image:alt'),
        meta(page, 'twitter:image:alt'),
        jsonLd('/articles/hanoi-hangover/').find((n) => n['@type'] === 'NewsArticle').description,
      ];
      for (const place of places) expect(place).toContain('more focused Russia [sic]');
      const feed = readFileSync(join(distDir, 'rss.xml'), 'utf8');
      expect(feed).toContain('more focused Russia [sic]');
      expect(feed).not.toMatch(/more focused Russia(?! \[sic\])/);
    });
  });

  describe('7. provenance and corrections', () => {
    it('credits the original publication and says plainly what is unknown', () => {
      expect(text(readPage('/articles/hanoi-hangover/').querySelector('.article-credit p'))).toBe(
        'Originally published by This Week in Asia (inferred from the text: “Hong told This Week in Asia”). The source gives no byline and no publication date.',
      );
      expect(text(readPage('/articles/trump-kim-fourth-meeting/').querySelector('.article-credit p'))).toBe(
        'The source does not name where it was first published. The source gives no byline and no publication date.',
      );
    });

    it('shows this issue’s corrections, dated, on the page, in the JSON-LD and in the feed', () => {
      const notes = [...readPage('/articles/hanoi-hangover/').querySelectorAll('.corrections li')].map((li) => text(li));
      expect(notes.length).toBe(1);
      for (const note of notes) expect(note).toMatch(/^Correction, 2 December 2026: /);
      const ld = jsonLd('/articles/hanoi-hangover/').find((n) => n['@type'] === 'NewsArticle').correction;
      expect(ld.map((c: { '@type': string; datePublished: string }) => [c['@type'], c.datePublished])).toEqual(
        Array(1).fill(['CorrectionComment', '2026-12-02']),
      );
      expect(readFileSync(join(distDir, 'rss.xml'), 'utf8')).toContain('the positions matrix marked Frank Aum as supporting denuclearisation');
    });
  });

  describe('8. untagged, uncarded and context-credited words', () => {
    it('tags “South Korea’s president” without naming anyone the source does not', () => {
      const mention = [...readPage('/articles/trump-kim-fourth-meeting/').querySelectorAll('[data-mention]')].find(
        (m) => text(m) === 'South Korea’s president',
      );
      expect(mention?.getAttribute('data-mention')).toBe('person:south-korean-president');
      expect(text(readPage('/people/south-korean-president/').querySelector('h1'))).toBe('South Korea’s president');
    });

    it('cards Trump’s “recalling their past interactions positively” as the article’s paraphrase', () => {
      const card = readPage('/quotes/donald-trump-recalling-their-past-interactions-positively/').querySelector('.quote-card')!;
      expect(card.getAttribute('data-kind')).toBe('paraphrase');
      expect(cardWords(card)).toBe('recalling their past interactions positively');
    });

    it('says on its card that Hong’s “In the meantime …” is credited to him from context, and what “peaceful but cold coexistence” describes', () => {
      const meantime = readPage('/quotes/hong-min-in-the-meantime-north-korea-was/').querySelector('.quote-card .note')!;
      expect(meantime.hasAttribute('data-editorial')).toBe(true);
      expect(text(meantime)).toContain('The article does not name Hong Min in this sentence; it is credited to Hong Min from the sentences around it.');
      const peaceful = readPage('/quotes/hong-min-peaceful-but-cold-coexistence/').querySelector('.quote-card .note')!;
      expect(text(peaceful)).toContain('what North Korea pursues with South Korea, not a proposal of his');
    });
  });
});

function readPageHtml(path: string): string {
  return readFileSync(join(distDir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
}
