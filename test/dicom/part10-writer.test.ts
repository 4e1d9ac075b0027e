/**
 * The Part 10 writer against the dcmjs writer it replaced: the same bytes, byte for byte, on
 * datasets with every VR in every syntax the kit writes, on values read and changed, and on real
 * files (the shared corpus, the sample images, pydicom's test files); dcmtk reads what it writes;
 * what it cannot write is refused with an error naming the element, never its value.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePart10WithDcmjs, readDicom } from '../../lib/dicom/adapter.js';
import type { DicomDict } from '../../lib/dicom/dataset.js';
import { DicomWriteError, encodePart10 } from '../../lib/dicom/part10-writer.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { corpusDir, projectRoot } from '../support/paths.js';
import { pydicomFiles } from '../support/pydicom-files.js';
import { run } from '../support/tools.js';
import { tempDir } from '../support/temp-dir.js';

const work = tempDir('part10-writer-');

const bytesOf = (...values: number[]) => new Uint8Array(values).buffer;
const filled = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff).buffer;

/** File Meta Information as `writeDicom` builds it (the group length is the writer's). */
function metaFor(transferSyntaxUID: string): DicomDict {
  return {
    '00020001': { vr: 'OB', Value: [bytesOf(0, 1)] },
    '00020002': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.7'] },
    '00020003': { vr: 'UI', Value: ['2.25.1234567890'] },
    '00020010': { vr: 'UI', Value: [transferSyntaxUID] },
    '00020012': { vr: 'UI', Value: ['2.25.99'] },
    '00020013': { vr: 'SH', Value: ['TEST_1'] },
  };
}

/** A dataset with every VR, several values, empty values, odd lengths, nesting and a value too long for a 2-byte length. */
function everyVr(): DicomDict {
  const item = (n: number): DicomDict => ({
    '00080100': { vr: 'SH', Value: [`CODE${n}`] },
    '00080104': { vr: 'LO', Value: ['Meaning with ünïcödé'] },
    '00400A30': { vr: 'DS', Value: [n / 3] },
  });
  return {
    '00080005': { vr: 'CS', Value: ['ISO_IR 192'] },
    '00080008': { vr: 'CS', Value: ['ORIGINAL', 'PRIMARY', 'AXIAL'] },
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.7'] },
    '00080018': { vr: 'UI', Value: ['2.25.1234567890'] },
    '00080020': { vr: 'DA', Value: ['20240102'] },
    '00080030': { vr: 'TM', Value: ['101010.5'] },
    '0008002A': { vr: 'DT', Value: ['20240102101010.123456'] },
    '00080050': { vr: 'SH', Value: ['ACC1'] },
    '00080060': { vr: 'CS', Value: ['OT'] },
    '00080070': { vr: 'LO', Value: ['Ünïcode maker 医'] },
    '00080080': { vr: 'LO', Value: [''] },
    '00080081': { vr: 'ST', Value: ['1 Odd Street'] },
    '00080090': { vr: 'PN', Value: [{ Alphabetic: 'Doe^John', Ideographic: '山田^太郎' }, { Alphabetic: 'Roe^Richard' }] },
    '00080201': { vr: 'SH', Value: ['+0100'] },
    '00081030': { vr: 'LO', Value: ['first', 'second value'] },
    '00081032': { vr: 'SQ', Value: [item(1), item(2), {}] },
    '00081050': { vr: 'PN', Value: [] },
    '00081070': { vr: 'PN', Value: ['Plain^String'] },
    '00081110': { vr: 'SQ', Value: [] },
    '00081115': { vr: 'SQ', Value: [{ '00081140': { vr: 'SQ', Value: [{ '00081150': { vr: 'UI', Value: ['1.2.3'] }, '00081155': { vr: 'UI', Value: ['1.2.3.4.5'] } }] } }] },
    '00081190': { vr: 'UR', Value: ['https://example.org/studies/1'] },
    '00090010': { vr: 'LO', Value: ['ACME 1.0'] },
    '00091001': { vr: 'UN', Value: [bytesOf(1, 2, 3)] },
    '00091002': { vr: 'OB', Value: [] },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
    '00100020': { vr: 'LO', Value: ['ID-12345'] },
    '00101010': { vr: 'AS', Value: ['042Y'] },
    '00101020': { vr: 'DS', Value: [1.75] },
    '00101030': { vr: 'DS', Value: [70.12345678901234, -0.000012345678901, 1e20, -31415926535897.93, null, '2.50'] },
    '00104000': { vr: 'LT', Value: ['line one\r\nline two '] },
    '00180015': { vr: 'CS', Value: [] },
    '00181000': { vr: 'LO', Value: ['x'.repeat(70_001)] },
    '00200013': { vr: 'IS', Value: [12] },
    '00200020': { vr: 'CS', Value: ['L', ''] },
    '00201041': { vr: 'DS', Value: [null] },
    '00204000': { vr: 'LT', Value: ['a comment', 'b'] },
    '00280002': { vr: 'US', Value: [1] },
    '00280010': { vr: 'US', Value: [512] },
    '00280011': { vr: 'US', Value: ['256'] },
    '00280106': { vr: 'SS', Value: [-5] },
    '00281052': { vr: 'DS', Value: ['-1024'] },
    '00290010': { vr: 'LO', Value: ['KIT TEST'] },
    '00291019': { vr: 'SL', Value: [-70000, 70000] },
    '00291020': { vr: 'UL', Value: [70000] },
    '00291021': { vr: 'FL', Value: [1.5, 2.25] },
    '00291022': { vr: 'FD', Value: [Math.PI] },
    '00291023': { vr: 'AT', Value: [0x00100010, 0x7fe00010] },
    '00291024': { vr: 'UV', Value: [123n] },
    '00291025': { vr: 'OD', Value: [filled(16, 1)] },
    '00291026': { vr: 'OF', Value: [filled(8, 2)] },
    '00291027': { vr: 'OW', Value: [filled(6, 3)] },
    '00291028': { vr: 'OB', Value: [filled(7, 4)] },
    '00291029': { vr: 'UC', Value: ['unlimited characters'] },
    '0040A160': { vr: 'UT', Value: ['Some report text, odd'] },
    '00880200': {
      vr: 'SQ',
      Value: [
        {
          '00280010': { vr: 'US', Value: [4] },
          '7FE00010': { vr: 'OB', Value: [filled(45_001, 5), filled(16, 6)] },
        },
      ],
    },
    '7FE00010': { vr: 'OB', Value: [filled(45_001, 7), filled(16, 8), filled(0, 9)] },
  };
}

const SYNTAXES = [TS.ImplicitVRLittleEndian, TS.ExplicitVRLittleEndian, TS.ExplicitVRBigEndian, TS.DeflatedExplicitVRLittleEndian, TS.JPEGBaseline, TS.RLELossless];

/** Both writers' bytes for a dataset. */
function both(dict: DicomDict, transferSyntaxUID: string): { ours: Uint8Array; dcmjs: Uint8Array } {
  return { ours: encodePart10(metaFor(transferSyntaxUID), dict, transferSyntaxUID).bytes, dcmjs: encodePart10WithDcmjs(metaFor(transferSyntaxUID), dict) };
}

function expectSameBytes(ours: Uint8Array, dcmjs: Uint8Array): void {
  const first = ours.findIndex((byte, i) => byte !== dcmjs[i]);
  expect({ length: ours.byteLength, firstDifference: first }).toEqual({ length: dcmjs.byteLength, firstDifference: ours.byteLength === dcmjs.byteLength ? -1 : first });
}

describe('Part 10 writer', () => {
  it.each(SYNTAXES)('writes the same bytes as dcmjs for every VR in %s', (transferSyntaxUID) => {
    const { ours, dcmjs } = both(everyVr(), transferSyntaxUID);
    expectSameBytes(ours, dcmjs);
  });

  it('writes a 2-byte-length value over 65535 bytes as UN with a 4-byte length, and pads odd values', () => {
    const { ours } = both({ '00181000': { vr: 'LO', Value: ['x'.repeat(70_001)] }, '00291028': { vr: 'OB', Value: [filled(7, 4)] } }, TS.ExplicitVRLittleEndian);
    const view = new DataView(ours.buffer, ours.byteOffset);
    const datasetAt = 132 + 12 + view.getUint32(140, true);
    expect(new TextDecoder().decode(ours.subarray(datasetAt + 4, datasetAt + 6))).toBe('UN');
    expect(view.getUint32(datasetAt + 8, true)).toBe(70_002);
    expect(ours[datasetAt + 12 + 70_001]).toBe(0x20);
    const ob = datasetAt + 12 + 70_002;
    expect(new TextDecoder().decode(ours.subarray(ob + 4, ob + 6))).toBe('OB');
    expect(view.getUint32(ob + 8, true)).toBe(8);
  });

  it.each(SYNTAXES.filter((ts) => ts !== TS.DeflatedExplicitVRLittleEndian))('writes a dataset dcmtk reads back with its values (%s)', (transferSyntaxUID) => {
    const dict = everyVr();
    // Pixel Data without the attributes describing it (those are tested by the adapter's tests).
    delete dict['00880200'];
    delete dict['7FE00010'];
    const file = path.join(work, `every-vr-${transferSyntaxUID}.dcm`);
    writeFileSync(file, encodePart10(metaFor(transferSyntaxUID), dict, transferSyntaxUID).bytes);
    const dump = run('dcmdump', ['-q', '+U8', '+L', file]);
    expect(dump.status).toBe(0);
    expect(dump.output).toContain('Doe^John=山田^太郎\\Roe^Richard');
    // Numbers as DS text of at most 16 characters.
    expect(dump.output).toContain('[70.1234567890123\\-1.2345678901e-5\\1.0000000000e+20\\-3.141592654e+13\\\\2.50]');
    expect(dump.output).toContain('[Ünïcode maker 医]');
    const again = readDicom(readFileSync(file), 'written').dict;
    expect(again['00101030']?.Value).toEqual([70.1234567890123, -0.000012345678901, 1e20, -31415926540000, null, 2.5]);
    expect(again['00181000']?.Value).toEqual(['x'.repeat(70_001)]);
    const nested = (again['00081115']?.Value?.[0] as DicomDict)['00081140']?.Value?.[0] as DicomDict;
    expect(nested['00081155']?.Value).toEqual(['1.2.3.4.5']);
  });

  it('writes an element with no value as an empty value (dcmjs threw on LO, LT, SH and ST, and wrote `undefined` in DS and IS)', () => {
    const { bytes } = encodePart10(metaFor(TS.ExplicitVRLittleEndian), { '00081040': { vr: 'LO' }, '00081050': { vr: 'PN' }, '00200013': { vr: 'IS' } }, TS.ExplicitVRLittleEndian);
    const again = readDicom(bytes, 'empty values').dict;
    expect(again['00081040']?.Value).toEqual(['']);
    expect(again['00081050']?.Value).toEqual([]);
    expect(again['00200013']?.Value).toEqual([null]);
    expect(Buffer.from(bytes).includes('undefined')).toBe(false);
  });

  it('writes values read and not changed as they were read, and changed values as they are now', () => {
    const dict: DicomDict = {
      '00080060': { vr: 'CS', Value: [' CT'] },
      '00100010': { vr: 'PN', Value: ['Doe^Jane^^^'] },
      '00101020': { vr: 'DS', Value: ['0.50', '+1.0e1'] },
      '00200013': { vr: 'IS', Value: [' 0012'] },
      '00081030': { vr: 'LO', Value: ['Study  '] },
    };
    const read = readDicom(encodePart10(metaFor(TS.ExplicitVRLittleEndian), dict, TS.ExplicitVRLittleEndian).bytes, 'raw values');
    expect(read.dict['00101020']?.Value).toEqual([0.5, 10]);
    const unchanged = both(read.dict, TS.ExplicitVRLittleEndian);
    expectSameBytes(unchanged.ours, unchanged.dcmjs);
    expect(Buffer.from(unchanged.ours).includes('0.50\\+1.0e1')).toBe(true);
    expect(Buffer.from(unchanged.ours).includes(' 0012')).toBe(true);

    read.dict['00101020']!.Value = [0.75, 10];
    read.dict['00100010']!.Value = [{ Alphabetic: 'Roe^Ann' }];
    read.dict['00200013']!.Value = [13];
    const changed = both(read.dict, TS.ExplicitVRLittleEndian);
    expectSameBytes(changed.ours, changed.dcmjs);
    expect(Buffer.from(changed.ours).includes('0.75\\10')).toBe(true);
    expect(Buffer.from(changed.ours).includes('Roe^Ann')).toBe(true);
    expect(Buffer.from(changed.ours).includes('0.50')).toBe(false);
  });

  it('refuses what it cannot write, naming the element and not the value', () => {
    const refuse = (dict: DicomDict) => {
      try {
        encodePart10(metaFor(TS.ExplicitVRLittleEndian), dict, TS.ExplicitVRLittleEndian);
      } catch (error) {
        expect(error).toBeInstanceOf(DicomWriteError);
        return (error as Error).message;
      }
      throw new Error('written');
    };
    expect(refuse({ '00080060': { vr: 'CS', Value: ['SMITH_JOHN_THE_THIRD'] } })).toBe("cannot write (0008,0060) CS: a value of 20 bytes, above the VR's maximum of 16");
    expect(refuse({ '00280010': { vr: 'US', Value: ['SMITH'] } })).toBe('cannot write (0028,0010) US: a value is not a number');
    expect(refuse({ '00100010': { vr: 'PN', Value: [{ Alphabetic: 'S'.repeat(65) }] } })).toMatch(/^cannot write \(0010,0010\) PN: a name component of 65 characters/);
    expect(refuse({ '00080020': { vr: 'DA', Value: ['202401020'] } })).toMatch(/^cannot write \(0008,0020\) DA/);
    expect(refuse({ '00081032': { vr: 'SQ', Value: ['SMITH'] } })).toBe('a sequence item is not a dataset');
    expect(refuse({ '00100020': { vr: 'LO', Value: ['x'] }, '00100021': { Value: ['x'] } as never })).toBe('element (0010,0021) has no VR');
    expect(refuse({ '00420011': { vr: 'OB', Value: ['SMITH'] } })).toBe('cannot write (0042,0011) OB: its value is not binary data');
    expect(refuse({ '00291024': { vr: 'UV', Value: [5] } })).toMatch(/^cannot write \(0029,1024\) UV/);
  });

  it('writes the same bytes as dcmjs for every real file it reads: the corpus, the samples and pydicom\'s test files', () => {
    const samplesDir = path.join(projectRoot, 'images/med_phi_img');
    const files = [
      ...readdirSync(corpusDir).filter((n) => n.endsWith('.dcm')).map((n) => path.join(corpusDir, n)),
      ...readdirSync(samplesDir).filter((n) => n.endsWith('.dcm')).map((n) => path.join(samplesDir, n)),
      ...pydicomFiles(),
    ];
    let compared = 0;
    for (const file of files) {
      let dataset;
      try {
        dataset = readDicom(readFileSync(file), path.basename(file));
      } catch {
        continue;
      }
      const dict: DicomDict = {};
      for (const [tag, element] of Object.entries(dataset.dict)) if (tag < '7FE00010') dict[tag] = element;
      const meta = { ...dataset.meta, '00020010': { vr: 'UI', Value: [dataset.transferSyntaxUID] } };
      let dcmjs: Uint8Array | undefined;
      try {
        dcmjs = encodePart10WithDcmjs({ ...meta }, dict);
      } catch {
        // dcmjs refused it: so must we.
        expect(() => encodePart10({ ...meta }, dict, dataset.transferSyntaxUID), path.basename(file)).toThrow(DicomWriteError);
        continue;
      }
      const ours = encodePart10({ ...meta }, dict, dataset.transferSyntaxUID).bytes;
      expect(Buffer.compare(Buffer.from(ours), Buffer.from(dcmjs)), path.basename(file)).toBe(0);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
