import { describe, expect, it } from 'vitest';
import { createLocalPhiDetector, detectPhiInImageText, imageTextToSpans, keepListMatcher } from '../../lib/engines/local/phi.js';

/** OCR words of one line, 6 px a character, read with `confidence`; a word starting with `>` opens a column 60 px on. */
function lineWords(line: string, confidence: number): DetectedText[] {
  let left = 10;
  return line.split(' ').map((raw) => {
    const text = raw.replace(/^>/, '');
    if (raw.startsWith('>')) left += 60;
    const w = { text, confidence, kind: 'word' as const, lineIndex: 0, box: { left, top: 20, width: 6 * text.length, height: 10 } };
    left += 6 * text.length + 5;
    return w;
  });
}

/** What `detector` finds, knowing `context`, in one line of OCR words ({@link lineWords}). */
function detectWords(detector: { detect: (spans: TextSpan[], context: IdentityContext) => Promise<PhiFinding[]> }, context: IdentityContext, line: string, confidence = 90): Promise<PhiFinding[]> {
  const ws = lineWords(line, confidence);
  const last = ws[ws.length - 1].box;
  return detector.detect([{ text: ws.map((w) => w.text).join(' '), location: 'l', words: ws, box: { left: 10, top: 20, width: last.left + last.width - 10, height: 10 } }], context);
}
import type { DetectedText, IdentityContext, PhiFinding, TextSpan } from '../../lib/engines/types.js';
import { DEFAULT_REGEX } from '../../lib/rules/default-rules.js';
import { readLine } from './read-line.js';

const context: IdentityContext = {
  values: [
    { value: 'QUINTERO^ROSALIND^M', category: 'A', source: 'PatientName', vr: 'PN' },
    { value: '19580314', category: 'C', source: 'PatientBirthDate', vr: 'DA' },
    { value: 'MRX-0048213', category: 'H', source: 'PatientID', vr: 'LO' },
    { value: 'Hollowbrook Valley Medical Center', category: 'B', source: 'InstitutionName', vr: 'LO' },
    { value: '(555) 201-3344', category: 'D', source: 'PatientTelephoneNumbers', vr: 'SH' },
    { value: 'VANCE^ELIJAH', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' },
  ],
};
const none: IdentityContext = { values: [] };
/** A detector with the default rules file's regexes, as a run builds it. */
const withRules = createLocalPhiDetector({ regex: DEFAULT_REGEX });
const phi = createLocalPhiDetector();
/** A detector that trusts only the file's own values in words read with low confidence (a threshold as the rules set). */
const phiLow = createLocalPhiDetector({ confidenceThreshold: 60 });

async function found(text: string, ctx = context, detector = phi): Promise<PhiFinding[]> {
  return detector.detect([{ text, location: 'test' }], ctx);
}
async function flagged(text: string, ctx = context, detector = phi): Promise<string[]> {
  return (await found(text, ctx, detector)).map((f) => f.text);
}

describe('local PHI detector: the file\'s own header values', () => {
  it.each([
    ['QUINTERO ROSALIND', 'QUINTERO ROSALIND'],
    ['ROSALIND QUINTERO', 'ROSALIND QUINTERO'],
    ['QUINTERO^ROSALIND', 'QUINTERO^ROSALIND'],
    ['Quintero, Rosalind', 'Quintero, Rosalind'],
    ['Pt quintero rosalind m', 'quintero rosalind m'],
    ['R.Q.', 'R.Q.'],
    ['QU1NTER0 R0SALIND', 'QU1NTER0 R0SALIND'],
    ['QUINTERD ROSALIND', 'QUINTERD ROSALIND'],
    ['Ref: VANCE', 'VANCE'],
  ])('finds the patient\'s name shown as %j', async (text, expected) => {
    const f = await found(text);
    const names = f.filter((x) => x.category === 'A');
    expect(names.map((x) => x.text)).toContain(expected);
    expect(names.every((x) => x.type.startsWith('header:') || x.type === 'LABELLED_NAME')).toBe(true);
  });

  it.each([
    // `VAN` alone is the particle, not a name word: only `TRUONG` and `KHAI` are looked for on their own.
    ['Trương^Văn Khải', 'TRUONG VAN KHAI', ['TRUONG', 'KHAI']],
    ['Đặng^Thị Ngọc', 'Dang Thi Ngoc', ['Dang', 'Ngoc']],
    ['Karaosmanoğlu^Şükrü', 'KARAOSMANOGLU SUKRU', ['KARAOSMANOGLU', 'SUKRU']],
    ['Wałęsa^Łucja', 'Walesa, Lucja', ['Walesa', 'Lucja']],
    ['Müller^Jürgen', 'MULLER JURGEN', ['MULLER', 'JURGEN']],
  ])("finds a header name %j on a screen that drops its marks (%j), whole and word by word on lines of their own", async (header, text, words) => {
    const ctx: IdentityContext = { values: [{ value: header, category: 'A', source: 'PatientName', vr: 'PN' }] };
    const names = async (line: string) => (await found(line, ctx)).filter((x) => x.category === 'A').map((x) => x.text).join(' ');
    const whole = await names(`Pt ${text} 4 views`);
    for (const word of words) expect(whole).toContain(word);
    for (const word of words) expect(await names(word)).toBe(word);
  });

  it.each([
    '19580314', '03/14/1958', '3/14/1958', '03.14.1958', '14.03.1958', '14-MAR-1958', '14 Mar 1958', '1958-03-14',
    'March 14, 1958', '03/14/58', 'O3/l4/1958', '0З.14.I958'.replace('З', '3'), '1958.O3.14',
  ])('finds the birth date shown as %j', async (text) => {
    const f = await found(`DOB ${text}`);
    const date = f.find((x) => x.category === 'C' && x.type === 'header:PatientBirthDate');
    expect(date?.text).toBe(text);
    expect(date?.score).toBe(1);
  });

  it.each([
    ['14 marzo 1958', 'Spanish and Italian'],
    ['14 de março de 1958', 'Portuguese, with de'],
    ['14. März 1958', 'German, a dot after the day'],
    ['14 MARS 1958', 'French, capitals'],
    ['14 marca 1958', 'Polish, the form beside a day'],
    ['1958. március 14.', 'Hungarian, year first'],
    ['14 Mart', 'Turkish, month and day alone'],
    ['maaliskuu 14', 'Finnish, month first'],
  ])('finds the birth date shown as %j (%s)', async (text) => {
    const f = await found(`DOB ${text}`);
    expect(f.some((x) => x.category === 'C' && x.type.startsWith('header:PatientBirthDate') && x.text.includes('14'))).toBe(true);
  });

  it('takes no month name of another language beside another day', async () => {
    expect((await found('Series 15 marzo, 16 Mart')).filter((x) => x.type.startsWith('header:PatientBirthDate'))).toEqual([]);
  });

  it.each(['MRX-0048213', 'MRX0048213', 'MRX 0048213', 'MRX-OO48213'])('finds the patient ID shown as %j', async (text) => {
    const f = await found(`ID ${text}`);
    expect(f.find((x) => x.type === 'header:PatientID')?.text).toBe(text);
  });

  it('does not match an ID inside a longer number', async () => {
    const ctx: IdentityContext = { values: [{ value: '48213', category: 'R', source: 'AccessionNumber', vr: 'SH' }] };
    expect(await flagged('748213', ctx)).not.toContain('48213');
    expect(await flagged('ACC 48213', ctx)).toContain('48213');
  });

  it('finds the phone number and the distinctive words of the institution', async () => {
    expect(await flagged('Tel 555.201.3344')).toContain('555.201.3344');
    expect(await flagged('HOLLOWBROOK VALLEY')).toContain('HOLLOWBROOK VALLEY');
    // Generic words of the institution name are not PHI on their own.
    expect(await flagged('MEDICAL CENTER')).toEqual([]);
  });
});

describe('local PHI detector: stop words of header values', () => {
  const kaufman: IdentityContext = {
    values: [
      { value: 'Francis, Todd and Boyer Medical Center', category: 'B', source: 'InstitutionName', vr: 'LO' },
      { value: 'DE LA CRUZ^ANA', category: 'A', source: 'PatientName', vr: 'PN' },
    ],
  };
  it.each(['And', 'and', 'AND', 'of the', 'The', 'De', 'LA', '&'])('never flags %j on its own line', async (text) => {
    expect(await flagged(text, kaufman)).toEqual([]);
  });

  it('still flags the institution and name around their stop words', async () => {
    const institution = (await flagged('Francis, Todd and Boyer', kaufman)).join(' ');
    expect(institution).toContain('Todd');
    expect(institution).toContain('Boyer');
    expect((await flagged('CRUZ ANA', kaufman)).join(' ')).toContain('CRUZ');
  });

  it('flags the stop word inside an institution line beside its distinctive part, not alone below it', async () => {
    const spans = [
      { text: 'Todd and', location: 'l0', box: { left: 10, top: 10, width: 80, height: 12 } },
      { text: 'and', location: 'l1', box: { left: 10, top: 60, width: 30, height: 12 } },
    ];
    const texts = (await phi.detect(spans, kaufman)).map((f) => f.text);
    expect(texts).toContain('Todd and');
    expect(texts).not.toContain('and');
  });
});

describe('local PHI detector: generic patterns', () => {
  it.each([
    ['Seen 07/04/2021', '07/04/2021', 'C'],
    ['2021-07-04', '2021-07-04', 'C'],
    ['4 July 2021', '4 July 2021', 'C'],
    ['since November 2019', 'November 2019', 'C'],
    ['NOV-2019', 'NOV-2019', 'C'],
    ['call 617-555-0182', '617-555-0182', 'D'],
    ['mail to jo.smith@example.org', 'jo.smith@example.org', 'F'],
    ['SSN 078-05-1120', '078-05-1120', 'G'],
    ['MRN: 77AB9912', '77AB9912', 'H'],
    ['Patient: HALVORSEN TRYGVE', 'HALVORSEN TRYGVE', 'A'],
    ['Age 93Y', '93Y', 'C'],
    ['Acc 8812734509', '8812734509', 'R'],
    ['see https://example.org/p/1', 'https://example.org/p/1', 'N'],
    ['host 10.20.30.40', '10.20.30.40', 'O'],
  ])('flags %j', async (text, expected, category) => {
    const f = await found(text, none);
    expect(f.map((x) => `${x.text}|${x.category}`)).toContain(`${expected}|${category}`);
  });

  it.each([
    ['City: Leominster', 'Leominster'],
    ['POSTCODE: GL50 3QT', 'GL50 3QT'],
    ['E-mail: t.okafor©example.net', 't.okafor©example.net'],
    ['Interpreter: NGOZI ADEWALE', 'NGOZI ADEWALE'],
    ['Next of kin: Bram Oosterhuis', 'Bram Oosterhuis'],
  ])("fails closed on a form's field of a place, a mailbox or a person who is not staff: %j", async (text, value) => {
    expect(await flagged(text, none)).toContain(value);
  });

  it.each(['93 jaar', '95 YAŞ', '92 let', '91 év', '94 år'])('flags an age over 89 with a year unit of another language: %j', async (text) => {
    expect(await flagged(text, none)).toEqual([text]);
  });

  it.each(['32 jaar', '70 yaş', '58 LET', '90 LAT', 'LAT 90', 'DOB 12.03.1991 32 jaar'])('keeps an age of 89 or under in another language, and the lateral view: %j', async (text) => {
    expect((await flagged(text, none)).join(' ')).not.toMatch(/jaar|yaş|LET|LAT|32/);
  });

  it("finds the header's age over 89 with the Polish unit that is also the lateral view", async () => {
    const age: IdentityContext = { values: [{ value: '099Y', category: 'C', source: 'PatientAge', vr: 'AS' }] };
    expect(await flagged('Ur. 1923  99 lat', age)).toContain('99 lat');
  });

  it.each(['SW 4.2.71', 'Ver. 12.1.0.884', 'Software V3.10.25', 'FW: 2.0.19', 'Build 7.3.2.512', 'Couch 62/18/1140 mm', 'Pos 12.04.1987 mm'])(
    'keeps a version after its label and a measure before its unit, whatever their shape: %j',
    async (text) => {
      expect(await flagged(text, none)).toEqual([]);
      // The rules' own patterns (the date regexes of the default rules file) give way too.
      expect(await flagged(text, none, withRules)).toEqual([]);
    },
  );

  it.each([
    ['DOB 12/03/1931 M', '12/03/1931'],
    ['RIS 12.03.2021', '12.03.2021'],
    ['seen 04.07.2021 12 mm lesion', '04.07.2021'],
  ])('still flags a date a sex letter, a system name or a later measure stands beside: %j', async (text, date) => {
    expect((await flagged(text, none)).join(' ')).toContain(date);
  });

  it.each([
    'L', 'R', 'AP', 'PA', 'LAT', 'PORTABLE', 'SUPINE', 'Semi-Upright', 'SEMI-UPRIGHT', 'Portable', 'AP SUPINE PORTABLE',
    '120 kV', '250 mAs', '5 cm', '10 mm', 'W: 400 L: 40', 'WL 40 WW 400', 'Se: 3 Im: 45', '0 1 2 3 4 5', 'Age 45Y', 'T2 FLAIR AXIAL',
    'mA 200', 'KVP 120', 'Thk 5.0 mm', '14:02',
  ])('keeps the harmless annotation %j', async (text) => {
    expect(await flagged(text)).toEqual([]);
  });

  it('finds a day read run into the text before it, and only the date', async () => {
    expect(await flagged('4.7811 November 2019', none)).toEqual(['11 November 2019']);
    expect(await flagged('Echo 3 Nov 2019', none)).toEqual(['3 Nov 2019']);
  });

  it.each(['MARK 2019', 'MAYO 2021', 'DECT 2020', 'Novel 2019', 'Year 2019'])('keeps a word that starts like a month beside a year, %j', async (text) => {
    expect(await flagged(text, none)).toEqual([]);
  });

  it.each(['Page 1 of 2', 'Img 3 of 40', 'W.400 L.40', 'WW 1500 WL -600'])('keeps screen counters and window values, %j, as harmless', async (text) => {
    expect(await flagged(text, none)).toEqual([]);
    expect(keepListMatcher().isKept(text)).toBe(true);
  });

  it('applies the rules\' regexes and extends the keep-list from options', async () => {
    const custom = createLocalPhiDetector({ regex: ['STUDY-\\d{4}', 'DOB:?'], keepList: ['CASE-1234'] });
    expect(await flagged('Ref STUDY-2231', none, custom)).toContain('STUDY-2231');
    expect((await found('Ref STUDY-2231', none, custom))[0]).toMatchObject({ type: 'regex', engine: 'local:regex' });
    expect(await flagged('DOB: 03.14.1958', none, custom)).toEqual(expect.arrayContaining(['DOB', '03.14.1958']));
    expect(await flagged('CASE-1234', none, createLocalPhiDetector({ regex: ['CASE-\\d{4}'], keepList: ['CASE-1234'] }))).toEqual([]);
  });

  it('rejects an invalid regex with the engine prefix and the pattern', () => {
    expect(() => createLocalPhiDetector({ regex: ['(unclosed'] })).toThrow(/^\[deid\] \[phi-local\] regex\[0\] "\(unclosed"/);
  });

  it('ignores low-confidence OCR words for patterns but never for the file\'s own identity', async () => {
    const detector = createLocalPhiDetector({ confidenceThreshold: 60 });
    const words = (texts: Array<[string, number]>): DetectedText[] =>
      texts.map(([text, confidence], i) => ({ text, confidence, kind: 'word', lineIndex: 0, box: { left: i * 50, top: 0, width: 40, height: 10 } }));
    const low = await detector.detect([{ text: '', words: words([['07/04/2021', 30]]) }], none);
    expect(low).toEqual([]);
    const mine = await detector.detect([{ text: '', words: words([['QUINTERO', 30]]) }], context);
    expect(mine.map((f) => f.text)).toEqual(['QUINTERO']);
  });
});

describe('local PHI detector: boxes of OCR lines', () => {
  const line = (texts: string[]): DetectedText[] => {
    const out: DetectedText[] = [];
    let x = 10;
    for (const t of texts) {
      out.push({ text: t, confidence: 90, kind: 'word', lineIndex: 0, box: { left: x, top: 20, width: t.length * 8, height: 12 } });
      x += t.length * 8 + 6;
    }
    const last = out[out.length - 1].box;
    out.unshift({ text: texts.join(' '), confidence: 90, kind: 'line', lineIndex: 0, box: { left: 10, top: 20, width: last.left + last.width - 10, height: 12 } });
    return out;
  };

  it('boxes only the PHI words of a line, and a sex marker between name and date', async () => {
    const texts = line(['QUINTERO', 'ROSALIND', '[F]', '01.09.2012', 'PORTABLE']);
    const f = await detectPhiInImageText(texts, phi, context, 'frame 0');
    const words = texts.filter((t) => t.kind === 'word');
    const name = f.find((x) => x.category === 'A')!;
    expect(name.box).toEqual({ left: words[0].box.left, top: 20, width: words[1].box.left + words[1].box.width - words[0].box.left, height: 12 });
    expect(name.location).toBe('frame 0 line 0');
    expect(f.find((x) => x.text === '01.09.2012')?.box).toEqual(words[3].box);
    expect(f.find((x) => x.text === '[F]')?.box).toEqual(words[2].box);
    // PORTABLE stays unboxed.
    const portable = words[4].box;
    for (const x of f) expect(x.box!.left + x.box!.width).toBeLessThanOrEqual(portable.left);
  });

  it('boxes the value after a DOB label, and the label only when a rule says so', async () => {
    const texts = line(['DOB:', '03.14.1958']);
    const f = await detectPhiInImageText(texts, phi, context);
    expect(f.map((x) => x.text)).toEqual(['03.14.1958']);
    expect(f[0].box!.left).toBe(texts[2].box.left);
  });

  it('groups words into one span per line', () => {
    const texts: DetectedText[] = [
      { text: 'A B', confidence: 90, kind: 'line', lineIndex: 0, box: { left: 0, top: 0, width: 30, height: 10 } },
      { text: 'B', confidence: 90, kind: 'word', lineIndex: 0, box: { left: 20, top: 0, width: 10, height: 10 } },
      { text: 'A', confidence: 90, kind: 'word', lineIndex: 0, box: { left: 0, top: 0, width: 10, height: 10 } },
      { text: 'C', confidence: 90, kind: 'line', lineIndex: 1, box: { left: 0, top: 20, width: 10, height: 10 } },
    ];
    const spans = imageTextToSpans(texts, 'frame 2');
    expect(spans.map((s) => [s.text, s.location, s.words?.length ?? 0])).toEqual([
      ['A B', 'frame 2 line 0', 2],
      ['C', 'frame 2 line 1', 0],
    ]);
  });

  it('finds PHI in header values with their element path as location', async () => {
    const f = await phi.detect([{ text: 'CT CHEST for Quintero Rosalind 555-201-3344', location: '(0008,1030)' }], context);
    expect(f.map((x) => [x.text, x.location])).toEqual(
      expect.arrayContaining([['Quintero Rosalind', '(0008,1030)'], ['555-201-3344', '(0008,1030)']]),
    );
    expect(f.map((x) => x.text).join(' ')).not.toMatch(/CT|CHEST/);
  });
});

describe('local PHI detector: the identity in the forms screens use (issue 8)', () => {
  const screen: IdentityContext = {
    values: [
      { value: 'OSTROWSKI^BENEDICT^Q', category: 'A', source: 'PatientName', vr: 'PN' },
      { value: 'FAIRCHILD^LEONORA', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' },
      { value: '19310312', category: 'C', source: 'PatientBirthDate', vr: 'DA' },
      { value: 'Saint Wendeline Medical Center', category: 'B', source: 'InstitutionName', vr: 'LO' },
      { value: 'Pendleford University Hospital', category: 'B', source: 'InstitutionName', vr: 'LO' },
      { value: '40917733', category: 'H', source: 'PatientID', vr: 'LO' },
      { value: 'A81998973', category: 'R', source: 'AccessionNumber', vr: 'SH' },
    ],
  };
  /** Findings over lines that sit one under the other, as OCR gives them. */
  async function flaggedLines(...lines: string[]): Promise<string[]> {
    const spans = lines.map((text, i) => ({ text, box: { left: 10, top: 10 + 14 * i, width: 8 * text.length, height: 11 }, location: `line ${i}` }));
    return (await phi.detect(spans, screen)).map((f) => f.text);
  }
  const words = (text: string) => text.split(/\s+/);
  const covered = (flaggedTexts: string[], line: string) => words(line).every((w) => flaggedTexts.some((f) => f.includes(w.replace(/[,.]$/, ''))));

  it.each([
    ['St. Wendeline Med Ctr'],
    ['ST WENDELINE MC'],
    ['Wendeline Medical'],
    ['SWMC'],
    ['Pendleford Univ Hosp'],
    ['PENDLEFORD UH'],
    ['Pendleford U. Hosp.'],
  ])('finds the institution shortened as %j', async (line) => {
    expect(covered(await flaggedLines(line), line)).toBe(true);
  });

  it('takes no phrase of the header matched only loosely in words read with almost no confidence, and trusts one matched exactly', async () => {
    const unit: IdentityContext = {
      values: [
        { value: 'Thornfield General Hospital', category: 'B', source: 'InstitutionName', vr: 'LO' },
        { value: 'Emergency Radiology', category: 'B', source: 'InstitutionalDepartmentName', vr: 'LO' },
      ],
    };
    const line = (text: string, confidence: number, top: number): TextSpan => {
      let left = 10;
      const words = text.split(' ').map((t) => {
        const w = { text: t, confidence, kind: 'word' as const, lineIndex: 0, box: { left, top, width: 7 * t.length, height: 10 } };
        left += 7 * t.length + 5;
        return w;
      });
      return { text, location: `line ${top}`, box: { left: 10, top, width: left - 15, height: 10 }, words };
    };
    const department = async (text: string, confidence: number) =>
      (await phi.detect([line('TGH', 91, 10), line(text, confidence, 24)], unit)).filter((f) => f.type === 'header:InstitutionalDepartmentName').map((f) => f.text);
    // Ultrasound speckle read as `ERE` (the letters of EMERGENCY, in order) at 18 under the institution's initials.
    expect(await department('ERE', 18)).toEqual([]);
    expect(await department('ERE', 80)).toEqual(['ERE']);
    expect(await department('Emergency Radiology', 18)).toEqual(['Emergency Radiology']);
    expect(await department('Emerg Radiology', 30)).toEqual(['Emerg Radiology']);
  });

  it('finds the generic words of an institution on the line under its distinctive part', async () => {
    const f = await flaggedLines('St. Wendeline', 'Med. Ctr');
    expect(covered(f, 'St. Wendeline')).toBe(true);
    expect(covered(f, 'Med. Ctr')).toBe(true);
  });

  it('takes no block of anatomy read as letters for the generic words under an institution line, however near', async () => {
    // A row of teeth 200 px tall, read as `MC` at 65, starting 100 px under the institution's 11 px line.
    const spans: TextSpan[] = [
      { text: 'St. Wendeline', box: { left: 400, top: 10, width: 104, height: 11 }, location: 'line 0' },
      { text: 'MC', box: { left: 60, top: 110, width: 480, height: 200 }, location: 'teeth', words: [{ text: 'MC', confidence: 65, kind: 'word' as const, lineIndex: 0, box: { left: 60, top: 110, width: 480, height: 200 } }] },
    ];
    const f = await phi.detect(spans, screen);
    expect(f.map((x) => x.text)).toContain('St. Wendeline');
    expect(f.filter((x) => x.location === 'teeth')).toEqual([]);
  });

  it.each(['OSTROWSKI BENEDICT', 'Ostrowski, B.', 'B. Ostrowski', 'BENEDICT Q OSTROWSKI', 'OSTROWSKI^BENEDICT', 'Ostrowski BQ', 'Benedict Ostrowski'])(
    'finds every word of the name shown as %j',
    async (line) => {
      expect(covered(await flaggedLines(line), line)).toBe(true);
    },
  );

  it("does not take another person's initial beside the patient's name for the patient's", async () => {
    // `F` is the referring physician's initial; beside the patient's name it is the sex marker.
    expect(await flaggedLines('OSTROWSKI [F]')).toEqual(['OSTROWSKI']);
  });

  it.each(['12 MAR 1931', '12.03.1931', '03/12/31', '1931-03-12', '12-Mar-31', 'Mar 12, 1931', '1931/03/12', '3/12/1931', '12.3.1931', '12 Mar 1931'])(
    'finds the birth date shown as %j',
    async (line) => {
      expect(covered(await flaggedLines(line), line)).toBe(true);
    },
  );

  it.each(['Pat.No. 40917733', 'Hosp# 40917733', '40917733', 'Reg No 40917733', 'Chart: 40917733'])('finds the patient ID under the label %j', async (line) => {
    expect(await flaggedLines(line)).toContain('40917733');
  });

  it('finds the initial beside a name part OCR read cut at the edge of its line', async () => {
    // `BENEDICT Q` read from its middle: the part cut short and the initial after it are both the patient's.
    expect(await flaggedLines('NEDICT Q. [M]')).toEqual(['NEDICT Q.']);
    // A bare letter after the name that is not the person's initial may be the sex: it stays. (Any letter with its dot goes.)
    expect(await flaggedLines('NEDICT F [M]')).toEqual(['NEDICT']);
    expect(await flaggedLines('NEDICT F. [M]')).toEqual(['NEDICT F.']);
  });

  it('finds a value OCR read cut at the edge of its reading', async () => {
    expect(await flaggedLines('Acc# A81998')).toContain('A81998');
    expect(covered(await flaggedLines('ENDLEFORD UNIV'), 'ENDLEFORD UNIV')).toBe(true);
  });

  it.each([
    'C5-1 17Hz MI 1.2', 'C5-117HzMI1.2', 'P4-2MI00TIs 1.0', 'L12-5 38mm 9MHz', 'EC9-4 52Hz MI 1.7', 'X7-2t 24Hz',
    'FOV 220x240', 'FOV 2200240', 'W/L 400/40', 'WW 1500 WL -600', 'kVp 120 mAs 250', '120 kV 279 mAs', 'Se 3 Im 45',
    'TIs 0.4 TIb 0.7', '2D 60%', 'Gn 54 DR 60 FR 32Hz', 'SL 0.625mm', 'SID 155cm', 'Depth 16 cm', 'DFOV 36.0cm',
    // Probes with the letters of their model after the frequency range, some read as digits (`i0` for `io`).
    'L12-5io MSK 1/2', 'L12-5i0 MSK 1/2', 'C9-4v Abd Gen', 'L18-4ex Sm Parts', 'EC10-3I8 7MHz',
  ])('keeps the harmless annotation %j', async (line) => {
    expect(await flaggedLines(line)).toEqual([]);
  });

  it.each(['C273W183', 'C-29W1728', 'C-7w1928', 'TR1103', 'WW1500WL-600'])('keeps window and timing values read without their spaces (%j)', async (line) => {
    expect(await flaggedLines(line)).toEqual([]);
  });

  it.each(['T6314869', 'TE12345', 'TR1103456', 'ET20231'])('still finds an ID shape whose number is longer than a window value (%j)', async (line) => {
    expect(await flaggedLines(line)).toContain(line);
  });

  /** Findings over OCR lines side by side on one row (one line of text read as two). */
  async function flaggedRow(...parts: string[]): Promise<string[]> {
    let left = 10;
    const spans = parts.map((text, i) => {
      const span = { text, box: { left, top: 40, width: 7 * text.length, height: 11 }, location: `line ${i}` };
      left += 7 * text.length + 12;
      return span;
    });
    return (await phi.detect(spans, screen)).map((f) => f.text);
  }

  it.each([
    ['OSTROWSKl BENEDlCT', ['OSTROWSKl', 'BENEDlCT']],
    ['Ostrowskl, Benedlct', ['Ostrowskl', 'Benedlct']],
    ['FAlRCHlLO', ['FAlRCHlLO']],
  ])('finds long names with two small-font slips in %j', async (line, expected) => {
    const f = await flaggedLines(line);
    for (const e of expected) expect(f.some((x) => x.includes(e)), `${e} in ${JSON.stringify(f)}`).toBe(true);
  });

  it.each([['12-MAF-31'], ['l2-MAR-3l'], ['1931.93.12'], ['March 12,']])('finds the birth date read with slips or cut as %j', async (line) => {
    expect(covered(await flaggedLines(line), line)).toBe(true);
  });

  it("finds a header date's year OCR read apart from the rest of its line, and not a lone year elsewhere", async () => {
    expect(await flaggedRow('March 12,', '1931 14:22')).toContain('1931');
    expect(await flaggedLines('1931')).toEqual([]);
  });

  it.each([['Pendleford Univ Hasp'], ['St. Wendeline Med Cnty']])('finds an institution whose abbreviation OCR misread, %j', async (line) => {
    expect(covered(await flaggedLines(line), line)).toBe(true);
  });

  it.each([['Pendleford Hosp'], ['Wendeline Ctr'], ['SAINT WENDELINE CENTER']])('finds an institution shown as a subset of its words, %j', async (line) => {
    expect(covered(await flaggedLines(line), line)).toBe(true);
  });

  it.each([['Ostrowski, 0.', '0'], ['Bened Ostrowski', 'Bened'], ['Fairch, Leonora', 'Fairch']])('finds a name part read as a confusion or cut short beside the name, %j', async (line, part) => {
    expect((await flaggedLines(line)).some((f) => f.includes(part))).toBe(true);
  });

  it("does not take a cut-short part of another person's name, nor a short word, for the patient's", async () => {
    expect(await flaggedLines('OSTROWSKI Fai')).toEqual(['OSTROWSKI']);
    expect(await flaggedLines('OSTROWSKI Be')).toEqual(['OSTROWSKI']);
  });

  it('finds a distinctive word OCR broke with a stray mark', async () => {
    expect((await flaggedLines('Pend~eford')).join(' ')).toContain('Pend~eford');
    expect((await flaggedLines('Wende.ine Med Ctr')).join(' ')).toContain('Wende.ine');
  });

  it('finds a seven-digit ID read with one slip, and not another seven-digit number', async () => {
    const ctx: IdentityContext = { values: [{ value: '112-3706', category: 'H', source: 'PatientID', vr: 'LO' }] };
    expect(await flagged('IPP 112-3766', ctx)).toContain('112-3766');
    expect((await found('IPP 112-4821', ctx)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });

  it('finds an age over 89 from the header as screens show it, and no other age or number', async () => {
    const ctx: IdentityContext = { values: [{ value: '093Y', category: 'C', source: 'PatientAge', vr: 'AS' }] };
    for (const text of ['93Y', '093Y', '93 yrs', 'Age: 93']) expect((await found(`12.10.1927 ${text} F`, ctx, phiLow)).some((f) => f.type === 'header:PatientAge' && f.text.includes('93')), text).toBe(true);
    for (const text of ['KV 93', '39Y', '193Y']) expect((await found(text, ctx, phiLow)).some((f) => f.type === 'header:PatientAge'), text).toBe(false);
  });

  it.each([
    ['DOB 03.01.1950 62Y F', '62Y'],
    ['DOB: 03 JAN 1950 62 y/o', '62 y/o'],
    ['DDN: 27-07-1944 72 yrs M', '72 yrs'],
    ['Born: 1950/01/03 Age 55', 'Age 55'],
    // The slash of `y/o` read as the stroke it looks like.
    ['DOB 03.01.1950 32ylo F', '32ylo'],
    ['DOB: 03 JAN 1950 47 yIo', '47 yIo'],
  ])('ends a labelled birth date before an age of 89 or under, which it keeps (%j)', async (text, age) => {
    const flaggedText = (await flagged(text, none)).join(' ');
    expect(flaggedText).toMatch(/19\d\d/);
    expect(flaggedText).not.toContain(age.split(' ')[1] ?? age);
    expect(keepListMatcher().isKept(age)).toBe(true);
  });

  it('keeps no age over 89 however its y/o was read', () => {
    const { isKept } = keepListMatcher();
    for (const age of ['32ylo', '32 yIo', '61y|o', '8y1o']) expect(isKept(age), age).toBe(true);
    for (const age of ['93ylo', '101 yIo', '90y/o', 'ylo']) expect(isKept(age), age).toBe(false);
  });

  it('does not read a slip of the birth date across a space into an age of 89 or under after it', async () => {
    const born: IdentityContext = { values: [{ value: '19440727', category: 'C', source: 'PatientBirthDate', vr: 'DA' }] };
    expect(await flagged('DDN: 27-87-1944 72 yrs M', born)).toEqual(['27-87-1944']);
    expect(await flagged('1944 72 yrs', born)).toEqual([]);
    expect(await flagged('1944 07 27', born)).toEqual(['1944 07 27']);
  });

  it.each([
    ['DOB 03.01.1950 92Y F', '92Y'],
    ['DOB: 03.01.1950 95 yrs M', '95 yrs'],
    ['Born Jan 3 1950 Age: 92', 'Age: 92'],
  ])('still finds an age over 89 after a labelled birth date (%j)', async (text, age) => {
    expect((await flagged(text, none)).join(' ')).toContain(age);
    expect(keepListMatcher().isKept(age)).toBe(false);
  });

  it('finds the initials of the institution read in small letters, from four letters', async () => {
    expect(await flaggedLines('swmc')).toEqual(['swmc']);
    expect(await flaggedLines('puh')).toEqual([]);
    expect(await flaggedLines('PUH')).toEqual(['PUH']);
  });

  it('finds two-capital initials alone on the line under the institution', async () => {
    expect(await flaggedLines('Pendleford', 'UH')).toContain('UH');
    expect(await flaggedLines('UH')).toEqual([]);
  });

  it.each([
    ['DOB: ©', 'C'],
    ['D.O.B. ~,', 'C'],
    ['Patient: Jl..', 'A'],
    ['MRN ?', 'H'],
  ])('fails closed after an identifier label whose value read as junk: %j', async (text, category) => {
    const f = await phi.detect([{ text, location: 'line 0' }], screen);
    expect(f.some((x) => x.category === category && x.type === 'LABELLED_VALUE')).toBe(true);
  });

  it('grows the box of a label whose value was not read over where the value is, not over the next column', async () => {
    const w = (text: string, left: number) => ({ text, confidence: 90, kind: 'word' as const, lineIndex: 0, box: { left, top: 0, width: 6 * text.length, height: 10 } });
    const alone = await phi.detect([{ text: 'DOB:', location: 'l', words: [w('DOB:', 0)] }], screen);
    expect(alone[0].box!.width).toBeGreaterThan(6 * 4 + 40);
    const beside = await phi.detect([{ text: 'DOB: ~ W:400', location: 'l', words: [w('DOB:', 0), w('~', 30), w('W:400', 52)] }], screen);
    const box = beside.find((x) => x.type === 'LABELLED_VALUE')!.box!;
    expect(box.left + box.width).toBeLessThanOrEqual(52);
  });

  it('ends an identifier\'s value at a clinical word in the next column, and runs on over any other word', async () => {
    const w = (text: string, left: number) => ({ text, confidence: 90, kind: 'word' as const, lineIndex: 0, box: { left, top: 0, width: 6 * text.length, height: 10 } });
    const value = async (next: string) => {
      const words = [w('P-ID', 0), w('99087593', 30), w(next, 90)];
      const found = await phi.detect([{ text: words.map((x) => x.text).join(' '), location: 'l', words }], screen);
      return found.find((x) => x.type === 'LABELLED_VALUE')?.text;
    };
    expect(await value('THYROID')).toBe('99087593');
    expect(await value('KOWALSKI')).toBe('99087593 KOWALSKI');
  });

  it('ends a labelled value at a separator standing alone: the next field of the row is not part of it', async () => {
    const w = (text: string, left: number) => ({ text, confidence: 90, kind: 'word' as const, lineIndex: 0, box: { left, top: 0, width: 6 * text.length, height: 10 } });
    /** What is found on the row, every finding's text. */
    const found = async (...texts: string[]) => {
      let left = 0;
      const words = texts.map((t) => {
        const word = w(t, left);
        left += 6 * t.length + 6;
        return word;
      });
      return [...new Set((await phi.detect([{ text: texts.join(' '), location: 'l', words }], none)).map((x) => x.text))];
    };
    expect(await found('Ord:', '5521987', '/', 'Ex', '3')).toEqual(['5521987']);
    expect(await found('Visit:', 'A4417720', '|', 'Rot', '0.5s')).toEqual(['A4417720']);
    expect(await found('Ref:', 'KOWALSKI', '•', 'Ex', '3')).toEqual(['KOWALSKI']);
    // Without the separator the value runs on (a value's words are a word space apart).
    expect((await found('Ord:', '5521987', 'Ex', '3')).join(' ')).toContain('Ex');
    // A slash between a name's parts may join them: after a name cue only a bar or a bullet ends the value.
    expect(await found('Ref:', 'KOWALSKI', '/', 'NOWAK')).toContain('KOWALSKI / NOWAK');
    // …and between a short group and the next one of a date or an ID.
    expect(await found('DOB:', '03', '/', '04', '/', '1931')).toContain('03 / 04 / 1931');
    expect(await found('MRN', '123', '-', '4567')).toContain('123 - 4567');
  });

  it('ends a name after a cue at a column gap: the regex sees one space where the screen leaves a column', async () => {
    const w = (text: string, left: number) => ({ text, confidence: 90, kind: 'word' as const, lineIndex: 0, box: { left, top: 0, width: 6 * text.length, height: 10 } });
    const names = async (gap: number) => {
      const words = [w('Patient', 0), w('QUAYLE,', 48), w('NOEL', 96), w('EX', 126 + gap), w('3', 144 + gap)];
      const found = await phi.detect([{ text: words.map((x) => x.text).join(' '), location: 'l', words }], none);
      return found.filter((x) => x.type === 'LABELLED_NAME').map((x) => x.text);
    };
    expect(await names(0)).toEqual(['QUAYLE, NOEL EX']);
    expect(await names(30)).toEqual(['QUAYLE, NOEL']);
  });

  it('keeps a date whole across two spaces of a fixed-width face (no column gap in a date)', async () => {
    const w = (text: string, left: number) => ({ text, confidence: 90, kind: 'word' as const, lineIndex: 0, box: { left, top: 0, width: 6 * text.length, height: 8 } });
    const words = [w('Jan', 0), w('3', 30), w('2019', 42)];
    const found = await phi.detect([{ text: 'Jan 3 2019', location: 'l', words }], none);
    expect(found.map((x) => x.text)).toContain('Jan 3 2019');
  });

  it.each([['Patient Position: HFS'], ['DOB: 10 cm'], ['Name: AP'], ['Chart: PORTABLE']])('keeps harmless text after a label-like word: %j', async (line) => {
    expect((await phi.detect([{ text: line, location: 'line 0' }], screen)).filter((x) => x.type === 'LABELLED_VALUE')).toEqual([]);
  });

  it('grows an ID read without its head to the left over the characters OCR lost', async () => {
    const w = { text: '1998973', confidence: 90, kind: 'word' as const, lineIndex: 0, box: { left: 100, top: 0, width: 42, height: 10 } };
    const f = await phi.detect([{ text: '1998973', location: 'l', words: [w] }], screen);
    const id = f.find((x) => x.type.includes('AccessionNumber'))!;
    expect(id.box!.left).toBeLessThanOrEqual(100 - 2 * 6);
  });
});

describe('local PHI detector: slips of small text in header dates and IDs', () => {
  const ids: IdentityContext = {
    values: [
      { value: '20200325', category: 'C', source: 'StudyDate', vr: 'DA' },
      { value: 'W1718280', category: 'H', source: 'PatientID', vr: 'LO' },
      { value: 'A78790607', category: 'R', source: 'AccessionNumber', vr: 'SH' },
    ],
  };

  it.each([
    // Two slips, both confusions of small serif text: 7 read as T, 8 as 5 (S).
    ['WITIS280', 'WITIS280'],
    ['Exam A7B79D6D7', 'A7B79D6D7'],
    ['2D2O.D3.25', '2D2O.D3.25'],
    ['Req# AT8790607', 'AT8790607'],
  ])('finds the header value in %j', async (text, expected) => {
    expect(await flagged(text, ids)).toContain(expected);
  });

  it('trusts a long date or ID within one slip of the header at any OCR confidence, not a short name slip', async () => {
    const word = (text: string, left: number) => ({ text, confidence: 16, kind: 'word' as const, lineIndex: 0, box: { left, top: 0, width: 8 * text.length, height: 10 } });
    const words = [word('20003/25', 0), word('16:05', 80)];
    const f = await phi.detect([{ text: '20003/25 16:05', location: 'l', words }], ids);
    expect(f.map((x) => x.text)).toContain('20003/25');
    const named: IdentityContext = { values: [{ value: 'DOE^ALAN', category: 'A', source: 'PatientName', vr: 'PN' }] };
    expect(await phi.detect([{ text: 'AIAN', location: 'l', words: [word('AIAN', 0)] }], named)).toEqual([]);
  });

  it.each(['TR 7180', 'W 200 L 325', 'kVp 120 mAs 0325', 'SL 20 03 mm', 'C5-1 17Hz MI 1.2'])('keeps %j', async (text) => {
    expect(await flagged(text, ids)).toEqual([]);
  });

  it.each([
    ['6212008', '6/21/2009'],
    ['7MAY2O16', '7 MAY 2016'],
  ])('finds a header date shown without its leading zero and read with one slip, %j', async (text, shown) => {
    const ctx: IdentityContext = { values: [{ value: shown.includes('MAY') ? '20160507' : '20090621', category: 'C', source: 'StudyDate', vr: 'DA' }] };
    expect(await flagged(`Exam ${text} 14:02`, ctx)).toContain(text);
    expect((await found('Exam 6212776 14:02', ctx)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });

  it.each([
    ['Heam, Lucy', 'Heam'],
    ['MDEAN L', 'MDEAN'],
    ['Dr. WARDVVELL', 'WARDVVELL'],
  ])('finds a name whose letter pair small text read as one letter, or the reverse, in %j', async (text, part) => {
    const ctx: IdentityContext = { values: [{ value: 'HEARN^LUCY', category: 'A', source: 'PatientName', vr: 'PN' }, { value: 'MCLEAN^LOUIS', category: 'A', source: 'OtherPatientNames', vr: 'PN' }, { value: 'WARDWELL^TOM', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' }] };
    expect((await flagged(text, ctx)).some((f) => f.includes(part))).toBe(true);
  });

  it.each(['Hem 12', 'DEAN L', 'WARDEN'])('does not take %j for a name one letter pair away', async (text) => {
    const ctx: IdentityContext = { values: [{ value: 'HEARN^LUCY', category: 'A', source: 'PatientName', vr: 'PN' }, { value: 'MCLEAN^LOUIS', category: 'A', source: 'OtherPatientNames', vr: 'PN' }, { value: 'WARDWELL^TOM', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' }] };
    expect((await found(text, ctx)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });

  // Two slips that are not confusions of small text make another value (the ID shape may still flag it).
  it.each(['WX7Y8280', 'A78721607'])('does not take %j for the header value', async (text) => {
    expect((await found(text, ids)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });
});

describe('local PHI detector: small text read with errors (issue 8, 9-10 px)', () => {
  const small: IdentityContext = {
    values: [
      // In header order: the referring physician (0008,0090) before the patient (0010,0010).
      { value: 'HOLLOWAY^JUNE', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' },
      { value: 'CALLOWAY^MARGOT^D', category: 'A', source: 'PatientName', vr: 'PN' },
      { value: 'BELLWEATHER^VINCENT^K', category: 'A', source: 'OtherPatientNames', vr: 'PN' },
      { value: 'FOXHALL^RUTH', category: 'A', source: 'PerformingPhysicianName', vr: 'PN' },
      { value: '20090621', category: 'C', source: 'PatientBirthDate', vr: 'DA' },
      { value: '095Y', category: 'C', source: 'PatientAge', vr: 'AS' },
      { value: 'Brisco County Community Hospital', category: 'B', source: 'InstitutionName', vr: 'LO' },
      { value: 'A83805896', category: 'R', source: 'AccessionNumber', vr: 'SH' },
    ],
  };
  const detectLine = (line: string, confidence = 90) => detectWords(phi, small, line, confidence);

  it('finds an age over 89 whose year unit small serif text read as V, and no other number before a V', async () => {
    expect((await detectLine('21.06.1914 95V F')).some((f) => f.type === 'header:PatientAge' && f.text === '95V')).toBe(true);
    for (const text of ['KV 95', '59V', '195V']) expect((await detectLine(text)).some((f) => f.type === 'header:PatientAge'), text).toBe(false);
  });

  it('finds an age over 89 reckoned from the birth and study dates when the header holds no age', async () => {
    const ctx: IdentityContext = { values: [{ value: '19280310', category: 'C', source: 'PatientBirthDate', vr: 'DA' }, { value: '20220824', category: 'C', source: 'StudyDate', vr: 'DA' }] };
    expect((await phi.detect([{ text: '10.03.1928 94V M', location: 'l' }], ctx)).some((f) => f.text === '94V' && f.type.startsWith('header:'))).toBe(true);
    const young: IdentityContext = { values: [{ value: '19480310', category: 'C', source: 'PatientBirthDate', vr: 'DA' }, { value: '20220824', category: 'C', source: 'StudyDate', vr: 'DA' }] };
    expect((await phi.detect([{ text: '74V M', location: 'l' }], young)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });

  it.each([['D0B: ~', 'C'], ['5TUDY# A3D526F', 'H'], ['PAT1ENT: Jl..', 'A']])('reads a label OCR wrote with a digit for a letter, %j', async (line, category) => {
    expect((await detectLine(line)).some((f) => f.type === 'LABELLED_VALUE' && f.category === category)).toBe(true);
  });

  it('takes the exact name part over an earlier two-slip match, so the initials beside it count', async () => {
    // CALLOWAY is two slips from the physician's HOLLOWAY and exactly the patient's: `MD` are her initials.
    const f = await detectLine('Calloway MD [F]');
    expect(f.find((x) => x.text.includes('MD'))?.type).toBe('header:PatientName');
  });

  it('finds dotted given and middle initials alone on their line', async () => {
    expect((await detectLine('V.K.')).map((f) => f.text)).toEqual(['V.K.']);
    expect((await detectLine('K.V.')).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });

  it('grows the box of a name part OCR read short at the end of its line', async () => {
    const ctx: IdentityContext = { values: [{ value: 'NETTLETON^EDWINA', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' }] };
    const ws = lineWords('Phys: NETTLET', 90);
    const f = await phi.detect([{ text: 'Phys: NETTLET', location: 'l', words: ws }], ctx);
    const name = f.find((x) => x.type === 'header:ReferringPhysicianName')!;
    expect(name.box!.width).toBeGreaterThanOrEqual(ws[1].box.width + 2 * 6);
  });

  it('finds a name part one slip or one small-text confusion away beside the rest of the name', async () => {
    expect((await detectLine('FOXHALL RUTb')).map((f) => f.text).join(' ')).toContain('RUTb');
    expect((await detectLine('Foxhall, Rufh')).map((f) => f.text).join(' ')).toContain('Rufh');
    // Not a harmless word beside the name, nor the name part alone with a plain slip.
    expect((await detectLine('FOXHALL ROOT')).map((f) => f.text).join(' ')).not.toContain('ROOT');
    expect((await detectLine('Rufh')).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });

  it('finds half a long name part, or one read with two slips, beside the rest of the name, and no clinical word there', async () => {
    const ctx: IdentityContext = { values: [{ value: 'WINTERBOTTOM^PRISCILLA^L', category: 'A', source: 'PatientName', vr: 'PN' }] };
    for (const [line, part] of [['WINTERBOTTOM PRISC', 'PRISC'], ['CILLA WINTERBOTTOM', 'CILLA'], ['WINTERBOTTOM PRSCLLA', 'PRSCLLA']]) {
      expect((await phi.detect([{ text: line, location: 'l' }], ctx)).map((f) => f.text).join(' '), line).toContain(part);
    }
    for (const line of ['WINTERBOTTOM PORTABLE', 'WINTERBOTTOM SUPINE', 'PRISC']) {
      expect((await phi.detect([{ text: line, location: 'l' }], ctx)).map((f) => f.text).join(' '), line).not.toMatch(/PORTABLE|SUPINE|PRISC/);
    }
  });

  it('finds a header date read without its head, at any OCR confidence, and not another six-digit number', async () => {
    expect((await detectLine('212009', 0)).map((f) => f.text)).toEqual(['212009']);
    expect((await detectLine('212010', 0)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });

  it('finds the last word of an institution run cut to two letters', async () => {
    const f = await detectLine('Brisco County Community Ho');
    expect(f.map((x) => x.text).join(' ')).toMatch(/Community Ho$/);
  });

  it('finds an ID of nine characters read with one slip and one small-text confusion, and not with two slips', async () => {
    const ctx: IdentityContext = { values: [{ value: 'A43206797', category: 'R', source: 'AccessionNumber', vr: 'SH' }] };
    expect((await phi.detect([{ text: 'AL3206T97', location: 'l' }], ctx)).map((f) => f.type)).toContain('header:AccessionNumber');
    expect((await phi.detect([{ text: 'A9TT743862', location: 'l' }], { values: [{ value: 'A97743862', category: 'R', source: 'AccessionNumber', vr: 'SH' }] })).map((f) => f.type)).toContain('header:AccessionNumber');
    expect((await phi.detect([{ text: 'AL3206297', location: 'l' }], ctx)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });

  it('finds a two-letter head of a word inside an institution run', async () => {
    const f = await detectLine('Brisco Co Comm Hosp');
    expect(f.map((x) => x.text)).toContain('Brisco Co Comm Hosp');
  });

  it('trusts six characters of a header ID read exactly before OCR lost the rest, at any confidence, and grows the box', async () => {
    const f = await detectLine('A83805', 0);
    expect(f.map((x) => x.text)).toEqual(['A83805']);
    expect(f[0].box!.width).toBeGreaterThanOrEqual(6 * 9);
    expect(await detectLine('A83806', 0)).toEqual([]);
  });

  it('fails closed on an address line, over keep-list words and words OCR split', async () => {
    const f = await detectLine('Address: 979 Wexford Lane, Mi arook NY 12545');
    expect(f.some((x) => x.type === 'LABELLED_VALUE' && x.text === '979 Wexford Lane, Mi arook NY 12545')).toBe(true);
    expect((await detectLine('Addr: 12 Lateral St')).some((x) => x.text === '12 Lateral St')).toBe(true);
  });

  it('takes the value of a label padded to a column', async () => {
    const f = await detectLine('AccNo >AS3IS05896');
    expect(f.some((x) => x.type === 'LABELLED_VALUE' && x.text === 'AS3IS05896')).toBe(true);
  });

  it.each(['Pat# 7Z1O93B', 'KIS-Nr: 88I2O4', 'Exam No. A3D526F', 'RIS# 12O4S7', 'HN: 55I0231', 'Unit No: 4O9l7', 'Geb. 25.1O.1986', 'b. 12.O3.1931', 'Pt. 37I2193', 'Med Rec # 1O2938', 'Nr. 4O9l7733'])(
    'fails closed on the identifier after the label of %j, whatever OCR made of it',
    async (line) => {
      const value = line.split(' ').at(-1)!;
      expect((await detectLine(line)).some((f) => f.text.includes(value))).toBe(true);
    },
  );

  it.each([
    ['Ref. Phys: NETTLETC "9d', 'NETTLETC "9d'],
    ['Ref: GALLOWAY #2', 'GALLOWAY #2'],
    ['Referring Dr: Q~uayle', 'Q~uayle'],
    ['Radiologist: Fxhll', 'Fxhll'],
  ])('fails closed on the name of the staff after the label of %j, whatever OCR made of it', async (line, value) => {
    expect((await detectLine(line)).some((f) => f.category === 'A' && f.text === value)).toBe(true);
  });

  it('takes a title after a staff label as part of the name, not as the end of the value', async () => {
    const f = await detectLine('Referring: Dr HOLLOWAY');
    expect(f.some((x) => x.category === 'A' && x.text === 'Dr HOLLOWAY')).toBe(true);
    expect(f.some((x) => x.text.includes('Referring'))).toBe(false);
  });

  it.each(['Se No 3', 'Exam 2 of 3', 'Case 12', 'Exam: CT CHEST', 'No pleural effusion.', 'Study: MR BRAIN W/WO', 'Ref: 0 dB', 'Tech: 2.5 mm', 'B: 60 dB', 'b: 45', 'Order 1 of 2', 'Exam No. 3', 'Image No. 0045', 'Slice No: 0012'])(
    'keeps the harmless line %j',
    async (line) => {
      expect(await detectLine(line)).toEqual([]);
    },
  );
});

describe('local PHI detector: pieces of a value OCR read apart (issue 8, 9-10 px)', () => {
  /** One OCR line of words 6 px a character, from `left`, on row `top`, read with `confidence`. */
  const line = (text: string, left: number, top = 20, confidence = 90): TextSpan => {
    let x = left;
    const words = text.split(' ').map((t) => {
      const w = { text: t, confidence, kind: 'word' as const, lineIndex: 0, box: { left: x, top, width: 6 * t.length, height: 10 } };
      x += 6 * t.length + 5;
      return w;
    });
    return { text, location: 'l', words, box: { left, top, width: x - 5 - left, height: 10 } };
  };
  const ctx: IdentityContext = {
    values: [
      { value: 'WHITCOMBE^OPHELIA^Q', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' },
      { value: 'VOLKOV^SASHA', category: 'A', source: 'PatientName', vr: 'PN' },
      { value: '19660913', category: 'C', source: 'PatientBirthDate', vr: 'DA' },
      { value: 'WINTERBOTTOM^PRISCILLA', category: 'A', source: 'OtherPatientNames', vr: 'PN' },
      { value: 'University of Westbury Medical Center', category: 'B', source: 'InstitutionName', vr: 'LO' },
      { value: 'Ambervale Regional Medical Center', category: 'B', source: 'InstitutionAddress', vr: 'ST' },
    ],
  };

  it("trusts the header's own initial beside the name at any OCR confidence, not another letter", async () => {
    const span = line('Patient VOLKOV S', 10);
    span.words![2].confidence = 0;
    expect((await phi.detect([span], ctx)).map((f) => f.text)).toContain('VOLKOV S');
    const other = line('Patient VOLKOV T', 10);
    other.words![2].confidence = 0;
    expect((await phi.detect([other], ctx)).map((f) => f.text)).toEqual(['VOLKOV']);
  });

  it("finds a name part read short at the end of a line beside the same person's initial, and grows its box over the rest", async () => {
    // `O. WHIT` of O. WHITCOMBE: four letters, under the 60% a part cut short needs alone.
    const f = await phi.detect([line('Ref O. WHIT', 10)], ctx);
    expect(f.map((x) => x.text)).toEqual(['O. WHIT']);
    // WHITCOMBE: five characters of 6 px lost after the line's end (`WHIT` ends at 10 + 3*6+5 + 2*6+5 + 4*6 = 74).
    expect(f[0].box!.left + f[0].box!.width).toBeGreaterThanOrEqual(74 + 5 * 6);
    // Another person's initial, or three letters, are not enough.
    expect((await phi.detect([line('Ref T. WHIT', 10)], ctx)).map((x) => x.text)).toEqual([]);
    expect((await phi.detect([line('Ref O. WHI', 10)], ctx)).map((x) => x.text)).toEqual([]);
  });

  it('grows the box of a name part cut at the start of the line over its lost head', async () => {
    const span = line('COMBE~OPHELIA', 100);
    const f = (await phi.detect([span], ctx)).find((x) => x.text.startsWith('COMBE'))!;
    // WHIT: four characters of 6 px lost before the line.
    expect(f.box!.left).toBeLessThanOrEqual(100 - 4 * 5);
  });

  it('finds the initials of the institution with one letter read twice, and not another doubled word', async () => {
    for (const text of ['UuwMC', 'uwmMC']) expect((await phi.detect([line(text, 10)], ctx)).map((f) => f.type), text).toContain('header:InstitutionName:initials');
    for (const text of ['UWMCC1', 'UWWC', 'UWMCX']) expect((await phi.detect([line(text, 10)], ctx)).filter((f) => f.type.startsWith('header:')), text).toEqual([]);
  });

  it('finds initials of five letters or more read with one letter wrong, and no word two letters off', async () => {
    const harrow: IdentityContext = { values: [{ value: 'Harrow Lane Regional Medical Center', category: 'B', source: 'InstitutionName', vr: 'LO' }] };
    for (const text of ['HLRMC', 'HLAMC', 'HLRNC']) expect((await phi.detect([line(text, 10)], harrow)).map((f) => f.type), text).toContain('header:InstitutionName:initials');
    for (const text of ['HLANC', 'TRACE', 'HLRM', 'hlamc']) expect((await phi.detect([line(text, 10)], harrow)).filter((f) => f.type.startsWith('header:')), text).toEqual([]);
  });

  it('finds an institution word read as two lines, its tail opening the second, and its head read with a slip', async () => {
    const spans = [line('Ambervale Regional Ned', 10), line('al Center', 150)];
    const texts = (await phi.detect(spans, ctx)).map((f) => f.text);
    expect(texts.join(' | ')).toMatch(/Ned/);
    expect(texts.join(' | ')).toMatch(/al Center/);
    // The tail of the line's first word (`Le` of Maple) grows the box left over the head OCR lost.
    const maple: IdentityContext = { values: [{ value: 'Maple Hollow Regional Hospital', category: 'B', source: 'InstitutionName', vr: 'LO' }] };
    const cut = (await phi.detect([line('Le Hol', 100, 20), line('Maple Hollow Regional Hospital', 100, 40)], maple)).find((f) => f.text === 'Le Hol');
    expect(cut?.box?.left).toBeLessThanOrEqual(100 - 3 * 5);
    // Alone, far from the institution's distinctive part, the tail and a common word say nothing.
    expect((await phi.detect([line('al Center', 150, 300)], ctx)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });

  it('finds a header date or name word OCR read as two pieces of one row, and not pieces spelling another', async () => {
    const date = await phi.detect([line('“513-09', 36), line('09-1966 5', 63)], ctx);
    expect(date.filter((f) => f.type === 'header:PatientBirthDate:split').map((f) => f.text).sort()).toEqual(['09-1966', '“513-09']);
    const name = await phi.detect([line('PRISC', 10), line('CILLA', 42)], ctx);
    expect(name.map((f) => f.text).sort()).toEqual(['CILLA', 'PRISC']);
    // Another date, pieces on two rows, or pieces far apart on the row are not joined.
    expect((await phi.detect([line('“513-09', 36), line('09-1967 5', 63)], ctx)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
    expect((await phi.detect([line('PRISC', 10), line('CILLA', 42, 60)], ctx)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
    expect((await phi.detect([line('PRISC', 10), line('CILLA', 200)], ctx)).filter((f) => f.type.startsWith('header:'))).toEqual([]);
  });
});

describe('local PHI detector: burned-in PHI the header does not hold (issue 8)', () => {
  const detectLine = (line: string, confidence = 90) => detectWords(phiLow, none, line, confidence);

  it.each([
    ['Tel 0161 496 0832', '0161 496 0832'],
    ['Ph: +44 20 7946 0018', '+44 20 7946 0018'],
    ['+1 212 555 0147', '+1 212 555 0147'],
    ['(03) 9555 2210', '(03) 9555 2210'],
    ['06 12 34 56 78', '06 12 34 56 78'],
    ['Call 555-0199 x42', '555-0199 x42'],
    ['Contact: 212.555.0147', '212.555.0147'],
    ['+44 (0)20 7946 0018', '+44 (0)20 7946 0018'],
    ['Fax: 020 7946 0019', '020 7946 0019'],
    ['Mobile 07700 900123', '07700 900123'],
    ['tel. O161 496 O832', 'O161 496 O832'],
  ])('finds the phone number on screen in %j, a number the header does not hold', async (line, phone) => {
    const f = await detectLine(line);
    expect(f.some((x) => x.category === 'D' && x.text === phone)).toBe(true);
  });

  it('trusts a labelled or international phone number read with low confidence, as a labelled value', async () => {
    expect((await detectLine('Ph: +44 20 7946 0018', 40)).map((x) => x.text)).toEqual(['+44 20 7946 0018']);
  });

  it.each([
    '120 kV 250 mA', '512 x 512', 'TR 4000 TE 100', 'Se 3 Im 45', 'W 400 L 40', 'C5-1 17Hz MI 1.2', '0 1 2 3 4 5', 'DLP 1234.5 mGy',
    '0.625 mm 64 x 0.625', 'b-values 50 400 800 1000', 'Series 12 13 14 15', 'FOV 350 mm 512 x 512', 'Se 3 Im 45 / 120', '14:22:10',
    // Window values read with a letter for a digit (`L` as 1): `W:` labels a window, not a work phone, on a screen.
    'W:1013 L-216', 'W:1652 L357',
  ])('takes no phone number from the harmless line %j', async (line) => {
    expect(await detectLine(line)).toEqual([]);
  });

  it('takes the date of a date and time for a date, not with the time for a phone number', async () => {
    for (const line of ['03.01.1950 14:22:10', '05.03.2019 14:22']) {
      const f = await detectLine(line);
      expect(f.map((x) => `${x.text}|${x.category}`)).toEqual([`${line.split(' ')[0]}|C`]);
    }
  });

  it.each([
    ['Read by: T. Okonkwo', 'T. Okonkwo'],
    ['read by: t. okonkwo', 't. okonkwo'],
    ['cc: Dr Halvorsen', 'Dr Halvorsen'],
    ['Attg: MARGUERITE VOSS', 'MARGUERITE VOSS'],
    ['Consult: Ibsen, K', 'Ibsen, K'],
    ['Reported by Lindqvist A', 'Lindqvist A'],
    ['Dictated by: J-P Marchetti', 'J-P Marchetti'],
    ['Signed: e.lundgren', 'e.lundgren'],
    ['Sonographer: Priya Ramaswamy', 'Priya Ramaswamy'],
    ['Resident: de la Cruz, M', 'de la Cruz, M'],
    ["Fellow: O'Brien", "O'Brien"],
    ['Surgeon: Adaeze Nwosu', 'Adaeze Nwosu'],
    ['Perf. by K. Nakamura', 'K. Nakamura'],
    ['TECH: R. ABERNATHY-COLE', 'R. ABERNATHY-COLE'],
    ['Radiographer: L. Fairweather', 'L. Fairweather'],
    ['Dictated by HOLM, S.', 'HOLM, S.'],
  ])('finds the person named after the role cue of %j, a name the header does not hold', async (line, name) => {
    const f = await detectLine(line);
    expect(f.some((x) => x.category === 'A' && x.text === name)).toBe(true);
    // The cue itself is not PHI.
    expect(f.some((x) => x.text.includes(line.slice(0, 4)))).toBe(false);
  });

  it('fails closed on a staff name OCR read as one letter, though a letter alone is a keep-list word', async () => {
    const f = await detectLine('Ref. Phys: F');
    expect(f.some((x) => x.category === 'A' && x.type === 'LABELLED_VALUE' && x.text.endsWith('Phys:'))).toBe(true);
  });

  it("takes the staff roles from the rules: a site's role cues a name, and its list replaces the default", async () => {
    const site = createLocalPhiDetector({ confidenceThreshold: 60, staffRoles: ['PERFUSIONIST'] });
    const cued = (f: PhiFinding[]) => f.some((x) => x.category === 'A' && x.type === 'LABELLED_VALUE');
    expect(cued(await detectWords(site, none, 'Perfusionist: F'))).toBe(true);
    expect(cued(await detectLine('Perfusionist: F'))).toBe(false);
    expect(cued(await detectWords(site, none, 'Sonographer: F'))).toBe(false);
    expect(cued(await detectLine('Sonographer: F'))).toBe(true);
  });

  it('ends a staff name at the next label on its line, which has its own name', async () => {
    const f = await detectLine('Read by: T. Okonkwo Tech: JS');
    expect(f.map((x) => x.text).sort()).toEqual(['JS', 'T. Okonkwo']);
  });

  it.each([
    'Tech: LOW DOSE', 'Tech: ROUTINE', 'Sonographer: ABDOMEN COMPLETE', 'Resident: NONE', 'Reported by: CT CHEST', 'Requested by: ER',
    'Performed: CT CHEST W/O', 'Ordered: STAT', 'Operator: AUTO', 'Reviewed: yes', 'Requested: 14:22', 'Tech: KV 120', 'CC: 5 ml', 'DR: 60',
  ])('takes no name from the role cue before harmless words in %j', async (line) => {
    expect(await detectLine(line)).toEqual([]);
  });
});

describe('local PHI detector: initials and the parts of a name or date left beside what was found (issue 8)', () => {
  const staff: IdentityContext = {
    values: [
      { value: 'MWANGI^ODHIAMBO', category: 'A', source: 'OperatorsName', vr: 'PN' },
      { value: 'PARK^ANNA', category: 'A', source: 'PerformingPhysicianName', vr: 'PN' },
      { value: 'SOLBERG^INGRID^V', category: 'A', source: 'PatientName', vr: 'PN' },
      { value: 'DESROCHES^ÉMILIE', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' },
      { value: '19470915', category: 'C', source: 'PatientBirthDate', vr: 'DA' },
      { value: '093Y', category: 'C', source: 'PatientAge', vr: 'AS' },
      { value: 'The Heatherbrook Clinic', category: 'B', source: 'InstitutionName', vr: 'LO' },
      { value: 'Port Caddow Regional Medical Center', category: 'B', source: 'InstitutionAddress', vr: 'LO' },
    ],
  };

  it.each([
    ['09:41 OM', 'OM'],
    ['Op: MO', 'MO'],
    ['Sonographer IVS', 'IVS'],
    ['IVS', 'IVS'],
    ['Tech AP', 'AP'],
  ])('finds a header person\'s initials standing as their own word in %j', async (line, initials) => {
    expect(await flagged(line, staff)).toContain(initials);
  });

  it.each(['AP', 'LAT 30 AP', 'HEAD TO TOE', 'Se 4 AP', 'XA', 'CT 3 OM', 'bo MO', 'MO'])('keeps %j, a harmless screen word that spells a header person\'s initials with no cue before it', async (line) => {
    expect(await flagged(line, staff)).toEqual([]);
  });

  it.each([
    ['O. Mwangi', 'O. Mwangi'],
    ['É. Desroches', 'É. Desroches'],
    ['E. Desroches', 'E. Desroches'],
    ['£. Desroches', '£. Desroches'],
    ['Operator 1. Mwangi', '1. Mwangi'],
    ['Desroches, E.', 'Desroches, E.'],
    ['Ref: Q. Desroches', 'Q. Desroches'],
  ])('takes the one-glyph initial beside a header name in %j, whatever letter or mark OCR read', async (line, expected) => {
    expect(await flagged(line, staff)).toContain(expected);
  });

  it('takes an initial OCR read as a line of its own right before a name on its row, and no marker further off or on another row', async () => {
    const span = (text: string, left: number, top = 20): TextSpan => ({ text, location: text, box: { left, top, width: 7 * text.length, height: 10 } });
    const texts = async (spans: TextSpan[]) => (await phi.detect(spans, staff)).map((f) => f.text);
    expect(await texts([span('£.', 10), span('Mwangi', 30)])).toEqual(expect.arrayContaining(['£.', 'Mwangi']));
    expect(await texts([span('Mwangi', 10), span('O.', 58)])).toEqual(expect.arrayContaining(['O.', 'Mwangi']));
    expect(await texts([span('L', 10), span('Mwangi', 80)])).toEqual(['Mwangi']);
    expect(await texts([span('R', 10, 40), span('Mwangi', 30)])).toEqual(['Mwangi']);
  });

  it('takes a dotted initial before the particles of a family name, and no bare letter there', async () => {
    const particles: IdentityContext = { values: [{ value: 'van der Brugge^Anouk', category: 'A', source: 'PatientName', vr: 'PN' }] };
    expect(await flagged('Pt A. van der Brugge', particles)).toContain('A.');
    expect(await flagged('R van der Brugge', particles)).not.toContain('R');
  });

  it('leaves a number before a name that is no initial (no dot, or more than one digit)', async () => {
    expect(await flagged('Bay 1 Mwangi', staff)).toEqual(['Mwangi']);
    expect(await flagged('12. Mwangi', staff)).toEqual(['Mwangi']);
  });

  it('leaves a bare letter after a name that is not the person\'s initial (the sex), and a bracket', async () => {
    expect(await flagged('MWANGI F', staff)).toEqual(['MWANGI']);
    expect(await flagged('(MWANGI)', staff)).toEqual(['MWANGI']);
  });

  it.each(['THC', 'THBC', 'HBC', 'PCRMC', 'Pcrmc'])('finds the header institution\'s initials %j, a leading The and words run together included', async (line) => {
    expect(await flagged(line, staff)).toEqual([line]);
  });

  it.each(['THB', 'HCB', 'PCR', 'TBC'])('does not take %j, no initials of the header institution', async (line) => {
    expect(await flagged(line, staff)).toEqual([]);
  });

  it.each(['15 September 1947', '15. September 1947', '15th Sept 1947', '1S Sep 1947'])('covers the day of the birth date %j', async (line) => {
    const f = await flagged(line, staff);
    expect(f.some((x) => x.startsWith(line.split(' ')[0]))).toBe(true);
  });

  it('does not take a word before a month and year for its day', async () => {
    expect(await flagged('TO September 1947', staff)).toEqual(['September 1947']);
  });

  it.each(['93', '093', '93 F'])('finds the header age over 89 alone on its line as %j, and not beside other words', async (line) => {
    expect(await flagged(line, staff)).toEqual([line.split(' ')[0]]);
    expect(await flagged(`Im ${line}`, staff)).toEqual([]);
    expect(await flagged(`${line} mm`, staff)).toEqual([]);
  });
});

describe('local PHI detector: other people listed on a screen (a worklist screenshot)', () => {
  const cell = (text: string, top: number, left = 10): TextSpan => ({ text, location: `row ${top} col ${left}`, box: { left, top, width: 7 * text.length, height: 12 } });
  const detectRows = async (spans: TextSpan[]) => (await phi.detect(spans, none)).map((f) => f.text);

  it('finds SURNAME, Given on a row whose ID or birth date was found, in cells or in one line', async () => {
    const f = await detectRows([
      cell('Patient', 10), cell('ID', 10, 260), cell('Born', 10, 360),
      cell("MAC AODHA, Eibhlín", 30), cell('K7720419', 30, 260), cell('14/09/1951', 30, 360),
      cell('AL-SAYEGH, Rami Y.', 50), cell('K7720533', 50, 260), cell('02/02/1966', 50, 360),
      cell('PHAM, Quoc Bao  K7720871  30.12.1983', 70),
    ]);
    for (const name of ['MAC AODHA, Eibhlín', 'AL-SAYEGH, Rami Y.', 'PHAM, Quoc Bao']) expect(f).toContain(name);
  });

  it('takes no such name on a row without an identifier, nor technique words in that form beside a date', async () => {
    const f = await detectRows([cell('HENDRICKX, Mieke', 10), cell('Series 4', 10, 260), cell('CT CHEST, Without Contrast', 30), cell('12/03/2021', 30, 360), cell('KNEE, Lateral', 50), cell('K7720419', 50, 260)]);
    expect(f.join(' | ')).not.toMatch(/HENDRICKX|CHEST|Contrast|KNEE|Lateral/);
  });
});

describe('local PHI detector: other people on a list screen in any name order (issue 8)', () => {
  /** One OCR line of words 7 px a character, a space's width apart, from `left` on row `top`. */
  const row = (text: string, top: number, left = 12): TextSpan => readLine(text, { top, left, confidence: 88, location: `row ${top}` });
  const names = async (spans: TextSpan[]) => (await phi.detect(spans, none)).filter((f) => f.type === 'LISTED_NAME').map((f) => f.text);

  it('finds Given SURNAME, SURNAME Given, a surname alone and long or hyphenated names on the rows of a worklist', async () => {
    const f = await names([
      row('Patient DOB Exam Status', 8),
      row('Oluwaseun ADEYEMI-BANKOLE 1958-04-17 CT CHEST SCHEDULED', 24),
      row('THIRUVENKATACHARI Lakshmi 1949-11-02 MR BRAIN COMPLETED', 40),
      row('NWACHUKWU 1971-06-30 US ABDOMEN IN PROGRESS', 56),
      row('Ines Garcia-Ballester 1983-01-09 CR CHEST PA ARRIVED', 72),
    ]);
    expect(f).toEqual(['Oluwaseun ADEYEMI-BANKOLE', 'THIRUVENKATACHARI Lakshmi', 'NWACHUKWU', 'Ines Garcia-Ballester']);
  });

  it('leaves the modality, body part, description and status words of those rows, and names on rows without an identifier', async () => {
    const f = (await phi.detect([
      row('Awaiting Review', 8),
      row('Kwabena OSEI 2031-0042 MR KNEE RT SCHEDULED', 24),
      row('Mehta Anand 2031-0057 CT HEAD STAT', 40),
      row('Chidi EZE 2031-0063 US RENAL COMPLETED', 56),
    ], none)).map((f) => f.text).join(' | ');
    expect(f).not.toMatch(/Awaiting|Review|MR|KNEE|RT|SCHEDULED|CT|HEAD|STAT|US|RENAL|COMPLETED/);
  });

  it('takes no label of an identity panel for a name, though its birth date and IDs stack in a column', async () => {
    const f = await names([row('IPP 40917733', 8), row('DOB 1950-01-03', 24), row('Case 5521987', 40), row('Chart No. 7719304', 56)]);
    expect(f).toEqual([]);
  });
});

describe('local PHI detector: a staff member\'s initials with no cue before them (issue 8)', () => {
  const staff: IdentityContext = {
    values: [
      { value: 'ROSSITER^JULIAN^M', category: 'A', source: 'OperatorsName', vr: 'PN' },
      { value: 'HALE^KIM', category: 'A', source: 'PerformingPhysicianName', vr: 'PN' },
      { value: 'PARK^ANNA', category: 'A', source: 'OperatorsName', vr: 'PN' },
      { value: 'DALE^XAVIER', category: 'A', source: 'ReferringPhysicianName', vr: 'PN' },
    ],
  };
  /** One OCR line of words 6 px a character from `left` on row `top`, each read with its confidence (`conf`, or 92). */
  const line = (text: string, left: number, top: number, conf: number[] = []): TextSpan => {
    let x = left;
    const words = text.split(' ').map((t, i) => {
      const w = { text: t, confidence: conf[i] ?? 92, kind: 'word' as const, lineIndex: 0, box: { left: x, top, width: 6 * t.length, height: 10 } };
      x += 6 * t.length + 5;
      return w;
    });
    return { text, location: `${text}@${top}`, words, box: { left, top, width: x - 5 - left, height: 10 } };
  };
  const texts = async (spans: TextSpan[]) => (await phi.detect(spans, staff)).map((f) => f.text);

  it.each(['12 fps JMR', '0.31 mm KH', '80 kV 12 mA JR'])('finds the operator\'s or performing physician\'s initials ending a line of technique values read well: %j', async (text) => {
    expect(await texts([line(text, 10, 20)])).toEqual([text.split(' ').at(-1)]);
  });

  it('finds the initials alone on a line lined up with technique lines read well above or below it', async () => {
    expect(await texts([line('0.31 mm', 10, 20), line('KH', 10, 34)])).toEqual(['KH']);
    // Right-aligned column.
    expect(await texts([line('RJM', 200, 20), line('512 x 512', 164, 34)])).toEqual(['RJM']);
  });

  it('leaves the letters when nothing vouches for them: read poorly, after speckle, alone, out of line, or far from the line', async () => {
    expect(await texts([line('12 fps JMR', 10, 20, [92, 92, 55])])).toEqual([]);
    expect(await texts([line('ae Ee JMR', 10, 20, [30, 25, 92])])).toEqual([]);
    expect(await texts([line('KH', 10, 34)])).toEqual([]);
    expect(await texts([line('0.31 mm', 10, 20), line('KH', 60, 34)])).toEqual([]);
    expect(await texts([line('0.31 mm', 10, 20), line('KH', 10, 80)])).toEqual([]);
    const far = line('12 fps', 10, 20);
    expect(await texts([{ ...far, text: '12 fps JMR', words: [...far.words!, { text: 'JMR', confidence: 92, kind: 'word', lineIndex: 0, box: { left: 120, top: 20, width: 18, height: 10 } }] }])).toEqual([]);
  });

  it('finds initials that spell a measure of obstetric ultrasound (GA), alone on their line or ending a technique line', async () => {
    const measured: IdentityContext = { values: [{ value: 'ABERNETHY^GRETA', category: 'A', source: 'OperatorsName', vr: 'PN' }] };
    const read = async (spans: TextSpan[]) => (await phi.detect(spans, measured)).map((f) => f.text);
    expect(await read([line('0.31 mm', 10, 20), line('GA', 10, 34)])).toEqual(['GA']);
    expect(await read([line('12 fps GA', 10, 20)])).toEqual(['GA']);
  });

  it('leaves the initials of people who do not run the study, and harmless words that spell a staff member\'s initials', async () => {
    expect(await texts([line('12 fps XD', 10, 20)])).toEqual([]);
    expect(await texts([line('12 fps AP', 10, 20)])).toEqual([]);
    expect(await texts([line('0.31 mm', 10, 20), line('PA', 10, 34)])).toEqual([]);
  });
});
