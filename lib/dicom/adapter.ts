/**
 * The one module that talks to dcmjs. Reads any Part 10 file (or a bare dataset) into a
 * `DicomDataset` and writes one back as valid Part 10, keeping the transfer syntax and
 * writing untouched pixel data byte for byte.
 */
import { deflateRawSync, inflateRawSync, inflateSync } from 'node:zlib';
import dcmjs from 'dcmjs';
import type { DicomDataset, DicomDict, DicomElement } from './dataset.js';
import {
  concat,
  encodePixelElement,
  fragmentGroups,
  type ExtendedOffsets,
  framesDigest,
  framesMatch,
  type RawPixelElement,
} from './pixel-element.js';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './implementation.js';
import { READ_COPIES, formatBytes, inflateLimit, resourceLimits, type ResourceLimits } from './limits.js';
import { readMessage, type Message } from './dataset-reader.js';
import { encodeMeta, layoutPart10, type Part10Layout } from './part10.js';
import { encodePart10 } from './part10-writer.js';
export { metaSopClass } from './part10.js';
import { inspectDataset, transcodeDataset, type Inspection, type PixelElementPosition, type TranscodeReason } from './transcode.js';
import { TS, isBigEndian, isEncapsulated, isImplicitVR } from './transfer-syntaxes.js';

const { DicomMessage, DicomDict: DcmjsDict } = dcmjs.data;
// dcmjs logs recoverable oddities (unknown VRs) to the console; callers get errors instead.
dcmjs.log?.setLevel?.('silent');
dcmjs.log?.getLogger?.('validation.dcmjs')?.setLevel?.('silent');
inheritTextDecoderInItems(dcmjs.data.ReadBufferStream);

/**
 * dcmjs reads each sequence item from a new stream that decodes text as Latin-1, whatever the
 * Specific Character Set: UTF-8 names in an SR's content items came out garbled (so they would not
 * match the header's). An item inherits its dataset's character set (PS3.5 6.1.2.5.1): sub-streams
 * take their parent's decoder; an item with its own Specific Character Set still sets its own.
 */
function inheritTextDecoderInItems(ReadBufferStream: { prototype: { more(length: number): unknown } }): void {
  const more = ReadBufferStream.prototype.more;
  if ((more as { inherits?: boolean }).inherits) return;
  const inheriting = function (this: { decoder?: unknown }, length: number) {
    const stream = more.call(this, length) as { setDecoder?(decoder: unknown): void };
    if (this.decoder) stream.setDecoder?.(this.decoder);
    return stream;
  };
  (inheriting as { inherits?: boolean }).inherits = true;
  ReadBufferStream.prototype.more = inheriting;
}

const PIXEL_DATA = '7FE00010';
/** What a rewrite changes that `dataset-reader.ts` reads without making the rewrite: item lengths, text. */
const READ_AS_REWRITTEN: ReadonlySet<TranscodeReason> = new Set(['undefined-length-item', 'charset']);
export { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './implementation.js';

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

/** Options of {@link readDicom}. */
export interface ReadOptions {
  /** Limits to apply instead of those in force (see `lib/dicom/limits.ts`). */
  limits?: Partial<ResourceLimits>;
  /**
   * When to rewrite the dataset into the form the parser reads best (see `lib/dicom/transcode.ts`):
   * `auto` (default) only when it needs it, `always` for every file (tests compare the two).
   */
  transcode?: 'auto' | 'always';
  /**
   * Which parser reads the dataset: `own` (default) is `dataset-reader.ts`, which leaves to dcmjs
   * what it does not read itself; `dcmjs` for every file (the reference the tests compare it with).
   */
  parser?: 'own' | 'dcmjs';
}

/**
 * Parses DICOM bytes: Part 10 in implicit/explicit VR little endian, explicit big endian,
 * deflated explicit little endian or any encapsulated syntax; with or without preamble, meta
 * group length or meta header (a bare dataset), and with a transfer syntax missing from the meta
 * header inferred from the dataset as dcmtk does. Sequences of undefined length encoded as UN or
 * with unknown private tags are read as sequences. Strings come back as Unicode whatever the
 * Specific Character Set, code extensions (ISO 2022) included; it is written back as UTF-8.
 *
 * Sizes are checked before anything large is allocated: a deflated dataset inflates only up to
 * a limit, and a file needing more than the per-file memory limit fails.
 *
 * @param bytes the file's bytes; not modified.
 * @param source name used in errors (default: `<memory>`).
 * @throws DicomReadError naming the source and the problem.
 */
export function readDicom(bytes: Uint8Array, source = '<memory>', options: ReadOptions = {}): DicomDataset {
  const limits = resourceLimits(options.limits);
  let layout: Part10Layout;
  try {
    layout = layoutPart10(bytes);
  } catch (error) {
    throw new DicomReadError(source, describe(error), { cause: error });
  }
  const transferSyntaxUID = layout.transferSyntaxUID;
  let body = bytes.subarray(layout.datasetOffset);
  if (transferSyntaxUID === TS.DeflatedExplicitVRLittleEndian) body = inflateDataset(body, limits, source);
  if (body.byteLength === 0) throw new DicomReadError(source, 'the dataset is empty');
  const needed = body.byteLength * READ_COPIES;
  if (needed > limits.maxFileMemory) {
    throw new DicomReadError(source, `reading this ${formatBytes(body.byteLength)} dataset needs about ${formatBytes(needed)}, above the per-file memory limit of ${formatBytes(limits.maxFileMemory)} (DEID_MAX_FILE_MEMORY)`);
  }
  const syntax = { implicitVR: isImplicitVR(transferSyntaxUID), littleEndian: !isBigEndian(transferSyntaxUID) };
  // The dataset is read before the top-level Pixel Data, which is read here (its fragments and
  // offset tables checked, big endian words swapped) without copying it through the parser.
  let inspection: Inspection;
  try {
    inspection = inspectDataset(body, syntax);
  } catch (error) {
    throw new DicomReadError(source, describe(error), { cause: error });
  }
  const pixel = inspection.pixel;
  const rewrite = inspection.reasons.size > 0 || options.transcode === 'always';
  const beforePixels = body.subarray(0, pixel?.start ?? body.byteLength);
  const parserSyntax = rewrite ? (syntax.littleEndian ? TS.ExplicitVRLittleEndian : TS.ExplicitVRBigEndian) : transferSyntaxUID === TS.DeflatedExplicitVRLittleEndian ? TS.ExplicitVRLittleEndian : transferSyntaxUID;
  const metaBytes = encodeMeta(layout.metaElements, parserSyntax);
  // Our own reader gives what dcmjs gives, faster, reading a rewrite that changes item lengths and
  // text alone without making it; dcmjs reads what it leaves (and the tests' reference reads).
  const ownReader = options.parser !== 'dcmjs';
  const readAsRewritten = rewrite && [...inspection.reasons].every((reason) => READ_AS_REWRITTEN.has(reason));
  let message = ownReader && (!rewrite || readAsRewritten) ? readMessage(metaBytes, beforePixels, rewrite ? { syntax, rewritten: true } : undefined) : undefined;
  if (!message) {
    let datasetBytes = beforePixels;
    try {
      if (rewrite) datasetBytes = transcodeDataset(body, syntax);
    } catch (error) {
      throw new DicomReadError(source, describe(error), { cause: error });
    }
    if (ownReader && rewrite && !readAsRewritten) message = readMessage(metaBytes, datasetBytes);
    try {
      message ??= DicomMessage.readFile(concat([new Uint8Array(128), new TextEncoder().encode('DICM'), metaBytes, datasetBytes]).buffer, { ignoreErrors: false }) as Message;
    } catch (error) {
      throw new DicomReadError(source, `cannot parse DICOM: ${describe(error)}`, { cause: error });
    }
  }
  const meta = message.meta;
  delete meta['00020000'];
  meta['00020010'] = { vr: 'UI', Value: [transferSyntaxUID] };
  const dict = message.dict;
  const dataset: DicomDataset = { meta, dict, transferSyntaxUID };
  if (pixel) attachPixelData(dataset, body, pixel, source);
  if (Object.keys(dict).length === 0) throw new DicomReadError(source, 'the dataset is empty');
  return dataset;
}

/** Inflates a deflated dataset, stopping (rather than allocating more) once it passes the limit. */
function inflateDataset(body: Uint8Array, limits: ResourceLimits, source: string): Uint8Array {
  const limit = inflateLimit(body.byteLength, limits);
  const attempt = (inflate: typeof inflateRawSync) => inflate(body, { maxOutputLength: limit });
  const tooLarge = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
  const bomb = () =>
    new DicomReadError(
      source,
      `the deflated dataset (${formatBytes(body.byteLength)}) inflates to more than ${formatBytes(limit)}, the limit for its size (DEID_MAX_INFLATE_RATIO, DEID_MIN_INFLATE_ALLOWANCE): refused as a decompression bomb`,
    );
  try {
    return attempt(inflateRawSync);
  } catch (error) {
    if (tooLarge(error)) throw bomb();
    // Some writers wrap the deflate stream in a zlib header; dcmtk reads those too.
    try {
      return attempt(inflateSync);
    } catch (again) {
      if (tooLarge(again)) throw bomb();
      throw new DicomReadError(source, `the deflated dataset cannot be inflated: ${describe(error)}`, { cause: error });
    }
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
  // Big endian pixel data was byte-swapped on reading: it is swapped back and written with the dataset.
  const swappedBack = pixel !== undefined && raw !== undefined && isBigEndian(transferSyntaxUID);
  const dict: DicomDict = {};
  for (const [tag, element] of Object.entries(dataset.dict)) if (tag < PIXEL_DATA) dict[tag] = element;
  // An Extended Offset Table describes the fragments as read; re-encoded frames get a Basic Offset Table.
  if (pixel && !raw) {
    delete dict['7FE00001'];
    delete dict['7FE00002'];
  }
  if (swappedBack) {
    dict[PIXEL_DATA] = { ...pixel, Value: (pixel.Value as ArrayBuffer[]).map((f) => swapWords(f, wordSize(pixel, dataset))) };
  }
  const meta = buildMeta(dataset, transferSyntaxUID);
  const pixelBytes =
    !pixel || swappedBack
      ? undefined
      : raw && raw.bytes && raw.implicitVR === implicitVR
        ? raw.bytes
        : encodePixelElement(pixel.Value as ArrayBuffer[], {
            encapsulated: isEncapsulated(transferSyntaxUID),
            implicitVR,
            vr: pixel.vr === 'OB' ? 'OB' : 'OW',
          });
  // The pixel bytes are copied once, into the file.
  if (!deflate) return encodePart10(meta, dict, transferSyntaxUID, pixelBytes).bytes;
  const { bytes, datasetOffset } = encodePart10(meta, dict, transferSyntaxUID);
  return concat([bytes.subarray(0, datasetOffset), deflateRawSync(pixelBytes ? concat([bytes.subarray(datasetOffset), pixelBytes]) : bytes.subarray(datasetOffset))]);
}

/**
 * Encodes File Meta Information and a dataset with dcmjs's writer, which {@link writeDicom} used
 * until `part10-writer.ts` replaced it: the reference the tests compare that writer with, byte for byte.
 * @internal
 */
export function encodePart10WithDcmjs(meta: DicomDict, dict: DicomDict): Uint8Array {
  const written = new DcmjsDict(meta);
  written.dict = dict;
  return new Uint8Array(written.write({ allowInvalidVRLength: false }));
}

/** Options of {@link cloneDataset}. */
export interface CloneOptions {
  /**
   * Share the buffers of the top-level Pixel Data (its value list is still the copy's own) instead of
   * copying them (default: false). For a working copy whose pixel buffers no one writes into: the kit's
   * pixel steps put new buffers in place of those they change, and `writeDicom` compares the frames
   * with the bytes read before writing those, so sharing can never bring back pixels that were removed.
   */
  sharePixelData?: boolean;
}

/** Deep copy of a dataset; binary values are copied (but see `sharePixelData`), so the copy can be changed freely. */
export function cloneDataset(dataset: DicomDataset, options: CloneOptions = {}): DicomDataset {
  const dict = cloneDict(dataset.dict, options.sharePixelData ? PIXEL_DATA : undefined);
  return {
    meta: cloneDict(dataset.meta),
    dict,
    transferSyntaxUID: dataset.transferSyntaxUID,
  };
}

function cloneDict(dict: DicomDict, shared?: string): DicomDict {
  const out: DicomDict = {};
  for (const [tag, element] of Object.entries(dict)) {
    if (element === undefined) continue;
    const copy: DicomElement = { ...element, Value: tag === shared ? element.Value?.slice() : element.Value?.map(cloneValue) };
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
    if ('vr' in value || Object.keys(value).every((k) => /^[0-9A-F]{8}$/.test(k))) return cloneDict(value);
    return { ...value };
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
  const frames = pixel.Value ?? [];
  if (raw.original) return framesMatch(frames, raw.original) ? raw : undefined;
  return framesDigest(frames as ArrayBuffer[]) === raw.digest ? raw : undefined;
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

/**
 * Sets the dataset's Pixel Data from its element in the dataset's bytes: native data as one value
 * (big endian words swapped to little endian, so every step sees little endian), encapsulated data
 * as one value per frame, grouped and checked by {@link fragmentGroups}. The element's bytes are
 * kept (a view, not a copy) so that unchanged pixel data is written back byte for byte.
 */
function attachPixelData(dataset: DicomDataset, body: Uint8Array, position: PixelElementPosition, source: string): void {
  const ts = dataset.transferSyntaxUID;
  const implicitVR = isImplicitVR(ts);
  if (position.encapsulated) {
    const [table, ...fragments] = position.items ?? [];
    if (!table) throw new DicomReadError(source, 'encapsulated Pixel Data has no offset table item');
    const tableView = new DataView(table.buffer, table.byteOffset, table.byteLength);
    const offsetTable: number[] = [];
    for (let i = 0; i + 4 <= table.byteLength; i += 4) offsetTable.push(tableView.getUint32(i, true));
    const numberOfFrames = Number.parseInt(String(dataset.dict['00280008']?.Value?.[0] ?? '1'), 10) || 1;
    let original: Uint8Array[][];
    try {
      original = fragmentGroups(fragments, offsetTable, numberOfFrames, extendedOffsets(dataset));
    } catch (error) {
      throw new DicomReadError(source, `encapsulated Pixel Data does not match its header: ${describe(error)}`, { cause: error });
    }
    const pixel: DicomElement = { vr: position.vr, Value: original.map((parts) => concat(parts).buffer as ArrayBuffer) };
    dataset.dict[PIXEL_DATA] = pixel;
    rawPixelElements.set(pixel, { bytes: body.subarray(position.start, position.end), encapsulated: true, implicitVR, original });
    return;
  }
  const valueBytes = body.subarray(position.valueStart, position.end);
  const value = toArrayBuffer(valueBytes);
  const bits = Number(dataset.dict['00280100']?.Value?.[0] ?? 16);
  const vr = position.vr === 'OB' || position.vr === 'OW' ? position.vr : bits > 8 ? 'OW' : 'OB';
  const pixel: DicomElement = { vr, Value: [value] };
  dataset.dict[PIXEL_DATA] = pixel;
  if (isBigEndian(ts)) {
    // Swapped to little endian here, and back (in writeDicom) when written unchanged.
    pixel.Value = [swapWords(value, wordSize(pixel, dataset))];
    rawPixelElements.set(pixel, { encapsulated: false, implicitVR: false, digest: framesDigest(pixel.Value as ArrayBuffer[]) });
    return;
  }
  rawPixelElements.set(pixel, { bytes: body.subarray(position.start, position.end), encapsulated: false, implicitVR, original: [[valueBytes]] });
}

/** The Extended Offset Table and its lengths (64-bit little-endian values), when the dataset has them. */
function extendedOffsets(dataset: DicomDataset): ExtendedOffsets | undefined {
  const read = (tag: string) => {
    const value = dataset.dict[tag]?.Value?.[0];
    if (!(value instanceof ArrayBuffer)) return undefined;
    const view = new DataView(value);
    const out: number[] = [];
    for (let i = 0; i + 8 <= value.byteLength; i += 8) out.push(Number(view.getBigUint64(i, true)));
    return out;
  };
  const offsets = read('7FE00001');
  if (!offsets) return undefined;
  return { offsets, lengths: read('7FE00002') ?? [] };
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

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // dcmjs quotes the header value it could not read (`Not a number: SMITH`): never repeat it.
  return text.replace(/^(Not a number):.*$/s, '$1 (the value is not shown)').slice(0, 300);
}
