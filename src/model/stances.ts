/**
 * Where a speaker stands on a topic: the stance a quotation's own words take.
 * Written in the annotation after the topic id (`topics="deterrence:supports
 * south-korean-nuclear-option:opposes"`); the positions matrix, quote cards,
 * person pages and search facets all read it from the quotation record.
 */

export type Stance = 'supports' | 'opposes' | 'assesses';

export interface StanceInfo {
  /** What the stance means, as the legend and filters say it. */
  label: string;
  /** The verb used in running text ("Vipin Narang opposes …"). */
  verb: string;
  /** The matrix symbol: a distinct shape per stance, so colour is never the only signal. */
  symbol: string;
}

/** In the order the legend lists them. */
export const STANCES: Readonly<Record<Stance, StanceInfo>> = {
  supports: { label: 'Proposes or supports', verb: 'supports', symbol: '+' },
  opposes: { label: 'Opposes or rejects', verb: 'opposes', symbol: '−' },
  assesses: { label: 'Assesses or predicts', verb: 'assesses', symbol: '○' },
};

export const STANCE_IDS = Object.keys(STANCES) as Stance[];

/**
 * The stance of a topic written without one. An unmarked topic claims only
 * that the quotation weighs in on it: taking a side is a claim about the
 * speaker the editor makes on purpose (the matrix used to read every mark as
 * "proposes", and put Narang down as proposing what he wants to prevent).
 */
export const DEFAULT_STANCE: Stance = 'assesses';

export function isStance(value: string): value is Stance {
  return Object.hasOwn(STANCES, value);
}

/** "supports (proposes or supports), opposes (…), assesses (…)": for error messages. */
export function describeStances(): string {
  return STANCE_IDS.map((id) => `${id} (${STANCES[id].label.toLowerCase()})`).join(', ');
}

export interface TopicStance {
  topic: string;
  /** The stance as written, or undefined when the entry has none. */
  stance: string | undefined;
}

/** "deterrence:supports" → { topic: "deterrence", stance: "supports" }; "deterrence" → stance undefined. */
export function splitTopicStance(entry: string): TopicStance {
  const at = entry.indexOf(':');
  return at < 0 ? { topic: entry, stance: undefined } : { topic: entry.slice(0, at), stance: entry.slice(at + 1) };
}

/** "Denuclearisation: opposes", the form the search facets and compact lists use. */
export function topicWithStance(label: string, stance: Stance): string {
  return `${label}: ${STANCES[stance].verb}`;
}
