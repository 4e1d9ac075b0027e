/**
 * The metadata cleaner on free text written apart from the generator: ages over 89 in many
 * phrasings, addresses, phones in several national formats, e-mails, URLs, IDs, dates in every
 * common format, names by cue words, and clinical descriptions whose every word must stay.
 */
import { describe, expect, it } from 'vitest';
import { makeTextCleaner } from '../../lib/metadata/clean-text.js';
import { DEFAULT_REGEX } from '../../lib/rules/default-rules.js';
import { AGE_CASES, ALL_FREE_TEXT_CASES, CLINICAL_CASES, NAME_CASES, SHAPE_CASES, type FreeTextCase } from '../fixtures/free-text-cases.js';

const REFERENCE = new Date('2024-06-01');
const cleanCase = (c: FreeTextCase) =>
  makeTextCleaner({ values: (c.header ?? []).map((h) => ({ ...h, source: 'header' })) }, DEFAULT_REGEX, { referenceDate: REFERENCE })(c.text).text;
const wordIn = (word: string, text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** PHI strings left and keep-words lost over a set of cases. */
function score(cases: FreeTextCase[]) {
  let phi = 0;
  let phiLeft = 0;
  let keep = 0;
  let kept = 0;
  const problems: string[] = [];
  for (const c of cases) {
    const out = cleanCase(c);
    for (const p of c.phi) {
      phi++;
      if (out.toLowerCase().includes(p.toLowerCase())) {
        phiLeft++;
        problems.push(`${JSON.stringify(c.text)} → ${JSON.stringify(out)} keeps ${JSON.stringify(p)}`);
      }
    }
    for (const w of c.keep) {
      keep++;
      if (wordIn(w, out)) kept++;
      else problems.push(`${JSON.stringify(c.text)} → ${JSON.stringify(out)} lost ${JSON.stringify(w)}`);
    }
  }
  return { phi, phiLeft, keep, kept, problems };
}

describe('free text cleaned by what it says', () => {
  it.each([
    ['ages over 89 in any phrasing, digits or words, any unit', AGE_CASES],
    ['addresses, phones, e-mails, URLs, IDs and dates by their shape', SHAPE_CASES],
    ['names by cue words or header values, clinical words kept', NAME_CASES],
    ['clinical descriptions: every word kept', CLINICAL_CASES],
  ] as const)('%s', (_, cases) => {
    const s = score(cases);
    expect(s.problems).toEqual([]);
  });

  it('leaves 0 PHI and keeps 100% of description words over the whole set', () => {
    const s = score(ALL_FREE_TEXT_CASES);
    expect(s.phi).toBeGreaterThanOrEqual(90);
    expect(s.phiLeft).toBe(0);
    expect(s.kept / s.keep).toBe(1);
  });

  it('writes ages over 89 as the 90+ category and keeps younger ages as written', () => {
    const clean = makeTextCleaner({ values: [] }, []);
    expect(clean('91 y/o female').text).toBe('90+ y/o female');
    expect(clean('ninety-three year old man').text).toBe('90+ year old man');
    expect(clean('Age: 93').text).toBe('Age: 90+');
    expect(clean('45 y/o male').text).toBe('45 y/o male');
  });

  it('leaves readable text: no dangling labels, connectors, brackets or punctuation', () => {
    for (const c of ALL_FREE_TEXT_CASES) {
      const out = cleanCase(c);
      expect(out, c.text).not.toMatch(/^[\s,;:.\-/]|[\s,;:\-/]$|[,;:]\s*[,;:.]|\(\s*\)|\s{2}/);
      expect(out, c.text).not.toMatch(/\b(?:at|for|by|contact|tel|phone|e-?mail|MRN|DOB)\s*[:#]?\s*$/i);
    }
    const clean = makeTextCleaner({ values: [] }, []);
    expect(clean('Pt lives at 12 Oak Street, Springfield, IL 62704; contact 555-201-3344 or jd@mail.com').text).toBe('Pt');
    expect(clean('MR BRAIN W/WO CONTRAST for Jane Doe (555) 123-4567. No bleed.').text).toBe('MR BRAIN W/WO CONTRAST. No bleed.');
    // a letter labelling a phone goes with it, and the bars between removed numbers; `Hepatitis C` keeps its letter
    expect(clean('T 020 7946 0123 | F 020 7946 0124').text).toBe('');
    expect(clean('Radiology | T 020 7946 0123 | Ward 4').text).toBe('Radiology | Ward 4');
    expect(clean('Hepatitis C 555-201-3344').text).toBe('Hepatitis C');
  });

  it('cleans a text an earlier file had by what this file holds: its header names and its study year', () => {
    const at = (year: string, values: Array<{ value: string; category: 'A'; vr: string }> = []) =>
      makeTextCleaner({ values: values.map((v) => ({ ...v, source: 'header' })) }, DEFAULT_REGEX, { referenceDate: new Date(`${year}-06-01`) });
    // Without a header name it is a word; where the header names a Wendover, it goes, however often it was seen before.
    expect(at('2024')('XR HAND WENDOVER').text).toBe('XR HAND WENDOVER');
    expect(at('2024')('XR HAND WENDOVER').text).toBe('XR HAND WENDOVER');
    expect(at('2024', [{ value: 'WENDOVER^ALICE', category: 'A', vr: 'PN' }])('XR HAND WENDOVER').text).toBe('XR HAND');
    expect(at('2024')('XR HAND WENDOVER').text).toBe('XR HAND WENDOVER');
    // A text read first where it holds the file's name, then in files where it holds none of theirs.
    const note = 'Reviewed by Wendover; XR HAND 555-201-3344';
    expect(at('2024', [{ value: 'WENDOVER^ALICE', category: 'A', vr: 'PN' }])(note).text).toBe('Reviewed; XR HAND');
    expect(at('2024')(note).text).toBe('Reviewed by Wendover; XR HAND');
    expect(at('2024', [{ value: 'HOLLOWAY^ALICE', category: 'A', vr: 'PN' }])(note).text).toBe('Reviewed by Wendover; XR HAND');
    // A birth year gives an age over 89 from a 2024 study, not from a 1990 one.
    expect(at('1990')('born 1930').text).toBe('born 1930');
    expect(at('2024')('born 1930').text).toBe('');
    expect(at('1990')('born 1930').text).toBe('born 1930');
  });

  it('takes a weak unit of years after a name it found as an age: the name names the person, as a title would', () => {
    const header = makeTextCleaner({ values: [{ value: 'Zielińska^Halina', category: 'A', vr: 'PN', source: 'header' }] }, DEFAULT_REGEX);
    expect(header('Zielińska Halina, 93 l.; upadek ze schodów').text).toBe('90+ l.; upadek ze schodów');
    expect(header('Skierowanie: Halina Zielińska, lat 94').text).toBe('Skierowanie, lat 90+');
    // Without the unit, below 90, or a ratio: the number stays.
    expect(header('Zielińska Halina, 93').text).toBe('93');
    expect(header('Zielińska Halina, 88 l.; upadek').text).toBe('88 l.; upadek');
    expect(header('Zielińska Halina, 93 l/min O2').text).toBe('93 l/min O2');
    // Without the name in the header, the same unit alone is no unit of age.
    expect(makeTextCleaner({ values: [] }, DEFAULT_REGEX)('kontrola 93 l.; upadek').text).toBe('kontrola 93 l.; upadek');
  });

  it("takes a relative's or carer's name after the rules' kinship cues, and only after those", () => {
    const curated = makeTextCleaner({ values: [] }, DEFAULT_REGEX);
    expect(curated('History from daughter (Marisol) by phone').text).toBe('History from daughter by phone');
    expect(curated('lives with shipmate (Tarquin)').text).toBe('lives with shipmate (Tarquin)');
    // A site adds `shipmate`: its name goes, in a cleaner of the same vocabulary and patterns (remembered apart).
    const site = makeTextCleaner({ values: [] }, DEFAULT_REGEX, { kinshipCues: ['shipmate'] });
    expect(site('lives with shipmate (Tarquin)').text).toBe('lives with shipmate');
    expect(site('History from daughter (Marisol) by phone').text).toBe('History from daughter (Marisol) by phone');
    expect(curated('lives with shipmate (Tarquin)').text).toBe('lives with shipmate (Tarquin)');
  });

  it("takes a staff member's name after the rules' staff roles, and only after those", () => {
    const curated = makeTextCleaner({ values: [] }, DEFAULT_REGEX);
    expect(curated('Sonographer: Wojciechowska. Views complete.').text).not.toMatch(/Wojciechowska/);
    expect(curated('Perfusionist: Wojciechowska. Bypass uneventful.').text).toMatch(/Wojciechowska/);
    // A site lists `perfusionist`: the name after it goes; its list replaces the default (remembered apart).
    const site = makeTextCleaner({ values: [] }, DEFAULT_REGEX, { staffRoles: ['PERFUSIONIST'] });
    expect(site('Perfusionist: Wojciechowska. Bypass uneventful.').text).toBe('Perfusionist. Bypass uneventful.');
    expect(site('Sonographer: Wojciechowska. Views complete.').text).toMatch(/Wojciechowska/);
    expect(curated('Perfusionist: Wojciechowska. Bypass uneventful.').text).toMatch(/Wojciechowska/);
  });

  it('gives every case the same answer whichever cases were cleaned before it', () => {
    const forward = ALL_FREE_TEXT_CASES.map(cleanCase);
    const backward = [...ALL_FREE_TEXT_CASES].reverse().map(cleanCase).reverse();
    expect(backward).toEqual(forward);
    // Each case again after a file without header values cleaned every text first.
    const bare = makeTextCleaner({ values: [] }, DEFAULT_REGEX, { referenceDate: REFERENCE });
    ALL_FREE_TEXT_CASES.forEach((c) => bare(c.text));
    expect(ALL_FREE_TEXT_CASES.map(cleanCase)).toEqual(forward);
  });
});
