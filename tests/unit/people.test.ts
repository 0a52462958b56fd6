import { describe, it, expect } from 'vitest';
import { describePerson, KIND_LABELS } from '../../src/lib/people.ts';

describe('describePerson', () => {
  it('joins role and affiliation, or gives the role alone', () => {
    expect(describePerson({ role: 'Senior researcher', affiliation: 'Korea Institute for National Unification' })).toBe(
      'Senior researcher, Korea Institute for National Unification',
    );
    expect(describePerson({ role: 'US president' })).toBe('US president');
    expect(describePerson({ role: 'Analyst', affiliation: '' })).toBe('Analyst');
  });
});

describe('KIND_LABELS', () => {
  it('labels each kind of quotation for readers', () => {
    expect(KIND_LABELS).toEqual({ direct: 'Direct quote', paraphrase: 'Paraphrase by the article', statement: 'Statement' });
  });
});
