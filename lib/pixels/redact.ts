import type { DicomDataset } from '../dicom/dataset.js';
import type { Box } from '../image/types.js';
import { decodeEncapsulatedFrame, encodeFrame } from './codecs.js';
import { decodedLayout, encapsulatedFrames, nativePixelBytes } from './decode.js';
import { markLossy, pixelDataElement, setTransferSyntax } from './encode.js';
import { PixelDataError } from './errors.js';
import { blackValue, fillRaw, padAndClip } from './fill.js';
import { rawToStored, type RawLayout } from './frames.js';
import { packBits, unpackBits } from './bits.js';
import { byteAligned, nativeDataBytes, nativeFrameBytes, readPixelModule, type PixelModule } from './module.js';
import { syntaxInfo, TS } from '../dicom/transfer-syntaxes.js';
import { toArrayBuffer } from './values.js';

/** Options of {@link redactFrames}. */
export interface RedactOptions {
  /** Pixels added on every side of each box before filling (default: 2). */
  padding?: number;
}

/** What {@link redactFrames} did, for the step's messages and the audit record. */
export interface RedactResult {
  /** Whether Pixel Data was replaced. */
  changed: boolean;
  /** Boxes filled per frame, after padding and clipping (the exact pixels changed). */
  filled: Map<number, Box[]>;
  /** Stored sample values written per frame. */
  fillValues: Map<number, number[]>;
  /** Transfer syntax before and after. */
  transferSyntaxBefore: string;
  transferSyntaxAfter: string;
  /** Frames whose encoded bytes were rewritten (others kept their original bytes). */
  reencodedFrames: number[];
  /** Human-readable notes: syntax changes, lossy history kept. */
  notes: string[];
}

/**
 * Fills boxes in the stored pixel values with a value that displays as black, in the original bit
 * depth, sign and photometric interpretation, for the given frames (a Map by frame index) or for
 * every frame (an array). Lossless encapsulated syntaxes with an encoder are re-encoded in the same
 * syntax (frames without boxes keep their bytes); other encapsulated syntaxes are written as
 * Explicit VR Little Endian, keeping the Lossy Image Compression history of lossy originals.
 * The Pixel Data element is replaced by a new one; the old one is never changed.
 * @throws PixelDataError when a frame index does not exist or the data cannot be decoded or re-encoded.
 * @example await redactFrames(ds, new Map([[0, [{ left: 10, top: 5, width: 200, height: 20 }]]]), { padding: 3 });
 */
export async function redactFrames(dataset: DicomDataset, boxes: Map<number, Box[]> | Box[], options: RedactOptions = {}): Promise<RedactResult> {
  const m = readPixelModule(dataset);
  const padding = options.padding ?? 2;
  const byFrame = normalise(boxes, m, padding);
  const result: RedactResult = {
    changed: false,
    filled: new Map(),
    fillValues: new Map(),
    transferSyntaxBefore: dataset.transferSyntaxUID,
    transferSyntaxAfter: dataset.transferSyntaxUID,
    reencodedFrames: [],
    notes: [],
  };
  if (byFrame.size === 0) return result;
  const info = syntaxInfo(dataset.transferSyntaxUID)!;
  if (info.codec === 'native') await redactNative(dataset, m, byFrame, result);
  else if (info.encodable && !info.lossy) await redactReencode(dataset, m, byFrame, result);
  else await redactToNative(dataset, m, byFrame, result);
  result.changed = true;
  result.transferSyntaxAfter = dataset.transferSyntaxUID;
  return result;
}

function normalise(boxes: Map<number, Box[]> | Box[], m: PixelModule, padding: number): Map<number, Box[]> {
  const entries: Array<[number, Box[]]> = Array.isArray(boxes) ? [...Array(m.numberOfFrames).keys()].map((i) => [i, boxes]) : [...boxes.entries()];
  const out = new Map<number, Box[]>();
  for (const [frame, list] of entries) {
    if (!Number.isInteger(frame) || frame < 0 || frame >= m.numberOfFrames) {
      throw new PixelDataError(`cannot redact frame ${frame}: the image has ${m.numberOfFrames} frame(s)`);
    }
    const clipped = list.map((b) => padAndClip(b, padding, m.columns, m.rows)).filter((b): b is Box => b !== undefined);
    if (clipped.length > 0) out.set(frame, clipped);
  }
  return out;
}

/** Fills boxes in one raw frame, choosing the black value from the frame's own stored values. */
function fillFrame(layout: RawLayout, displayModule: PixelModule, raw: Uint8Array, frame: number, boxes: Box[], result: RedactResult): void {
  const fill = blackValue(displayModule, rawToStored(layout, raw));
  result.fillValues.set(frame, fill);
  result.filled.set(frame, boxes.map((b) => fillRaw(layout, raw, b, fill)));
}

async function redactNative(dataset: DicomDataset, m: PixelModule, byFrame: Map<number, Box[]>, result: RedactResult): Promise<void> {
  const size = nativeFrameBytes(m);
  const all = nativePixelBytes(dataset).slice();
  if (all.byteLength < nativeDataBytes(m)) throw new PixelDataError(`Pixel Data is ${all.byteLength} bytes, too short for ${m.numberOfFrames} frame(s) of ${m.rows} x ${m.columns}`);
  for (const [frame, boxes] of byFrame) {
    if (m.bitsAllocated === 1) {
      // Frames of packed bits: unpack one, fill it as bytes, pack it back in place.
      const pixels = m.rows * m.columns;
      const bytes = unpackBits(all, frame * pixels, pixels);
      const layout = byteAligned(m);
      fillFrame(layout, layout, bytes, frame, boxes, result);
      packBits(bytes, all, frame * pixels);
      continue;
    }
    const raw = all.subarray(frame * size, (frame + 1) * size);
    // Typed views need aligned offsets: work on a copy and put it back.
    const copy = raw.slice();
    fillFrame(m, m, copy, frame, boxes, result);
    raw.set(copy);
  }
  const old = dataset.dict['7FE00010'];
  if (old === undefined) throw new PixelDataError('the dataset has no Pixel Data (7FE0,0010)');
  dataset.dict['7FE00010'] = { vr: old.vr, Value: [toArrayBuffer(all)] };
  result.reencodedFrames = [...byFrame.keys()].sort((a, b) => a - b);
  if (syntaxInfo(dataset.transferSyntaxUID)?.bigEndian) {
    setTransferSyntax(dataset, TS.ExplicitVRLittleEndian);
    result.notes.push('big endian pixel data changed: written as Explicit VR Little Endian');
  }
}

async function redactReencode(dataset: DicomDataset, m: PixelModule, byFrame: Map<number, Box[]>, result: RedactResult): Promise<void> {
  const encoded = encapsulatedFrames(dataset, m);
  const out: ArrayBuffer[] = encoded.map((f) => toArrayBuffer(f));
  let photometric = m.photometric;
  let allFrames = false;
  for (let frame = 0; frame < m.numberOfFrames; frame++) {
    const boxes = byFrame.get(frame);
    if (!boxes && !allFrames) continue;
    const decoded = await decodeEncapsulatedFrame(m, encoded[frame], dataset.transferSyntaxUID);
    const layout = decodedLayout(m, decoded);
    if (layout.photometric !== m.photometric && !allFrames) {
      // The codec changed the colour model (JPEG 2000 YBR_RCT to RGB): re-encode every frame alike.
      allFrames = true;
      frame = -1;
      continue;
    }
    if (boxes) fillFrame(layout, { ...m, photometric: layout.photometric }, decoded.raw, frame, boxes, result);
    const again = await encodeFrame(layout, decoded.raw, dataset.transferSyntaxUID);
    photometric = again.photometric;
    out[frame] = toArrayBuffer(again.bytes);
    result.reencodedFrames.push(frame);
  }
  if (photometric !== m.photometric) {
    dataset.dict['00280004'] = { vr: 'CS', Value: [photometric] };
    result.notes.push(`Photometric Interpretation ${m.photometric} re-encoded as ${photometric}`);
  }
  dataset.dict['7FE00010'] = pixelDataElement(m.bitsAllocated, out, true);
}

async function redactToNative(dataset: DicomDataset, m: PixelModule, byFrame: Map<number, Box[]>, result: RedactResult): Promise<void> {
  const info = syntaxInfo(dataset.transferSyntaxUID)!;
  const encoded = encapsulatedFrames(dataset, m);
  const frames: ArrayBuffer[] = [];
  let layout: RawLayout | undefined;
  for (let frame = 0; frame < m.numberOfFrames; frame++) {
    const decoded = await decodeEncapsulatedFrame(m, encoded[frame], dataset.transferSyntaxUID);
    const frameLayout = decodedLayout(m, decoded);
    layout ??= frameLayout;
    if (frameLayout.photometric !== layout.photometric || frameLayout.planarConfiguration !== layout.planarConfiguration) {
      throw new PixelDataError(`frames of one ${info.name} image decode to different layouts`);
    }
    const boxes = byFrame.get(frame);
    if (boxes) fillFrame(frameLayout, { ...m, photometric: frameLayout.photometric }, decoded.raw, frame, boxes, result);
    frames.push(toArrayBuffer(decoded.raw.subarray(0, nativeFrameBytes({ ...m, photometric: frameLayout.photometric }))));
    result.reencodedFrames.push(frame);
  }
  const d = dataset.dict;
  if (layout!.photometric !== m.photometric) d['00280004'] = { vr: 'CS', Value: [layout!.photometric] };
  if (m.samplesPerPixel > 1) d['00280006'] = { vr: 'US', Value: [layout!.planarConfiguration] };
  if (info.lossy) {
    const history = (d['00282114']?.Value ?? []).map(String);
    if (!history.includes(info.lossyMethod!)) {
      const rawBytes = nativeFrameBytes(m) * m.numberOfFrames;
      const encodedBytes = encoded.reduce((n, f) => n + f.byteLength, 0);
      markLossy(dataset, info.lossyMethod!, rawBytes / Math.max(1, encodedBytes));
    } else {
      d['00282110'] = { vr: 'CS', Value: ['01'] };
    }
    result.notes.push(`lossy ${info.name} original written as Explicit VR Little Endian; Lossy Image Compression history kept`);
  } else {
    result.notes.push(`no ${info.name} encoder: written as Explicit VR Little Endian`);
  }
  d['7FE00010'] = pixelDataElement(m.bitsAllocated, frames, false);
  setTransferSyntax(dataset, TS.ExplicitVRLittleEndian);
}
