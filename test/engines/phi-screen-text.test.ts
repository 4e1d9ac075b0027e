import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalPhiDetector, keepListMatcher } from '../../lib/engines/local/phi.js';
import type { IdentityContext, PhiFinding, TextSpan } from '../../lib/engines/types.js';
import { readLine } from './read-line.js';
import { isReadout } from '../../lib/engines/local/readout-text.js';
import { DEFAULT_RULES_PATH } from '../../lib/pipeline/recipe.js';
import { loadRules } from '../../lib/rules/index.js';
import { root } from '../pixels/helpers.js';

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

describe('a clock time after a date on a screen', () => {
  const withWords = (text: string): TextSpan => readLine(text, { height: 10, confidence: 92, location: 'screen' });

  // The time is no element of the date: the fill stops at the date (ages and times beside a date stay readable).
  it.each([
    ['the header\'s own date', '03/02/2024 13:42', '03/02/2024'],
    ['the header\'s own date, year first', '2024-03-02 11:05:09', '2024-03-02'],
    ['a date after a date label', 'Exam Date 10-23-24 10:34:47', '10-23-24'],
    ['a birth date after its label', 'DOB: 11.06.1934 08:15', '11.06.1934'],
    ['a birth date in words after its label', 'DOB 11 JUN 1934 08:15', '11 JUN 1934'],
  ])('finds %s and leaves the time after it: %j', async (_, text, date) => {
    const f = (await phi.detect([withWords(text)], header())).filter((x) => x.category === 'C');
    expect(f.map((x) => x.text)).toContain(date);
    expect(f.every((x) => !/:/.test(x.text.replace(/^(?:DOB|Date):?\s*/i, '')))).toBe(true);
  });

  it('reads no date in a year and an hour (`2024 13:42` is not 2024-01-13 with its month lost)', async () => {
    const context: IdentityContext = { values: [{ value: '20240113', category: 'C', source: 'StudyDate', vr: 'DA' }] };
    expect((await phi.detect([withWords('2024 13:42')], context)).map((f) => f.text)).toEqual([]);
    expect((await phi.detect([withWords('1/13/2024 13:42')], context)).map((f) => f.text)).toEqual(['1/13/2024']);
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

describe('device text consoles print beside identity', () => {
  /** A header whose study date is 4 January 2022 and birth date 19 March 1927: `4.1.22` and `19.3.27` are their screen forms. */
  const dated = (): IdentityContext => ({
    values: [...header().values.filter((v) => !/Date$/.test(v.source)), { value: '19270319', category: 'C', source: 'PatientBirthDate', vr: 'DA' }, { value: '20220104', category: 'C', source: 'StudyDate', vr: 'DA' }],
  });
  /** The detector with the default rules' regexes too: their date regex judges a dotted triple apart from the built-in patterns. */
  const withRules = withRulesDetector();

  it.each(['SW 4.1.22', 'Ver. 11.3.19', 'PACS 3.9.27', 'Firmware 2.10.31', 'App 19.3.27', 'FW 4.1.22.620', 'S/W 1.12.18', 'Console V2.7.14'])(
    'keeps a version after a software or product word, even one that spells a header date: %j',
    async (text) => {
      expect(isKept(text.toUpperCase())).toBe(true);
      for (const detector of [phi, withRules]) expect((await detector.detect([{ text, location: 'screen' }], dated())).map((f) => f.text)).toEqual([]);
    },
  );

  it.each(['Exam 4.1.22', 'Study 3.9.27', 'RIS 12.03.21', 'Seen 19.3.27', 'Released 4.1.22', 'Viewed 19.3.27'])('still finds a dotted date after any other word: %j', async (text) => {
    expect(isKept(text.toUpperCase())).toBe(false);
    for (const detector of [phi, withRules]) expect((await detector.detect([{ text, location: 'screen' }], dated())).some((f) => f.category === 'C')).toBe(true);
  });

  it.each(['Fimware 4.1.22', 'Sofware 19.3.27', 'Versiom 4.1.22'])('takes no date for a version whose long label OCR read with one slip: %j', async (text) => {
    for (const detector of [phi, withRules]) expect((await detector.detect([{ text, location: 'screen' }], dated())).map((f) => f.text)).toEqual([]);
  });

  it('keeps a version another reading of its place reads with its label misread, and no other number there', async () => {
    const box = { left: 40, top: 60, width: 70, height: 10 };
    const read = (text: string): TextSpan => ({ text, location: text, box, words: [{ text, confidence: 60, kind: 'word', lineIndex: 0, box }] });
    for (const detector of [phi, withRules]) {
      expect(await detector.detect([read('Siw 4.1.22]'), read('S/W 4.1.22')], dated())).toEqual([]);
      expect((await detector.detect([read('Siw 4.1.22]'), read('S/W 4.1.23')], dated())).some((f) => f.location === 'Siw 4.1.22]' && f.category === 'C')).toBe(true);
    }
  });

  it.each(['LMP GA 33w2d', 'EDD by LMP', 'GA(LMP) 28w1d', 'GA by LMP 30w6d', 'EDD(US) 31w0d', 'EF(Simpson) 55 %', 'LVEF (Teichholz) 61%', 'EFW (Hadlock) 1234 g', 'AC (Hadlock) 31w4d', 'BPD (Campbell) 82 mm', 'TIb 0.3', 'TIs 0.1', 'TIc 0.4'])(
    'keeps an obstetric or cardiac method line: a date label used as a method, an eponym, an index with its suffix: %j',
    async (text) => {
      expect(isKept(text.toUpperCase())).toBe(true);
      expect((await withRules.detect([{ text, location: 'screen' }], header())).map((f) => f.text)).toEqual([]);
    },
  );

  it.each(['GA', 'AC HC', 'EF', 'LMP GA'])('takes measure words alone for no method line (they spell initials as often): %j', (text) => {
    expect(isKept(text)).toBe(false);
  });

  it.each(['LMP 03/04/2024', 'EDD 12.10.2024', 'LMP: 11.06.1934'])('still finds a date after a date label used as a method: %j', async (text) => {
    expect(isKept(text.toUpperCase())).toBe(false);
    expect((await withRules.detect([{ text, location: 'screen' }], header())).some((f) => f.category === 'C')).toBe(true);
  });

  it.each(['GIF-HQ190', 'CF-H185L', 'PCF-Q180AL', 'C2-9-D', 'C1-6-RS', 'EC9-4', 'L12-5', 'Enh B3 Zoom x1.6', 'Str 2 Zm 1.2x', 'GIF-H190 Enh A8'])('keeps an endoscope or probe model and its settings: %j', async (text) => {
    expect(isKept(text.toUpperCase())).toBe(true);
    expect((await withRules.detect([{ text, location: 'screen' }], header())).map((f) => f.text)).toEqual([]);
  });

  it.each(['QX-7719304', 'AB-123456', 'MRN-884213'])('takes no identifier for a model: %j', (text) => {
    expect(isKept(text)).toBe(false);
  });
});

describe('readouts of treatment, eye, nuclear medicine and angiography devices', () => {
  const withRules = withRulesDetector();

  it.each([
    'Fx 12/30', 'Fraction 12 of 30', 'MU 215', 'Gantry 180.0 Coll 90.0 Couch 0.0', 'X1 -5.0 X2 5.0 Y1 -7.5', '6 MV', '10 FFF', '6X FFF', 'SSD 98.6 cm',
    'Field 10.0 x 12.0 cm', 'Beam 3/7 RT LAT',
    'RX: +1.25 DS -0.50 DC x 90', 'OD: -2.25 -0.75 x 180', 'ADD +2.00', 'OD/OS', 'OS AL 23.45 mm', 'IOP 16 mmHg', 'MD -3.42 dB', 'PSD 2.10 dB', 'VFI 94%',
    'GHT: Within normal limits', 'FL 2/14 FP 3% FN 5%', 'K1 43.25 D @ 175', 'SITA Standard 24-2',
    '1250 kcts', 'Counts 1.24 M', '370 MBq', 'Tc-99m 740 MBq', '20 s/frame', '60 frames x 20 s', 'Matrix 128x128', 'Run 4/12 DSA 3 fps', 'Mask 2 Frame 30',
  ])('keeps a readout: labels, numbers and units only: %j', async (text) => {
    expect(isKept(text.toUpperCase())).toBe(true);
    expect((await withRules.detect([{ text, location: 'screen' }], header())).map((f) => f.text)).toEqual([]);
  });

  it.each(['QPS/QGS 2021.1 build 3314', 'v4.2.1-rc3', 'Recon v2021.3', 'Release 12.3 SP2', 'Rev 3.2.17-b5'])('keeps a product line with its version, pre-release mark or build: %j', async (text) => {
    expect(isKept(text.toUpperCase())).toBe(true);
    expect((await withRules.detect([{ text, location: 'screen' }], header())).map((f) => f.text)).toEqual([]);
  });

  it.each(['5.9.22-b2', '4.1.22-rc3', 'Rav 1.8.1G-bS', 'Y190Y29.8', 'X1-5.0X25.0'])('takes no date or identifier for a version with its pre-release mark or jaw positions read run together: %j', async (text) => {
    expect((await withRules.detect([{ text, location: 'screen' }], header())).map((f) => f.text)).toEqual([]);
  });

  it.each(['03.04.1931-b2', '11.06.1934-rc1'])('still finds a date with its whole year before a mark: %j', async (text) => {
    expect((await withRules.detect([{ text, location: 'screen' }], header())).some((f) => f.category === 'C')).toBe(true);
  });

  it.each(['MD', '14:22 MD', 'Op: MD', '92 M', 'AL 93Y', 'MU 4471902', 'Gantry 12/30/2021', 'Fx 11 / 06 / 1934', 'IOP 16 mmHg HALVORSEN', 'F92 MV'])(
    'takes no initials, age, identifier, date or name for a readout: %j',
    (text) => {
      expect(isReadout(text.toUpperCase())).toBe(false);
    },
  );

  it.each(['Fx 11.06.1934', 'Gantry 180.0 HALVORSEN', 'IOP 16 mmHg 03/02/2024', 'QX-7719304 MU 215', 'Recon HALVORSEN 2021.1 build 3314'])(
    'still finds the file\'s identity and a date beside readout words: %j',
    async (text) => {
      expect((await withRules.detect([{ text, location: 'screen' }], header())).length).toBeGreaterThan(0);
    },
  );
});

describe('a table\'s column headings', () => {
  /** A line of words read at 80, each at its place on the row (`gap` px between words). */
  const row = (text: string, top: number, gap = 18): TextSpan => {
    let x = 20;
    const words = text.split(/\s+/).map((w) => {
      const box = { left: x, top, width: 6 * w.length, height: 10 };
      x += box.width + gap;
      return { text: w, confidence: 80, kind: 'word' as const, lineIndex: 0, box };
    });
    return { text: words.map((w) => w.text).join(' '), location: `line ${top}`, box: { left: 20, top, width: x - gap - 20, height: 10 }, words };
  };

  it.each(['Name   MRN   DOB   Accession   Study', 'Patient ID   Birth Date   Sex', 'Acc #   Exam   Modality', 'Name   DOB', 'MRN   Patient Name   Study Date'])(
    'keeps a row of headings whose values are on the rows below: %j',
    async (text) => {
      expect(isKept(text.toUpperCase())).toBe(true);
      expect((await withRulesDetector().detect([row(text, 20)], header())).map((f) => f.text)).toEqual([]);
    },
  );

  it.each(['Name: DOB', 'Name  MRN  12', 'Name  HALVORSEN  MRN', 'Name', 'Study  Modality'])('is not a heading row with a colon, a digit, a value or no identity field: %j', (text) => {
    expect(isKept(text.toUpperCase())).toBe(false);
  });

  it('still finds the values on the rows under the headings, one cell misread by OCR', async () => {
    const detector = withRulesDetector();
    const heading = row('Name   MRN   DOB   Accession   Study', 20);
    // The birth date's month read as a letter, the ID with a digit dropped.
    const values = row('HALVORSEN,INGRID   QX-771904   11.O6.1934   A55219870   CT CHEST', 34);
    const other = row('MORROW,FELIX   QX-8810231   02/11/1941   A55219871   MR BRAIN', 48);
    const f = await detector.detect([heading, values, other], header());
    expect(f.filter((x) => x.location === heading.location)).toEqual([]);
    const of = (span: TextSpan) => f.filter((x) => x.location === span.location).map((x) => x.text).join(' ');
    for (const value of ['HALVORSEN', 'INGRID', 'QX-771904', '11.O6.1934']) expect(of(values)).toContain(value);
    // Another patient's row: the birth date and the ID by their shape.
    for (const value of ['02/11/1941', 'QX-8810231']) expect(of(other)).toContain(value);
  });

  it('keeps the headings of a row OCR read apart, one reading per column, and fails closed when a value stands among them', async () => {
    /** Each text its own reading on one row, from `left`, 30 px between them. */
    const pieces = (texts: string[]): TextSpan[] => {
      let x = 20;
      return texts.map((text, i) => {
        const span = { ...row(text, 20), location: `line ${i}` };
        const dx = x - 20;
        span.box = { ...span.box!, left: span.box!.left + dx };
        span.words = span.words!.map((w) => ({ ...w, box: { ...w.box, left: w.box.left + dx } }));
        x += span.box.width + 30;
        return span;
      });
    };
    expect(await withRulesDetector().detect(pieces(['Acc #', 'Exam', 'Modality']), header())).toEqual([]);
    expect(await withRulesDetector().detect(pieces(['Patient ID', 'Birth Date', 'Sex', 'Study Date']), header())).toEqual([]);
    // A label and a value read apart beside other labels: the row is a form's, the label's value fails closed.
    const form = await withRulesDetector().detect(pieces(['MRN', 'A9117', 'DOB']), header());
    expect(form.some((f) => f.location === 'line 0' && f.type === 'LABELLED_VALUE')).toBe(true);
  });

  it('still fails closed on a label with a colon whose value was not read', async () => {
    expect((await withRulesDetector().detect([row('Name:   DOB:', 20)], header())).map((f) => f.type)).toContain('LABELLED_VALUE');
  });
});

/** The detector with the default rules' regexes (their `DOB:?` takes the heading word alone). */
function withRulesDetector() {
  return createLocalPhiDetector({ regex: loadRules(path.join(root, DEFAULT_RULES_PATH)).regex });
}

describe('burned-in PHI the header does not spell out (issue 8)', () => {
  /** Lines of words 7 px a character, each line `[text, top, left]`, as OCR gives a form's rows. */
  const lines = (rows: Array<[string, number, number?]>): TextSpan[] => rows.map(([text, top, left = 10]) => readLine(text, { top, left, confidence: 85 }));
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

});
