/**
 * The judged query set (issue 24, item 6): searches a reader of the two
 * articles would type, each with the pages that answer it, judged by hand
 * from content/sources/*.txt and the annotations (who said what, on which
 * topic, with which stance). An answer is a site path, or the start of one
 * ("/quotes/frank-aum-" accepts any of Frank Aum's quotations); a query is
 * answered when a link in one of the first three results starts with one of
 * its answers. Used by tests/site/e2e/search-judged.test.ts (the 95 % bar)
 * and `npm run bench` (the figure), through the site's own search page, so
 * the queries go through the same query understanding the UI uses.
 */
import type { FacetKey } from '../../src/search/browser/state.ts';

export type QueryKind = 'name' | 'misspelled name' | 'topic' | 'phrase' | 'question' | 'filters' | 'spelling';

export interface JudgedQuery {
  q: string;
  filters?: Partial<Record<FacetKey, string[]>>;
  kind: QueryKind;
  /** Paths (or path starts) that answer the query. */
  answers: string[];
  /** Why these answer it, from the articles. */
  why: string;
}

const q = (slug: string) => `/quotes/${slug}/`;
const person = (id: string) => [`/people/${id}/`, `/quotes/${id}-`];

export const JUDGED_QUERIES: JudgedQuery[] = [
  // Names: the person's page or any of their quotations.
  { q: 'Frank Aum', kind: 'name', answers: person('frank-aum'), why: 'Hudson report contributor, quoted four times' },
  { q: 'Jenny Town', kind: 'name', answers: person('jenny-town'), why: 'Stimson Centre director, quoted three times' },
  { q: 'DeTrani', kind: 'name', answers: person('joseph-detrani'), why: 'surname alone' },
  { q: 'Koh Yu-hwan', kind: 'name', answers: person('koh-yu-hwan'), why: 'hyphenated given name' },
  { q: 'Park Jie-won', kind: 'name', answers: person('park-jie-won'), why: 'the lawmaker, not Park Won-gon' },
  { q: 'Yang Moo-jin', kind: 'name', answers: person('yang-moo-jin'), why: 'University of North Korean Studies' },
  { q: 'Keith Luse', kind: 'name', answers: person('keith-luse'), why: 'National Committee on North Korea' },
  { q: 'Cato Institute', kind: 'name', answers: person('doug-bandow'), why: 'Doug Bandow is a senior fellow there' },
  { q: 'MIT professor', kind: 'name', answers: person('vipin-narang'), why: 'Vipin Narang, professor at MIT' },
  // Misspelled names: corrected to the nearest known name.
  { q: 'Narrang', kind: 'misspelled name', answers: person('vipin-narang'), why: 'Narang with a doubled r' },
  { q: 'Hong Minh', kind: 'misspelled name', answers: person('hong-min'), why: 'Hong Min, Vietnamese spelling of the given name' },
  { q: 'Jenny Towne', kind: 'misspelled name', answers: person('jenny-town'), why: 'Town with an e' },
  { q: 'Doug Bandoe', kind: 'misspelled name', answers: person('doug-bandow'), why: 'Bandow misheard' },
  { q: 'Detrany', kind: 'misspelled name', answers: person('joseph-detrani'), why: 'DeTrani misspelled' },
  { q: 'jiewon', kind: 'misspelled name', answers: person('park-jie-won'), why: 'Jie-won without its hyphen' },
  { q: 'Kho Yu-hwan', kind: 'misspelled name', answers: person('koh-yu-hwan'), why: 'Koh with letters swapped' },
  { q: 'Vipin Narag', kind: 'misspelled name', answers: person('vipin-narang'), why: 'a letter dropped' },
  // Topics.
  {
    q: 'nukes',
    kind: 'topic',
    answers: [
      q('doug-bandow-if-south-korea-felt-underprotected-by'),
      q('vipin-narang-called-for-rebuilding-us-and-allied'),
      q('koh-yu-hwan-given-the-current-circumstances-pyongyang-sees'),
    ],
    why: 'nuclear weapons: the South Korean nuclear option (Bandow, Narang) or giving up nuclear weapons (Koh)',
  },
  {
    q: 'nuclear option South Korea',
    kind: 'topic',
    answers: [q('doug-bandow-if-south-korea-felt-underprotected-by'), q('vipin-narang-called-for-rebuilding-us-and-allied')],
    why: 'the topic “South Korean nuclear option”: Bandow assesses it, Narang opposes it',
  },
  {
    q: 'sanctions relief',
    kind: 'topic',
    answers: [q('frank-aum-sectoral-sanctions-relief-covering-textiles-seafood'), q('joseph-detrani-recommended-a-phased-process-with-each')],
    why: 'both propose sanctions relief in exchange for nuclear steps',
  },
  {
    q: 'Yongbyon',
    kind: 'topic',
    answers: [q('frank-aum-sectoral-sanctions-relief-covering-textiles-seafood')],
    why: 'dismantling the Yongbyon nuclear complex',
  },
  {
    q: 'stable coexistence',
    kind: 'topic',
    answers: [q('frank-aum-called-for-a-pragmatic-interim-agreement'), q('keith-luse-supported-the-concept-of-stable-coexistence')],
    why: 'Aum’s interim agreement, Luse’s support for it',
  },
  {
    q: 'action for action',
    kind: 'topic',
    answers: [q('joseph-detrani-endorsed-a-prudent-action-for-action')],
    why: 'DeTrani’s “action-for-action” framework',
  },
  {
    q: 'joint military exercises',
    kind: 'topic',
    answers: [q('park-won-gon-pyongyang-could-insist-on-the-suspension'), q('frank-aum-called-for-a-pragmatic-interim-agreement')],
    why: 'suspension (Park Won-gon) or scaling back (Aum) of US–South Korea exercises',
  },
  {
    q: 'alliance with Moscow',
    kind: 'topic',
    answers: [q('koh-yu-hwan-pyongyangs-survival-strategy-has-shifted-away'), q('jenny-town-security-dilemmas-on-the-peninsula-cannot')],
    why: 'Koh: deepening its alliance with Moscow',
  },
  { q: 'Nobel Peace Prize', kind: 'topic', answers: [q('park-jie-won-i-believe-president-trumps-current-goal')], why: 'Park Jie-won on Trump’s goal' },
  {
    q: 'deterrence',
    kind: 'topic',
    answers: [
      q('vipin-narang-stressed-the-dual-goals-of-deterrence'),
      q('doug-bandow-emphasised-containment-and-deterrence-as-near'),
      q('vipin-narang-called-for-rebuilding-us-and-allied'),
    ],
    why: 'Narang and Bandow on deterrence',
  },
  { q: 'DMZ', kind: 'topic', answers: ['/timeline/dmz-meeting-2019/'], why: 'the 2019 meeting in the Demilitarized Zone' },
  { q: 'Panmunjom', kind: 'topic', answers: ['/timeline/dmz-meeting-2019/'], why: 'where the DMZ meeting took place' },
  { q: 'demilitarised zone', kind: 'spelling', answers: ['/timeline/dmz-meeting-2019/'], why: 'UK spelling; the site writes Demilitarized Zone' },
  { q: 'Singapore summit', kind: 'topic', answers: ['/timeline/singapore-summit-2018/'], why: 'the first meeting, June 2018' },
  // Half-remembered phrases.
  {
    q: 'political theater',
    kind: 'phrase',
    answers: [q('hong-min-moreover-pyongyang-remains-deeply-sceptical-of')],
    why: '“little more than political theatre for Trump” (US spelling)',
  },
  {
    q: 'feign interest',
    kind: 'phrase',
    answers: [q('hong-min-it-may-feign-interest-in-dialogue'), '/articles/hanoi-hangover/'],
    why: '“It may feign interest in dialogue…”, Hong Min',
  },
  { q: 'cold coexistence', kind: 'phrase', answers: [q('hong-min-peaceful-but-cold-coexistence')], why: '“peaceful but cold coexistence”' },
  { q: 'tread cautiously', kind: 'phrase', answers: [q('koh-yu-hwan-pyongyang-was-likely-to-tread-very')], why: '“tread very cautiously”, Koh Yu-hwan' },
  { q: 'window of opportunity', kind: 'phrase', answers: [q('yang-moo-jin-a-limited-window-of-opportunity-might')], why: 'Yang Moo-jin' },
  {
    q: 'textiles seafood coal',
    kind: 'phrase',
    answers: [q('frank-aum-sectoral-sanctions-relief-covering-textiles-seafood')],
    why: 'Aum’s sectoral sanctions relief',
  },
  {
    q: 'quarterly meetings between the leaders',
    kind: 'phrase',
    answers: [q('keith-luse-proposed-institutionalising-quarterly-high-level-meetings')],
    why: 'Luse: institutionalising quarterly high-level meetings',
  },
  { q: 'look forward to seeing him', kind: 'phrase', answers: [q('donald-trump-i-look-forward-to-seeing-him')], why: 'Trump, in the fourth-meeting article' },
  {
    q: 'receptive to correspondence',
    kind: 'phrase',
    answers: [q('white-house-the-president-remains-receptive-to-correspondence')],
    why: 'the White House statement',
  },
  {
    q: 'threshold for dialogue',
    kind: 'phrase',
    answers: [q('koh-yu-hwan-since-2019-the-threshold-for-dialogue')],
    why: 'Koh: “the threshold for dialogue has risen sharply”',
  },
  {
    q: 'lost leverage 2017',
    kind: 'phrase',
    answers: [q('vipin-narang-warned-against-rushing-into-deals-at')],
    why: 'Narang: the leverage the US held in 2017',
  },
  { q: 'coercive pressure', kind: 'phrase', answers: [q('jenny-town-urged-for-a-diplomatic-reset-that')], why: 'Town: abandoning “coercive pressure…”' },
  // Questions.
  {
    q: 'who opposes South Korean nukes',
    kind: 'question',
    answers: [q('vipin-narang-called-for-rebuilding-us-and-allied')],
    why: 'Narang: dissuade South Korea from pursuing its own nuclear arsenal (stance: opposes)',
  },
  {
    q: 'who thinks denuclearisation is unlikely',
    kind: 'question',
    answers: [q('doug-bandow-full-denuclearisation-is-unlikely'), q('doug-bandow-arguing-that-full-denuclearisation-is-unlikely')],
    why: 'Bandow',
  },
  {
    q: 'what did Frank Aum propose',
    kind: 'question',
    answers: [q('frank-aum-called-for-a-pragmatic-interim-agreement'), q('frank-aum-sectoral-sanctions-relief-covering-textiles-seafood')],
    why: 'his interim agreement and sectoral sanctions relief',
  },
  {
    q: 'why did the Hanoi summit fail',
    kind: 'question',
    answers: ['/timeline/hanoi-summit-2019/', q('hong-min-moreover-pyongyang-remains-deeply-sceptical-of'), '/articles/trump-kim-fourth-meeting/'],
    why: 'ended without agreement over sanctions relief and denuclearization timelines',
  },
  { q: 'what does Jenny Town want', kind: 'question', answers: person('jenny-town'), why: 'her proposals' },
  {
    q: 'who wants sanctions relief',
    kind: 'question',
    answers: [q('frank-aum-sectoral-sanctions-relief-covering-textiles-seafood'), q('joseph-detrani-recommended-a-phased-process-with-each')],
    why: 'Aum and DeTrani support it',
  },
  // US and UK spellings.
  {
    q: 'denuclearization unlikely',
    kind: 'spelling',
    answers: [q('doug-bandow-full-denuclearisation-is-unlikely'), q('doug-bandow-arguing-that-full-denuclearisation-is-unlikely')],
    why: 'US spelling of Bandow’s words',
  },
  {
    q: 'normalization',
    kind: 'spelling',
    answers: [
      q('jenny-town-advocated-political-normalisation-as-a-starting'),
      q('jenny-town-urged-for-a-diplomatic-reset-that'),
      q('koh-yu-hwan-pyongyangs-survival-strategy-has-shifted-away'),
    ],
    why: 'US spelling; Town advocates political normalisation',
  },
  {
    q: 'skeptical of Trump',
    kind: 'spelling',
    answers: [q('hong-min-moreover-pyongyang-remains-deeply-sceptical-of')],
    why: '“deeply sceptical of Trump’s overtures”',
  },
  { q: 'five-year defense plan', kind: 'spelling', answers: [q('yang-moo-jin-a-limited-window-of-opportunity-might')], why: '“five-year defence plan”' },
  { q: 'Stimson Center', kind: 'spelling', answers: person('jenny-town'), why: 'US spelling of the Stimson Centre' },
  // Filter combinations.
  {
    q: 'deterrence',
    filters: { speaker: ['Vipin Narang'] },
    kind: 'filters',
    answers: [q('vipin-narang-stressed-the-dual-goals-of-deterrence'), q('vipin-narang-called-for-rebuilding-us-and-allied')],
    why: 'Narang on deterrence',
  },
  {
    q: 'talks',
    filters: { speaker: ['Hong Min'], kind: ['Direct quote'] },
    kind: 'filters',
    answers: [q('hong-min-there-is-little-possibility-of-the')],
    why: '“little possibility of the North returning to talks”',
  },
  {
    q: '',
    filters: { stance: ['South Korean nuclear option: opposes'] },
    kind: 'filters',
    answers: [q('vipin-narang-called-for-rebuilding-us-and-allied')],
    why: 'the one quotation opposing it',
  },
  {
    q: 'Hanoi',
    filters: { kind: ['Direct quote'] },
    kind: 'filters',
    answers: [q('hong-min-moreover-pyongyang-remains-deeply-sceptical-of')],
    why: 'the only direct quote naming Hanoi',
  },
  {
    q: 'coexistence',
    filters: { speaker: ['Keith Luse'] },
    kind: 'filters',
    answers: [q('keith-luse-supported-the-concept-of-stable-coexistence')],
    why: 'Luse supported stable coexistence',
  },
  {
    q: 'sanctions',
    filters: { topic: ['Action-for-action'] },
    kind: 'filters',
    answers: [q('joseph-detrani-recommended-a-phased-process-with-each')],
    why: 'DeTrani’s phased process',
  },
];
