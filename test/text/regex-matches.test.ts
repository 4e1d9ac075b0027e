import { describe, expect, it } from 'vitest';
import { matchesOf } from '../../lib/text/regex-matches.js';
import { TEXT_SHAPES } from '../../lib/text/shapes.js';

/** What `matchAll` gives: the matched text, index and groups of each match. */
const plain = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => ({ at: m.index, text: [...m] }));

describe('matchesOf (the matches of a shared global regex, as matchAll gives them)', () => {
  it('gives every match with its index and groups, in order, as matchAll does', () => {
    const re = /(\d+)-(\d+)?/g;
    const text = 'call 555-1234 or 12- now, then 7-8';
    expect(plain(matchesOf(re, text))).toEqual(plain(text.matchAll(re)));
    expect(plain(matchesOf(re, text)).map((m) => m.at)).toEqual([5, 17, 31]);
  });

  it('starts from the beginning whatever lastIndex an earlier search left, and leaves it at 0', () => {
    const re = /a/g;
    re.lastIndex = 3;
    expect(matchesOf(re, 'aaaa')).toHaveLength(4);
    expect(re.lastIndex).toBe(0);
  });

  it('moves past empty matches by one character, by one code point with the u flag (no endless loop, no split pair)', () => {
    const text = 'a😀b';
    for (const re of [/x*/g, /x*/gu, /(?:)/g]) expect(plain(matchesOf(re, text))).toEqual(plain(text.matchAll(re)));
    expect(matchesOf(/x*/gu, text).map((m) => m.index)).toEqual([0, 1, 3, 4]);
  });

  it('finds what matchAll finds with every text shape (phones, dates, places, IDs)', () => {
    const text = 'Seen 03/04/2021 by Dr. Ann Lee at St. Mary\'s Hospital, 12 Main Street, Springfield, IL 62704; tel 555-123-4567 x1234; MRN A1234567; ann.lee@example.org';
    let found = 0;
    for (const shape of TEXT_SHAPES) {
      shape.re.lastIndex = 0;
      const matches = plain(matchesOf(shape.re, text));
      expect(matches, shape.kind).toEqual(plain(text.matchAll(shape.re)));
      found += matches.length;
    }
    expect(found).toBeGreaterThanOrEqual(6);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(TypeError);
  });
});
