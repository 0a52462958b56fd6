/** How a person is described under their name. */
export interface DescribedPerson {
  role: string;
  affiliation?: string | undefined;
}

/** "senior researcher, Korea Institute for National Unification" or just the role: lower case, as it reads after a name ("Hong Min, senior researcher, …"). */
export function describePerson(person: DescribedPerson): string {
  return person.affiliation ? `${person.role}, ${person.affiliation}` : person.role;
}

/** The same on a line of its own, under the name (a heading, a preview image's byline): its first letter in capitals. */
export function describePersonAlone(person: DescribedPerson): string {
  const text = describePerson(person);
  return text.charAt(0).toUpperCase() + text.slice(1);
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
  // Only where the source calls the words a statement; the White House's “the president remains receptive …” is quoted as what it confirmed.
  statement: 'Statement',
} as const;
