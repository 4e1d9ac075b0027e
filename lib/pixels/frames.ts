import type { PixelModule } from './module.js';

/** Stored pixel values of one frame: one number per sample, samples interleaved, rows top to bottom. */
export type PixelFrame = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

/**
 * Layout of raw frame bytes in little-endian "native" order, as the codecs and
 * Explicit VR Little Endian use them: words of Bits Allocated, value bits at
 * [highBit-bitsStored+1 .. highBit], planar or interleaved, YBR_FULL_422 subsampled.
 */
export type RawLayout = Pick<
  PixelModule,
  'rows' | 'columns' | 'samplesPerPixel' | 'photometric' | 'bitsAllocated' | 'bitsStored' | 'highBit' | 'pixelRepresentation' | 'planarConfiguration'
>;

/** Allocates an empty frame of the typed array kind for the module's bit depth and sign. */
export function allocFrame(m: Pick<PixelModule, 'bitsAllocated' | 'pixelRepresentation'>, length: number): PixelFrame {
  const signed = m.pixelRepresentation === 1;
  switch (m.bitsAllocated) {
    case 8:
      return signed ? new Int8Array(length) : new Uint8Array(length);
    case 16:
      return signed ? new Int16Array(length) : new Uint16Array(length);
    default:
      return signed ? new Int32Array(length) : new Uint32Array(length);
  }
}

function allocFrameView(m: Pick<PixelModule, 'bitsAllocated' | 'pixelRepresentation'>, buffer: ArrayBufferLike, offset: number, length: number): PixelFrame {
  const signed = m.pixelRepresentation === 1;
  switch (m.bitsAllocated) {
    case 8:
      return signed ? new Int8Array(buffer, offset, length) : new Uint8Array(buffer, offset, length);
    case 16:
      return signed ? new Int16Array(buffer, offset, length) : new Uint16Array(buffer, offset, length);
    default:
      return signed ? new Int32Array(buffer, offset, length) : new Uint32Array(buffer, offset, length);
  }
}

/** Reads the words of a raw little-endian frame as unsigned numbers. */
function rawWords(m: RawLayout, raw: Uint8Array): ArrayLike<number> {
  const aligned = raw.byteOffset % (m.bitsAllocated / 8) === 0 ? raw : raw.slice();
  const n = Math.floor(aligned.byteLength / (m.bitsAllocated / 8));
  if (m.bitsAllocated === 8) return aligned;
  if (m.bitsAllocated === 16) return new Uint16Array(aligned.buffer, aligned.byteOffset, n);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, n);
}

/** Extracts the stored value from a word: shift down to the high bit, mask, sign-extend. */
export function valueCodec(m: RawLayout): { read: (word: number) => number; write: (value: number, word?: number) => number } {
  const shift = m.highBit + 1 - m.bitsStored;
  const bits = m.bitsStored;
  const mask = bits >= 32 ? 0xffffffff : 2 ** bits - 1;
  const signed = m.pixelRepresentation === 1;
  const half = 2 ** (bits - 1);
  const wordMask = m.bitsAllocated >= 32 ? 0xffffffff : 2 ** m.bitsAllocated - 1;
  const fieldMask = mask * 2 ** shift;
  return {
    read(word: number): number {
      let v = Math.floor(word / 2 ** shift) % 2 ** bits;
      if (signed && v >= half) v -= 2 ** bits;
      return v;
    },
    /** Puts `value` into the stored bits of `word`, keeping its other bits. */
    write(value: number, word?: number): number {
      // Without a word to keep bits from, signed values are sign-extended to the whole word, as codecs expect.
      if (word === undefined) {
        if (signed && shift === 0) return (value < 0 ? value + 2 ** m.bitsAllocated : value) % 2 ** m.bitsAllocated;
        word = 0;
      }
      const v = (value < 0 ? value + 2 ** bits : value) % 2 ** bits;
      const others = (word & wordMask & ~fieldMask) >>> 0;
      return (others + v * 2 ** shift) >>> 0 & wordMask;
    },
  };
}

/**
 * Converts raw frame bytes (little endian, stored layout) to stored values, interleaved,
 * with YBR_FULL_422 expanded to one Y, Cb, Cr triple per pixel.
 */
export function rawToStored(m: RawLayout, raw: Uint8Array): PixelFrame {
  const pixels = m.rows * m.columns;
  const spp = m.samplesPerPixel;
  const out = allocFrame(m, pixels * spp);
  const words = rawWords(m, raw);
  const { read } = valueCodec(m);
  if (spp === 3 && m.photometric === 'YBR_FULL_422') {
    // Each pair of pixels is stored as Y1 Y2 Cb Cr.
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.columns; c += 2) {
        const p = r * m.columns + c;
        const w = p * 2;
        const cb = read(words[w + 2]);
        const cr = read(words[w + 3]);
        out[p * 3] = read(words[w]);
        out[p * 3 + 1] = cb;
        out[p * 3 + 2] = cr;
        if (c + 1 < m.columns) {
          out[p * 3 + 3] = read(words[w + 1]);
          out[p * 3 + 4] = cb;
          out[p * 3 + 5] = cr;
        }
      }
    }
    return out;
  }
  if (spp > 1 && m.planarConfiguration === 1) {
    for (let s = 0; s < spp; s++) for (let p = 0; p < pixels; p++) out[p * spp + s] = read(words[s * pixels + p]);
    return out;
  }
  const n = pixels * spp;
  if (m.bitsStored === m.bitsAllocated) {
    // Fast path: every bit is a value bit, the typed array does the sign.
    const aligned = raw.byteOffset % (m.bitsAllocated / 8) === 0 ? raw : raw.slice();
    const view = allocFrameView(m, aligned.buffer, aligned.byteOffset, n);
    out.set(view);
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = read(words[i]);
  return out;
}

/**
 * Converts stored values (interleaved, full resolution) to raw little-endian frame bytes in
 * the module's layout. `base` (optional) supplies bits outside Bits Stored to keep.
 * YBR_FULL_422 takes the chroma of the even pixel of each pair.
 */
export function storedToRaw(m: RawLayout, values: ArrayLike<number>, base?: Uint8Array): Uint8Array {
  const pixels = m.rows * m.columns;
  const spp = m.samplesPerPixel;
  const bytesPerWord = m.bitsAllocated / 8;
  const is422 = spp === 3 && m.photometric === 'YBR_FULL_422';
  const wordCount = is422 ? pixels * 2 : pixels * spp;
  const raw = new Uint8Array(wordCount * bytesPerWord);
  if (base) raw.set(base.subarray(0, raw.byteLength));
  const words = rawWords(m, raw) as Uint8Array | Uint16Array | Uint32Array;
  const codec = valueCodec(m);
  const write = base ? codec.write : (value: number) => codec.write(value);
  if (is422) {
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.columns; c += 2) {
        const p = r * m.columns + c;
        const w = p * 2;
        words[w] = write(values[p * 3], words[w]);
        words[w + 1] = write(c + 1 < m.columns ? values[p * 3 + 3] : values[p * 3], words[w + 1]);
        words[w + 2] = write(values[p * 3 + 1], words[w + 2]);
        words[w + 3] = write(values[p * 3 + 2], words[w + 3]);
      }
    }
  } else if (spp > 1 && m.planarConfiguration === 1) {
    for (let s = 0; s < spp; s++) for (let p = 0; p < pixels; p++) words[s * pixels + p] = write(values[p * spp + s], words[s * pixels + p]);
  } else {
    for (let i = 0; i < wordCount; i++) words[i] = write(values[i], words[i]);
  }
  return raw;
}
