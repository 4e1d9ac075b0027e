import { describe, expect, it } from 'vitest';
import { createLocalPhiDetector, keepListMatcher } from '../../lib/engines/local/phi.js';
import type { IdentityContext, PhiFinding, TextSpan } from '../../lib/engines/types.js';

/** A header with an operator and a birth date, and the age a screen shows beside it (over 89 when `age` says so). */
function header(age?: string): IdentityContext {
  return {
    values: [
      { value: 'HALVORSEN^INGRID^T', category: 'A', source: 'PatientName', vr: 'PN' },
      { value: '19340611', category: 'C', source: 'PatientBirthDate', vr: 'DA' },
      { value: 'QX-7719304', category: 'H', source: 'PatientID', vr: 'LO' },
      { value: 'TREMAINE^OSWALD', category: 'A', source: 'OperatorsName', vr: 'PN' },
      { value: '20240302', category: 'C', source: 'StudyDate', vr: 'DA' },
      ...(age ? [{ value: age, category: 'C' as const, source: 'PatientAge', vr: 'AS' }] : []),
    ],
  };
}
const phi = createLocalPhiDetector();
const found = (text: string, context = header()): Promise<PhiFinding[]> => phi.detect([{ text, location: 'screen' }], context);
const { isKept } = keepListMatcher();

describe('screen text that only looks like PHI', () => {
  it.each(['Dose 23.2 uGy*m2', 'DOSE 4.71 uGy*m2', 'Dose 12.0 mGy', 'Dosage 3 ml', 'Dates 2'])('takes no label of a date inside a word: %j', async (text) => {
    expect((await found(text)).map((f) => f.text)).toEqual([]);
  });

  it.each(['DOS 12.03.2024', 'Date: 03.02.2024', 'DOB 11.06.1934'])('still reads a date after a whole date label: %j', async (text) => {
    expect((await found(text)).some((f) => f.category === 'C')).toBe(true);
  });

  it.each(['034Y', '061Y', '034Y F', 'M 061Y', '63 J.', '58 Jahre', 'Alter 74Y', 'Alter: 47', 'Age 30y', 'AGE 08Y', '41 ans', '018M', 'Edad 52'])(
    'keeps an age of 89 or under in a console form: %j',
    async (text) => {
      expect(isKept(text.toUpperCase())).toBe(true);
      expect((await found(text)).map((f) => f.text)).toEqual([]);
    },
  );

  it.each(['091Y', '093Y F', '93 J.', 'Alter 95', 'Alter 91Y', '92 Jahre', 'Age: 097Y', '90 ans'])('finds an age over 89 in a console form: %j', async (text) => {
    expect(isKept(text.toUpperCase())).toBe(false);
    const ages = (await found(text)).filter((f) => f.category === 'C');
    expect(ages.length).toBeGreaterThan(0);
  });

  it('finds the header\'s own age over 89 in a German console form', async () => {
    const f = await found('Alter 90 J.', header('090Y'));
    expect(f.some((x) => x.category === 'C' && /90/.test(x.text))).toBe(true);
  });

  it.each(['F093Y', '093YF', '093Y/M', '93 YM', 'M0093Y', '0D93Y'])('finds the header\'s age over 89 run into the sex letter or padded, and boxes the whole word: %j', async (text) => {
    const words = text.split(' ').map((w, i) => ({ text: w, confidence: 90, kind: 'word' as const, lineIndex: 0, box: { left: 10 + 40 * i, top: 20, width: 6 * w.length, height: 10 } }));
    const f = (await phi.detect([{ text, location: 'screen', words }], header('093Y'))).filter((x) => x.category === 'C');
    expect(f.length).toBeGreaterThan(0);
    // The box covers every word the age is read in (the sex letter and the padding zeros with it).
    const last = words[words.length - 1].box;
    expect(f.some((x) => x.box?.left === 10 && x.box.left + x.box.width === last.left + last.width)).toBe(true);
  });

  it.each(['094YF', '091YM', '096Y/F'])('finds an age over 89 run into the sex letter without a header age: %j', async (text) => {
    expect((await found(text)).filter((f) => f.category === 'C').length).toBeGreaterThan(0);
  });

  it('ends a birth date\'s value at the age and sex after it, in console forms', async () => {
    for (const text of ['DOB 11.06.1934 089Y F', 'Geb. 11.06.1934 63 J. M']) {
      const dates = (await found(text)).filter((f) => f.category === 'C');
      expect(dates.length).toBeGreaterThan(0);
      expect(dates.every((d) => !/Y F|J\. M/.test(d.text))).toBe(true);
    }
  });
});

describe('technical words consoles print beside identity', () => {
  it.each(['PSV 128.6 cm/s', 'EDV 37.9 cm/s', 'RI 0.68', 'PI 1.41', 'S/D 2.90', 'Vmax 96.3 cm/s', 'TAMAX 22.4 cm/s', 'HR 72 bpm', 'DI -0.7', 'EXI 388', 'DAP 7.34 dGy*cm2', 'Frame 17/48', 'Frm 3/120', 'OD  14:02', 'OS 09:41', 'Tc-99m', 'I-123', 'Tl-201', 'Cine', 'cm/s'])(
    'takes them for harmless annotation, which vouches for a line read with doubt: %j',
    async (text) => {
      expect(isKept(text.toUpperCase())).toBe(true);
      expect((await found(text)).map((f) => f.text)).toEqual([]);
    },
  );

  it.each(['F  47Y', 'M / 63 J.', 'F/034Y', '47Y, F', 'M | 58 Jahre', 'F21Y', '23YF'])('keeps the sex letter beside an age of 89 or under, a slash or comma between them or nothing: %j', async (text) => {
    expect(isKept(text.toUpperCase())).toBe(true);
    expect((await found(text)).map((f) => f.text)).toEqual([]);
  });

  it.each(['M / 93 J.', 'F/091Y', '95Y, F', 'F91Y', '93YF'])('still finds an age over 89 beside the sex letter: %j', async (text) => {
    expect(isKept(text.toUpperCase())).toBe(false);
    expect((await found(text)).some((f) => f.category === 'C')).toBe(true);
  });

  it.each(['Op: OD', '14:22  OD', 'Tech: PI'])('still finds a header person\'s initials after a cue though they spell such a word: %j', async (text) => {
    const context: IdentityContext = { values: [...header().values, { value: 'DUNMORE^OLIVE', category: 'A', source: 'PerformingPhysicianName', vr: 'PN' }, { value: 'ILLINGWORTH^PETRA', category: 'A', source: 'OperatorsName', vr: 'PN' }] };
    const initials = text.slice(-2);
    expect((await found(text, context)).some((f) => f.text.includes(initials))).toBe(true);
  });
});

describe('texture read as a label', () => {
  /** One word read alone at `confidence`, boxed as a small word of an ultrasound frame. */
  const word = (text: string, confidence: number): TextSpan => {
    const box = { left: 140, top: 300, width: 11, height: 9 };
    return { text, location: 'frame', box, words: [{ text, confidence, kind: 'word', lineIndex: 0, box }] };
  };

  it('does not fail closed on a label read with almost no confidence and nothing after it (speckle)', async () => {
    expect(await phi.detect([word('pid,', 18)], header())).toEqual([]);
  });

  it('still fails closed on a label read with some confidence whose value was not read', async () => {
    const f = await phi.detect([word('PID:', 55)], header());
    expect(f.map((x) => x.type)).toContain('LABELLED_VALUE');
  });

  it('still takes a value read after a label read with almost no confidence', async () => {
    const box = (left: number, width: number) => ({ left, top: 300, width, height: 9 });
    const span: TextSpan = {
      text: 'pid: 4419307',
      location: 'frame',
      box: box(140, 80),
      words: [
        { text: 'pid:', confidence: 15, kind: 'word', lineIndex: 0, box: box(140, 20) },
        { text: '4419307', confidence: 80, kind: 'word', lineIndex: 0, box: box(166, 54) },
      ],
    };
    expect((await phi.detect([span], header())).some((x) => x.text.includes('4419307'))).toBe(true);
  });
});

describe('burned-in PHI the header does not spell out (issue 8)', () => {
  /** Lines of words 7 px a character, each line `[text, top, left]`, as OCR gives a form's rows. */
  const lines = (rows: Array<[string, number, number?]>): TextSpan[] =>
    rows.map(([text, top, left = 10]) => {
      let x = left;
      const words = text.split(' ').map((w) => {
        const box = { left: x, top, width: 7 * w.length, height: 11 };
        x += 7 * w.length + 7;
        return { text: w, confidence: 85, kind: 'word' as const, lineIndex: top, box };
      });
      return { text, location: `line ${top}`, box: { left, top, width: x - 7 - left, height: 11 }, words };
    });
  const foundOn = async (rows: Array<[string, number, number?]>, context = header()) => {
    const f = await phi.detect(lines(rows), context);
    return rows.map(([, top]) => f.filter((x) => x.location === `line ${top}`).map((x) => x.text).join(' | '));
  };

  it.each(['Prior exam 12. März', 'Vorbefund vom 3. listopadu', 'Compared with 7 Mar', 'Last seen the 14th of June', 'Birthday: 3rd May', 'Previous Oct 21', '28 juin'])(
    'finds a day and a month without a year, which the header does not hold: %j',
    async (text) => {
      const dates = (await found(text)).filter((f) => f.category === 'C');
      expect(dates.length).toBeGreaterThan(0);
      expect(dates.map((f) => f.text).join(' ')).toMatch(/\d/);
    },
  );

  it.each(['Mag 2.0', 'SET 3', 'Gain 52', 'Image 12 of 240', 'Se 3 Im 12', 'Sat 80%'])('takes no technique value for a day and a month: %j', async (text) => {
    expect((await found(text)).filter((f) => f.category === 'C')).toEqual([]);
  });

  it('finds the lines of an address under its label until the next label, the label alone on its line', async () => {
    const f = await foundOn([['Address:', 10], ['27 Quarry Bank Row', 24, 80], ['Hollins Cross', 38, 80], ['Sheffield S11 7QB', 52, 80], ['Tel: 0114 496 0178', 66], ['Exam: CT CHEST', 80]]);
    expect(f.slice(1, 4)).toEqual(['27 Quarry Bank Row', 'Hollins Cross', 'Sheffield S11 7QB']);
    expect(f[5]).toBe('');
  });

  it('finds the lines of an address after its labelled first line, and a district line under a street line', async () => {
    const f = await foundOn([['Address: 9 Anna Salai Road', 10], ['Teynampet, Chennai', 24, 66], ['Tamil Nadu 600018', 38, 66], ['Modality: CT', 52]]);
    expect(f[1]).toBe('Teynampet, Chennai');
    expect(f[2]).toContain('Tamil Nadu 600018');
    expect(f[3]).toBe('');
    const street = await foundOn([['318 Wexcombe Lane', 10], ['Ardwick District', 24], ['AX T2 FSE', 38]]);
    expect(street).toEqual(['318 Wexcombe Lane', 'Ardwick District', '']);
  });

  it.each(['r.okafor&mailhost.net', 'tomas.b©postbox.org', 'lidia.k(a)example.com', 'hal.vorsen_1amailbox.co.uk'])('finds an e-mail whose @ OCR misread, without a label: %j', async (text) => {
    expect((await found(text)).some((f) => f.category === 'F' && f.text === text)).toBe(true);
  });

  it('finds the initials of the header\'s institution skipping its particles, and its one distinctive word alone, in any case', async () => {
    const context: IdentityContext = { values: [...header().values, { value: 'Centre Hospitalier de la Vallée Marnoise', category: 'B', source: 'InstitutionName', vr: 'LO' }] };
    for (const text of ['CHVM', 'chvm', 'Marnoise', 'MARNOISE']) expect((await found(text, context)).some((f) => f.category === 'B')).toBe(true);
  });

  it.each([
    ['Hôpital Universitaire des Sept Chênes', 'HUSC'],
    ['Szpital Powiatowy w Lubaczynie', 'SPL'],
    ['Städtisches Klinikum am Lindenhain', 'SKL'],
    ['Ospedale della Valle Oscura', 'OVO'],
  ])('finds the initials of the institution past the particles of its language: %j as %j', async (name, initials) => {
    const context: IdentityContext = { values: [...header().values, { value: name, category: 'B', source: 'InstitutionName', vr: 'LO' }] };
    expect((await found(initials, context)).some((f) => f.category === 'B')).toBe(true);
  });

  it.each([
    ['Ospedale Maggiore di Crevalcuore', 'Ospedale'],
    ['Klinikum Rechts der Wendel', 'Klinikum'],
    ['Szpital Wojewódzki w Zabrzyniec', 'Wojewódzki'],
    ['Ankara Şehir Hastanesi', 'Hastanesi'],
    ['Mirabel Regional Medical Centre', 'Regional'],
    ['Northbury General Hospital', 'General'],
    ['Hospital Universitari de Santa Creu', 'Universitari'],
  ])('takes no generic word of the institution name alone on a line for it: %j, %j', async (name, word) => {
    const context: IdentityContext = { values: [...header().values, { value: name, category: 'B', source: 'InstitutionName', vr: 'LO' }] };
    expect(await found(word, context)).toEqual([]);
  });

  it('still finds a distinctive word of an address that a medical dictionary also holds, alone on its line', async () => {
    const context: IdentityContext = { values: [...header().values, { value: '14 Larkspur Crescent', category: 'B', source: 'PatientAddress', vr: 'LO' }] };
    expect((await found('Larkspur', context)).some((f) => f.category === 'B')).toBe(true);
  });
});
