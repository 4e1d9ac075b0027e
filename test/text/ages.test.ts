/**
 * The reference year and ages over 89: the text cleaner remembers a text's ages for every study year
 * when `agesDependOnYear` says the year cannot change them, so that must hold for every phrasing.
 */
import { describe, expect, it } from 'vitest';
import { agesDependOnYear, findAgesOver89 } from '../../lib/text/ages.js';
import { ALL_FREE_TEXT_CASES } from '../fixtures/free-text-cases.js';

const YEARS = [undefined, 1890, 1950, 1990, 2000, 2024, 2060, 2100];

const TEXTS = [
  ...ALL_FREE_TEXT_CASES.map((c) => c.text),
  'born 1930',
  'b. 1925, 91 y/o female',
  'YOB: 1931',
  'DOB 1899 per chart',
  'date of birth 2020',
  'birth year 1924; aged 96',
  'Follow-up of 2019 study, 93yo M',
  'CT 1930 protocol',
  'in her nineties, born nineteen thirty',
  'centenarian',
  '092Y',
  'XR CHEST 1 VIEW PORTABLE (WINTERBOTTOM)',
];

describe('ages over 89 and the study year', () => {
  it('finds the same ages in any study year in a text that holds no birth year', () => {
    for (const text of TEXTS) {
      if (agesDependOnYear(text)) continue;
      const first = findAgesOver89(text, YEARS[0]);
      for (const year of YEARS) expect(findAgesOver89(text, year), `${text} in ${year}`).toEqual(first);
    }
  });

  it.each(['Retired teacher, 96M.', 'Seen today; F/93.', 'Wheelchair user, 91F. Lives alone', 'pt M-97.'])('finds an age written with the sex at the end of a sentence, %j', (text) => {
    expect(findAgesOver89(text).map((a) => a.replacement)).toEqual(['90+']);
  });

  it.each(['now 97 presenting with hip pain', 'Now 92, admitted after a fall', 'still 95 and reports dizziness'])('finds an age after now or still beside a word of coming to care, %j', (text) => {
    expect(findAgesOver89(text).map((a) => a.replacement)).toEqual(['90+']);
  });

  it.each(['HR now 96 presenting in AF', 'Temp 98.6F.', 'Aspirin 81 mg. Pt 56F.', 'See page F/12.'])('keeps a temperature, or an age under 90, before a full stop, %j', (text) => {
    expect(findAgesOver89(text)).toEqual([]);
  });

  it('judges a birth year against each study year', () => {
    expect(agesDependOnYear('born 1930')).toBe(true);
    expect(findAgesOver89('born 1930', 2024)).toHaveLength(1);
    expect(findAgesOver89('born 1930', 1990)).toHaveLength(0);
    expect(agesDependOnYear('b. 1925, 91 y/o female')).toBe(true);
    expect(findAgesOver89('b. 1925, 91 y/o female', 2024).map((a) => a.replacement)).toEqual(['', '90+']);
    expect(findAgesOver89('b. 1925, 91 y/o female', 2000).map((a) => a.replacement)).toEqual(['90+']);
  });
});
