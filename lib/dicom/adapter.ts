/**
 * The one module that talks to dcmjs. Reads any Part 10 file (or a bare dataset) into a
 * `DicomDataset` and writes one back as valid Part 10, keeping the transfer syntax and
 * writing untouched pixel data byte for byte.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import dcmjs from 'dcmjs';
import type { DicomDataset, DicomDict, DicomElement } from './dataset.js';
import {
  encodePixelElement,
  fragmentsToFrames,
  framesDigest,
  locatePixelElement,
  type RawPixelElement,
} from './pixel-element.js';
import { findStructuralProblem } from './structure.js';
import { TS, isBigEndian, isEncapsulated, isImplicitVR } from './transfer-syntaxes.js';

const { DicomMessage, DicomDict: DcmjsDict } = dcmjs.data;
// dcmjs logs recoverable oddities (unknown VRs) to the console; callers get errors instead.
dcmjs.log?.setLevel?.('silent');
dcmjs.log?.getLogger?.('validation.dcmjs')?.setLevel?.('silent');

const PIXEL_DATA = '7FE00010';
/** Identifies files written by this kit (PS3.7 D.3.3.2); a 2.25 UUID-derived root. */
export const IMPLEMENTATION_CLASS_UID = '2.25.243617391625937046452618047305815104473';
export const IMPLEMENTATION_VERSION_NAME = 'DSHKIT_0_1';

/** A file that could not be read as DICOM; the message names the source and the problem. */
export class DicomReadError extends Error {
  constructor(
    readonly source: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${problem}`, options);
    this.name = 'DicomReadError';
  }
}

/** Original pixel element bytes, keyed by the element object they belong to. */
const rawPixelElements = new WeakMap<DicomElement, RawPixelElement>();

/**
 * Parses DICOM bytes: Part 10 in implicit/explicit VR little endian, explicit big endian,
 * deflated explicit little endian, any encapsulated syntax, or a bare dataset without
 * preamble and meta header (implicit or explicit VR little endian).
 * Strings come back as Unicode whatever the Specific Character Set.
 *
 * @param bytes the file's bytes; not modified.
 * @param source name used in errors (default: `<memory>`).
 * @throws DicomReadError naming the source and the problem.
 */
export function readDicom(bytes: Uint8Array, source = '<memory>'): DicomDataset {
  const part10 = hasPart10Preamble(bytes) ? bytes : wrapBareDataset(bytes, source);
  let message: { meta: DicomDict; dict: DicomDict };
  try {
    message = DicomMessage.readFile(toArrayBuffer(part10), { ignoreErrors: false });
  } catch (error) {
    throw new DicomReadError(source, `cannot parse DICOM: ${describe(error)}`, { cause: error });
  }
  const meta = message.meta;
  const transferSyntaxUID = String(meta['00020010']?.Value?.[0] ?? '').replace(/\0/g, '').trim();
  if (!transferSyntaxUID) throw new DicomReadError(source, 'the file meta header has no Transfer Syntax UID');
  const dict = message.dict;
  if (Object.keys(dict).length === 0) throw new DicomReadError(source, 'the dataset is empty');
  delete meta['00020000'];
  const dataset: DicomDataset = { meta, dict, transferSyntaxUID };
  const body = datasetBytes(part10, transferSyntaxUID, source);
  const problem = findStructuralProblem(body, { implicitVR: isImplicitVR(transferSyntaxUID), littleEndian: !isBigEndian(transferSyntaxUID) });
  if (problem) throw new DicomReadError(source, problem);
  if (dict[PIXEL_DATA]) attachRawPixelData(dataset, body, source);
  return dataset;
}

/** The dataset's encoded bytes after the meta header, inflated when deflated. */
function datasetBytes(part10: Uint8Array, transferSyntaxUID: string, source: string): Uint8Array {
  const metaEnd = 132 + 12 + new DataView(part10.buffer, part10.byteOffset).getUint32(140, true);
  const body = part10.subarray(metaEnd);
  if (transferSyntaxUID !== TS.DeflatedExplicitVRLittleEndian) return body;
  try {
    return inflateRawSync(body);
  } catch (error) {
    throw new DicomReadError(source, `deflated dataset cannot be inflated: ${describe(error)}`, { cause: error });
  }
}

/**
 * Serialises a dataset as a Part 10 file in `dataset.transferSyntaxUID`.
 * The meta header is rebuilt (SOP Class/Instance from the dataset, this kit's implementation UID).
 * Pixel data whose frames are unchanged since reading is written byte for byte; changed pixel
 * data is written natively or encapsulated (one fragment per frame, with an offset table).
 * Elements after Pixel Data (trailing padding, digital signatures) are not written.
 * Big endian files whose pixels changed are written as explicit VR little endian.
 */
export function writeDicom(dataset: DicomDataset): Uint8Array {
  const pixel = dataset.dict[PIXEL_DATA];
  let transferSyntaxUID = dataset.transferSyntaxUID;
  const raw = pixel ? unchangedRaw(pixel) : undefined;
  if (pixel && !raw && isBigEndian(transferSyntaxUID)) transferSyntaxUID = TS.ExplicitVRLittleEndian;

  const deflate = transferSyntaxUID === TS.DeflatedExplicitVRLittleEndian;
  const implicitVR = isImplicitVR(transferSyntaxUID);
  // Big endian pixel data was byte-swapped on reading: dcmjs swaps it back when it writes it.
  const dcmjsWritesPixels = pixel !== undefined && raw !== undefined && isBigEndian(transferSyntaxUID);
  const dict: DicomDict = {};
  for (const [tag, element] of Object.entries(dataset.dict)) if (tag < PIXEL_DATA) dict[tag] = element;
  if (dcmjsWritesPixels) {
    dict[PIXEL_DATA] = { ...pixel, Value: (pixel.Value as ArrayBuffer[]).map((f) => swapWords(f, wordSize(pixel, dataset))) };
  }

  const written = new DcmjsDict(buildMeta(dataset, transferSyntaxUID));
  written.dict = dict;
  const head = new Uint8Array(written.write({ allowInvalidVRLength: false }));
  if ((!pixel || dcmjsWritesPixels) && !deflate) return head;

  const metaEnd = 132 + 12 + new DataView(head.buffer, head.byteOffset).getUint32(140, true);
  let body = head.subarray(metaEnd);
  if (pixel) {
    const pixelBytes =
      raw && raw.bytes && raw.implicitVR === implicitVR
        ? raw.bytes
        : encodePixelElement(pixel.Value as ArrayBuffer[], {
            encapsulated: isEncapsulated(transferSyntaxUID),
            implicitVR,
            vr: pixel.vr === 'OB' ? 'OB' : 'OW',
          });
    body = concat([body, pixelBytes]);
  }
  if (deflate) body = deflateRawSync(body);
  return concat([head.subarray(0, metaEnd), body]);
}

/** Deep copy of a dataset; binary values are copied, so the copy can be changed freely. */
export function cloneDataset(dataset: DicomDataset): DicomDataset {
  return {
    meta: cloneDict(dataset.meta),
    dict: cloneDict(dataset.dict),
    transferSyntaxUID: dataset.transferSyntaxUID,
  };
}

function cloneDict(dict: DicomDict): DicomDict {
  const out: DicomDict = {};
  for (const [tag, element] of Object.entries(dict)) {
    const copy: DicomElement = { ...element, Value: element.Value?.map(cloneValue) };
    if (element.Value === undefined) delete copy.Value;
    const raw = rawPixelElements.get(element);
    if (raw) rawPixelElements.set(copy, raw);
    out[tag] = copy;
  }
  return out;
}

function cloneValue(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return value.slice(0);
  if (ArrayBuffer.isView(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  if (value && typeof value === 'object') {
    if ('vr' in value || Object.keys(value).every((k) => /^[0-9A-F]{8}$/.test(k))) return cloneDict(value as DicomDict);
    return { ...(value as object) };
  }
  return value;
}

/** True when the pixel element's frames are still those that were read (so raw bytes may be written). */
export function pixelDataUnchanged(dataset: DicomDataset): boolean {
  const pixel = dataset.dict[PIXEL_DATA];
  return pixel !== undefined && unchangedRaw(pixel) !== undefined;
}

function unchangedRaw(pixel: DicomElement): RawPixelElement | undefined {
  const raw = rawPixelElements.get(pixel);
  if (!raw) return undefined;
  return framesDigest(pixel.Value as ArrayBuffer[]) === raw.digest ? raw : undefined;
}

function buildMeta(dataset: DicomDataset, transferSyntaxUID: string): DicomDict {
  const meta: DicomDict = {};
  for (const [tag, element] of Object.entries(dataset.meta)) if (tag !== '00020000') meta[tag] = element;
  meta['00020001'] = { vr: 'OB', Value: [new Uint8Array([0, 1]).buffer] };
  const sopClass = dataset.dict['00080016']?.Value?.[0];
  const sopInstance = dataset.dict['00080018']?.Value?.[0];
  if (sopClass) meta['00020002'] = { vr: 'UI', Value: [sopClass] };
  if (sopInstance) meta['00020003'] = { vr: 'UI', Value: [sopInstance] };
  meta['00020010'] = { vr: 'UI', Value: [transferSyntaxUID] };
  meta['00020012'] = { vr: 'UI', Value: [IMPLEMENTATION_CLASS_UID] };
  meta['00020013'] = { vr: 'SH', Value: [IMPLEMENTATION_VERSION_NAME] };
  // Who sent it and from where is not needed downstream and may identify a site.
  delete meta['00020016'];
  delete meta['00020017'];
  delete meta['00020018'];
  delete meta['00020100'];
  delete meta['00020102'];
  return meta;
}

function attachRawPixelData(dataset: DicomDataset, body: Uint8Array, source: string): void {
  const pixel = dataset.dict[PIXEL_DATA];
  const ts = dataset.transferSyntaxUID;
  if (isBigEndian(ts)) {
    // dcmjs leaves big endian words as they are: swap them so every step sees little endian,
    // and swap back (in writeDicom) when the file is written unchanged.
    pixel.Value = (pixel.Value as ArrayBuffer[]).map((frame) => swapWords(frame, wordSize(pixel, dataset)));
    rawPixelElements.set(pixel, { encapsulated: false, implicitVR: false, digest: framesDigest(pixel.Value as ArrayBuffer[]) });
    return;
  }
  const implicitVR = isImplicitVR(ts);
  const located = locatePixelElement(body, implicitVR);
  if (!located) {
    if (isEncapsulated(ts)) throw new DicomReadError(source, 'encapsulated Pixel Data is malformed or truncated');
    return;
  }
  const numberOfFrames = Number.parseInt(String(dataset.dict['00280008']?.Value?.[0] ?? '1'), 10) || 1;
  let frames: ArrayBuffer[];
  if (located.encapsulated) {
    try {
      frames = fragmentsToFrames(located.fragments ?? [], located.offsetTable ?? [], numberOfFrames).map(toArrayBuffer);
    } catch (error) {
      throw new DicomReadError(source, `encapsulated Pixel Data: ${describe(error)}`, { cause: error });
    }
    pixel.Value = frames;
  } else {
    frames = pixel.Value as ArrayBuffer[];
    const value = body.subarray(located.end - totalLength(frames), located.end);
    // Only splice raw bytes back when dcmjs read exactly these bytes.
    if (frames.length !== 1 || !bytesEqual(new Uint8Array(frames[0]), value)) return;
  }
  rawPixelElements.set(pixel, {
    bytes: body.slice(located.start, located.end),
    encapsulated: located.encapsulated,
    implicitVR,
    digest: framesDigest(frames),
  });
}

/**
 * Bytes per word to swap for big endian pixel data: OB is a byte stream (none); OW is swapped
 * in 16-bit words, even for 8-bit samples, and 32-bit samples as whole 32-bit words.
 */
function wordSize(pixel: DicomElement, dataset: DicomDataset): 1 | 2 | 4 {
  if (pixel.vr === 'OB') return 1;
  return Number(dataset.dict['00280100']?.Value?.[0] ?? 16) > 16 ? 4 : 2;
}

/** Swaps the byte order of 16- or 32-bit words (a copy). */
function swapWords(frame: ArrayBuffer, size: 1 | 2 | 4): ArrayBuffer {
  const bytes = new Uint8Array(frame.slice(0));
  if (size === 1) return bytes.buffer;
  const buffer = Buffer.from(bytes.buffer, 0, bytes.byteLength - (bytes.byteLength % size));
  if (size === 2) buffer.swap16();
  else buffer.swap32();
  return bytes.buffer;
}

function hasPart10Preamble(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/** Wraps a bare dataset (no preamble, no meta) in a minimal Part 10 header so dcmjs can read it. */
function wrapBareDataset(bytes: Uint8Array, source: string): Uint8Array {
  if (bytes.length < 8) throw new DicomReadError(source, `not a DICOM file: only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const group = view.getUint16(0, true);
  const element = view.getUint16(2, true);
  const vr = String.fromCharCode(bytes[4], bytes[5]);
  const explicit = /^(AE|AS|AT|CS|DA|DS|DT|FL|FD|IS|LO|LT|OB|OD|OF|OL|OV|OW|PN|SH|SL|SQ|SS|ST|SV|TM|UC|UI|UL|UN|UR|US|UT|UV)$/.test(vr);
  const plausible = group >= 0x0002 && group <= 0x0010 && group % 2 === 0 && element < 0x1000;
  if (!plausible) {
    throw new DicomReadError(source, "not a DICOM file: no 'DICM' marker at byte 128 and no dataset at the start");
  }
  const ts = explicit ? TS.ExplicitVRLittleEndian : TS.ImplicitVRLittleEndian;
  const header = new DcmjsDict({ '00020010': { vr: 'UI', Value: [ts] } });
  header.dict = {};
  const prefix = new Uint8Array(header.write());
  return concat([prefix, bytes]);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function totalLength(frames: ArrayBuffer[]): number {
  return frames.reduce((sum, f) => sum + f.byteLength, 0);
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // dcmjs quotes the header value it could not read (`Not a number: SMITH`): never repeat it.
  return text.replace(/^(Not a number):.*$/s, '$1 (the value is not shown)').slice(0, 300);
}
