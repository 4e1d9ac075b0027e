/**
 * The reader parses what dcmtk parses: files without preamble, meta group length, meta header or
 * transfer syntax; big endian without meta; sequences stored as UN or with unknown private tags, of
 * defined or undefined length; text under ISO 2022 code extensions (decoded, written back as UTF-8).
 * A file it still cannot read fails with a reason in words that repeats no value and no path.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { characterSets } from 'dicom-character-set';
import { describe, expect, it } from 'vitest';
import { DicomReadError, readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import { charsetTerms, decodeText } from '../../lib/dicom/charset.js';
import type { DicomDict } from '../../lib/dicom/dataset.js';
import { getString, personNameToString } from '../../lib/dicom/elements.js';
import { layoutPart10 } from '../../lib/dicom/part10.js';
import { transcodeDataset } from '../../lib/dicom/transcode.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { pydicomDataDir } from '../support/pydicom-files.js';
import { run } from '../support/tools.js';
import { tempDir } from '../support/temp-dir.js';
import { encodeElement, itemMarker } from '../support/encode-element.js';

const work = tempDir('reader-variants-');

const element = encodeElement;

const text = (s: string) => {
  const bytes = Buffer.from(s, 'latin1');
  return bytes.length % 2 ? concat([bytes, Buffer.from(' ')]) : new Uint8Array(bytes);
};
const uid = (s: string) => (s.length % 2 ? concat([Buffer.from(s), new Uint8Array(1)]) : new Uint8Array(Buffer.from(s)));
const marker = (elementNumber: number, length: number) => itemMarker(elementNumber, length);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** A Part 10 file around a dataset: preamble, DICM and a meta header in explicit VR little endian. */
function part10(body: Uint8Array, transferSyntaxUID?: string): Uint8Array {
  const meta = concat([
    element(0x0002, 0x0001, 'OB', new Uint8Array([0, 1])),
    element(0x0002, 0x0002, 'UI', uid('1.2.840.10008.5.1.4.1.1.7')),
    element(0x0002, 0x0003, 'UI', uid('2.25.1234')),
    ...(transferSyntaxUID ? [element(0x0002, 0x0010, 'UI', uid(transferSyntaxUID))] : []),
  ]);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, meta.byteLength, true);
  return concat([new Uint8Array(128), Buffer.from('DICM'), element(0x0002, 0x0000, 'UL', length), meta, body]);
}

/** A small dataset: SOP class and instance, a private creator, then `middle`, then a patient ID. */
function dataset(middle: Uint8Array[], options: { implicit?: boolean; bigEndian?: boolean } = {}): Uint8Array {
  return concat([
    element(0x0008, 0x0016, 'UI', uid('1.2.840.10008.5.1.4.1.1.7'), options),
    element(0x0008, 0x0018, 'UI', uid('2.25.1234'), options),
    element(0x0009, 0x0010, 'LO', text('ACME PRIVATE'), options),
    ...middle,
    element(0x0010, 0x0020, 'LO', text('MRN-5566'), options),
  ]);
}

/** An item of (0010,0010) Patient Name in implicit VR little endian, as UN and private sequences hold. */
const implicitItem = (name: string, undefinedLength: boolean) => {
  const content = element(0x0010, 0x0010, 'PN', text(name), { implicit: true });
  return undefinedLength ? concat([marker(0xe000, 0xffffffff), content, marker(0xe00d, 0)]) : concat([marker(0xe000, content.byteLength), content]);
};

function nestedName(dict: DicomDict, tag: string): string | undefined {
  const item = dict[tag]?.Value?.[0] as DicomDict | undefined;
  return item ? personNameToString(item['00100010']?.Value?.[0]) : undefined;
}

describe('sequences the dictionary does not name', () => {
  it.each([
    ['explicit VR, UN of undefined length (PS3.5 6.2.2)', false, true],
    ['explicit VR, UN of defined length holding items', false, false],
    ['implicit VR, private sequence of undefined length', true, true],
    ['implicit VR, private sequence of defined length', true, false],
  ])('reads the names inside a %s', (_label, implicit, undefinedLength) => {
    const items = concat([implicitItem('DOE^JANE', undefinedLength), implicitItem('ROE^RICHARD', undefinedLength)]);
    const value = undefinedLength ? concat([items, marker(0xe0dd, 0)]) : items;
    const body = dataset([element(0x0009, 0x1010, 'UN', value, { implicit, undefinedLength })], { implicit });
    const read = readDicom(part10(body, implicit ? TS.ImplicitVRLittleEndian : TS.ExplicitVRLittleEndian), 'private-sq');
    expect(read.dict['00091010']!.vr).toBe('SQ');
    expect((read.dict['00091010']!.Value as DicomDict[]).map((item) => personNameToString(item['00100010']!.Value![0]))).toEqual(['DOE^JANE', 'ROE^RICHARD']);
    expect(getString(read.dict, 'PatientID')).toBe('MRN-5566');
  });

  it('keeps an unknown value that merely starts like an item as bytes', () => {
    const value = concat([marker(0xe000, 200), new Uint8Array(8)]);
    const read = readDicom(part10(dataset([element(0x0009, 0x1011, 'UN', value)]), TS.ExplicitVRLittleEndian), 'blob');
    expect(read.dict['00091011']!.vr).toBe('UN');
    expect(getString(read.dict, 'PatientID')).toBe('MRN-5566');
  });
});

describe('files without the usual framing', () => {
  const fixture = makePhiFixture().dataset;

  // The writer keeps big endian only for pixel data read from a big endian file: these have none.
  const header = { ...fixture, dict: Object.fromEntries(Object.entries(fixture.dict).filter(([tag]) => tag !== '7FE00010')) };

  it('reads a big endian dataset without preamble or meta header', () => {
    const written = writeDicom({ ...header, transferSyntaxUID: TS.ExplicitVRBigEndian });
    const bare = written.subarray(layoutPart10(written).datasetOffset);
    const read = readDicom(bare, 'bare-be');
    expect(read.transferSyntaxUID).toBe(TS.ExplicitVRBigEndian);
    expect(getString(read.dict, 'PatientName')).toBe(getString(fixture.dict, 'PatientName'));
    expect(read.dict['00280010']!.Value).toEqual(fixture.dict['00280010']!.Value);
  });

  it.each([
    ['implicit VR little endian', TS.ImplicitVRLittleEndian],
    ['explicit VR little endian', TS.ExplicitVRLittleEndian],
    ['explicit VR big endian', TS.ExplicitVRBigEndian],
  ])('infers %s when the meta header has no transfer syntax', (_label, syntax) => {
    const written = writeDicom({ ...header, transferSyntaxUID: syntax });
    const read = readDicom(part10(written.subarray(layoutPart10(written).datasetOffset)), 'no-ts');
    expect(read.transferSyntaxUID).toBe(syntax);
    expect(getString(read.dict, 'PatientName')).toBe(getString(fixture.dict, 'PatientName'));
  });

  it('reads a meta header without its group length, and one without preamble', () => {
    const written = writeDicom(fixture);
    const withoutLength = concat([written.subarray(0, 132), written.subarray(144)]);
    expect(getString(readDicom(withoutLength, 'no-group-length').dict, 'PatientName')).toBe(getString(fixture.dict, 'PatientName'));
    expect(getString(readDicom(written.subarray(132), 'no-preamble').dict, 'PatientName')).toBe(getString(fixture.dict, 'PatientName'));
  });
});

describe('files that still cannot be read', () => {
  const fixtureBytes = writeDicom(makePhiFixture().dataset);
  const { datasetOffset } = layoutPart10(fixtureBytes);
  it.each([
    ['a text file', Buffer.from('Patient SMITH^JOHN, DOB 1931-01-02\n'), /not a DICOM file/],
    ['a file cut inside its meta header', fixtureBytes.subarray(0, 150), /truncated: the file ends inside the file meta header/],
    ['a meta header element longer than the file', fixtureBytes.subarray(0, 170), /file meta header element \(0002,\w{4}\) does not fit/],
    ['a meta header without transfer syntax over bytes that are no dataset', part10(Buffer.from('SMITH^JOHN 555-201-3344 ........')), /no Transfer Syntax UID and the dataset encoding cannot be recognised/],
    ['a dataset cut inside an element', fixtureBytes.subarray(0, datasetOffset + 301), /truncated/],
    ['an item where an element belongs', part10(concat([dataset([]), marker(0xe000, 0)]), TS.ExplicitVRLittleEndian), /item .* where a data element was expected/],
  ])('fails %s with a reason in words, naming no value or path', (_label, bytes, reason) => {
    let error: unknown;
    try {
      readDicom(bytes, '/secret/SMITH_JOHN.dcm');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DicomReadError);
    const problem = (error as Error).message.replace('/secret/SMITH_JOHN.dcm: ', '');
    expect(problem).toMatch(reason);
    expect(problem).not.toMatch(/SMITH|JOHN|555-201|MRN|secret|Cannot read properties|undefined/);
  });
});

describe('ISO 2022 and other character sets (pydicom charset files)', () => {
  const dir = path.join(pydicomDataDir(), 'charset_files');
  // Patient Name as pydicom's own tests decode these files.
  const names: Record<string, string> = {
    'chrArab.dcm': 'قباني^لنزار',
    'chrFren.dcm': 'Buc^Jérôme',
    'chrGerm.dcm': 'Äneas^Rüdiger',
    'chrGreek.dcm': 'Διονυσιος',
    'chrH31.dcm': 'Yamada^Tarou=山田^太郎=やまだ^たろう',
    'chrH32.dcm': 'ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう',
    'chrHbrw.dcm': 'שרון^דבורה',
    'chrI2.dcm': 'Hong^Gildong=洪^吉洞=홍^길동',
    'chrJapMulti.dcm': 'やまだ^たろう',
    'chrJapMultiExplicitIR6.dcm': 'やまだ^たろう',
    'chrKoreanMulti.dcm': '김희중',
    'chrRuss.dcm': 'Люкceмбypг',
    'chrX1.dcm': 'Wang^XiaoDong=王^小東',
    'chrX2.dcm': 'Wang^XiaoDong=王^小东',
  };

  it.each(Object.entries(names))('decodes %s and writes it back as UTF-8 (ISO_IR 192) that dcmtk reads', (file, name) => {
    const read = readDicom(readFileSync(path.join(dir, file)), file);
    expect(getString(read.dict, 'PatientName')).toBe(name);
    const output = path.join(work, file);
    writeFileSync(output, writeDicom(read));
    const again = readDicom(readFileSync(output), 'round-trip');
    expect(getString(again.dict, 'SpecificCharacterSet')).toBe('ISO_IR 192');
    expect(getString(again.dict, 'PatientName')).toBe(name);
    // dcmtk, converting to UTF-8 on its own, shows the same name.
    const dump = run('dcmdump', ['+U8', '+P', 'PatientName', output]);
    expect(dump.status).toBe(0);
    expect(dump.output).toContain(`[${name}`);
  });

  it.each(['chrSQEncoding.dcm', 'chrSQEncoding1.dcm'])('decodes a sequence item under its own or its dataset’s code extensions (%s)', (file) => {
    const read = readDicom(readFileSync(path.join(dir, file)), file);
    expect(nestedName(read.dict, '00321064')).toBe('ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう');
    expect(nestedName(readDicom(writeDicom(read), 'round-trip').dict, '00321064')).toBe('ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう');
  });
});

describe('text in ASCII under a single character set', () => {
  // Every byte 01-7F but the backslash (a value delimiter), odd in length so padding is added back.
  const ascii = Uint8Array.from({ length: 127 }, (_, i) => i + 1).filter((b) => b !== 0x5c);
  // Text under the default repertoire or UTF-8 is kept as written.
  const terms = Object.keys(characterSets).filter((term) => !term.startsWith('ISO 2022') && term !== 'ISO_IR 6' && term !== 'ISO_IR 192');

  it.each(terms)('is rewritten as the decoder reads it under %s', (term) => {
    const body = concat([element(0x0008, 0x0005, 'CS', text(term)), element(0x0010, 0x4000, 'LT', concat([ascii, Buffer.from('  ')]))]);
    const out = transcodeDataset(body, { implicitVR: false, littleEndian: true });
    const decoded = new TextEncoder().encode(decodeText(ascii, charsetTerms(term), 'LT'));
    const expected = decoded.byteLength % 2 ? concat([decoded, Buffer.from(' ')]) : decoded;
    const charset = element(0x0008, 0x0005, 'CS', text('ISO_IR 192'));
    expect(Buffer.from(out)).toEqual(Buffer.from(concat([charset, element(0x0010, 0x4000, 'LT', expected)])));
  });
});
