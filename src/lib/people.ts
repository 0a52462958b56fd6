/** How a person is described under their name. */
export interface DescribedPerson {
  role: string;
  affiliation?: string | undefined;
}

/** "Senior researcher, Korea Institute for National Unification" or just the role. */
export function describePerson(person: DescribedPerson): string {
  return person.affiliation ? `${person.role}, ${person.affiliation}` : person.role;
}

const OBJECT_FORM = { he: 'him', she: 'her', they: 'them', it: 'it' } as const;

/** "him" for Kim Jong-un, as the articles refer to him; the name itself when the articles give no pronoun. */
export function objectPronoun(person: { name: string; pronoun?: keyof typeof OBJECT_FORM | undefined }): string {
  return person.pronoun ? OBJECT_FORM[person.pronoun] : person.name;
}

/** How each kind of quotation is labelled for readers. */
export const KIND_LABELS = {
  direct: 'Direct quote',
  paraphrase: 'Paraphrase by the article',
  statement: 'Official statement',
} as const;
