import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DicomReadError, cloneDataset, pixelDataUnchanged, readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import type { DicomDict } from '../../lib/dicom/dataset.js';
import { getString, walkDataset } from '../../lib/dicom/elements.js';
import { locatePixelElement } from '../../lib/dicom/pixel-element.js';
import { TS, isImplicitVR } from '../../lib/dicom/transfer-syntaxes.js';
import { redactFrames } from '../../lib/pixels/redact.js';
import { corpusFile, projectRoot } from '../support/paths.js';
import { dciodvfyErrors, run } from '../support/tools.js';
import { tempDir } from '../support/temp-dir.js';

const work = tempDir('adapter-');
const corpus = ['davidson_cr_rle.dcm', 'davidson_no_pixels.dcm', 'kaufman_ct.dcm', 'rodgers_pt_rgb.dcm'].map(corpusFile);
const samplesDir = path.join(projectRoot, 'images/med_phi_img');
const samples = readdirSync(samplesDir).filter((n) => n.endsWith('.dcm')).map((n) => path.join(samplesDir, n));

/** Every string value with its path, for comparing two datasets. */
function strings(dict: DicomDict): Map<string, string> {
  const out = new Map<string, string>();
  walkDataset(dict, ({ path, element }) => {
    if (element.vr === 'SQ' || element.Value?.some((v) => v instanceof ArrayBuffer)) return;
    out.set(path, JSON.stringify(element.Value ?? []));
  });
  return out;
}

/** The raw Pixel Data element of a Part 10 file's bytes. */
function rawPixelElement(bytes: Uint8Array, transferSyntaxUID: string): Uint8Array | undefined {
  const metaEnd = 132 + 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(140, true);
  const body = bytes.subarray(metaEnd);
  const located = locatePixelElement(body, isImplicitVR(transferSyntaxUID));
  return located && body.subarray(located.start, located.end);
}

function convert(input: string, flags: string[], name: string): string {
  const output = path.join(work, name);
  const { status, output: text } = run('dcmconv', [...flags, input, output]);
  if (status !== 0) throw new Error(`dcmconv failed: ${text}`);
  return output;
}

describe('reading and writing DICOM', () => {
  it.each([...corpus, ...samples])('round-trips %s with every value and the pixel bytes unchanged', (file) => {
    const name = path.basename(file);
    const input = readFileSync(file);
    const dataset = readDicom(input, name);
    const output = writeDicom(cloneDataset(dataset));
    const again = readDicom(output, 'round-trip');
    expect(again.transferSyntaxUID).toBe(dataset.transferSyntaxUID);
    expect(strings(again.dict)).toEqual(strings(dataset.dict));
    const before = rawPixelElement(input, dataset.transferSyntaxUID);
    if (before) expect(Buffer.from(rawPixelElement(output, again.transferSyntaxUID)!).equals(Buffer.from(before))).toBe(true);
  });

  it.each([...corpus, ...samples])('writes %s so that dcmdump reads it and dciodvfy finds no new errors', (input) => {
    const file = path.join(work, `rt-${path.basename(input)}`);
    writeFileSync(file, writeDicom(readDicom(readFileSync(input), input)));
    expect(run('dcmdump', ['-q', file]).status).toBe(0);
    expect(dciodvfyErrors(file)).toBeLessThanOrEqual(dciodvfyErrors(input));
  });

  it.each([
    ['explicit VR big endian', ['+tb'], TS.ExplicitVRBigEndian],
    ['deflated explicit VR little endian', ['+td'], TS.DeflatedExplicitVRLittleEndian],
    ['explicit VR little endian', ['+te'], TS.ExplicitVRLittleEndian],
  ])('reads and keeps %s', (_label, flags, syntax) => {
    const original = readDicom(readFileSync(corpusFile('kaufman_ct.dcm')));
    const file = convert(corpusFile('kaufman_ct.dcm'), flags, `kaufman-${syntax}.dcm`);
    const dataset = readDicom(readFileSync(file), file);
    expect(dataset.transferSyntaxUID).toBe(syntax);
    expect(getString(dataset.dict, 'PatientName')).toBe('KAUFMAN^SCOTT');
    expect(Buffer.from(dataset.dict['7FE00010']!.Value![0] as ArrayBuffer).equals(Buffer.from(original.dict['7FE00010']!.Value![0] as ArrayBuffer))).toBe(true);
    const written = path.join(work, `kaufman-${syntax}-out.dcm`);
    writeFileSync(written, writeDicom(dataset));
    const again = readDicom(readFileSync(written), written);
    expect(again.transferSyntaxUID).toBe(syntax);
    expect(strings(again.dict)).toEqual(strings(dataset.dict));
    expect(run('dcmdump', ['-q', written]).status).toBe(0);
  });

  it('swaps big endian OW pixel data of 8-bit colour images to little endian, and back when writing', () => {
    const original = readDicom(readFileSync(corpusFile('rodgers_pt_rgb.dcm')));
    const file = convert(corpusFile('rodgers_pt_rgb.dcm'), ['+tb'], 'rodgers-be.dcm');
    const dataset = readDicom(readFileSync(file), file);
    const pixels = (d: typeof dataset) => Buffer.from(d.dict['7FE00010']!.Value![0] as ArrayBuffer);
    expect(pixels(dataset).equals(pixels(original))).toBe(true);
    const written = path.join(work, 'rodgers-be-out.dcm');
    writeFileSync(written, writeDicom(dataset));
    expect(run('dcmconv', ['+te', written, path.join(work, 'rodgers-be-le.dcm')]).status).toBe(0);
    expect(pixels(readDicom(readFileSync(path.join(work, 'rodgers-be-le.dcm')))).equals(pixels(original))).toBe(true);
  });

  it('reads a bare dataset without preamble or meta header as implicit VR little endian', () => {
    const file = convert(corpusFile('kaufman_ct.dcm'), ['-F', '+ti'], 'kaufman-bare.dcm');
    const dataset = readDicom(readFileSync(file), file);
    expect(dataset.transferSyntaxUID).toBe(TS.ImplicitVRLittleEndian);
    expect(getString(dataset.dict, 'PatientID')).toBeDefined();
    expect(getString(dataset.dict, 'Modality')).toBe('CT');
  });

  it('decodes ISO_IR 100 text and writes it back as UTF-8 (ISO_IR 192)', () => {
    // kaufman_ct.dcm declares ISO_IR 100; put Latin-1 bytes of the same length in place of the name.
    const file = path.join(work, 'latin1.dcm');
    const bytes = readFileSync(corpusFile('kaufman_ct.dcm'));
    const at = bytes.indexOf(Buffer.from('KAUFMAN^SCOTT', 'latin1'));
    Buffer.from('M\xdcLLER^J\xd6RG  ', 'latin1').copy(bytes, at);
    writeFileSync(file, bytes);
    const dataset = readDicom(readFileSync(file), file);
    expect(getString(dataset.dict, 'PatientName')).toBe('MÜLLER^JÖRG');
    const again = readDicom(writeDicom(dataset));
    expect(getString(again.dict, 'PatientName')).toBe('MÜLLER^JÖRG');
    expect(getString(again.dict, 'SpecificCharacterSet')).toBe('ISO_IR 192');
  });

  it('re-encodes pixel data that a step replaced, and keeps raw bytes only while frames are unchanged', () => {
    const dataset = readDicom(readFileSync(corpusFile('davidson_cr_rle.dcm')));
    expect(pixelDataUnchanged(dataset)).toBe(true);
    const copy = cloneDataset(dataset);
    const frame = new Uint8Array((copy.dict['7FE00010']!.Value![0] as ArrayBuffer).slice(0));
    copy.dict['7FE00010'] = { vr: 'OB', Value: [frame.buffer] };
    expect(pixelDataUnchanged(copy)).toBe(false);
    const again = readDicom(writeDicom(copy));
    expect(Buffer.from(again.dict['7FE00010']!.Value![0] as ArrayBuffer).equals(Buffer.from(frame))).toBe(true);
    // An in-place change to the frames is noticed too: the original bytes must not be written back.
    const mutated = cloneDataset(dataset);
    new Uint8Array(mutated.dict['7FE00010']!.Value![0] as ArrayBuffer)[100] ^= 0xff;
    expect(pixelDataUnchanged(mutated)).toBe(false);
  });

  it.each(['kaufman_ct.dcm', 'davidson_cr_rle.dcm'])('a working copy sharing the pixel buffers (%s) leaves the original as read when its pixels are redacted', async (name) => {
    const original = readDicom(readFileSync(corpusFile(name)));
    const asRead = (original.dict['7FE00010']!.Value as ArrayBuffer[]).map((b) => Buffer.from(b.slice(0)));
    const copy = cloneDataset(original, { sharePixelData: true });
    await redactFrames(copy, [{ left: 0, top: 0, width: 200, height: 40 }]);
    expect(pixelDataUnchanged(copy)).toBe(false);
    expect(pixelDataUnchanged(original)).toBe(true);
    expect((original.dict['7FE00010']!.Value as ArrayBuffer[]).map((b) => Buffer.from(b))).toEqual(asRead);
    // The redacted copy is written with its own pixels, not the bytes read.
    const written = readDicom(writeDicom(copy));
    expect(Buffer.from(written.dict['7FE00010']!.Value![0] as ArrayBuffer).equals(asRead[0])).toBe(false);
  });

  it.each([
    ['a text file', Buffer.from('Patient: John Smith\n'), /not a DICOM file/],
    ['a truncated file', readFileSync(corpusFile('kaufman_ct.dcm')).subarray(0, 300_000), /truncated/],
    ['a file cut inside the header', readFileSync(corpusFile('kaufman_ct.dcm')).subarray(0, 1000), /truncated/],
    ['a truncated RLE file', readFileSync(corpusFile('davidson_cr_rle.dcm')).subarray(0, 2_000_000), /truncated/],
  ])('rejects %s with an error naming the file and the problem', (_label, bytes, problem) => {
    expect(() => readDicom(bytes, 'input/x.dcm')).toThrow(DicomReadError);
    expect(() => readDicom(bytes, 'input/x.dcm')).toThrow(/^input\/x\.dcm: /);
    expect(() => readDicom(bytes, 'input/x.dcm')).toThrow(problem);
  });
});
