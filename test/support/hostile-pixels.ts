/**
 * Builds DICOM files whose pixel data lies about itself, with the project's own encoders: native
 * data longer or shorter than the header says, encapsulated frames that do not match Number of
 * Frames or the offset table, codestreams whose size differs from Rows x Columns, two codestreams
 * in one frame, codestreams cut short. Every file carries the PHI fixture's fake identity, so a
 * file released by mistake would leak it.
 */
import { writeDicom } from '../../lib/dicom/adapter.js';
import type { DicomDataset } from '../../lib/dicom/dataset.js';
import { encodePixelElement } from '../../lib/dicom/pixel-element.js';
import { encodeFrame } from '../../lib/pixels/codecs.js';
import { setPixelData, type FrameModule } from '../../lib/pixels/encode.js';
import { storedToRaw } from '../../lib/pixels/frames.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { frameModule, pattern } from '../pixels/helpers.js';

/** An 8-bit greyscale module of the given size. */
export function greyModule(rows: number, columns: number, over: Partial<FrameModule> = {}): FrameModule {
  return frameModule({ rows, columns, bitsAllocated: 8, bitsStored: 8, highBit: 7, ...over });
}

/** The PHI fixture's dataset (fake identity in the header), with its pixel attributes set for `m` and `frames`. */
export async function fixtureWithPixels(m: FrameModule, frames: number, transferSyntaxUID: string): Promise<DicomDataset> {
  const dataset = makePhiFixture().dataset;
  const values = Array.from({ length: frames }, (_, i) => pattern(m, i));
  await setPixelData(dataset, m, values, transferSyntaxUID);
  if (frames > 1 || dataset.dict['00280008']) dataset.dict['00280008'] = { vr: 'IS', Value: [frames] };
  return dataset;
}

/** Sets header attributes (Rows, Columns, Number of Frames, …) by tag, replacing what was there. */
export function declare(dataset: DicomDataset, values: Record<string, { vr: string; value: unknown }>): DicomDataset {
  for (const [tag, { vr, value }] of Object.entries(values)) dataset.dict[tag] = { vr, Value: [value] };
  return dataset;
}

/** Encodes one frame of `m` in an encapsulated syntax with the project's codecs. */
export async function encodedFrame(m: FrameModule, transferSyntaxUID: string, seed = 0): Promise<Uint8Array> {
  const layout = { ...m, planarConfiguration: 0 as const };
  return (await encodeFrame(layout, storedToRaw(layout, pattern(m, seed)), transferSyntaxUID)).bytes;
}

/** Options of {@link withEncapsulatedPixels}. */
export interface Fragments {
  /** The fragments, each one item after the offset table. */
  fragments: Uint8Array[];
  /** Basic Offset Table entries (default: none, an empty first item). */
  offsets?: number[];
}

/**
 * Writes `dataset` with its Pixel Data replaced by exactly these encapsulated fragments and offset
 * table, as the bytes of a Part 10 file (the writer would otherwise re-fragment them).
 */
export function withEncapsulatedPixels(dataset: DicomDataset, { fragments, offsets = [] }: Fragments): Uint8Array {
  const item = (bytes: Uint8Array) => {
    const padded = bytes.byteLength % 2 ? concat([bytes, new Uint8Array(1)]) : bytes;
    const header = new Uint8Array(8);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0xe000fffe, true);
    view.setUint32(4, padded.byteLength, true);
    return concat([header, padded]);
  };
  const table = new Uint8Array(offsets.length * 4);
  offsets.forEach((o, i) => new DataView(table.buffer).setUint32(i * 4, o, true));
  const header = new Uint8Array(12);
  const view = new DataView(header.buffer);
  view.setUint16(0, 0x7fe0, true);
  view.setUint16(2, 0x0010, true);
  header[4] = 0x4f; // O
  header[5] = 0x42; // B
  view.setUint32(8, 0xffffffff, true);
  const end = new Uint8Array(8);
  new DataView(end.buffer).setUint32(0, 0xe0ddfffe, true);
  return withPixelElement(dataset, concat([header, item(table), ...fragments.map(item), end]));
}

/** Writes `dataset` with its Pixel Data replaced by native bytes as given (no padding added beyond an even length). */
export function withNativePixels(dataset: DicomDataset, bytes: Uint8Array, vr: 'OB' | 'OW' = 'OB'): Uint8Array {
  return withPixelElement(dataset, encodePixelElement([toArrayBuffer(bytes)], { encapsulated: false, implicitVR: false, vr }));
}

/** Writes the dataset without its Pixel Data, then appends the given encoded Pixel Data element. */
export function withPixelElement(dataset: DicomDataset, element: Uint8Array): Uint8Array {
  const head: DicomDataset = { ...dataset, dict: { ...dataset.dict } };
  delete head.dict['7FE00010'];
  if (head.transferSyntaxUID === TS.DeflatedExplicitVRLittleEndian) throw new Error('withPixelElement writes explicit VR little endian syntaxes only');
  return concat([writeDicom(head), element]);
}

/** A JPEG codestream with its start-of-frame height and width rewritten (the data stays as it was). */
export function withJpegSize(jpeg: Uint8Array, rows: number, columns: number): Uint8Array {
  const out = jpeg.slice();
  for (let p = 2; p + 9 < out.byteLength; ) {
    if (out[p] !== 0xff) throw new Error('not a JPEG marker segment');
    const marker = out[p + 1];
    const length = (out[p + 2] << 8) | out[p + 3];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      out[p + 5] = rows >> 8;
      out[p + 6] = rows & 0xff;
      out[p + 7] = columns >> 8;
      out[p + 8] = columns & 0xff;
      return out;
    }
    p += 2 + length;
  }
  throw new Error('no start-of-frame marker');
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
