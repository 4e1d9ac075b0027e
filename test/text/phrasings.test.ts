/**
 * The metadata cleaner on a broad table of phrasings written for generality (test/text/phrasings.ts):
 * names without cue words, institutions whose name does not end in an institution noun, phones in
 * national and international forms, ages over 89 in digits and words, IDs after any number label; and
 * clinical text (eponyms, makers, protocols, views, units, younger ages) that must come out unchanged. Also the project's
 * own sample descriptions, whose clinical part must survive.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_SPECS } from '../../lib/samples/specs.js';
import { AGE_PHRASINGS, CLINICAL_TEXTS, ID_PHRASINGS, INSTITUTION_PHRASINGS, LANGUAGE_PHRASINGS, MIXED_PHRASINGS, NAME_PHRASINGS, ORGANISATION_PHRASINGS, PHONE_PHRASINGS, POSTCODE_TOWN_PHRASINGS } from './phrasings.js';
import { scorePhrasings, scoreUnchanged } from './score-phrasings.js';

describe('free-text phrasings the detectors were not written around', () => {
  it.each([
    ['names in running text without a cue word, lists and signatures', NAME_PHRASINGS],
    ['institutions named by prefix, suffix, shortened or non-English forms', INSTITUTION_PHRASINGS],
    ['phones in international, national, dotted, spaced and extension forms', PHONE_PHRASINGS],
    ['ages over 89 in digits, words, units and languages', AGE_PHRASINGS],
    ['notes mixing several kinds in sentences', MIXED_PHRASINGS],
    ['IDs in digit groups after a number label, whatever the noun before it', ID_PHRASINGS],
    ["a postcode and its town with no street before them, in several countries' forms", POSTCODE_TOWN_PHRASINGS],
    ['an organisation named by a name and a specialty after a referral or place cue', ORGANISATION_PHRASINGS],
    ["a language after an interpreter's label, then the person: the language stays", LANGUAGE_PHRASINGS],
  ] as const)('%s: every identifying string goes, every other word stays', (_, cases) => {
    const s = scorePhrasings(cases);
    expect(s.total).toBeGreaterThanOrEqual(15);
    expect(s.problems).toEqual([]);
  });

  it('clinical text comes out unchanged: eponyms, makers, protocols, sequences, views, units, ages of 89 and below', () => {
    const s = scoreUnchanged(CLINICAL_TEXTS);
    expect(s.total).toBeGreaterThanOrEqual(150);
    expect(s.problems).toEqual([]);
  });

  it("the project's sample descriptions keep every clinical word", () => {
    const texts = [...new Set(SAMPLE_SPECS.flatMap((s) => [s.studyDescription, `${s.bodyPart} ${s.modality}`]))];
    expect(scoreUnchanged([...texts, 'Synthetic Sample Generator', 'PHI Phantom', 'Burned-in demographics.']).problems).toEqual([]);
  });
});
