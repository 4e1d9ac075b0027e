/**
 * Finds the File Meta Information and the dataset in a file's bytes, as dcmtk does:
 * with or without the 128-byte preamble and `DICM`, with or without the group length,
 * and with the transfer syntax read from the meta header or, when it is missing, inferred
 * from the first elements of the dataset (explicit or implicit VR, little or big endian).
 */
import { STANDARD_VRS } from './dictionary.js';
import { TS } from './transfer-syntaxes.js';

/** Where the parts of a file are, and how its dataset is encoded. */
export interface Part10Layout {
  /** Each File Meta element (group 0002) other than the group length, as encoded (explicit VR little endian). */
  metaElements: Array<{ element: number; bytes: Uint8Array }>;
  /** Offset of the dataset in the file. */
  datasetOffset: number;
  transferSyntaxUID: string;
  /** `meta` when the meta header says it, `inferred` when it was guessed from the dataset. */
  syntaxFrom: 'meta' | 'inferred';
}

/** A file whose layout cannot be made out; the message says why, in words. */
export class Part10Error extends Error {
  override name = 'Part10Error';
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);

/**
 * Lays out a file: meta elements, dataset offset and transfer syntax.
 * @throws Part10Error when the bytes are not DICOM or the meta header is cut short.
 */
export function layoutPart10(bytes: Uint8Array): Part10Layout {
  const hasPreamble = bytes.byteLength >= 132 && ascii(bytes, 128, 4) === 'DICM';
  const metaStart = hasPreamble ? 132 : startsWithMeta(bytes) ? 0 : -1;
  if (metaStart < 0) {
    // A bare dataset: no preamble and no meta header (allowed for media other than files, and common in old archives).
    const syntax = inferSyntax(bytes, true);
    if (!syntax) {
      const why = bytes.byteLength < 8 ? `only ${bytes.byteLength} bytes` : "no 'DICM' marker at byte 128 and no dataset at the start";
      throw new Part10Error(`not a DICOM file: ${why}`);
    }
    return { metaElements: [], datasetOffset: 0, transferSyntaxUID: syntax, syntaxFrom: 'inferred' };
  }
  const { elements, end } = readMetaElements(bytes, metaStart);
  const tsElement = elements.find((e) => e.element === 0x0010);
  const declared = tsElement ? uidValue(tsElement.bytes) : '';
  if (declared) return { metaElements: elements, datasetOffset: end, transferSyntaxUID: declared, syntaxFrom: 'meta' };
  const inferred = inferSyntax(bytes.subarray(end), false);
  if (!inferred) throw new Part10Error('the file meta header has no Transfer Syntax UID and the dataset encoding cannot be recognised');
  return { metaElements: elements.filter((e) => e.element !== 0x0010), datasetOffset: end, transferSyntaxUID: inferred, syntaxFrom: 'inferred' };
}

/** A meta header without preamble starts with a group 0002 element in explicit VR little endian. */
function startsWithMeta(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint16(0, true) === 0x0002 && STANDARD_VRS.has(ascii(bytes, 4, 2));
}

/** Reads group 0002 elements from `start` until another group begins; the group length is not trusted. */
function readMetaElements(bytes: Uint8Array, start: number): { elements: Part10Layout['metaElements']; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const elements: Part10Layout['metaElements'] = [];
  let p = start;
  while (p + 8 <= bytes.byteLength && view.getUint16(p, true) === 0x0002) {
    const element = view.getUint16(p + 2, true);
    const vr = ascii(bytes, p + 4, 2);
    let valueStart: number;
    let length: number;
    if (LONG_VRS.has(vr)) {
      if (p + 12 > bytes.byteLength) throw new Part10Error(`truncated: the file meta header ends inside element (0002,${hex4(element)})`);
      length = view.getUint32(p + 8, true);
      valueStart = p + 12;
    } else if (STANDARD_VRS.has(vr)) {
      length = view.getUint16(p + 6, true);
      valueStart = p + 8;
    } else {
      // Some old writers put the meta header in implicit VR.
      length = view.getUint32(p + 4, true);
      valueStart = p + 8;
    }
    if (length === 0xffffffff || valueStart + length > bytes.byteLength) {
      throw new Part10Error(`truncated: the file meta header element (0002,${hex4(element)}) does not fit in the file`);
    }
    if (element !== 0x0000) elements.push({ element, bytes: STANDARD_VRS.has(vr) ? bytes.subarray(p, valueStart + length) : explicitMetaElement(element, bytes.subarray(valueStart, valueStart + length)) });
    p = valueStart + length;
  }
  if (p < bytes.byteLength && p + 8 > bytes.byteLength) throw new Part10Error('truncated: the file ends inside the file meta header');
  return { elements, end: p };
}

/** Re-encodes a meta element read in implicit VR (the meta header is always explicit VR). */
function explicitMetaElement(element: number, value: Uint8Array): Uint8Array {
  const vr = element === 0x0001 ? 'OB' : element === 0x0000 ? 'UL' : element === 0x0013 || element === 0x0016 ? (element === 0x0013 ? 'SH' : 'AE') : 'UI';
  const long = LONG_VRS.has(vr);
  const out = new Uint8Array((long ? 12 : 8) + value.byteLength);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0x0002, true);
  view.setUint16(2, element, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, value.byteLength, true);
  else view.setUint16(6, value.byteLength, true);
  out.set(value, long ? 12 : 8);
  return out;
}

/**
 * Encodes a File Meta Information group (group length first) from elements, for a parser.
 * @param transferSyntaxUID the Transfer Syntax UID to write (undefined: none, as some broken files have).
 */
export function encodeMeta(elements: Part10Layout['metaElements'], transferSyntaxUID: string | undefined): Uint8Array {
  const ts = transferSyntaxUID === undefined ? [] : [{ element: 0x0010, bytes: explicitMetaElement(0x0010, padUid(transferSyntaxUID)) }];
  const all = [...elements.filter((e) => e.element !== 0x0010), ...ts].sort((a, b) => a.element - b.element);
  const length = all.reduce((sum, e) => sum + e.bytes.byteLength, 0);
  const out = new Uint8Array(12 + length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0x0002, true);
  view.setUint16(2, 0x0000, true);
  out[4] = 0x55; // U
  out[5] = 0x4c; // L
  view.setUint16(6, 4, true);
  view.setUint32(8, length, true);
  let at = 12;
  for (const e of all) {
    out.set(e.bytes, at);
    at += e.bytes.byteLength;
  }
  return out;
}

/**
 * Guesses how a dataset is encoded from its first elements, trying explicit VR little endian,
 * implicit VR little endian and explicit VR big endian in turn (dcmtk's order). A guess must read
 * a few elements in ascending tag order, each fitting in the bytes.
 * @param bare whether there is no meta header at all: the first element must then be a plausible
 *   start of a dataset (groups 0002 to 0010), so that text and images are not taken for DICOM.
 */
export function inferSyntax(body: Uint8Array, bare: boolean): string | undefined {
  const candidates: Array<[string, boolean, boolean]> = [
    [TS.ExplicitVRLittleEndian, false, true],
    [TS.ImplicitVRLittleEndian, true, true],
    [TS.ExplicitVRBigEndian, false, false],
  ];
  for (const [uid, implicit, littleEndian] of candidates) {
    if (readsAs(body, implicit, littleEndian, bare)) return uid;
  }
  return undefined;
}

function readsAs(body: Uint8Array, implicit: boolean, le: boolean, bare: boolean): boolean {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let p = 0;
  let previous = -1;
  let read = 0;
  while (read < 4 && p + 8 <= body.byteLength) {
    const group = view.getUint16(p, le);
    const element = view.getUint16(p + 2, le);
    const tag = group * 0x10000 + element;
    // A dataset starts with a low group (0008 as a rule); read in the wrong byte order it would not.
    if (read === 0 && !(group >= 0x0001 && group <= 0x0010)) return false;
    if (read === 0 && bare && !(group >= 0x0002 && group % 2 === 0 && element < 0x1000)) return false;
    if (group === 0xfffe || tag <= previous) return false;
    let length: number;
    let valueStart: number;
    if (implicit) {
      length = view.getUint32(p + 4, le);
      valueStart = p + 8;
    } else {
      const vr = ascii(body, p + 4, 2);
      if (!STANDARD_VRS.has(vr)) return false;
      if (LONG_VRS.has(vr)) {
        if (p + 12 > body.byteLength) return false;
        length = view.getUint32(p + 8, le);
        valueStart = p + 12;
      } else {
        length = view.getUint16(p + 6, le);
        valueStart = p + 8;
      }
    }
    read++;
    // An undefined length starts a sequence; the elements read so far are evidence enough.
    if (length === 0xffffffff) return true;
    if (valueStart + length > body.byteLength) return false;
    previous = tag;
    p = valueStart + length;
  }
  return read > 0 && (read >= 2 || p === body.byteLength);
}

/**
 * The Media Storage SOP Class UID of the meta header, read without parsing the dataset (so a
 * DICOMDIR is recognised even when its records cannot be read). Undefined when there is none.
 */
export function metaSopClass(bytes: Uint8Array): string | undefined {
  try {
    const element = layoutPart10(bytes).metaElements.find((e) => e.element === 0x0002);
    return element ? uidValue(element.bytes) || undefined : undefined;
  } catch {
    return undefined;
  }
}

function uidValue(element: Uint8Array): string {
  const view = new DataView(element.buffer, element.byteOffset, element.byteLength);
  const long = LONG_VRS.has(ascii(element, 4, 2));
  const start = long ? 12 : 8;
  const length = long ? view.getUint32(8, true) : view.getUint16(6, true);
  return ascii(element, start, length).replace(/[\0 ]/g, '');
}

function padUid(uid: string): Uint8Array {
  const bytes = new TextEncoder().encode(uid.length % 2 ? `${uid}\0` : uid);
  return bytes;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let out = '';
  for (let i = start; i < start + length && i < bytes.byteLength; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0').toUpperCase();
}
