/**
 * Structural checks of one encapsulated frame before it is decoded. Codecs decode what they can:
 * libjpeg fills a cut-off JPEG with grey, OpenJPEG decodes the tile-parts it has, a codestream
 * followed by a second one decodes as the first. So each frame is walked here, marker by marker
 * (RLE: segment by segment), and must be one whole codestream of the declared size, with nothing
 * after its end but padding.
 */
import { PixelDataError } from './errors.js';
import type { SyntaxInfo } from '../dicom/transfer-syntaxes.js';

/** What the header declares for each frame. */
export interface DeclaredFrame {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
}

/**
 * Checks one encapsulated frame against the declared size: one complete codestream (JPEG, JPEG-LS,
 * JPEG 2000 / HTJ2K, RLE) of Columns x Rows with Samples per Pixel components, and after its end
 * only zero padding (or a single pad byte). JPEG XL is left to the decoded-size check.
 * @param index the frame's index, for the message.
 * @throws PixelDataError saying what is wrong, in words.
 */
export function checkFrameCodestream(bytes: Uint8Array, codec: SyntaxInfo['codec'], declared: DeclaredFrame, index: number): void {
  const where = `frame ${index}`;
  let end: number;
  switch (codec) {
    case 'jpeg':
    case 'jpegls':
      end = checkJpeg(bytes, declared, where, codec === 'jpegls');
      break;
    case 'j2k':
    case 'htj2k':
      end = checkJpeg2000(bytes, declared, where);
      break;
    case 'rle':
      checkRle(bytes, declared, where);
      return;
    default:
      return;
  }
  checkTrailing(bytes, end, where);
}

/** After the codestream only padding may follow: zeros, or one byte to make the fragment even. */
function checkTrailing(bytes: Uint8Array, end: number, where: string): void {
  const extra = bytes.byteLength - end;
  if (extra <= 1) return;
  for (let i = end; i < bytes.byteLength; i++) {
    if (bytes[i] !== 0) throw new PixelDataError(`${where} holds ${extra} bytes after the end of its codestream (a second image or hidden data)`);
  }
}

function sizeMismatch(where: string, kind: string, columns: number, rows: number, d: DeclaredFrame): PixelDataError {
  return new PixelDataError(`the ${kind} codestream of ${where} is ${columns} x ${rows} (columns x rows) but the header declares ${d.columns} x ${d.rows}`);
}

function cutShort(where: string, kind: string, what: string): PixelDataError {
  return new PixelDataError(`the ${kind} codestream of ${where} is truncated: ${what}`);
}

/**
 * Walks a JPEG (ISO 10918) or JPEG-LS (ISO 14495) codestream from SOI to EOI and checks its frame
 * header. Returns the offset just after EOI.
 */
function checkJpeg(bytes: Uint8Array, declared: DeclaredFrame, where: string, ls: boolean): number {
  const kind = ls ? 'JPEG-LS' : 'JPEG';
  const n = bytes.byteLength;
  if (n < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new PixelDataError(`${where} does not start with a ${kind} start-of-image marker`);
  const u16 = (p: number) => (bytes[p] << 8) | bytes[p + 1];
  let p = 2;
  let size: { rows: number; columns: number; components: number } | undefined;
  let scanned = false;
  for (;;) {
    if (p >= n) throw cutShort(where, kind, 'it has no end-of-image marker');
    if (bytes[p] !== 0xff) throw new PixelDataError(`the ${kind} codestream of ${where} is malformed: no marker at byte ${p}`);
    while (p + 1 < n && bytes[p + 1] === 0xff) p++; // fill bytes
    if (p + 1 >= n) throw cutShort(where, kind, 'it has no end-of-image marker');
    const marker = bytes[p + 1];
    if (marker === 0xd9) {
      p += 2;
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0x00) throw new PixelDataError(`the ${kind} codestream of ${where} is malformed: unexpected marker at byte ${p}`);
    if (p + 4 > n) throw cutShort(where, kind, 'it ends inside a marker segment');
    const length = u16(p + 2);
    if (length < 2 || p + 2 + length > n) throw cutShort(where, kind, 'it ends inside a marker segment');
    const isFrameHeader = (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xf7;
    if (isFrameHeader && !size && length >= 8) size = { rows: u16(p + 5), columns: u16(p + 7), components: bytes[p + 9] };
    if (marker === 0xdc && size && length >= 4) size.rows = u16(p + 4); // DNL
    p += 2 + length;
    if (marker === 0xda) {
      scanned = true;
      p = entropyEnd(bytes, p, ls);
      if (p < 0) throw cutShort(where, kind, 'its scan data has no end-of-image marker');
    }
  }
  if (!size) throw new PixelDataError(`the ${kind} codestream of ${where} has no frame header`);
  if (!scanned) throw new PixelDataError(`the ${kind} codestream of ${where} has no scan data`);
  if (size.rows !== declared.rows || size.columns !== declared.columns) throw sizeMismatch(where, kind, size.columns, size.rows, declared);
  if (size.components !== declared.samplesPerPixel) {
    throw new PixelDataError(`the ${kind} codestream of ${where} has ${size.components} components but Samples per Pixel is ${declared.samplesPerPixel}`);
  }
  return p;
}

/** The offset of the first marker after entropy-coded data starting at `p`, or -1 when the data runs to the end. */
function entropyEnd(bytes: Uint8Array, p: number, ls: boolean): number {
  const n = bytes.byteLength;
  for (let q = p; q + 1 < n; q++) {
    if (bytes[q] !== 0xff) continue;
    const next = bytes[q + 1];
    if (ls) {
      // JPEG-LS: a byte after 0xFF with its high bit clear is data (bit stuffing).
      if (next < 0x80) continue;
      return q;
    }
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return q;
  }
  return -1;
}

/**
 * Walks a JPEG 2000 / HTJ2K codestream (optionally inside a JP2 file, as some writers store it):
 * SIZ for the size, then every tile-part by its length, up to EOC. Returns the offset after EOC
 * (for a JP2 file, after the codestream box).
 */
function checkJpeg2000(bytes: Uint8Array, declared: DeclaredFrame, where: string): number {
  const kind = 'JPEG 2000';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength >= 12 && view.getUint32(0) === 0x0000000c && view.getUint32(4) === 0x6a502020) {
    return checkJp2Boxes(bytes, declared, where);
  }
  const n = bytes.byteLength;
  if (n < 4 || view.getUint16(0) !== 0xff4f) throw new PixelDataError(`${where} does not start with a JPEG 2000 start-of-codestream marker`);
  if (view.getUint16(2) !== 0xff51 || n < 42) throw new PixelDataError(`the ${kind} codestream of ${where} has no image size (SIZ) marker`);
  const columns = view.getUint32(8) - view.getUint32(16);
  const rows = view.getUint32(12) - view.getUint32(20);
  const components = view.getUint16(40);
  let p = 4 + view.getUint16(4);
  // Main header: marker segments up to the first tile-part.
  for (;;) {
    if (p + 4 > n) throw cutShort(where, kind, 'it ends in its main header');
    const marker = view.getUint16(p);
    if (marker === 0xff90) break;
    if (marker >>> 8 !== 0xff) throw new PixelDataError(`the ${kind} codestream of ${where} is malformed: no marker at byte ${p}`);
    p += 2 + view.getUint16(p + 2);
  }
  // Tile-parts: each SOT gives its length (0: runs to the end of the codestream).
  for (;;) {
    if (p + 2 > n) throw cutShort(where, kind, 'it has no end-of-codestream marker');
    const marker = view.getUint16(p);
    if (marker === 0xffd9) {
      p += 2;
      break;
    }
    if (marker !== 0xff90 || p + 12 > n) throw cutShort(where, kind, `a tile-part header is missing at byte ${p}`);
    const length = view.getUint32(p + 6);
    if (length === 0) {
      // The last tile-part runs to EOC, which must then end the codestream (before any padding).
      let last = n;
      while (last > p && bytes[last - 1] === 0) last--;
      if (last - p < 14 || bytes[last - 2] !== 0xff || bytes[last - 1] !== 0xd9) throw cutShort(where, kind, 'it has no end-of-codestream marker');
      p = last;
      break;
    }
    if (length < 12 || p + length > n) throw cutShort(where, kind, `a tile-part needs ${length} bytes at byte ${p} but only ${n - p} remain`);
    p += length;
  }
  if (rows !== declared.rows || columns !== declared.columns) throw sizeMismatch(where, kind, columns, rows, declared);
  if (components !== declared.samplesPerPixel) {
    throw new PixelDataError(`the ${kind} codestream of ${where} has ${components} components but Samples per Pixel is ${declared.samplesPerPixel}`);
  }
  return p;
}

/** The boxes a JP2 file carries around its codestream; others (XML, UUID, …) pass only when they hold no text. */
const JP2_BOXES = new Set(['jP  ', 'ftyp', 'rreq', 'jp2h', 'jp2c']);

function checkJp2Boxes(bytes: Uint8Array, declared: DeclaredFrame, where: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  let codestreamEnd: number | undefined;
  while (p + 8 <= bytes.byteLength) {
    let length = view.getUint32(p);
    const type = String.fromCharCode(bytes[p + 4], bytes[p + 5], bytes[p + 6], bytes[p + 7]);
    let header = 8;
    if (length === 1) {
      if (p + 16 > bytes.byteLength) throw cutShort(where, 'JP2', 'it ends inside a box header');
      length = Number(view.getBigUint64(p + 8));
      header = 16;
    } else if (length === 0) {
      length = bytes.byteLength - p;
    }
    if (length < header || p + length > bytes.byteLength) throw cutShort(where, 'JP2', `a box needs ${length} bytes at byte ${p}`);
    // A UUID box starts with its 16-byte identifier, random bytes that are no text.
    const content = bytes.subarray(p + header + (type === 'uuid' ? 16 : 0), p + length);
    if (!JP2_BOXES.has(type) && holdsText(content)) {
      throw new PixelDataError(`${where} is a JP2 file with a box holding text the kit does not read (only image data is checked)`);
    }
    if (type === 'jp2c') {
      const codestream = bytes.subarray(p + header, p + length);
      const end = checkJpeg2000(codestream, declared, where);
      checkTrailing(codestream, end, where);
      codestreamEnd = p + length;
    }
    p += length;
  }
  if (codestreamEnd === undefined) throw new PixelDataError(`${where} is a JP2 file without a codestream box`);
  return p;
}

/** Whether bytes hold a run of four or more printable ASCII characters (a word, a name, a date). */
function holdsText(bytes: Uint8Array): boolean {
  let run = 0;
  for (const byte of bytes) {
    run = byte >= 0x20 && byte <= 0x7e ? run + 1 : 0;
    if (run >= 4) return true;
  }
  return false;
}

/**
 * Checks an RLE Lossless frame (PS3.5 G): the header lists one segment per byte of each sample,
 * in increasing order inside the frame, and each segment decodes (PackBits) to exactly
 * Rows x Columns bytes. Only lengths are counted; nothing is decoded.
 */
function checkRle(bytes: Uint8Array, declared: DeclaredFrame, where: string): void {
  if (bytes.byteLength < 64) throw new PixelDataError(`the RLE data of ${where} is truncated: ${bytes.byteLength} bytes, shorter than its 64-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const segments = view.getUint32(0, true);
  const expected = declared.samplesPerPixel * Math.ceil(declared.bitsAllocated / 8);
  if (segments !== expected) {
    throw new PixelDataError(`the RLE header of ${where} lists ${segments} segments where ${declared.samplesPerPixel} samples of ${declared.bitsAllocated} bits need ${expected}`);
  }
  const offsets = Array.from({ length: segments }, (_, i) => view.getUint32(4 + i * 4, true));
  const pixels = declared.rows * declared.columns;
  for (let i = 0; i < segments; i++) {
    const start = offsets[i];
    const end = i + 1 < segments ? offsets[i + 1] : bytes.byteLength;
    if (start < 64 || start > end || end > bytes.byteLength) {
      throw new PixelDataError(`the RLE data of ${where} is truncated or malformed: segment ${i} would run from byte ${start} to ${end} of ${bytes.byteLength}`);
    }
    const decoded = packBitsLength(bytes, start, end, pixels);
    if (decoded.length !== pixels) {
      throw new PixelDataError(`the RLE segment ${i} of ${where} decodes to ${decoded.length} bytes but Rows x Columns is ${pixels}`);
    }
    if (end - decoded.used > 1) throw new PixelDataError(`the RLE segment ${i} of ${where} holds ${end - decoded.used} bytes after its ${pixels} pixels`);
  }
}

/** Counts what a PackBits segment decodes to, stopping once it reaches `limit` bytes. */
function packBitsLength(bytes: Uint8Array, start: number, end: number, limit: number): { length: number; used: number } {
  let length = 0;
  let p = start;
  while (p < end && length < limit) {
    const control = bytes[p] > 127 ? bytes[p] - 256 : bytes[p];
    p++;
    if (control >= 0) {
      const run = control + 1;
      if (p + run > end) return { length: length + (end - p), used: end };
      length += run;
      p += run;
    } else if (control !== -128) {
      if (p >= end) return { length, used: end };
      length += 1 - control;
      p++;
    }
  }
  return { length, used: p };
}
