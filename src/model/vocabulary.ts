/**
 * The annotation vocabulary authors may use in an article, in one place: the
 * vocabulary plugin checks names and attributes against it, and the README's
 * authoring guide documents it. What `<Mention>` can name comes from the kinds
 * table (src/model/kinds.ts).
 */
import { KINDS, MENTION_KINDS } from './kinds.ts';

export interface AnnotationSpec {
  /** Where it may stand: inside a paragraph (`text`) or on a line of its own (`flow`). */
  position: 'text' | 'flow' | 'either';
  required: readonly string[];
  optional: readonly string[];
  /** Exactly one of these must be present. */
  oneOf?: readonly string[];
  /** Whether it wraps article words (text) or stands empty (`<Note id="…" />`). */
  wrapsText: boolean;
}

export const VOCABULARY: Readonly<Record<string, AnnotationSpec>> = {
  Mention: { position: 'text', required: [], optional: [], oneOf: MENTION_KINDS.map((kind) => KINDS[kind].attribute), wrapsText: true },
  Quote: { position: 'text', required: ['by'], optional: ['kind', 'topics', 'about', 'continues', 'attribution', 'note'], wrapsText: true },
  Note: { position: 'flow', required: ['id'], optional: [], wrapsText: false },
  PullQuote: { position: 'either', required: ['by', 'attribution'], optional: [], wrapsText: true },
};

export const ANNOTATION_NAMES = Object.keys(VOCABULARY);
