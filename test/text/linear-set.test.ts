/**
 * The text cleaner asks one RE2 set of the rules' patterns which of them match a text, and runs only
 * those: the set must name every pattern that finds a match, with the same boundaries and case.
 */
import { describe, expect, it } from 'vitest';
import { compileLinearPattern, compileLinearSet, type PatternBoundary } from '../../lib/linear-regex.js';
import { DEFAULT_REGEX } from '../../lib/rules/default-rules.js';
import { ALL_FREE_TEXT_CASES } from '../fixtures/free-text-cases.js';

const TEXTS = [
  'HEAD MR',
  'Radiology',
  'MRI BRAIN W/O CONTRAST for FLETCHER ABERNATHY',
  'Pt seen 11/16/2019; contact fletcher.abernathy@example.org or 867-555-2657',
  'dob: see chart',
  'DOB',
  'adob',
  'MRN A-12345 on file',
  'mrn:a1',
  'SSN 123-45-6789',
  'seen 3 mar 2021, again March 4, 2021',
  'x867-555-2657',
  'ct2019-01-02',
  'éDOB',
  'Ｄob', // a full-width letter: no ASCII `D`
  'ſsn 123-45-6789 (long s)',
  '867-555-2657é',
  '(867) 555-2657',
  '',
  ...ALL_FREE_TEXT_CASES.map((c) => c.text),
];

/**
 * Random texts made of what the patterns look at, near misses included: numbers grouped as phones,
 * IDs and dates (groups of 1 to 5 digits, any separator), month names, label words, e-mail marks,
 * letters of other scripts and case-folding look-alikes (`ſ`, the Kelvin sign).
 */
function randomTexts(count: number): string[] {
  const words = [' ', ' ', ',', '(', ')', '@', 'a', 'x', 'é', 'ß', 'ſ', 'K', '\u212a', 'Ω', '\u0301', '\n', 'DOB', 'dob:', 'MRN', 'mrn: A-', 'JAN', 'mar', 'Sept.', 'May', 'pt.x+1@a-b.org', '_'];
  const separators = ['-', '.', '/', ' ', '', '--', ') ', ', '];
  let seed = 12345;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16) % n;
  const digits = (n: number) => Array.from({ length: n }, () => String(next(10))).join('');
  const number = () => Array.from({ length: 1 + next(3) }, () => digits(1 + next(5))).join(separators[next(separators.length)]);
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(6) }, () => (next(2) ? number() : words[next(words.length)])).join(next(3) ? ' ' : ''));
}

function expectSameAsEachPattern(sources: readonly string[], boundary: PatternBoundary, texts: readonly string[]): void {
  const one = sources.map((p) => compileLinearPattern(p, boundary));
  const set = compileLinearSet(sources, boundary);
  expect(set).toBeDefined();
  for (const text of texts) {
    const expected = one.flatMap((p, i) => (p.test(text) ? [i] : []));
    expect({ text, matching: set!.matching(text) }).toEqual({ text, matching: expected });
  }
}

describe('a set of rule patterns', () => {
  it('names exactly the patterns that match a text, with the same boundaries and case', () => {
    expectSameAsEachPattern(DEFAULT_REGEX, 'letters', TEXTS);
    expectSameAsEachPattern(DEFAULT_REGEX, 'word', TEXTS);
  });

  it('agrees with each pattern on random texts, twice over (the DFA keeps its states between texts)', () => {
    const texts = randomTexts(3000);
    expectSameAsEachPattern(DEFAULT_REGEX, 'letters', [...texts, ...texts]);
    expectSameAsEachPattern([...DEFAULT_REGEX, 'ab+c', '\\bK\\w{0,3}', 'straße'], 'letters', texts);
  });

  it('a pattern that matches nowhere finds nothing: running only those the set names loses no match', () => {
    const one = DEFAULT_REGEX.map((p) => compileLinearPattern(p, 'letters'));
    const set = compileLinearSet(DEFAULT_REGEX, 'letters')!;
    for (const text of [...TEXTS, ...randomTexts(500)]) {
      const named = new Set(set.matching(text));
      one.forEach((p, i) => {
        if (!named.has(i)) expect(p.matchAll(text)).toEqual([]);
      });
    }
  });

  it('is not made from fewer than two patterns', () => {
    expect(compileLinearSet(['DOB'], 'letters')).toBeUndefined();
    expect(compileLinearSet([], 'letters')).toBeUndefined();
  });
});
