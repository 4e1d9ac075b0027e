/**
 * The text cleaner asks one alternation of the rules' patterns whether any of them matches a text
 * before it runs them one by one: the alternation must say yes wherever one pattern finds a match.
 */
import { describe, expect, it } from 'vitest';
import { compileLinearAlternation, compileLinearPattern } from '../../lib/linear-regex.js';
import { DEFAULT_REGEX } from '../../lib/rules/default-rules.js';

const TEXTS = [
  'HEAD MR',
  'Radiology',
  'MRI BRAIN W/O CONTRAST for FLETCHER ABERNATHY',
  'Pt seen 11/16/2019; contact fletcher.abernathy@example.org or 867-555-2657',
  'dob: see chart',
  'MRN A-12345 on file',
  'SSN 123-45-6789',
  'seen 3 mar 2021, again March 4, 2021',
  'x867-555-2657',
  'ct2019-01-02',
  '',
];

describe('an alternation of rule patterns', () => {
  it('matches a text exactly when one of its patterns does, with the same boundaries and case', () => {
    const one = DEFAULT_REGEX.map((p) => compileLinearPattern(p, 'letters'));
    const any = compileLinearAlternation(DEFAULT_REGEX, 'letters');
    expect(any).toBeDefined();
    for (const text of TEXTS) expect({ text, any: any!.test(text) }).toEqual({ text, any: one.some((p) => p.matchAll(text).length > 0) });
  });

  it('is not made from fewer than two patterns, nor from patterns whose groups share a name', () => {
    expect(compileLinearAlternation(['DOB'], 'letters')).toBeUndefined();
    expect(compileLinearAlternation(['(?P<n>a)', '(?P<n>b)'], 'letters')).toBeUndefined();
  });
});
