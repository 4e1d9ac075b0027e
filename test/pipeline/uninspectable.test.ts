/**
 * Content the kit cannot inspect is never released as clean: documents, waveforms (audio included)
 * and private SOP classes fail the file; opaque binary elements nothing reads are removed. An
 * object without a SOP Class UID goes on as a generic instance, with a warning, unless it carries
 * content that cannot be inspected.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import { getString } from '../../lib/dicom/elements.js';
import type { DicomDict } from '../../lib/dicom/dataset.js';
import { genericSrgbProfile } from '../../lib/metadata/icc-profile.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid, filesUnder, manifestLines } from '../support/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-uninspectable-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NAME = 'QUACKENBUSH HORATIO';
const bytesOf = (text: string) => new TextEncoder().encode(text).buffer;

/** The PHI fixture turned into another kind of object by `change`. */
function objectFile(name: string, change: (dict: DicomDict, meta: DicomDict) => void): string {
  const fixture = makePhiFixture({ instance: name.length });
  change(fixture.dataset.dict, fixture.dataset.meta);
  const file = path.join(work, 'in', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, fixture.bytes());
  return file;
}
const sopClass = (uid: string) => (dict: DicomDict, meta: DicomDict) => {
  dict['00080016'] = { vr: 'UI', Value: [uid] };
  meta['00020002'] = { vr: 'UI', Value: [uid] };
};

/** The smallest ICC profile: a 128-byte header (its size, the `acsp` signature at byte 36) and an empty tag table. */
function iccProfile(): ArrayBuffer {
  const bytes = new Uint8Array(132);
  new DataView(bytes.buffer).setUint32(0, 132);
  bytes.set(new TextEncoder().encode('mntrRGB XYZ '), 12);
  bytes.set(new TextEncoder().encode('acsp'), 36);
  return bytes.buffer;
}

describe('deid run on objects whose content the kit cannot read', () => {
  const pdf = objectFile('report.dcm', (dict, meta) => {
    sopClass('1.2.840.10008.5.1.4.1.1.104.1')(dict, meta);
    delete dict['7FE00010'];
    dict['00420011'] = { vr: 'OB', Value: [bytesOf(`%PDF-1.4 Patient: ${NAME}, DOB 1930-06-16 %%EOF`)] };
    dict['00420012'] = { vr: 'LO', Value: ['application/pdf'] };
  });
  const audio = objectFile('dictation.dcm', (dict, meta) => {
    sopClass('1.2.840.10008.5.1.4.1.1.9.4.1')(dict, meta);
    delete dict['7FE00010'];
  });
  const vendor = objectFile('vendor.dcm', sopClass('1.3.12.2.1107.5.9.1'));
  const image = objectFile('image-with-extras.dcm', (dict) => {
    dict['00143080'] = { vr: 'OB', Value: [bytesOf(NAME)] }; // Bad Pixel Image: nothing reads it
    dict['54000100'] = { vr: 'SQ', Value: [{ '54001010': { vr: 'OW', Value: [bytesOf('RIFF....WAVE')] } }] };
    dict['00282000'] = { vr: 'OB', Value: [iccProfile()] };
  });
  const notIcc = objectFile('image-with-a-false-profile.dcm', (dict) => {
    dict['00282000'] = { vr: 'OB', Value: [bytesOf(`${NAME} `.repeat(12))] };
  });

  it('fails documents, waveforms and private SOP classes with a reason, and releases the image without opaque extras', async () => {
    const manifest = path.join(work, 'state', 'm.jsonl');
    const out = path.join(work, 'out');
    const result = await deid('run', pdf, audio, vendor, image, notIcc, '--out', out, '--state', path.join(work, 'state'), '--manifest', manifest, '--no-pixels');
    expect(result.code).toBe(1);
    const lines = manifestLines(manifest);
    expect(lines.map((l) => l.status)).toEqual(['error', 'error', 'error', 'ok', 'ok']);
    expect(lines[0].error).toMatch(/encapsulated document/);
    expect(lines[1].error).toMatch(/waveform object .*audio/);
    expect(lines[2].error).toMatch(/private SOP class/);
    const written = [lines[3], lines[4]].map((l) => path.join(out, String(l.output)));
    expect(filesUnder(out)).toHaveLength(2);
    const output = readDicom(readFileSync(written[0]));
    expect(output.dict['00143080']).toBeUndefined();
    expect(output.dict['54000100']).toBeUndefined();
    expect(getString(output.dict, 'Modality')).toBe('CT');
    // A colour profile is kept (Type 1 where it is required); binary posing as one is replaced by a generic sRGB profile.
    expect(new Uint8Array(output.dict['00282000']?.Value?.[0] as ArrayBuffer)).toEqual(new Uint8Array(iccProfile()));
    expect(new Uint8Array(readDicom(readFileSync(written[1])).dict['00282000']?.Value?.[0] as ArrayBuffer)).toEqual(genericSrgbProfile());
    for (const file of written) expect(Buffer.from(readFileSync(file)).toString('latin1')).not.toContain(NAME);
  });
});

describe('deid run on objects without a SOP Class UID', () => {
  const noClass = (dict: DicomDict, meta: DicomDict) => {
    delete dict['00080016'];
    delete meta['00020002'];
  };
  const image = objectFile('classless-image.dcm', noClass);
  const header = objectFile('classless-header.dcm', (dict, meta) => {
    noClass(dict, meta);
    for (const tag of Object.keys(dict)) if (tag.startsWith('0028')) delete dict[tag];
    delete dict['7FE00010'];
  });
  const stray = objectFile('classless-stray-pixels.dcm', (dict, meta) => {
    noClass(dict, meta);
    for (const tag of Object.keys(dict)) if (tag.startsWith('0028')) delete dict[tag];
    dict['7FE00010'] = { vr: 'OW', Value: [bytesOf(`${NAME} `)] };
  });
  const waveform = objectFile('classless-waveform.dcm', (dict, meta) => {
    noClass(dict, meta);
    delete dict['7FE00010'];
    dict['54000100'] = { vr: 'SQ', Value: [{ '54001010': { vr: 'OW', Value: [bytesOf('RIFF....WAVE')] } }] };
  });
  const document = objectFile('classless-document.dcm', (dict, meta) => {
    noClass(dict, meta);
    delete dict['7FE00010'];
    dict['00420011'] = { vr: 'OB', Value: [bytesOf(`%PDF-1.4 Patient: ${NAME} %%EOF`)] };
  });

  it('de-identifies an image or a header with a warning, and still fails waveforms and documents', async () => {
    const manifest = path.join(work, 'state-classless', 'm.jsonl');
    const out = path.join(work, 'out-classless');
    await deid('run', image, header, stray, waveform, document, '--out', out, '--state', path.join(work, 'state-classless'), '--manifest', manifest, '--no-pixels');
    const lines = manifestLines(manifest);
    expect(lines.map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'error', 'error']);
    for (const line of lines.slice(0, 3)) expect(JSON.stringify(line.warnings)).toContain('content:no-sop-class');
    expect(lines[3].error).toMatch(/no SOP Class UID, and it holds a Waveform Sequence/);
    expect(lines[4].error).toMatch(/no SOP Class UID, and it holds an Encapsulated Document/);
    const written = filesUnder(out);
    expect(written).toHaveLength(3);
    for (const file of written) expect(Buffer.from(readFileSync(file)).toString('latin1')).not.toContain(NAME);
    const outputs = written.map((file) => readDicom(readFileSync(file)));
    // The image keeps its pixels; the stray Pixel Data (no attributes to read it) is gone.
    expect(outputs.filter((o) => o.dict['7FE00010'])).toHaveLength(1);
    expect(outputs.every((o) => o.dict['00080016'] === undefined)).toBe(true);
  });
});
