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

/** One marker segment of a JPEG, JPEG-LS or JPEG 2000 codestream, marker included. */
export interface MarkerSegment {
  /** The marker code, e.g. 0xFFFE for a JPEG comment. */
  marker: number;
  /** Offset of the marker. */
  start: number;
  /** Offset just after the segment. */
  end: number;
  /** JPEG 2000: offset of the SOT marker of the tile-part whose header holds it (unset in the main header). */
  tilePart?: number;
}

/** One box of a JP2 file. */
export interface Jp2Box {
  type: string;
  start: number;
  end: number;
  /** Bytes of the box header (8, or 16 with an extended length). */
  headerLength: number;
  /** The codestream box (`jp2c`): the layout of the codestream it holds, offsets relative to its content. */
  codestream?: FrameLayout;
}

/** One RLE segment: where it starts, where its data ends, and where the next begins. */
export interface RleSegment {
  start: number;
  /** Offset after the bytes that decode to its Rows x Columns bytes. */
  used: number;
  end: number;
}

/** What walking a frame found: where its codestream ends and the parts it is made of. */
export interface FrameLayout {
  /** Offset just after the codestream (EOI, EOC, the last JP2 box, the last RLE segment); only padding follows. */
  end: number;
  /** JPEG, JPEG-LS and JPEG 2000: every marker segment that has a length, in order. */
  segments: MarkerSegment[];
  /** JPEG 2000: offsets of the tile-parts' SOT markers, in order. */
  tileParts?: number[];
  /** A JP2 file: its top-level boxes. */
  boxes?: Jp2Box[];
  /** RLE: its segments, in order. */
  rle?: RleSegment[];
}

/** Options of {@link checkFrameCodestream}. */
export interface WalkOptions {
  judgeBoxes?: boolean;
}

/**
 * Checks one encapsulated frame against the declared size: one complete codestream (JPEG, JPEG-LS,
 * JPEG 2000 / HTJ2K, RLE) of Columns x Rows with Samples per Pixel components, and after its end
 * only zero padding (or a single pad byte). JPEG XL is left to the decoded-size check.
 * Returns the layout walked (see `codestream-text.ts`, which removes the segments that can hold text).
 * @param index the frame's index, for the message.
 * @param options.judgeBoxes whether a JP2 box the kit does not read fails the frame when it holds
 *   text (default); `codestream-text.ts` walks without, and removes such boxes instead.
 * @throws PixelDataError saying what is wrong, in words.
 */
export function checkFrameCodestream(bytes: Uint8Array, codec: SyntaxInfo['codec'], declared: DeclaredFrame, index: number, options: WalkOptions = {}): FrameLayout {
  const where = `frame ${index}`;
  let layout: FrameLayout;
  switch (codec) {
    case 'jpeg':
    case 'jpegls':
      layout = checkJpeg(bytes, declared, where, codec === 'jpegls');
      break;
    case 'j2k':
    case 'htj2k':
      layout = checkJpeg2000(bytes, declared, where, options.judgeBoxes ?? true);
      break;
    case 'rle':
      return checkRle(bytes, declared, where);
    default:
      return { end: bytes.byteLength, segments: [] };
  }
  checkTrailing(bytes, layout.end, where);
  return layout;
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
 * header. Returns its marker segments and the offset just after EOI.
 */
function checkJpeg(bytes: Uint8Array, declared: DeclaredFrame, where: string, ls: boolean): FrameLayout {
  const kind = ls ? 'JPEG-LS' : 'JPEG';
  const n = bytes.byteLength;
  if (n < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new PixelDataError(`${where} does not start with a ${kind} start-of-image marker`);
  const u16 = (p: number) => (bytes[p] << 8) | bytes[p + 1];
  let p = 2;
  let size: { rows: number; columns: number; components: number } | undefined;
  let scanned = false;
  const segments: MarkerSegment[] = [];
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
    segments.push({ marker: 0xff00 | marker, start: p, end: p + 2 + length });
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
  return { end: p, segments };
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
 * SIZ for the size, the main header's marker segments, then every tile-part by its length (its
 * header marker by marker, up to SOD), up to EOC. Returns the segments and the offset after EOC
 * (for a JP2 file, its boxes and the offset after the last).
 */
function checkJpeg2000(bytes: Uint8Array, declared: DeclaredFrame, where: string, judgeBoxes: boolean): FrameLayout {
  const kind = 'JPEG 2000';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength >= 12 && view.getUint32(0) === 0x0000000c && view.getUint32(4) === 0x6a502020) {
    return checkJp2Boxes(bytes, declared, where, judgeBoxes);
  }
  const n = bytes.byteLength;
  if (n < 4 || view.getUint16(0) !== 0xff4f) throw new PixelDataError(`${where} does not start with a JPEG 2000 start-of-codestream marker`);
  if (view.getUint16(2) !== 0xff51 || n < 42) throw new PixelDataError(`the ${kind} codestream of ${where} has no image size (SIZ) marker`);
  const columns = view.getUint32(8) - view.getUint32(16);
  const rows = view.getUint32(12) - view.getUint32(20);
  const components = view.getUint16(40);
  const segments: MarkerSegment[] = [{ marker: 0xff51, start: 2, end: 4 + view.getUint16(4) }];
  const tileParts: number[] = [];
  let p = 4 + view.getUint16(4);
  // Main header: marker segments up to the first tile-part.
  for (;;) {
    if (p + 4 > n) throw cutShort(where, kind, 'it ends in its main header');
    const marker = view.getUint16(p);
    if (marker === 0xff90) break;
    if (marker >>> 8 !== 0xff) throw new PixelDataError(`the ${kind} codestream of ${where} is malformed: no marker at byte ${p}`);
    const end = p + 2 + view.getUint16(p + 2);
    if (end > n) throw cutShort(where, kind, 'it ends in its main header');
    segments.push({ marker, start: p, end });
    p = end;
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
    tileParts.push(p);
    const length = view.getUint32(p + 6);
    let last: number;
    if (length === 0) {
      // The last tile-part runs to EOC, which must then end the codestream (before any padding).
      last = n;
      while (last > p && bytes[last - 1] === 0) last--;
      if (last - p < 14 || bytes[last - 2] !== 0xff || bytes[last - 1] !== 0xd9) throw cutShort(where, kind, 'it has no end-of-codestream marker');
      last -= 2;
    } else {
      if (length < 14 || p + length > n) throw cutShort(where, kind, `a tile-part needs ${length} bytes at byte ${p} but only ${n - p} remain`);
      last = p + length;
    }
    segments.push(...tilePartHeader(view, p, last, where));
    p = length === 0 ? last + 2 : last;
    if (length === 0) break;
  }
  if (rows !== declared.rows || columns !== declared.columns) throw sizeMismatch(where, kind, columns, rows, declared);
  if (components !== declared.samplesPerPixel) {
    throw new PixelDataError(`the ${kind} codestream of ${where} has ${components} components but Samples per Pixel is ${declared.samplesPerPixel}`);
  }
  return { end: p, segments, tileParts };
}

/** The marker segments of one tile-part's header: after SOT, up to SOD, all inside the tile-part. */
function tilePartHeader(view: DataView, sot: number, tilePartEnd: number, where: string): MarkerSegment[] {
  const segments: MarkerSegment[] = [];
  let p = sot + 12;
  for (;;) {
    if (p + 2 > tilePartEnd) throw new PixelDataError(`the JPEG 2000 codestream of ${where} is malformed: a tile-part header at byte ${sot} has no start-of-data marker`);
    const marker = view.getUint16(p);
    if (marker === 0xff93) return segments;
    if (marker >>> 8 !== 0xff || p + 4 > tilePartEnd) throw new PixelDataError(`the JPEG 2000 codestream of ${where} is malformed: no marker at byte ${p}`);
    const end = p + 2 + view.getUint16(p + 2);
    if (end > tilePartEnd) throw new PixelDataError(`the JPEG 2000 codestream of ${where} is malformed: a marker segment at byte ${p} runs past its tile-part`);
    segments.push({ marker, start: p, end, tilePart: sot });
    p = end;
  }
}

/** The boxes a JP2 file carries around its codestream; others (XML, UUID, …) pass only when they hold no text. */
const JP2_BOXES = new Set(['jP  ', 'ftyp', 'rreq', 'jp2h', 'jp2c']);

function checkJp2Boxes(bytes: Uint8Array, declared: DeclaredFrame, where: string, judgeBoxes: boolean): FrameLayout {
  const boxes: Jp2Box[] = [];
  // Writers pad an odd-length JP2 file to an even fragment with one zero byte.
  const padded = bytes.byteLength % 2 === 0 && bytes[bytes.byteLength - 1] === 0 && boxesEndAt(bytes, bytes.byteLength - 1);
  for (const box of readBoxes(bytes, 0, padded ? bytes.byteLength - 1 : bytes.byteLength, where)) {
    // A UUID box starts with its 16-byte identifier, random bytes that are no text.
    const content = bytes.subarray(box.start + box.headerLength + (box.type === 'uuid' ? 16 : 0), box.end);
    if (judgeBoxes && !JP2_BOXES.has(box.type) && holdsText(content)) {
      throw new PixelDataError(`${where} is a JP2 file with a box holding text the kit does not read (only image data is checked)`);
    }
    if (box.type === 'jp2c') {
      const codestream = bytes.subarray(box.start + box.headerLength, box.end);
      box.codestream = checkJpeg2000(codestream, declared, where, judgeBoxes);
      checkTrailing(codestream, box.codestream.end, where);
    }
    boxes.push(box);
  }
  if (!boxes.some((box) => box.codestream)) throw new PixelDataError(`${where} is a JP2 file without a codestream box`);
  return { end: boxes[boxes.length - 1].end, segments: [], boxes };
}

/** Whether the top-level boxes' lengths add up to exactly `to` (no box running to the end). */
function boxesEndAt(bytes: Uint8Array, to: number): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  while (p + 8 <= to) {
    const length = view.getUint32(p);
    const size = length === 1 && p + 16 <= to ? Number(view.getBigUint64(p + 8)) : length;
    if (size < 8) return false;
    p += size;
  }
  return p === to;
}

/**
 * The boxes (ISO 15444-1 I.4, also ISO BMFF) between `from` and `to`: type, extent, header length.
 * @throws PixelDataError when a box does not fit.
 */
export function readBoxes(bytes: Uint8Array, from: number, to: number, where: string): Jp2Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Jp2Box[] = [];
  let p = from;
  while (p < to) {
    if (p + 8 > to) throw cutShort(where, 'JP2', 'it ends inside a box header');
    let length = view.getUint32(p);
    const type = String.fromCharCode(bytes[p + 4], bytes[p + 5], bytes[p + 6], bytes[p + 7]);
    let headerLength = 8;
    if (length === 1) {
      if (p + 16 > to) throw cutShort(where, 'JP2', 'it ends inside a box header');
      length = Number(view.getBigUint64(p + 8));
      headerLength = 16;
    } else if (length === 0) {
      length = to - p;
    }
    if (length < headerLength || p + length > to) throw cutShort(where, 'JP2', `a box needs ${length} bytes at byte ${p}`);
    boxes.push({ type, start: p, end: p + length, headerLength });
    p += length;
  }
  return boxes;
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
function checkRle(bytes: Uint8Array, declared: DeclaredFrame, where: string): FrameLayout {
  if (bytes.byteLength < 64) throw new PixelDataError(`the RLE data of ${where} is truncated: ${bytes.byteLength} bytes, shorter than its 64-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const segments = view.getUint32(0, true);
  const expected = declared.samplesPerPixel * Math.ceil(declared.bitsAllocated / 8);
  if (segments !== expected) {
    throw new PixelDataError(`the RLE header of ${where} lists ${segments} segments where ${declared.samplesPerPixel} samples of ${declared.bitsAllocated} bits need ${expected}`);
  }
  const offsets = Array.from({ length: segments }, (_, i) => view.getUint32(4 + i * 4, true));
  const pixels = declared.rows * declared.columns;
  const rle: RleSegment[] = [];
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
    rle.push({ start, used: decoded.used, end });
  }
  return { end: bytes.byteLength, segments: [], rle };
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
