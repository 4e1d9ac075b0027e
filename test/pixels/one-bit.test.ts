/**
 * One-bit pixel data (Bits Allocated 1, as segmentations store it): frames are packed eight pixels
 * to a byte, least significant bit first, and a frame may start inside a byte. It is decoded,
 * redacted in place (other bits and frames untouched) and passed through byte for byte when unchanged.
 */
import { describe, expect, it } from 'vitest';
import { readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import type { DicomDataset } from '../../lib/dicom/dataset.js';
import { decodeFrames, redactFrames } from '../../lib/pixels/index.js';
import { createRng } from '../../lib/samples/rng.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';

const ROWS = 5;
const COLUMNS = 7;
const FRAMES = 3;
const PIXELS = ROWS * COLUMNS;

/** A 3-frame 5 x 7 one-bit image (35 bits a frame, so frames 1 and 2 start inside a byte), as read from a file. */
function oneBitFile(photometric: 'MONOCHROME2' | 'MONOCHROME1'): { dataset: DicomDataset; packed: Uint8Array; bytes: Uint8Array } {
  const rng = createRng(`one-bit ${photometric}`);
  const packed = new Uint8Array(Math.ceil((PIXELS * FRAMES) / 8)); // 105 bits in 14 bytes
  for (let i = 0; i < packed.length; i++) packed[i] = Math.floor(rng.next() * 256);
  const dataset = makePhiFixture().dataset;
  const us = (value: number) => ({ vr: 'US', Value: [value] });
  Object.assign(dataset.dict, {
    '00280002': us(1),
    '00280004': { vr: 'CS', Value: [photometric] },
    '00280008': { vr: 'IS', Value: [FRAMES] },
    '00280010': us(ROWS),
    '00280011': us(COLUMNS),
    '00280100': us(1),
    '00280101': us(1),
    '00280102': us(0),
    '00280103': us(0),
    '7FE00010': { vr: 'OB', Value: [packed.slice().buffer] },
  });
  for (const tag of ['00281050', '00281051', '00281052', '00281053']) delete dataset.dict[tag];
  const bytes = writeDicom(dataset);
  return { dataset: readDicom(bytes, 'one-bit'), packed, bytes };
}

const bitAt = (packed: Uint8Array, i: number) => (packed[i >> 3] >> (i & 7)) & 1;

describe('one-bit pixel data', () => {
  it('decodes every frame, including those that start inside a byte', async () => {
    const { dataset, packed } = oneBitFile('MONOCHROME2');
    const { frames, module } = await decodeFrames(dataset);
    expect(module.bitsStored).toBe(1);
    expect(frames).toHaveLength(FRAMES);
    frames.forEach((frame, f) => expect([...frame]).toEqual(Array.from({ length: PIXELS }, (_, i) => bitAt(packed, f * PIXELS + i))));
  });

  it.each([
    ['MONOCHROME2', 0],
    ['MONOCHROME1', 1],
  ] as const)('redacts a box of one frame of %s to black (%i), leaving every other bit as it was', async (photometric, black) => {
    const { dataset, packed } = oneBitFile(photometric);
    const box = { left: 2, top: 1, width: 4, height: 3 };
    await redactFrames(dataset, new Map([[1, [box]]]), { padding: 0 });
    const after = new Uint8Array(dataset.dict['7FE00010']!.Value![0] as ArrayBuffer);
    expect(after.byteLength).toBe(packed.byteLength);
    for (let i = 0; i < packed.byteLength * 8; i++) {
      const frame = Math.floor(i / PIXELS);
      const row = Math.floor((i % PIXELS) / COLUMNS);
      const column = i % COLUMNS;
      const inBox = frame === 1 && row >= box.top && row < box.top + box.height && column >= box.left && column < box.left + box.width;
      expect(bitAt(after, i), `bit ${i}`).toBe(inBox ? black : bitAt(packed, i));
    }
    // And the written file holds the redacted bits.
    expect(Buffer.from(readDicom(writeDicom(dataset), 'redacted').dict['7FE00010']!.Value![0] as ArrayBuffer).equals(Buffer.from(after))).toBe(true);
  });

  it('writes unchanged one-bit pixel data back byte for byte', () => {
    const { dataset, bytes } = oneBitFile('MONOCHROME2');
    const again = writeDicom(dataset);
    const tail = (b: Uint8Array) => Buffer.from(b.subarray(b.byteLength - 14 - 12));
    expect(tail(again).equals(tail(bytes))).toBe(true);
  });
});
