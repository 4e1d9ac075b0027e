import { describe, expect, it } from 'vitest';
import { matchesOf } from '../../lib/regex-matches.js';

/** What a caller reads of a match: where, the text, the groups. */
const seen = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => ({ index: m.index, groups: [...m] }));

describe('matchesOf (the matches of a text check, found without a copy of its regex)', () => {
  const cases: Array<[RegExp, string]> = [
    [/\d+/g, 'MRN 123 and 4567'],
    [/(?<![\p{L}\p{N}])(\p{Lu})\.\s?(\p{Lu})\.(?![\p{L}\p{N}])/giu, 'J. D. and j.d. but not XJ.D.'],
    // Empty matches step one character, a whole surrogate pair with the u flag.
    [/x*/g, 'axxb😀c'],
    [/x*/gu, 'axxb😀c'],
    [/(?:)/gu, '😀😀'],
    [/\b/g, 'two words'],
    [/[\p{L}\p{N}]+/gu, 'Zoë 42 ÅNGSTRÖM'],
  ];
  it.each(cases)('gives what matchAll gives: %s', (re, text) => {
    expect(seen(matchesOf(re, text))).toEqual(seen(text.matchAll(re)));
  });

  it('starts where the regex stands and leaves it there, as matchAll does', () => {
    const re = /\d/g;
    re.lastIndex = 2;
    expect(seen(matchesOf(re, '1234'))).toEqual(seen('1234'.matchAll(re)));
    expect(re.lastIndex).toBe(2);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => matchesOf(/\d/, '1')).toThrow(TypeError);
  });
});
