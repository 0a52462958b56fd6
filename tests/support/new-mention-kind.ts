/**
 * A new kind of record an article can mention, added as the README's
 * authoring guide says: `treaty`, with its schema, its rows in the kinds
 * table, its data file, and one tagged mention in an article. Applied to a
 * copy of the project by tests/unit/new-mention-kind.test.ts (the plugins and
 * the data loader) and tests/fixture-builds/new-mention-kind.test.ts (a build).
 */
export const TREATY = { id: 'npt', name: 'Treaty on the Non-Proliferation of Nuclear Weapons', words: 'Nuclear Nonproliferation Treaty' };
export const TREATY_ARTICLE = 'content/articles/hanoi-hangover.mdx';

/** Every file the new kind touches, relative to the project root: what the README's count says. */
export const TOUCHED = ['content/treaties.yaml', 'src/model/kinds.ts', 'src/model/schemas/treaty.ts'];

interface Project {
  read(file: string): string;
  write(file: string, text: string): void;
}

function replaceOnce(project: Project, file: string, from: string, to: string): void {
  const text = project.read(file);
  if (text.split(from).length !== 2) throw new Error(`${file}: expected "${from}" exactly once; the fixture no longer applies.`);
  project.write(file, text.replace(from, to));
}

export function addTreatyKind(project: Project): void {
  project.write(
    'src/model/schemas/treaty.ts',
    "/** A treaty the articles name. */\nimport { z } from 'astro/zod';\nimport { line, recordId } from './common.ts';\n\nexport const treatySchema = z.strictObject({ id: recordId, name: line });\n",
  );
  replaceOnce(
    project,
    'src/model/kinds.ts',
    "import { noteSchema } from './schemas/note.ts';",
    "import { noteSchema } from './schemas/note.ts';\nimport { treatySchema } from './schemas/treaty.ts';",
  );
  replaceOnce(project, 'src/model/kinds.ts', '  notes: noteSchema,\n', '  notes: noteSchema,\n  treaties: treatySchema,\n');
  replaceOnce(
    project,
    'src/model/kinds.ts',
    '} as const;\n\nexport type MentionKind',
    "  treaty: { attribute: 'treaty', collection: 'treaties', noun: 'treaty' } satisfies AnnotatableKind<'treaties'>,\n} as const;\n\nexport type MentionKind",
  );
  project.write('content/treaties.yaml', `- id: ${TREATY.id}\n  name: ${TREATY.name}\n`);
  replaceOnce(project, TREATY_ARTICLE, `under the ${TREATY.words}”`, `under the <Mention treaty="${TREATY.id}">${TREATY.words}</Mention>”`);
}
