import { describe, expect, it } from 'vitest';
import { decodeFrames } from '../../lib/pixels/decode.js';
import { setPixelData } from '../../lib/pixels/encode.js';
import { readPixelModule, type PixelModule } from '../../lib/pixels/module.js';
import { renderFrame } from '../../lib/pixels/render.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { emptyDataset, frameModule } from './helpers.js';

async function monoModule(over: Record<string, unknown> = {}, dict: Record<string, { vr: string; Value: unknown[] }> = {}): Promise<PixelModule> {
  const ds = emptyDataset(TS.ExplicitVRLittleEndian);
  const m = frameModule({ bitsAllocated: 16, bitsStored: 12, ...over });
  await setPixelData(ds, m, [new Uint16Array(m.rows * m.columns)], TS.ExplicitVRLittleEndian);
  Object.assign(ds.dict, dict);
  return readPixelModule(ds);
}

describe('renderFrame', () => {
  it('applies rescale then the first window value (LINEAR, PS3.3 C.11.2.1.2)', async () => {
    const m = await monoModule({}, {
      '00281052': { vr: 'DS', Value: ['-1024'] },
      '00281053': { vr: 'DS', Value: ['1'] },
      '00281050': { vr: 'DS', Value: ['40', '300'] },
      '00281051': { vr: 'DS', Value: ['400', '1500'] },
    });
    expect(m.windowCenter).toBe(40);
    expect(m.windowWidth).toBe(400);
    const frame = new Uint16Array(m.rows * m.columns);
    frame[0] = 1024 - 200; // -200 HU: below the window
    frame[1] = 1024 + 40; // centre
    frame[2] = 1024 + 300; // above
    const img = renderFrame(m, frame);
    expect(img.channels).toBe(1);
    expect([img.data[0], img.data[2]]).toEqual([0, 255]);
    expect(Math.abs(img.data[1] - 128)).toBeLessThanOrEqual(1);
  });

  it('stretches min..max when there is no window', async () => {
    const m = await monoModule();
    const frame = new Uint16Array(m.rows * m.columns).fill(1000);
    frame[0] = 500;
    frame[1] = 1500;
    const img = renderFrame(m, frame);
    expect([img.data[0], img.data[1], img.data[2]]).toEqual([0, 255, 128]);
  });

  it('inverts MONOCHROME1: the lowest value is white', async () => {
    const m = await monoModule({ photometric: 'MONOCHROME1' });
    const frame = new Uint16Array(m.rows * m.columns).fill(100);
    frame[0] = 4000;
    const img = renderFrame(m, frame);
    expect(img.data[0]).toBe(0);
    expect(img.data[1]).toBe(255);
  });

  it('uses the VOI LUT Sequence when there is no window', async () => {
    const lut = Array.from({ length: 256 }, (_, i) => 255 - i);
    const m = await monoModule({}, {
      '00283010': { vr: 'SQ', Value: [{ '00283002': { vr: 'US', Value: [256, 0, 8] }, '00283006': { vr: 'US', Value: lut } }] },
    });
    const frame = new Uint16Array(m.rows * m.columns);
    frame[0] = 0;
    frame[1] = 255;
    frame[2] = 4000; // beyond the LUT: clamps to the last entry
    const img = renderFrame(m, frame);
    expect([img.data[0], img.data[1], img.data[2]]).toEqual([255, 0, 0]);
  });

  it('expands PALETTE COLOR through the red, green and blue LUTs', async () => {
    const ds = emptyDataset(TS.ExplicitVRLittleEndian);
    const m = frameModule({ bitsAllocated: 8, bitsStored: 8, photometric: 'PALETTE COLOR' });
    const idx = new Uint8Array(m.rows * m.columns);
    idx[0] = 1;
    idx[1] = 2;
    await setPixelData(ds, m, [idx], TS.ExplicitVRLittleEndian);
    const red = new Uint16Array(256);
    const green = new Uint16Array(256);
    const blue = new Uint16Array(256);
    red[1] = 0xffff;
    green[2] = 0x8000;
    blue[0] = 0x2000;
    Object.assign(ds.dict, {
      '00281101': { vr: 'US', Value: [256, 0, 16] },
      '00281102': { vr: 'US', Value: [256, 0, 16] },
      '00281103': { vr: 'US', Value: [256, 0, 16] },
      '00281201': { vr: 'OW', Value: [red.buffer] },
      '00281202': { vr: 'OW', Value: [green.buffer] },
      '00281203': { vr: 'OW', Value: [blue.buffer] },
    });
    const { module, frames } = await decodeFrames(ds);
    const img = renderFrame(module, frames[0]);
    expect(img.channels).toBe(3);
    expect(Array.from(img.data.subarray(0, 9))).toEqual([255, 0, 0, 0, 128, 0, 0, 0, 32]);
  });

  it('converts YBR_FULL to RGB', async () => {
    const ds = emptyDataset(TS.ExplicitVRLittleEndian);
    const m = frameModule({ bitsAllocated: 8, bitsStored: 8, samplesPerPixel: 3, photometric: 'YBR_FULL' });
    const f = new Uint8Array(m.rows * m.columns * 3);
    f.set([76, 85, 255], 0); // pure red in YCbCr
    f.set([128, 128, 128], 3); // grey
    await setPixelData(ds, m, [f], TS.ExplicitVRLittleEndian);
    const { module, frames } = await decodeFrames(ds);
    const img = renderFrame(module, frames[0]);
    expect(img.data[0]).toBeGreaterThan(250);
    expect(img.data[1]).toBeLessThan(5);
    expect(img.data[2]).toBeLessThan(5);
    expect(Array.from(img.data.subarray(3, 6))).toEqual([128, 128, 128]);
  });

  it('names what is missing when the module is incomplete', () => {
    const ds = emptyDataset(TS.ExplicitVRLittleEndian);
    ds.dict['7FE00010'] = { vr: 'OW', Value: [new ArrayBuffer(8)] };
    ds.dict['00280010'] = { vr: 'US', Value: [2] };
    expect(() => readPixelModule(ds)).toThrow(/Columns \(0028,0011\)/);
    expect(() => readPixelModule(emptyDataset(TS.ExplicitVRLittleEndian))).toThrow(/no Pixel Data/);
  });

  it('refuses a transfer syntax it cannot decode', () => {
    const ds = emptyDataset('1.2.840.10008.1.2.4.100'); // MPEG2
    ds.dict['7FE00010'] = { vr: 'OB', Value: [new ArrayBuffer(8)] };
    expect(() => readPixelModule(ds)).toThrow(/1\.2\.840\.10008\.1\.2\.4\.100 is not supported/);
  });
});
