import { describe, expect, it } from 'vitest';
import type { Box } from '../../lib/engines/types.js';
import { decodeFrames } from '../../lib/pixels/decode.js';
import { setPixelData, type FrameModule } from '../../lib/pixels/encode.js';
import type { PixelFrame } from '../../lib/pixels/frames.js';
import { redactFrames } from '../../lib/pixels/redact.js';
import { renderFrame } from '../../lib/pixels/render.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { emptyDataset, frameModule, pattern } from './helpers.js';

const inside = (b: Box, r: number, c: number) => r >= b.top && r < b.top + b.height && c >= b.left && c < b.left + b.width;

/** Checks that exactly the pixels inside `boxes` differ from `before` and display black. */
function expectOnlyBoxesChanged(m: FrameModule & { photometric: string }, before: PixelFrame, after: PixelFrame, boxes: Box[], display: Uint8Array, channels: number) {
  let outsideChanged = 0;
  let insideNotBlack = 0;
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.columns; c++) {
      const p = r * m.columns + c;
      const inBox = boxes.some((b) => inside(b, r, c));
      for (let s = 0; s < m.samplesPerPixel; s++) if (!inBox && before[p * m.samplesPerPixel + s] !== after[p * m.samplesPerPixel + s]) outsideChanged++;
      if (inBox) for (let s = 0; s < channels; s++) if (display[p * channels + s] > 2) insideNotBlack++;
    }
  }
  expect(outsideChanged).toBe(0);
  expect(insideNotBlack).toBe(0);
}

const cases: Array<[string, FrameModule, Record<string, { vr: string; Value: unknown[] }>]> = [
  ['MONOCHROME2 16/12 unsigned', frameModule(), {}],
  ['MONOCHROME1 16/12 unsigned', frameModule({ photometric: 'MONOCHROME1' }), {}],
  ['MONOCHROME2 16/16 signed CT with window', frameModule({ bitsStored: 16, pixelRepresentation: 1 }), { '00281050': { vr: 'DS', Value: ['40'] }, '00281051': { vr: 'DS', Value: ['400'] }, '00281052': { vr: 'DS', Value: ['-1024'] } }],
  ['MONOCHROME2 8-bit', frameModule({ bitsAllocated: 8, bitsStored: 8 }), {}],
  ['RGB 8-bit', frameModule({ bitsAllocated: 8, bitsStored: 8, samplesPerPixel: 3, photometric: 'RGB' }), {}],
];
const syntaxes: Array<[string, string]> = [
  ['Explicit VR Little Endian', TS.ExplicitVRLittleEndian],
  ['Implicit VR Little Endian', TS.ImplicitVRLittleEndian],
  ['RLE Lossless', TS.RLELossless],
  ['JPEG-LS Lossless', TS.JPEGLSLossless],
  ['JPEG 2000 Lossless', TS.JPEG2000Lossless],
  ['JPEG Lossless SV1', TS.JPEGLosslessSV1],
];

describe('redactFrames changes only the padded boxes, displays them black, keeps the syntax', () => {
  for (const [syntaxName, ts] of syntaxes) {
    for (const [name, m, extra] of cases) {
      it(`${syntaxName}: ${name}, 3 frames, boxes in frames 0 and 2`, async () => {
        const originals = [pattern(m, 0), pattern(m, 1), pattern(m, 2)];
        const ds = emptyDataset(ts);
        await setPixelData(ds, m, originals, ts);
        Object.assign(ds.dict, extra);
        const oldElement = ds.dict['7FE00010']!;
        const oldBytes = (oldElement.Value as ArrayBuffer[]).map((b) => new Uint8Array(b.slice(0)));
        const boxes = new Map<number, Box[]>([
          [0, [{ left: 5, top: 4, width: 20, height: 8 }]],
          [2, [{ left: 50, top: 40, width: 30, height: 30 }, { left: 0, top: 0, width: 3, height: 3 }]],
        ]);
        const result = await redactFrames(ds, boxes, { padding: 2 });
        expect(result.changed).toBe(true);
        expect(ds.transferSyntaxUID).toBe(ts);
        // The old element is untouched (the writer relies on it).
        expect((oldElement.Value as ArrayBuffer[]).map((b) => new Uint8Array(b))).toEqual(oldBytes);
        expect(ds.dict['7FE00010']).not.toBe(oldElement);
        // Padding and clipping: the second box of frame 2 is clipped to the image.
        expect(result.filled.get(0)).toEqual([{ left: 3, top: 2, width: 24, height: 12 }]);
        expect(result.filled.get(2)![0]).toEqual({ left: 48, top: 38, width: 16, height: 10 });
        expect(result.filled.get(2)![1]).toEqual({ left: 0, top: 0, width: 5, height: 5 });
        const decoded = await decodeFrames(ds);
        for (let f = 0; f < 3; f++) {
          const filled = result.filled.get(f) ?? [];
          const img = renderFrame(decoded.module, decoded.frames[f]);
          expectOnlyBoxesChanged({ ...m, photometric: decoded.module.photometric }, originals[f], decoded.frames[f], filled, img.data, img.channels);
        }
        if (ts !== TS.ExplicitVRLittleEndian && ts !== TS.ImplicitVRLittleEndian) {
          // Frame 1 had no box: its encoded bytes are kept as they were.
          expect(new Uint8Array((ds.dict['7FE00010']!.Value as ArrayBuffer[])[1])).toEqual(oldBytes[1]);
          expect(result.reencodedFrames).toEqual([0, 2]);
        }
      });
    }
  }

  it('redacts every frame when given an array of boxes', async () => {
    const m = frameModule({ photometric: 'MONOCHROME1' });
    const originals = [pattern(m, 0), pattern(m, 1), pattern(m, 2), pattern(m, 3)];
    const ds = emptyDataset(TS.RLELossless);
    await setPixelData(ds, m, originals, TS.RLELossless);
    const result = await redactFrames(ds, [{ left: 10, top: 10, width: 10, height: 10 }], { padding: 0 });
    expect([...result.filled.keys()]).toEqual([0, 1, 2, 3]);
    const decoded = await decodeFrames(ds);
    for (let f = 0; f < 4; f++) {
      const img = renderFrame(decoded.module, decoded.frames[f]);
      expectOnlyBoxesChanged(m, originals[f], decoded.frames[f], [{ left: 10, top: 10, width: 10, height: 10 }], img.data, 1);
      // MONOCHROME1: black is the highest value.
      expect(decoded.frames[f][10 * m.columns + 10]).toBe(Math.max(...Array.from(originals[f])));
    }
  });

  it('keeps the Pixel Data element when there is nothing to redact', async () => {
    const m = frameModule();
    const ds = emptyDataset(TS.RLELossless);
    await setPixelData(ds, m, [pattern(m)], TS.RLELossless);
    const el = ds.dict['7FE00010'];
    const result = await redactFrames(ds, new Map([[0, [{ left: 500, top: 500, width: 5, height: 5 }]]]));
    expect(result.changed).toBe(false);
    expect(ds.dict['7FE00010']).toBe(el);
  });

  it('fails on a frame that does not exist', async () => {
    const m = frameModule();
    const ds = emptyDataset(TS.ExplicitVRLittleEndian);
    await setPixelData(ds, m, [pattern(m)], TS.ExplicitVRLittleEndian);
    await expect(redactFrames(ds, new Map([[3, [{ left: 0, top: 0, width: 5, height: 5 }]]]))).rejects.toThrow(/frame 3.*1 frame/);
  });

  it('writes a lossy JPEG Baseline original as Explicit VR Little Endian RGB and keeps the lossy history', async () => {
    const m = frameModule({ bitsAllocated: 8, bitsStored: 8, samplesPerPixel: 3, photometric: 'RGB' });
    const ds = emptyDataset(TS.JPEGBaseline);
    await setPixelData(ds, m, [pattern(m, 0), pattern(m, 1)], TS.JPEGBaseline);
    const before = await decodeFrames(ds);
    const result = await redactFrames(ds, new Map([[1, [{ left: 10, top: 10, width: 12, height: 6 }]]]), { padding: 0 });
    expect(ds.transferSyntaxUID).toBe(TS.ExplicitVRLittleEndian);
    expect(ds.meta['00020010']!.Value).toEqual([TS.ExplicitVRLittleEndian]);
    expect(ds.dict['00280004']!.Value).toEqual(['RGB']);
    expect(ds.dict['00282110']!.Value).toEqual(['01']);
    expect(ds.dict['00282114']!.Value).toEqual(['ISO_10918_1']);
    expect(result.notes.join(' ')).toMatch(/lossy/);
    const after = await decodeFrames(ds);
    // Decoded values outside the box are the lossy original's decoded values, exactly.
    expect(Array.from(after.frames[0])).toEqual(Array.from(before.frames[0]));
    const img = renderFrame(after.module, after.frames[1]);
    expectOnlyBoxesChanged(after.module, before.frames[1], after.frames[1], [{ left: 10, top: 10, width: 12, height: 6 }], img.data, 3);
  });

  it('fills YBR_FULL_422 native data by whole pixel pairs with Y=0 and neutral chroma', async () => {
    const m = frameModule({ bitsAllocated: 8, bitsStored: 8, samplesPerPixel: 3, photometric: 'YBR_FULL_422' });
    const ds = emptyDataset(TS.ExplicitVRLittleEndian);
    await setPixelData(ds, m, [pattern(m)], TS.ExplicitVRLittleEndian);
    const before = await decodeFrames(ds);
    const result = await redactFrames(ds, new Map([[0, [{ left: 5, top: 5, width: 4, height: 3 }]]]), { padding: 0 });
    expect(result.filled.get(0)).toEqual([{ left: 4, top: 5, width: 6, height: 3 }]);
    const after = await decodeFrames(ds);
    const img = renderFrame(after.module, after.frames[0]);
    expectOnlyBoxesChanged(after.module, before.frames[0], after.frames[0], result.filled.get(0)!, img.data, 3);
    expect(Array.from(after.frames[0].subarray((5 * m.columns + 4) * 3, (5 * m.columns + 4) * 3 + 3))).toEqual([0, 128, 128]);
  });

  it('MONOCHROME2 signed CT: fills with the darkest value present when the window shows it black', async () => {
    const m = frameModule({ bitsStored: 16, pixelRepresentation: 1 });
    const f = new Int16Array(m.rows * m.columns).fill(40);
    f[100] = -1000;
    const ds = emptyDataset(TS.ExplicitVRLittleEndian);
    await setPixelData(ds, m, [f], TS.ExplicitVRLittleEndian);
    Object.assign(ds.dict, { '00281050': { vr: 'DS', Value: ['40'] }, '00281051': { vr: 'DS', Value: ['400'] } });
    const result = await redactFrames(ds, [{ left: 0, top: 0, width: 4, height: 4 }]);
    expect(result.fillValues.get(0)).toEqual([-1000]);
  });
});
