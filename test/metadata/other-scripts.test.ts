/**
 * The metadata cleaner on names and phones in other scripts and national layouts (test/fixtures/other-script-cases.ts):
 * header names in CJK, Hangul, Kana and Thai as text writes them, Latin names glued to CJK text, cue words in other
 * languages, other countries' phone layouts; the clinical numbers beside them stay.
 */
import { describe, expect, it } from 'vitest';
import { makeTextCleaner } from '../../lib/metadata/clean-text.js';
import { DEFAULT_REGEX } from '../../lib/rules/default-rules.js';
import type { FreeTextCase } from '../fixtures/free-text-cases.js';
import { NATIONAL_PHONE_CASES, OTHER_CUE_CASES, SCRIPT_CLINICAL_CASES, SCRIPT_NAME_CASES } from '../fixtures/other-script-cases.js';

const REFERENCE = new Date('2024-06-01');
const cleanCase = (c: FreeTextCase) =>
  makeTextCleaner({ values: (c.header ?? []).map((h) => ({ ...h, source: 'header' })) }, DEFAULT_REGEX, { referenceDate: REFERENCE })(c.text).text;
/** Scripts written without spaces between words: a word of theirs is kept when its characters are. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Hangul}]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word kept whole: a Latin word may touch characters of other scripts (`CT胸部`). */
const kept = (word: string, text: string) =>
  UNSPACED.test(word) ? text.includes(word) : new RegExp(`(?<![\\p{sc=Latin}\\p{N}])${escape(word)}(?![\\p{sc=Latin}\\p{N}])`, 'u').test(text);

function problems(cases: FreeTextCase[]): string[] {
  const out: string[] = [];
  for (const c of cases) {
    const cleaned = cleanCase(c);
    for (const p of c.phi) if (cleaned.toLowerCase().includes(p.toLowerCase())) out.push(`${JSON.stringify(c.text)} → ${JSON.stringify(cleaned)} keeps ${JSON.stringify(p)}`);
    for (const w of c.keep) if (!kept(w, cleaned)) out.push(`${JSON.stringify(c.text)} → ${JSON.stringify(cleaned)} lost ${JSON.stringify(w)}`);
  }
  return out;
}

describe('names and phones in other scripts and national layouts', () => {
  it.each([
    ['header names in CJK, Kana, Hangul and Thai, and Latin names glued to CJK text', SCRIPT_NAME_CASES],
    ['names after cue words in other languages', OTHER_CUE_CASES],
    ['phones in other national layouts and after their cue words', NATIONAL_PHONE_CASES],
    ['clinical numbers and words beside them: every one kept', SCRIPT_CLINICAL_CASES],
  ] as const)('%s', (_, cases) => {
    expect(problems(cases)).toEqual([]);
  });
});
