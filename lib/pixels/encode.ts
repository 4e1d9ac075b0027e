import type { DicomDataset } from '../dicom/dataset.js';
import { encodeFrame } from './codecs.js';
import { PixelDataError } from './errors.js';
import { storedToRaw, type PixelFrame, type RawLayout } from './frames.js';
import type { PixelModule } from './module.js';
import { syntaxInfo, TS } from '../dicom/transfer-syntaxes.js';
import { toArrayBuffer } from './values.js';
import { uidInMessage } from '../dicom/shown-values.js';

/** The module attributes that describe how frames are stored (what {@link encodeFrames} needs). */
export type FrameModule = RawLayout & { numberOfFrames?: number };

/** Options of {@link encodeFrames} and {@link setPixelData}. */
export interface EncodeOptions {
  /** JPEG Baseline quality 1–100 (default: 90). */
  quality?: number;
}

/** Frames encoded for a syntax, with the photometric interpretation the header must then carry. */
export interface EncodedFrames {
  frames: ArrayBuffer[];
  photometric: string;
  planarConfiguration: 0 | 1;
}

/**
 * Encodes frames of stored values (interleaved, as {@link decodeFrames} returns them) into a transfer syntax:
 * native (little-endian words in memory for every native syntax, in the module's planar configuration) or RLE, JPEG-LS lossless,
 * JPEG 2000 lossless, HTJ2K lossless, JPEG Lossless SV1, JPEG Baseline (8-bit, lossy).
 * Returns one ArrayBuffer per frame.
 * @throws PixelDataError when there is no encoder for the syntax or the data does not fit it.
 */
export async function encodeFrames(module: FrameModule, frames: ArrayLike<number>[], transferSyntaxUID: string, options: EncodeOptions = {}): Promise<ArrayBuffer[]> {
  return (await encodeFramesDetailed(module, frames, transferSyntaxUID, options)).frames;
}

/** Like {@link encodeFrames}, also telling the photometric interpretation and planar configuration of the result. */
export async function encodeFramesDetailed(module: FrameModule, frames: ArrayLike<number>[], transferSyntaxUID: string, options: EncodeOptions = {}): Promise<EncodedFrames> {
  const info = syntaxInfo(transferSyntaxUID);
  if (!info) throw new PixelDataError(`transfer syntax ${uidInMessage(transferSyntaxUID)} is not supported for pixel data`);
  const expected = module.rows * module.columns * module.samplesPerPixel;
  frames.forEach((f, i) => {
    if (f.length !== expected) throw new PixelDataError(`frame ${i} has ${f.length} values, expected ${expected} (${module.rows}x${module.columns}x${module.samplesPerPixel})`);
  });
  if (info.codec === 'native') {
    const out = frames.map((f) => {
      // In memory native data is little endian for every syntax; the adapter's writer handles byte order.
      return toArrayBuffer(storedToRaw(module, f));
    });
    return { frames: out, photometric: module.photometric, planarConfiguration: module.planarConfiguration };
  }
  // Codecs get interleaved samples; the encapsulated header then says Planar Configuration 0.
  const layout: RawLayout = { ...module, planarConfiguration: 0 };
  const out: ArrayBuffer[] = [];
  let photometric = module.photometric;
  for (const f of frames) {
    const encoded = await encodeFrame(layout, storedToRaw(layout, f), transferSyntaxUID, options);
    photometric = encoded.photometric;
    out.push(toArrayBuffer(encoded.bytes));
  }
  return { frames: out, photometric, planarConfiguration: 0 };
}

const US = (v: number) => ({ vr: 'US', Value: [v] });

/**
 * Encodes frames and stores them as the dataset's Pixel Data in `transferSyntaxUID`, replacing the
 * Pixel Data element with a new one and setting the image pixel attributes, the transfer syntax
 * (dataset and File Meta) and, for JPEG Baseline, the Lossy Image Compression history.
 * @example await setPixelData(ds, { rows: 64, columns: 64, samplesPerPixel: 1, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 12, highBit: 11, pixelRepresentation: 0, planarConfiguration: 0 }, [frame], TS.RLELossless);
 */
export async function setPixelData(dataset: DicomDataset, module: FrameModule, frames: ArrayLike<number>[], transferSyntaxUID: string, options: EncodeOptions = {}): Promise<void> {
  if (frames.length === 0) throw new PixelDataError('setPixelData needs at least one frame');
  const info = syntaxInfo(transferSyntaxUID)!;
  const encoded = await encodeFramesDetailed(module, frames, transferSyntaxUID, options);
  const d = dataset.dict;
  d['00280002'] = US(module.samplesPerPixel);
  d['00280004'] = { vr: 'CS', Value: [encoded.photometric] };
  if (module.samplesPerPixel > 1) d['00280006'] = US(encoded.planarConfiguration);
  else delete d['00280006'];
  if (frames.length > 1 || d['00280008']) d['00280008'] = { vr: 'IS', Value: [frames.length] };
  d['00280010'] = US(module.rows);
  d['00280011'] = US(module.columns);
  d['00280100'] = US(module.bitsAllocated);
  d['00280101'] = US(module.bitsStored);
  d['00280102'] = US(module.highBit);
  d['00280103'] = US(module.pixelRepresentation);
  if (info.lossy) markLossy(dataset, info.lossyMethod ?? 'ISO_10918_1', ratio(module, frames.length, encoded.frames));
  d['7FE00010'] = pixelDataElement(module.bitsAllocated, encoded.frames, info.codec !== 'native');
  setTransferSyntax(dataset, transferSyntaxUID);
}

/** A new Pixel Data element: one ArrayBuffer (even length) for native data, one per frame for encapsulated. */
export function pixelDataElement(bitsAllocated: number, frames: ArrayBuffer[], encapsulated: boolean): { vr: string; Value: ArrayBuffer[] } {
  if (encapsulated) return { vr: 'OB', Value: frames };
  const total = frames.reduce((n, f) => n + f.byteLength, 0);
  const buffer = new Uint8Array(total + (total % 2));
  let at = 0;
  for (const f of frames) {
    buffer.set(new Uint8Array(f), at);
    at += f.byteLength;
  }
  return { vr: bitsAllocated > 8 ? 'OW' : 'OB', Value: [buffer.buffer] };
}

/** Sets the transfer syntax on the dataset and in its File Meta Information. */
export function setTransferSyntax(dataset: DicomDataset, uid: string): void {
  dataset.transferSyntaxUID = uid;
  dataset.meta['00020010'] = { vr: 'UI', Value: [uid] };
}

/**
 * Records lossy compression: Lossy Image Compression (0028,2110) = 01, and appends the ratio and
 * method to (0028,2112) and (0028,2114), keeping earlier steps of the history.
 */
export function markLossy(dataset: DicomDataset, method: string, compressionRatio?: number): void {
  const d = dataset.dict;
  d['00282110'] = { vr: 'CS', Value: ['01'] };
  const methods = (d['00282114']?.Value ?? []).map(String);
  const ratios = (d['00282112']?.Value ?? []).map((v) => Number(v));
  if (compressionRatio !== undefined && Number.isFinite(compressionRatio)) {
    d['00282112'] = { vr: 'DS', Value: [...ratios, Number(compressionRatio.toFixed(3))] };
    d['00282114'] = { vr: 'CS', Value: [...methods, method] };
  }
}

function ratio(m: FrameModule, count: number, frames: ArrayBuffer[]): number {
  const raw = m.rows * m.columns * m.samplesPerPixel * (m.bitsAllocated / 8) * count;
  const encoded = frames.reduce((n, f) => n + f.byteLength, 0);
  return encoded > 0 ? raw / encoded : 1;
}

export { TS };
export type { PixelModule, PixelFrame };
