/**
 * The checks that decide, without decoding, whether bits outside Bits Stored can hold anything:
 * each agrees with decoding every word and looking, on clean and dirty data of several layouts.
 */
import { describe, expect, it } from 'vitest';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { decodeEncapsulatedFrame, encodeFrame } from '../../lib/pixels/codecs.js';
import { valueCodec, type RawLayout } from '../../lib/pixels/frames.js';
import { codestreamPrecision, nativeHasUnusedBits, rleHasUnusedBits } from '../../lib/pixels/unused-bits.js';
import { frameModule, pattern } from './helpers.js';

/** Brute force: any word whose bits outside the stored field differ from their canonical form. */
function dirtyByDecoding(m: RawLayout, raw: Uint8Array): boolean {
  const { read, write } = valueCodec(m);
  const size = m.bitsAllocated / 8;
  for (let o = 0; o + size <= raw.byteLength; o += size) {
    let w = 0;
    for (let b = 0; b < size; b++) w += raw[o + b] * 2 ** (8 * b);
    if (write(read(w)) !== w) return true;
  }
  return false;
}

/** The frame's raw little-endian bytes, canonical (as a codec writes them). */
function rawOf(m: RawLayout, seed: number): Uint8Array {
  const frame = pattern(m, seed);
  const { write } = valueCodec(m);
  const raw = new Uint8Array(frame.length * (m.bitsAllocated / 8));
  const view = new DataView(raw.buffer);
  frame.forEach((v, i) => {
    const w = write(v);
    if (m.bitsAllocated === 8) view.setUint8(i, w);
    else if (m.bitsAllocated === 16) view.setUint16(i * 2, w, true);
    else view.setUint32(i * 4, w, true);
  });
  return raw;
}

/** Sets `bit` in word `index` (an embedded overlay pixel, or a broken sign extension). */
function flip(m: RawLayout, raw: Uint8Array, index: number, bit: number): void {
  raw[index * (m.bitsAllocated / 8) + (bit >> 3)] ^= 1 << (bit & 7);
}

const layouts: Array<[string, RawLayout]> = [
  ['16/12 unsigned', frameModule({ bitsAllocated: 16, bitsStored: 12 })],
  ['16/12 signed', frameModule({ bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 1 })],
  ['16/10 high bit 11', frameModule({ bitsAllocated: 16, bitsStored: 10, highBit: 11 })],
  ['8/7 RGB', frameModule({ bitsAllocated: 8, bitsStored: 7, samplesPerPixel: 3, photometric: 'RGB' })],
  ['32/24 signed', frameModule({ bitsAllocated: 32, bitsStored: 24, pixelRepresentation: 1 })],
];

describe('nativeHasUnusedBits', () => {
  for (const [name, m] of layouts) {
    it(`agrees with decoding every word (${name})`, () => {
      const clean = rawOf(m, 1);
      expect(dirtyByDecoding(m, clean)).toBe(false);
      expect(nativeHasUnusedBits(m, clean)).toBe(false);
      // One dirty word anywhere, the last included (odd word counts end short of 32 bits).
      const words = clean.byteLength / (m.bitsAllocated / 8);
      for (const index of [0, 1, Math.floor(words / 2), words - 1]) {
        const dirty = clean.slice();
        flip(m, dirty, index, m.bitsAllocated - 1);
        expect(dirtyByDecoding(m, dirty), `word ${index}`).toBe(true);
        expect(nativeHasUnusedBits(m, dirty), `word ${index}`).toBe(true);
      }
      const odd = clean.slice(0, clean.byteLength - m.bitsAllocated / 8);
      flip(m, odd, odd.byteLength / (m.bitsAllocated / 8) - 1, m.bitsAllocated - 1);
      expect(nativeHasUnusedBits(m, odd)).toBe(dirtyByDecoding(m, odd));
    });
  }

  it('says nothing can hide when Bits Stored fills Bits Allocated', () => {
    const m = frameModule({ bitsAllocated: 16, bitsStored: 16 });
    expect(nativeHasUnusedBits(m, new Uint8Array(64).fill(0xff))).toBe(false);
  });
});

describe('rleHasUnusedBits', () => {
  for (const [name, m] of layouts.filter(([n]) => !n.startsWith('32'))) {
    it(`reads the byte segments as stored and agrees with decoding (${name})`, async () => {
      for (const dirty of [false, true]) {
        const raw = rawOf(m, 2);
        if (dirty) flip(m, raw, 123, m.bitsAllocated - 1);
        const encoded = (await encodeFrame(m, raw, TS.RLELossless)).bytes;
        const decoded = (await decodeEncapsulatedFrame(m, encoded, TS.RLELossless)).raw;
        expect(dirtyByDecoding(m, decoded)).toBe(dirty);
        expect(rleHasUnusedBits(m, encoded)).toBe(dirty);
      }
    });
  }

  it('cannot tell signed data whose sign bit is below the top byte (decode instead)', async () => {
    const m = frameModule({ bitsAllocated: 16, bitsStored: 8, pixelRepresentation: 1 });
    const encoded = (await encodeFrame(m, rawOf(m, 3), TS.RLELossless)).bytes;
    expect(rleHasUnusedBits(m, encoded)).toBeUndefined();
    expect(rleHasUnusedBits(m, encoded.subarray(0, 20))).toBeUndefined();
  });
});

describe('codestreamPrecision', () => {
  // CharLS (JPEG-LS) declares the word size, 16: such frames are decoded to look above Bits Stored.
  for (const [ts, codec, precision] of [
    [TS.JPEGLSLossless, 'jpegls', 16],
    [TS.JPEG2000Lossless, 'j2k', 12],
    [TS.JPEGLosslessSV1, 'jpeg', 12],
  ] as const) {
    it(`reads the declared precision of a ${codec} frame from its header`, async () => {
      const m = frameModule({ bitsAllocated: 16, bitsStored: 12 });
      const encoded = (await encodeFrame(m, rawOf(m, 4), ts)).bytes;
      expect(codestreamPrecision(codec, encoded)).toBe(precision);
      expect(codestreamPrecision(codec, encoded.subarray(1))).toBeUndefined();
    });
  }
});
