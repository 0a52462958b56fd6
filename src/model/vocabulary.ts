/**
 * The annotation vocabulary authors may use in an article, in one place: the
 * vocabulary plugin checks each tag's attributes with the zod schema here, and
 * the README's authoring guide documents it. What `<Mention>` can name comes
 * from the kinds table (src/model/kinds.ts).
 */
import { z } from 'astro/zod';
import { KINDS, MENTION_KINDS } from './kinds.ts';

export interface Annotation {
  /** Where it may stand: inside a paragraph (`text`) or on a line of its own (`flow`). */
  position: 'text' | 'flow' | 'either';
  /** Whether it wraps article words (text) or stands empty (`<Note id="…" />`). */
  wrapsText: boolean;
  /** Its attributes: every one it takes is a key of the object, so the messages can list them. */
  attributes: z.ZodType<Record<string, string | undefined>> & { keyof(): z.ZodEnum };
}

/** A value that must be there and not blank. */
const required = z.string().trim().min(1);
const optional = z.string().optional();

/** The attributes `<Mention>` may name a record with, one per kind. */
export const MENTION_ATTRIBUTES = MENTION_KINDS.map((kind) => KINDS[kind].attribute);

const mention = z.strictObject(Object.fromEntries(MENTION_ATTRIBUTES.map((name) => [name, optional])) as Record<string, typeof optional>).check((context) => {
  const present = MENTION_ATTRIBUTES.filter((name) => context.value[name] !== undefined);
  if (present.length !== 1) {
    context.issues.push({
      code: 'custom',
      input: context.value,
      message: `takes exactly one of ${MENTION_ATTRIBUTES.join(', ')}; found ${present.length ? present.join(', ') : 'none'}`,
    });
  }
});

export const VOCABULARY: Readonly<Record<string, Annotation>> = {
  Mention: { position: 'text', wrapsText: true, attributes: mention },
  Quote: {
    position: 'text',
    wrapsText: true,
    attributes: z.strictObject({ by: required, kind: optional, topics: optional, about: optional, continues: optional, attribution: optional, note: optional }),
  },
  Note: { position: 'flow', wrapsText: false, attributes: z.strictObject({ id: required }) },
  PullQuote: { position: 'either', wrapsText: true, attributes: z.strictObject({ by: required, attribution: required }) },
};

export const ANNOTATION_NAMES = Object.keys(VOCABULARY);

/** The first problem with a tag's attributes, as the sentence after "<Name>", or undefined when they are right. */
export function attributeProblem(name: string, annotation: Annotation, values: ReadonlyMap<string, string>): string | undefined {
  const result = annotation.attributes.safeParse(Object.fromEntries(values));
  if (result.success) return undefined;
  const takes = annotation.attributes.keyof().options.join(', ');
  const issues = result.error.issues;
  const unknown = issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknown?.code === 'unrecognized_keys') return `has no attribute \`${unknown.keys[0]}\`; it takes ${takes}.`;
  const missing = issues.find((issue) => issue.path.length > 0);
  if (missing) {
    const key = String(missing.path[0]);
    return `needs \`${key}\`, e.g. <${name} ${key}="…">.`;
  }
  return `${issues[0]!.message}.`;
}
