/** How a person is described under their name. */
export interface DescribedPerson {
  role: string;
  affiliation?: string | undefined;
}

/** "Senior researcher, Korea Institute for National Unification" or just the role. */
export function describePerson(person: DescribedPerson): string {
  return person.affiliation ? `${person.role}, ${person.affiliation}` : person.role;
}

/** How each kind of quotation is labelled for readers. */
export const KIND_LABELS = {
  direct: 'Direct quote',
  paraphrase: 'Paraphrase by the article',
  statement: 'Official statement',
} as const;
