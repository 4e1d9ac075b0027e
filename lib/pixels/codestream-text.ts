/**
 * Text hidden inside encapsulated codestreams, next to the image data: JPEG and JPEG-LS comment
 * (COM) and application (APPn) segments (Exif, XMP, ICC profiles, Photoshop/IPTC captions,
 * thumbnails), JPEG 2000 comments (in the main header or a tile-part header), JP2 and JPEG XL
 * boxes beside the codestream (XML, UUID, Exif, IPR), and the bytes an RLE header or segment
 * padding leaves free. None of it is read by the text checks (they read the header and the
 * decoded pixels), so it is removed here, without decoding: only marker segments and boxes go, the
 * entropy-coded data stays bit for bit, and lengths that count the removed bytes (JPEG 2000
 * tile-part lengths and TLM entries, JP2 box lengths) are fixed. Fragment lengths, offset tables
 * and even-length padding are rewritten by the writer when a frame changed (`writeDicom`).
 *
 * Kept, because a decoder needs them and they hold numbers only: JFIF (APP0, without its
 * thumbnail), Adobe (APP14: the colour transform), the HP colour transform of JPEG-LS (APP8
 * `mrfx`), JP2 signature, file type, reader requirements and header boxes; JPEG 2000 comments
 * that are exactly an encoder's version banner (OpenJPEG, OpenJPH, Kakadu), which name no one.
 * A frame with nothing to remove is left as it is, byte for byte.
 */
import type { DicomDataset } from '../dicom/dataset.js';
import { syntaxInfo, type SyntaxInfo } from '../dicom/transfer-syntaxes.js';
import { checkFrameCodestream, readBoxes, type DeclaredFrame, type FrameLayout, type Jp2Box, type MarkerSegment } from './codestream.js';
import { PixelDataError } from './errors.js';
import { readPixelModule } from './module.js';

/** One removal from one frame: what kind of segment (never its content) and how many bytes. */
export interface CodestreamRemoval {
  frame: number;
  /** The kind of segment, e.g. `JPEG comment (COM)`, `APP1 (Exif)`, `JP2 xml box`. */
  what: string;
  bytes: number;
}

/** Text the kit could not take out of a codestream without changing the image: the file fails. */
export class UnremovableTextError extends PixelDataError {
  override name = 'UnremovableTextError';
}

/** A change to a frame: bytes `start..end` replaced by `replacement` (nothing: removed). */
interface Edit {
  start: number;
  end: number;
  replacement?: Uint8Array;
  /** What is removed, for the message (unset for length fix-ups). */
  what?: string;
}

const PIXEL_DATA = '7FE00010';

/**
 * Frames of one dataset (their buffers) already walked by `checkFrameCodestream` with nothing
 * found wrong, against the same header, and not changed since: `checkPixelData` need not walk them
 * again. Made for one step's two calls on one dataset (strip, then check), never kept longer.
 */
export type CheckedFrames = Set<ArrayBuffer>;

/**
 * Removes the segments that can hold text from every frame of encapsulated Pixel Data (see the
 * module comment), in place: a frame with nothing to remove keeps its bytes. Native pixel data
 * has no such place. Returns one entry per removal.
 * @param checked (optional) receives each frame left as it was whose walk was the whole of
 *   `checkFrameCodestream`'s check (see {@link CheckedFrames}).
 * @throws PixelDataError when a frame is not the codestream its header declares (truncated, malformed).
 * @throws UnremovableTextError when a segment that may hold text cannot be removed safely.
 */
export function removeCodestreamText(dataset: DicomDataset, checked?: CheckedFrames): CodestreamRemoval[] {
  const pixel = dataset.dict[PIXEL_DATA];
  const info = syntaxInfo(dataset.transferSyntaxUID);
  if (!pixel || !info || info.codec === 'native') return [];
  const frames = (pixel.Value ?? []);
  if (!frames.every((f) => f instanceof ArrayBuffer)) throw new PixelDataError('Pixel Data (7FE0,0010) holds a value that is not binary');
  const declared = readPixelModule(dataset);
  const removals: CodestreamRemoval[] = [];
  (frames).forEach((frame, index) => {
    const result = stripFrame(new Uint8Array(frame), info.codec, declared, index);
    if (result.removed.length === 0) {
      // Walked without judging JP2 boxes: the same as the full check only when the frame has none.
      if (!result.boxes) checked?.add(frame);
      return;
    }
    frames[index] = Uint8Array.from(result.bytes).buffer;
    removals.push(...result.removed.map((r) => ({ ...r, frame: index })));
  });
  return removals;
}

/** What {@link stripFrame} left of a frame. */
export interface StrippedFrame {
  /** The frame: the same bytes when nothing was removed. */
  bytes: Uint8Array;
  removed: Array<Omit<CodestreamRemoval, 'frame'>>;
  /** A JP2 file (boxes around the codestream): walked without judging the boxes it does not read. */
  boxes?: true;
}

/**
 * Removes the segments that can hold text from one encapsulated frame (see the module comment).
 * Returns the frame unchanged (the same bytes) when there is nothing to remove.
 * @throws PixelDataError when the frame is not the codestream its header declares.
 * @throws UnremovableTextError when a segment that may hold text cannot be removed safely.
 */
export function stripFrame(bytes: Uint8Array, codec: SyntaxInfo['codec'], declared: DeclaredFrame, index: number): StrippedFrame {
  const where = `frame ${index}`;
  const layout = checkFrameCodestream(bytes, codec, declared, index, { judgeBoxes: false });
  let edits: Edit[];
  switch (codec) {
    case 'jpeg':
    case 'jpegls':
      edits = jpegEdits(bytes, layout, codec === 'jpegls', where);
      break;
    case 'j2k':
    case 'htj2k':
      edits = layout.boxes ? jp2Edits(bytes, layout.boxes, where) : jpeg2000Edits(bytes, layout, where);
      break;
    case 'jpegxl':
      edits = jpegXlEdits(bytes, where);
      break;
    case 'rle':
      edits = rleEdits(bytes, layout);
      break;
    default:
      edits = [];
  }
  const removed = edits.flatMap((e) => (e.what ? [{ what: e.what, bytes: bytesRemoved(bytes, e) }] : []));
  if (removed.length === 0) return { bytes, removed, ...(layout.boxes ? { boxes: true } : {}) };
  // Zero padding after the codestream goes too: the writer pads the new frame to an even length.
  const end = layout.end < bytes.byteLength && bytes.subarray(layout.end).every((b) => b === 0) ? layout.end : bytes.byteLength;
  return { bytes: applyEdits(bytes.subarray(0, end), edits), removed };
}

// ---- JPEG and JPEG-LS -------------------------------------------------------------------------

const COM = 0xfffe;
const APP0 = 0xffe0;
const APP8 = 0xffe8;
const APP14 = 0xffee;

/** Application segments known by their identifier (named in messages; an unknown one is just `APPn`). */
const APP_NAMES: Array<[number, string, string]> = [
  [0xffe0, 'JFXX\0', 'JFIF extension (thumbnail)'],
  [0xffe1, 'Exif\0', 'Exif'],
  [0xffe1, 'http://ns.adobe.com/xap/1.0/', 'XMP'],
  [0xffe1, 'http://ns.adobe.com/xmp/extension/', 'XMP'],
  [0xffe2, 'ICC_PROFILE\0', 'ICC profile'],
  [0xffe2, 'MPF\0', 'multi-picture'],
  [0xffe2, 'FPXR\0', 'FlashPix'],
  [0xffe8, 'SPIFF\0', 'SPIFF'],
  [0xffec, 'Ducky', 'Ducky'],
  [0xffed, 'Photoshop 3.0\0', 'Photoshop/IPTC'],
];

/**
 * JPEG (ISO 10918-1 B.1.1.3) and JPEG-LS (ISO 14495-1 C.1.1) markers with a length that a decoder
 * reads: frame headers, tables, scans, restart interval, number of lines, hierarchical
 * progression and expansion, and JPEG-LS's preset parameters (LSE).
 */
function isCodingSegment(marker: number, ls: boolean): boolean {
  if (marker >= 0xffc0 && marker <= 0xffcf && marker !== 0xffc8) return true; // SOFn, DHT, DAC
  if (marker >= 0xffda && marker <= 0xffdf) return true; // SOS, DQT, DNL, DRI, DHP, EXP
  return ls && (marker === 0xfff7 || marker === 0xfff8); // SOF55, LSE
}

function jpegEdits(bytes: Uint8Array, layout: FrameLayout, ls: boolean, where: string): Edit[] {
  const kind = ls ? 'JPEG-LS' : 'JPEG';
  const edits: Edit[] = [];
  for (const segment of layout.segments) {
    const { marker, start, end } = segment;
    if (isCodingSegment(marker, ls)) continue;
    const content = bytes.subarray(start + 4, end);
    if (marker === COM) {
      edits.push({ start, end, what: `${kind} comment (COM)` });
    } else if (marker >= APP0 && marker <= 0xffef) {
      const edit = appEdit(segment, content, ls, kind);
      if (edit) edits.push(edit);
    } else {
      // Reserved markers (JPGn, RES): no decoder reads them, and their content is unknown.
      throw new UnremovableTextError(`the ${kind} codestream of ${where} holds a reserved marker segment (FF${hex2(marker & 0xff)}) whose content the kit cannot judge`);
    }
  }
  return edits;
}

/** What to do with one APPn segment: keep a decoder's (trimmed to its fields), remove any other. */
function appEdit(segment: MarkerSegment, content: Uint8Array, ls: boolean, kind: string): Edit | undefined {
  const { marker, start, end } = segment;
  const app = `APP${marker - APP0}`;
  // JFIF: version, density units and density (14 bytes); a thumbnail after them is an image.
  if (marker === APP0 && startsWith(content, 'JFIF\0') && content.byteLength >= 14) {
    if (content.byteLength === 14 && content[12] === 0 && content[13] === 0) return undefined;
    const trimmed = segmentOf(marker, content.subarray(0, 14));
    trimmed[16] = 0;
    trimmed[17] = 0;
    return { start, end, replacement: trimmed, what: `${kind} JFIF thumbnail (APP0)` };
  }
  // Adobe: version, flags and the colour transform a decoder needs (12 bytes).
  if (marker === APP14 && startsWith(content, 'Adobe') && content.byteLength >= 12) {
    return content.byteLength === 12 ? undefined : { start, end, replacement: segmentOf(marker, content.subarray(0, 12)), what: `${kind} bytes after the Adobe fields (APP14)` };
  }
  // JPEG-LS HP colour transform: `mrfx` and one byte, which CharLS reads.
  if (ls && marker === APP8 && startsWith(content, 'mrfx') && content.byteLength >= 5) {
    return content.byteLength === 5 ? undefined : { start, end, replacement: segmentOf(marker, content.subarray(0, 5)), what: `${kind} bytes after the colour transform (APP8)` };
  }
  const known = APP_NAMES.find(([m, id]) => m === marker && startsWith(content, id));
  return { start, end, what: `${kind} application segment ${app}${known ? ` (${known[2]})` : ''}` };
}

/** A JPEG marker segment: marker, length, content. */
function segmentOf(marker: number, content: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + content.byteLength);
  out[0] = 0xff;
  out[1] = marker & 0xff;
  out[2] = (content.byteLength + 2) >> 8;
  out[3] = (content.byteLength + 2) & 0xff;
  out.set(content, 4);
  return out;
}

// ---- JPEG 2000 and JP2 ------------------------------------------------------------------------

const J2K_COM = 0xff64;
const TLM = 0xff55;

/**
 * JPEG 2000 marker segments a decoder reads (ISO 15444-1 A, Part 2 extensions, Part 15 CAP/CPF).
 * Any other marker with a length is unknown: its content cannot be judged.
 */
const J2K_CODING = new Set([
  0xff50, 0xff51, 0xff52, 0xff53, 0xff55, 0xff57, 0xff58, 0xff59, 0xff5c, 0xff5d, 0xff5e, 0xff5f, 0xff60, 0xff61, 0xff63,
  0xff70, 0xff71, 0xff72, 0xff73, 0xff74, 0xff75, 0xff76, 0xff77, 0xff78, 0xff79,
]);

/** Comments that are exactly an encoder's version banner: no one is named, so they stay (and the frame with them). */
const ENCODER_BANNERS = [/^Created by OpenJPEG version \d+(\.\d+){0,3}$/, /^OpenJPH Ver \d+(\.\d+){0,3}\.?$/, /^Kakadu-v\d+(\.\d+){0,3}$/];

function jpeg2000Edits(bytes: Uint8Array, layout: FrameLayout, where: string): Edit[] {
  const edits: Edit[] = [];
  const removedPerTilePart = new Map<number, number>();
  for (const { marker, start, end, tilePart } of layout.segments) {
    if (J2K_CODING.has(marker)) continue;
    if (marker !== J2K_COM) {
      throw new UnremovableTextError(`the JPEG 2000 codestream of ${where} holds a marker segment (${hex4(marker)}) the kit does not know, whose content it cannot judge`);
    }
    if (isEncoderBanner(bytes.subarray(start + 4, end))) continue;
    edits.push({ start, end, what: `JPEG 2000 comment (COM)${tilePart === undefined ? '' : ' in a tile-part header'}` });
    if (tilePart !== undefined) removedPerTilePart.set(tilePart, (removedPerTilePart.get(tilePart) ?? 0) + end - start);
  }
  if (removedPerTilePart.size > 0) edits.push(...tilePartLengthEdits(bytes, layout, removedPerTilePart, where));
  return edits;
}

function isEncoderBanner(content: Uint8Array): boolean {
  // Rcom 1: Latin-1 text.
  if (content.byteLength < 3 || content[0] !== 0 || content[1] !== 1) return false;
  const text = String.fromCharCode(...content.subarray(2));
  return ENCODER_BANNERS.some((banner) => banner.test(text));
}

/**
 * A tile-part that loses a comment is shorter: its SOT length (Psot, unless 0: up to EOC) and its
 * entry in the TLM segments (tile-part lengths, in codestream order) are rewritten.
 */
function tilePartLengthEdits(bytes: Uint8Array, layout: FrameLayout, removed: Map<number, number>, where: string): Edit[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const edits: Edit[] = [];
  for (const [sot, count] of removed) {
    const psot = view.getUint32(sot + 6);
    if (psot !== 0) edits.push({ start: sot + 6, end: sot + 10, replacement: u32(psot - count) });
  }
  const entries = tlmEntries(bytes, layout.segments.filter((s) => s.marker === TLM));
  if (entries.length === 0) return edits;
  const tileParts = layout.tileParts ?? [];
  if (entries.length !== tileParts.length) {
    throw new UnremovableTextError(`the JPEG 2000 codestream of ${where} has a comment in a tile-part header, and its tile-part length table (TLM) does not list every tile-part, so the lengths cannot be fixed`);
  }
  tileParts.forEach((sot, k) => {
    const count = removed.get(sot);
    if (!count) return;
    const { at, size } = entries[k];
    const length = size === 2 ? view.getUint16(at) : view.getUint32(at);
    if (length - count < 14) throw new UnremovableTextError(`the JPEG 2000 codestream of ${where} has a tile-part length table (TLM) that does not match its tile-parts`);
    edits.push({ start: at, end: at + size, replacement: size === 2 ? u16(length - count) : u32(length - count) });
  });
  return edits;
}

/** Where each tile-part length (Ptlm) lies, over the TLM segments in index order (ISO 15444-1 A.7.1). */
function tlmEntries(bytes: Uint8Array, segments: MarkerSegment[]): Array<{ at: number; size: 2 | 4 }> {
  const ordered = [...segments].sort((a, b) => bytes[a.start + 4] - bytes[b.start + 4]);
  const entries: Array<{ at: number; size: 2 | 4 }> = [];
  for (const { start, end } of ordered) {
    const stlm = bytes[start + 5];
    const tileIndexSize = (stlm >> 4) & 0x3;
    const size: 2 | 4 = (stlm >> 6) & 0x1 ? 4 : 2;
    for (let p = start + 6; p + tileIndexSize + size <= end; p += tileIndexSize + size) entries.push({ at: p + tileIndexSize, size });
  }
  return entries;
}

/** JP2 boxes a decoder reads: signature, file type, reader requirements, header, codestream. */
const JP2_KEPT = new Set(['jP  ', 'ftyp', 'rreq', 'jp2h', 'jp2c']);
/** Boxes of the JP2 header (ISO 15444-1 I.5.3): numbers only, except a colour box holding an ICC profile. */
const JP2_HEADER_BOXES = new Set(['ihdr', 'bpcc', 'colr', 'pclr', 'cmap', 'cdef', 'res ', 'resc', 'resd']);

function jp2Edits(bytes: Uint8Array, boxes: Jp2Box[], where: string): Edit[] {
  const edits: Edit[] = [];
  for (const box of boxes) {
    if (!JP2_KEPT.has(box.type)) {
      edits.push({ start: box.start, end: box.end, what: `JP2 ${printable(box.type)} box` });
    } else if (box.type === 'jp2h') {
      checkJp2Header(bytes, box, where);
    } else if (box.type === 'jp2c' && box.codestream) {
      const content = box.start + box.headerLength;
      const inner = jpeg2000Edits(bytes.subarray(content), box.codestream, where).map((e) => ({ ...e, start: e.start + content, end: e.end + content }));
      edits.push(...inner);
      const removed = inner.reduce((n, e) => n + e.end - e.start - (e.replacement?.byteLength ?? 0), 0);
      if (removed > 0) edits.push(...boxLengthEdit(bytes, box, removed));
    }
  }
  return edits;
}

/** The JP2 header box holds sub-boxes of numbers; an ICC profile (colour method 2 or 3) has text tags the kit cannot remove without changing colours. */
function checkJp2Header(bytes: Uint8Array, jp2h: Jp2Box, where: string): void {
  const walk = (box: Jp2Box): void => {
    if (!JP2_HEADER_BOXES.has(box.type)) throw new UnremovableTextError(`${where} is a JP2 file whose header holds a box (${printable(box.type)}) the kit does not know`);
    const content = box.start + box.headerLength;
    if (box.type === 'colr' && bytes[content] !== 1) throw new UnremovableTextError(`${where} is a JP2 file whose colour box holds an ICC profile, which can hold text the kit cannot remove without changing colours`);
    if (box.type === 'res ') readBoxes(bytes, content, box.end, where).forEach(walk);
  };
  readBoxes(bytes, jp2h.start + jp2h.headerLength, jp2h.end, where).forEach(walk);
}

/** A box that lost `removed` bytes: its length field, unless 0 (the box runs to the end). */
function boxLengthEdit(bytes: Uint8Array, box: Jp2Box, removed: number): Edit[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (box.headerLength === 16) {
    const length = new Uint8Array(8);
    new DataView(length.buffer).setBigUint64(0, BigInt(box.end - box.start - removed));
    return [{ start: box.start + 8, end: box.start + 16, replacement: length }];
  }
  return view.getUint32(box.start) === 0 ? [] : [{ start: box.start, end: box.start + 4, replacement: u32(box.end - box.start - removed) }];
}

// ---- JPEG XL ----------------------------------------------------------------------------------

/** JPEG XL container boxes a decoder reads (ISO 18181-2): signature, file type, level, codestream (whole or in parts), frame index. */
const JXL_KEPT = new Set(['JXL ', 'ftyp', 'jxll', 'jxlc', 'jxlp', 'jxli']);

/**
 * A JPEG XL frame in the container format loses its other boxes (Exif, XML, JUMBF, Brotli-compressed
 * boxes, JPEG reconstruction data, which keeps the original JPEG's comments). A bare codestream
 * has no such box.
 */
function jpegXlEdits(bytes: Uint8Array, where: string): Edit[] {
  const container = bytes.byteLength >= 12 && startsWith(bytes.subarray(4), 'JXL ') && bytes[0] === 0 && bytes[3] === 12;
  if (!container) return [];
  return readBoxes(bytes, 0, bytes.byteLength, where)
    .filter((box) => !JXL_KEPT.has(box.type))
    .map((box) => ({ start: box.start, end: box.end, what: `JPEG XL ${printable(box.type)} box` }));
}

// ---- RLE --------------------------------------------------------------------------------------

/**
 * RLE (PS3.5 G) has three places outside its segments: the header's unused offsets (which must be
 * 0), bytes between the 64-byte header and the first segment, and the pad byte after a segment
 * (which must be 0). Each is cleared; the segments stay as they are.
 */
function rleEdits(bytes: Uint8Array, layout: FrameLayout): Edit[] {
  const segments = layout.rle ?? [];
  if (segments.length === 0) return [];
  const edits: Edit[] = [];
  const gap = segments[0].start - 64;
  const unused = bytes.subarray(4 + segments.length * 4, 64);
  if (gap > 0 || unused.some((b) => b !== 0)) {
    const header = new Uint8Array(64);
    const view = new DataView(header.buffer);
    view.setUint32(0, segments.length, true);
    segments.forEach((s, i) => view.setUint32(4 + i * 4, s.start - gap, true));
    edits.push({ start: 0, end: 64, replacement: header, what: unused.some((b) => b !== 0) ? 'RLE header bytes in unused segment offsets' : undefined });
    if (gap > 0) edits.push({ start: 64, end: segments[0].start, what: 'RLE bytes between the header and the first segment' });
  }
  for (const s of segments) {
    if (s.used < s.end && bytes[s.used] !== 0) edits.push({ start: s.used, end: s.used + 1, replacement: new Uint8Array(1), what: 'RLE pad byte that was not zero' });
  }
  return edits;
}

// ---- helpers ----------------------------------------------------------------------------------

/** Bytes an edit takes out: the length it loses, or for an edit of the same length the bytes it clears. */
function bytesRemoved(bytes: Uint8Array, edit: Edit): number {
  const { start, end, replacement } = edit;
  if (!replacement || replacement.byteLength !== end - start) return end - start - (replacement?.byteLength ?? 0);
  let changed = 0;
  for (let i = start; i < end; i++) if (bytes[i] !== replacement[i - start]) changed++;
  return changed;
}

/** Applies non-overlapping edits to a copy of `bytes`. */
function applyEdits(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new UnremovableTextError('two changes to one codestream overlap');
    parts.push(bytes.subarray(at, edit.start));
    if (edit.replacement) parts.push(edit.replacement);
    at = edit.end;
  }
  parts.push(bytes.subarray(Math.min(at, bytes.byteLength)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.byteLength < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** A box type for a message: its four characters when they are letters, digits or spaces, else `unknown`. */
function printable(type: string): string {
  return /^[A-Za-z0-9 ]{4}$/.test(type) ? type.trim() : 'unknown';
}

function u16(value: number): Uint8Array {
  return new Uint8Array([value >> 8, value & 0xff]);
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
