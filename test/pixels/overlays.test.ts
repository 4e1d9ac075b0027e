import { describe, expect, it } from 'vitest';
import { decodeFrames } from '../../lib/pixels/decode.js';
import { frameDigest } from '../../lib/pixels/digest.js';
import { setPixelData } from '../../lib/pixels/encode.js';
import { cleanOverlays } from '../../lib/pixels/overlays.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { emptyDataset, frameModule, pattern } from './helpers.js';

describe('cleanOverlays', () => {
  for (const ts of [TS.ExplicitVRLittleEndian, TS.RLELossless]) {
    it(`clears an overlay hidden in bit 15 of 12-bit data without changing stored values (${ts})`, async () => {
      const m = frameModule({ bitsAllocated: 16, bitsStored: 12 });
      const frames = [pattern(m, 0), pattern(m, 1)];
      const ds = emptyDataset(TS.ExplicitVRLittleEndian);
      await setPixelData(ds, m, frames, TS.ExplicitVRLittleEndian);
      // Burn an "overlay" into bit 15 of frame 1, as old modalities did.
      const words = new Uint16Array((ds.dict['7FE00010']!.Value as ArrayBuffer[])[0]);
      const frameWords = m.rows * m.columns;
      for (let i = 0; i < 200; i++) words[frameWords + i] |= 0x8000;
      if (ts !== TS.ExplicitVRLittleEndian) {
        const raw = (await decodeFrames(ds)).frames; // stored values ignore bit 15
        expect(Array.from(raw[1])).toEqual(Array.from(frames[1]));
      }
      Object.assign(ds.dict, {
        '60000010': { vr: 'US', Value: [m.rows] },
        '60000011': { vr: 'US', Value: [m.columns] },
        '60000100': { vr: 'US', Value: [16] },
        '60000102': { vr: 'US', Value: [15] },
        '60001500': { vr: 'LO', Value: ['DOE^JANE'] },
      });
      if (ts === TS.RLELossless) {
        // Re-encode the words with the hidden bit as RLE (RLE keeps every bit of every byte).
        const { encodeFrame } = await import('../../lib/pixels/codecs.js');
        const all = new Uint8Array((ds.dict['7FE00010']!.Value as ArrayBuffer[])[0]);
        const size = frameWords * 2;
        const enc = [];
        for (let f = 0; f < 2; f++) enc.push((await encodeFrame(m, all.slice(f * size, (f + 1) * size), TS.RLELossless)).bytes.slice().buffer);
        ds.dict['7FE00010'] = { vr: 'OB', Value: enc };
        ds.transferSyntaxUID = TS.RLELossless;
      }
      const frame0Bytes = new Uint8Array((ds.dict['7FE00010']!.Value as ArrayBuffer[])[0].slice(0));
      const actions = await cleanOverlays(ds);
      expect(actions.filter((a) => a.action === 'remove-overlay-group').map((a) => a.location)).toEqual(['(6000,xxxx)']);
      expect(actions.filter((a) => a.action === 'clear-unused-pixel-bits').map((a) => a.location)).toEqual(['(7FE0,0010) frame 1']);
      expect(Object.keys(ds.dict).filter((t) => t.startsWith('6000'))).toEqual([]);
      const after = await decodeFrames(ds);
      expect(Array.from(after.frames[1])).toEqual(Array.from(frames[1]));
      if (ts === TS.RLELossless) {
        // Frame 0 had no hidden bits: its encoded bytes are kept.
        expect(new Uint8Array((ds.dict['7FE00010']!.Value as ArrayBuffer[])[0])).toEqual(frame0Bytes);
        const { decodeEncapsulatedFrame } = await import('../../lib/pixels/codecs.js');
        const raw = await decodeEncapsulatedFrame(m, new Uint8Array((ds.dict['7FE00010']!.Value as ArrayBuffer[])[1]), TS.RLELossless);
        expect(new Uint16Array(raw.raw.buffer).some((w) => (w & 0xf000) !== 0)).toBe(false);
      } else {
        const w = new Uint16Array((ds.dict['7FE00010']!.Value as ArrayBuffer[])[0]);
        expect(w.some((x) => (x & 0xf000) !== 0)).toBe(false);
      }
    });
  }

  it('keeps sign extension of signed 12-bit data (stored values and words unchanged)', async () => {
    const m = frameModule({ bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 1 });
    const ds = emptyDataset(TS.ExplicitVRLittleEndian);
    await setPixelData(ds, m, [pattern(m)], TS.ExplicitVRLittleEndian);
    const el = ds.dict['7FE00010'];
    expect(await cleanOverlays(ds)).toEqual([]);
    expect(ds.dict['7FE00010']).toBe(el);
  });

  it('removes Icon Image Sequences at any depth', async () => {
    const m = frameModule({ bitsAllocated: 8, bitsStored: 8 });
    const ds = emptyDataset(TS.ExplicitVRLittleEndian);
    await setPixelData(ds, m, [pattern(m)], TS.ExplicitVRLittleEndian);
    const icon = { vr: 'SQ', Value: [{ '00280010': { vr: 'US', Value: [8] } }] };
    ds.dict['00880200'] = icon;
    ds.dict['00400275'] = { vr: 'SQ', Value: [{ '00880200': icon, '00321060': { vr: 'LO', Value: ['CHEST'] } }] };
    const actions = await cleanOverlays(ds);
    expect(actions.map((a) => a.location)).toEqual(['(0088,0200)', '(0040,0275)[0].(0088,0200)']);
    expect(ds.dict['00880200']).toBeUndefined();
    expect(Object.keys((ds.dict['00400275'].Value as Record<string, unknown>[])[0])).toEqual(['00321060']);
  });

  it('removes every overlay group whole, one action each, and nothing else', async () => {
    const m = frameModule({ bitsAllocated: 8, bitsStored: 8 });
    const ds = emptyDataset(TS.ExplicitVRLittleEndian);
    await setPixelData(ds, m, [pattern(m)], TS.ExplicitVRLittleEndian);
    ds.dict['60000010'] = { vr: 'US', Value: [8] };
    ds.dict['60003000'] = { vr: 'OW', Value: [new ArrayBuffer(8)] };
    ds.dict['601E0102'] = { vr: 'US', Value: [12] };
    ds.dict['601E0100'] = { vr: 'US', Value: [1] };
    ds.dict['00081030'] = { vr: 'LO', Value: ['CHEST'] };
    const before = Object.keys(ds.dict).filter((t) => !t.startsWith('60'));
    const actions = await cleanOverlays(ds);
    expect(actions.map((a) => [a.location, a.detail])).toEqual([
      ['(6000,xxxx)', 'removed overlay plane with Overlay Data (2 elements)'],
      ['(601E,xxxx)', 'removed overlay group (2 elements; embedded bit position 12)'],
    ]);
    expect(Object.keys(ds.dict)).toEqual(before);
  });
});

describe('frameDigest', () => {
  it('is equal for identical frames and differs when one pixel changes', () => {
    const m = frameModule();
    const a = pattern(m);
    const b = pattern(m);
    expect(frameDigest(a)).toBe(frameDigest(b));
    b[17] += 1;
    expect(frameDigest(a)).not.toBe(frameDigest(b));
  });
});
