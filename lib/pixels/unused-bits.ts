/**
 * Whether Pixel Data can hold anything in the bits outside Bits Stored (where old modalities burned
 * overlays), answered without decoding: native words are scanned 32 bits at a time; RLE byte
 * segments are scanned as they are stored; JPEG-family codestreams declare their sample precision
 * in their first marker segments, and a precision within Bits Stored leaves nothing above it.
 * Only a "yes" (or a layout these checks cannot read) sends a frame to the codec.
 */
import type { RawLayout } from './frames.js';

type Layout = Pick<RawLayout, 'bitsAllocated' | 'bitsStored' | 'highBit' | 'pixelRepresentation' | 'samplesPerPixel'>;

/** The bits of a word outside the stored field [highBit-bitsStored+1 .. highBit]. */
function unusedMask(m: Layout): number {
  const shift = m.highBit + 1 - m.bitsStored;
  const field = m.bitsStored >= 32 ? 0xffffffff : ((2 ** m.bitsStored - 1) * 2 ** shift) >>> 0;
  const word = m.bitsAllocated >= 32 ? 0xffffffff : 2 ** m.bitsAllocated - 1;
  return (word & ~field) >>> 0;
}

/**
 * Signed values at the bottom of the word are canonical when sign-extended (the codecs' form):
 * the bits from the sign bit up are all 0 or all 1. Undefined for other layouts.
 */
function signExtensionMask(m: Layout): number | undefined {
  if (m.pixelRepresentation !== 1 || m.highBit + 1 !== m.bitsStored) return undefined;
  const word = m.bitsAllocated >= 32 ? 0xffffffff : 2 ** m.bitsAllocated - 1;
  return (word & ~(2 ** (m.bitsStored - 1) - 1)) >>> 0;
}

/**
 * True when some word of native pixel bytes (little endian, as the adapter hands them over) has
 * bits outside Bits Stored that are not canonical (zero; sign extension for signed data).
 */
export function nativeHasUnusedBits(m: Layout, bytes: Uint8Array): boolean {
  if (m.bitsStored >= m.bitsAllocated) return false;
  const wordBytes = m.bitsAllocated / 8;
  const lanes = 4 / wordBytes;
  const sign = signExtensionMask(m);
  // Repeat the per-word mask over a 32-bit lane: 4 bytes, 2 words or 1 word at a time.
  const repeat = (mask: number) => {
    let out = 0;
    for (let i = 0; i < lanes; i++) out = (out | (mask << (i * m.bitsAllocated))) >>> 0;
    return out;
  };
  const whole = bytes.byteLength - (bytes.byteLength % 4);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice(0, whole);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, whole / 4);
  if (sign === undefined) {
    const mask = repeat(unusedMask(m));
    let seen = 0;
    for (let i = 0; i < words.length; i++) seen |= words[i] & mask;
    if (seen !== 0) return true;
  } else {
    const wordMask = m.bitsAllocated >= 32 ? 0xffffffff : 2 ** m.bitsAllocated - 1;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      for (let lane = 0; lane < lanes; lane++) {
        const high: number = ((w >>> (lane * m.bitsAllocated)) & wordMask & sign) >>> 0;
        if (high !== 0 && high !== sign) return true;
      }
    }
  }
  // The last bytes short of 32 bits (an odd count of 8- or 16-bit words).
  for (let offset = whole; offset + wordBytes <= bytes.byteLength; offset += wordBytes) {
    let w = 0;
    for (let b = 0; b < wordBytes; b++) w += bytes[offset + b] * 2 ** (8 * b);
    if (sign === undefined ? (w & unusedMask(m)) !== 0 : ((w & sign) >>> 0) !== 0 && ((w & sign) >>> 0) !== sign) return true;
  }
  return false;
}

/**
 * True when an RLE frame (PS3.5 G) has a byte outside Bits Stored that is not zero, read straight
 * from its byte segments (most significant byte first, per sample); undefined when the frame cannot
 * be read that way (signed data whose sign bit is not in the top byte, or a malformed header).
 */
export function rleHasUnusedBits(m: Layout, frame: Uint8Array): boolean | undefined {
  if (m.bitsStored >= m.bitsAllocated) return false;
  const bytesPerSample = m.bitsAllocated / 8;
  const sign = signExtensionMask(m);
  // Sign extension checked byte by byte only when the sign bit is in the top byte.
  if (sign !== undefined && m.bitsStored - 1 < 8 * (bytesPerSample - 1)) return undefined;
  if (frame.byteLength < 64) return undefined;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segments = view.getUint32(0, true);
  if (segments !== m.samplesPerPixel * bytesPerSample || segments > 15) return undefined;
  const offsets: number[] = [];
  for (let s = 0; s < segments; s++) offsets.push(view.getUint32(4 + 4 * s, true));
  const mask = sign ?? unusedMask(m);
  for (let s = 0; s < segments; s++) {
    // Segment s holds byte (bytesPerSample - 1 - s % bytesPerSample) of its sample.
    const byteIndex = bytesPerSample - 1 - (s % bytesPerSample);
    const byteMask = (mask >>> (8 * byteIndex)) & 0xff;
    if (byteMask === 0) continue;
    const start = offsets[s];
    const end = s + 1 < segments ? offsets[s + 1] : frame.byteLength;
    if (start < 64 || end > frame.byteLength || end < start) return undefined;
    const ok = sign === undefined ? (b: number) => (b & byteMask) === 0 : (b: number) => (b & byteMask) === 0 || (b & byteMask) === byteMask;
    // PackBits: n < 128 copies n+1 literal bytes, n > 128 repeats one byte 257-n times, 128 is a no-op.
    for (let p = start; p < end; ) {
      const n = frame[p++];
      if (n < 128) {
        for (const last = Math.min(end, p + n + 1); p < last; p++) if (!ok(frame[p])) return true;
      } else if (n > 128) {
        if (p < end && !ok(frame[p])) return true;
        p++;
      }
    }
  }
  return false;
}

/**
 * The sample precision a JPEG, JPEG-LS or JPEG 2000 / HTJ2K codestream declares (the largest of its
 * components), read from its first marker segments; undefined when it cannot be found there.
 */
export function codestreamPrecision(codec: 'jpeg' | 'jpegls' | 'j2k' | 'htj2k', frame: Uint8Array): number | undefined {
  const at = (i: number) => (i < frame.byteLength ? frame[i] : -1);
  if (codec === 'j2k' || codec === 'htj2k') {
    // SOC (FF4F) then SIZ (FF51): Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz Csiz, then Ssiz XRsiz YRsiz per component.
    if (at(0) !== 0xff || at(1) !== 0x4f || at(2) !== 0xff || at(3) !== 0x51) return undefined;
    const components = (at(40) << 8) | at(41);
    if (components < 1 || 42 + 3 * components > frame.byteLength) return undefined;
    let precision = 0;
    for (let c = 0; c < components; c++) precision = Math.max(precision, (at(42 + 3 * c) & 0x7f) + 1);
    return precision;
  }
  // JPEG and JPEG-LS: SOI, then marker segments up to the frame header (SOFn, or SOF55 for JPEG-LS), whose first byte is P.
  if (at(0) !== 0xff || at(1) !== 0xd8) return undefined;
  for (let p = 2; p + 4 < frame.byteLength; ) {
    if (at(p) !== 0xff) return undefined;
    const marker = at(p + 1);
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    const length = (at(p + 2) << 8) | at(p + 3);
    const sof = (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xf7;
    if (sof) return at(p + 4) >= 0 ? at(p + 4) : undefined;
    if (marker === 0xda || length < 2) return undefined; // scan data before any frame header
    p += 2 + length;
  }
  return undefined;
}
