import { describe, expect, it } from 'vitest';
import { createLocalPhiDetector } from '../../lib/engines/local/phi.js';
import { agesAfterNames } from '../../lib/engines/local/age-after-name.js';
import { isValueHead, valueHead } from '../../lib/engines/local/value-heads.js';
import type { IdentityContext, PhiFinding, TextSpan } from '../../lib/engines/types.js';
import { institutionKindWord } from '../../lib/text/shapes.js';
import { readLine } from './read-line.js';

/** A header of invented values: a patient of 96 (born 1928), an institution with kind words, and a physician. */
function header({ age = true, institution = 'St Elspeth Moor Hospital' } = {}): IdentityContext {
  return {
    values: [
      { value: 'MARCHBANK^TOVE^R', category: 'A', source: 'PatientName', vr: 'PN' },
      { value: '19280114', category: 'C', source: 'PatientBirthDate', vr: 'DA' },
      { value: '20240611', category: 'C', source: 'StudyDate', vr: 'DA' },
      ...(age ? [{ value: '096Y', category: 'C' as const, source: 'PatientAge', vr: 'AS' }] : []),
      { value: 'GRIERSON^ALISTAIR', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' },
      { value: institution, category: 'B', source: 'InstitutionName', vr: 'LO' },
    ],
  };
}
const phi = createLocalPhiDetector();
const found = (text: string, context = header()): Promise<PhiFinding[]> => phi.detect([readLine(text, { confidence: 85 })], context);
const texts = async (text: string, context = header()) => (await found(text, context)).map((f) => f.text);

describe('an age over 89 bare after the patient name', () => {
  it.each(['MARCHBANK T 96', 'MARCHBANK T 96 F', 'Marchbank, Tove 096', 'Name: MARCHBANK TOVE R 96'])('finds the header age after the name: %j', async (text) => {
    expect((await found(text)).some((f) => f.category === 'C' && /^0?96$/.test(f.text))).toBe(true);
  });

  it('finds any age from 90 after the name when the header holds none, reckoned or not', async () => {
    const context = { values: header({ age: false }).values.filter((v) => v.source !== 'PatientBirthDate') };
    expect(await texts('MARCHBANK T 93 F', context)).toContain('93');
  });

  it.each(['MARCHBANK T 96 kg', 'MARCHBANK T 96.5', 'MARCHBANK T 72', 'GRIERSON A 96', 'Tilt 96'])('takes no measure, young age or other person\'s number for an age: %j', async (text) => {
    expect((await found(text)).filter((f) => f.category === 'C')).toEqual([]);
  });

  it('reads the number only right after a name part, a comma at most between', () => {
    expect(agesAfterNames('DOE J 97 F', 'DOE J 97 F', [{ begin: 0, end: 3 }, { begin: 4, end: 5 }], [])).toEqual([{ begin: 6, end: 8, header: false }]);
    expect(agesAfterNames('DOE 97 JANE', 'DOE 97 JANE', [{ begin: 0, end: 3 }, { begin: 7, end: 11 }], ['97'])).toEqual([]);
    expect(agesAfterNames('DOE J 140', 'DOE J 140', [{ begin: 4, end: 5 }], [])).toEqual([]);
  });
});

describe('an institution in short forms', () => {
  it.each(['SEM', 'SEMH', 'Radiology SEM', 'SEMH Imaging'])('finds its initials with or without its kind words, beside a department: %j', async (text) => {
    expect((await found(text)).some((f) => f.category === 'B' && /^SEMH?$/.test(f.text))).toBe(true);
  });

  it('finds its initials past a kind word that opens it and its connectives', async () => {
    expect(await texts('CSAL', header({ institution: 'Clinique Saint Aubrac du Lac' }))).toContain('CSAL');
    expect(await texts('SAL', header({ institution: 'Clinique Saint Aubrac du Lac' }))).toContain('SAL');
  });

  it('takes no two letters for initials: a name of two distinctive words and a kind word keeps its whole initials only', async () => {
    expect(await texts('EN', header({ institution: 'Echeverria Norte Clinic' }))).toEqual([]);
  });

  it.each([['ECHE', 'Echeverria Norte Clinic'], ['ST ELSP', 'St Elspeth Moor Hospital'], ['MOUNT TOLL', 'Mount Tolland Vale Medical Centre']])('finds it cut short by its field, the whole line: %j', async (text, institution) => {
    expect(await texts(text, header({ institution }))).toEqual([text]);
  });

  it('takes no cut that stops short of its first distinctive word, and no line holding more than the cut', () => {
    const head = valueHead(['Hospital', 'of', 'St', 'Corwen'], (w) => w.length >= 4 && !institutionKindWord(w))!;
    expect(isValueHead('HOSPITAL OF S', head)).toBe(false);
    expect(isValueHead('HOSPITAL OF ST CORW', head)).toBe(true);
    expect(isValueHead('ECHE 12', valueHead(['Echeverria', 'Norte'], () => true)!)).toBe(false);
  });

  it.each([['Hospital', true], ['INFIRMARY', true], ['Clinique', true], ['Klinikum', true], ['Medical', true], ['Elspeth', false], ['Moor', false]])('tells a kind word of an institution from a name: %j', (word, kind) => {
    expect(institutionKindWord(word)).toBe(kind);
  });
});

describe('a town and a postcode on form lines', () => {
  const lines = (rows: Array<[string, number]>): TextSpan[] => rows.map(([text, top]) => readLine(text, { top, confidence: 85 }));
  const foundOn = async (rows: Array<[string, number]>) => {
    const f = await phi.detect(lines(rows), { values: [] });
    return rows.map(([, top]) => f.filter((x) => x.location === `line ${top}`).map((x) => x.text).join(' | '));
  };

  it.each(['PLZ/Ort: 91746 Weidenbach', 'Town/Postcode: Dunmere PL31 4HX', 'CP/Ville: 35210 Saint-Orvel', 'City/ZIP: Marlow Heights MD 20748', 'Ort: Weidenbach', 'CP: 35210'])('finds the value of a joined or short town and postcode label: %j', async (text) => {
    const [line] = await foundOn([[text, 10]]);
    expect(line).toMatch(/\d|Weidenbach/);
  });

  it('finds the town line under a street field and a postcode under an unread line', async () => {
    const f = await foundOn([['StraBe: Lindenweg 4', 10], ['Weidenbach', 24], ['Exam: CT CHEST', 38]]);
    expect(f.slice(0, 2)).toEqual(['Lindenweg 4', 'Weidenbach']);
    expect(f[2]).toBe('');
    const unread = await foundOn([['14 Larkspur Crescent', 10], ['PL31 4HX', 38]]);
    expect(unread[1]).toBe('PL31 4HX');
  });

  it('goes on down an address when any of two readings of one row is part of it', async () => {
    const f = await foundOn([['ul. Jaworowa 6', 10], ['70', 24], ['62-310', 25], ['LAT', 40]]);
    expect(f[2]).toBe('62-310');
    expect(f[3]).toBe('');
  });

  it.each(['CP: 2', 'PIN: 12', 'CAP: 1 of 3'])('takes no short value after a postcode label that names other things: %j', async (text) => {
    expect(await foundOn([[text, 10]])).toEqual(['']);
  });
});
