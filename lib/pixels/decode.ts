import type { DicomDataset } from '../dicom/dataset.js';
import { decodeEncapsulatedFrame, type DecodedRaw } from './codecs.js';
import { PixelDataError } from './errors.js';
import { rawToStored, type PixelFrame, type RawLayout } from './frames.js';
import { unpackBits } from './bits.js';
import { byteAligned, nativeFrameBytes, type PixelModule } from './module.js';
import { syntaxInfo } from '../dicom/transfer-syntaxes.js';
import { checkPixelData } from './validate.js';
import { concat } from './values.js';
import { uidInMessage } from '../dicom/shown-values.js';

/** Decoded pixel data: the frames of stored values and the module that describes them. */
export interface DecodedPixels {
  /**
   * The module as the frames are laid out: always interleaved (Planar Configuration 0);
   * YBR_FULL_422 is expanded to YBR_FULL; colour JPEG and JPEG 2000 come back as RGB;
   * one-bit data comes back as one byte per pixel (Bits Allocated 8, Bits Stored 1).
   */
  module: PixelModule;
  /** The module as read from the dataset. */
  source: PixelModule;
  /** Stored values per frame, samples interleaved. */
  frames: PixelFrame[];
}

/** Options of {@link decodeFrames}. */
export interface DecodeOptions {
  /** Only these frame indices (0-based) (default: every frame). Others are left out of `frames` as `undefined`. */
  only?: number[];
}

/**
 * Decodes every frame of a dataset's Pixel Data to stored values.
 * Native (any bit depth, sign, planar configuration; big endian arrives swapped by the adapter) and encapsulated RLE, JPEG,
 * JPEG-LS, JPEG 2000 and HTJ2K data are supported. The data is first checked against the header
 * ({@link checkPixelData}) and every decoded frame must have the declared size.
 * To hold one frame at a time, use {@link eachFrame}.
 * @throws PixelDataError for missing attributes, data that does not match the header, or an undecodable syntax.
 * @example const { module, frames } = await decodeFrames(file.dataset);
 */
export async function decodeFrames(dataset: DicomDataset, options: DecodeOptions = {}): Promise<DecodedPixels> {
  const source = checkPixelData(dataset);
  const frames: PixelFrame[] = new Array(source.numberOfFrames);
  let layout: RawLayout | undefined;
  const wanted = options.only ?? [...Array(source.numberOfFrames).keys()];
  for (const index of wanted) {
    const decoded = await frameRaw(dataset, source, index);
    const frameLayout = decodedLayout(source, decoded);
    layout ??= frameLayout;
    frames[index] = rawToStored(frameLayout, decoded.raw);
  }
  return { module: decodedModule(source, layout), source, frames };
}

/** One frame of stored values from {@link eachFrame}, with the module the frames are laid out in. */
export interface DecodedFrame {
  /** The frame's index (0-based). */
  index: number;
  /** As {@link DecodedPixels.module}: the layout of the first frame as decoded. */
  module: PixelModule;
  /** The module as read from the dataset. */
  source: PixelModule;
  /** Stored values, samples interleaved. */
  frame: PixelFrame;
}

/**
 * Decodes the frames of a dataset's Pixel Data one at a time, in order, as {@link decodeFrames} does:
 * a frame is decoded when the loop asks for it, so a multi-frame image never holds more than the frame
 * in hand. The data is checked against the header before the first frame.
 * @throws PixelDataError (while iterating) as {@link decodeFrames}.
 * @example for await (const { index, module, frame } of eachFrame(dataset)) render(module, frame);
 */
export async function* eachFrame(dataset: DicomDataset): AsyncGenerator<DecodedFrame, void, undefined> {
  const source = checkPixelData(dataset);
  let module: PixelModule | undefined;
  for (let index = 0; index < source.numberOfFrames; index++) {
    const decoded = await frameRaw(dataset, source, index);
    const frameLayout = decodedLayout(source, decoded);
    module ??= decodedModule(source, frameLayout);
    yield { index, module, source, frame: rawToStored(frameLayout, decoded.raw) };
  }
}

/** The module of decoded frames: interleaved, YBR_FULL_422 expanded, in the photometric the codec gave the first frame. */
function decodedModule(source: PixelModule, first: RawLayout | undefined): PixelModule {
  const layout = first ?? decodedLayout(source, { raw: new Uint8Array(0), photometric: source.photometric, planarConfiguration: source.planarConfiguration });
  return {
    ...byteAligned(source),
    photometric: layout.photometric === 'YBR_FULL_422' ? 'YBR_FULL' : layout.photometric,
    planarConfiguration: 0,
  };
}

/** The raw layout of a decoded frame: the source module with the codec's photometric and planar configuration. */
export function decodedLayout(source: PixelModule, decoded: DecodedRaw): RawLayout {
  return { ...byteAligned(source), photometric: decoded.photometric, planarConfiguration: source.samplesPerPixel > 1 ? decoded.planarConfiguration : 0 };
}

/**
 * Reads one frame's raw bytes in little-endian stored layout (decoding encapsulated data).
 * @throws PixelDataError when the frame is missing, short, or cannot be decoded.
 */
export async function readRawFrame(dataset: DicomDataset, m: PixelModule, index: number): Promise<DecodedRaw> {
  return frameRaw(dataset, m, index, true);
}

/**
 * {@link readRawFrame}; a native frame is a view of the Pixel Data value unless `copy` is set (the
 * decoders only read it: {@link rawToStored} makes the frame's own array).
 */
async function frameRaw(dataset: DicomDataset, m: PixelModule, index: number, copy = false): Promise<DecodedRaw> {
  if (index < 0 || index >= m.numberOfFrames) throw new PixelDataError(`frame ${index} does not exist (Number of Frames ${m.numberOfFrames})`);
  const info = syntaxInfo(dataset.transferSyntaxUID);
  if (!info) throw new PixelDataError(`transfer syntax ${uidInMessage(dataset.transferSyntaxUID)} is not supported for pixel data`);
  if (info.codec === 'native') {
    return { raw: nativeFrame(dataset, m, index, copy), photometric: m.photometric, planarConfiguration: m.planarConfiguration };
  }
  const fragments = encapsulatedFrames(dataset, m);
  return decodeEncapsulatedFrame(m, fragments[index], dataset.transferSyntaxUID);
}

/** The whole native Pixel Data value as bytes in the dataset's byte order. */
export function nativePixelBytes(dataset: DicomDataset): Uint8Array {
  const value = dataset.dict['7FE00010']?.Value as ArrayBuffer[] | undefined;
  if (!value || value.length === 0 || !(value[0] instanceof ArrayBuffer)) throw new PixelDataError('Pixel Data (7FE0,0010) has no value');
  return value.length === 1 ? new Uint8Array(value[0]) : concat(value);
}

function nativeFrame(dataset: DicomDataset, m: PixelModule, index: number, copy: boolean): Uint8Array {
  const all = nativePixelBytes(dataset);
  if (m.bitsAllocated === 1) {
    const pixels = m.rows * m.columns;
    if (all.byteLength * 8 < (index + 1) * pixels) throw new PixelDataError(`Pixel Data is ${all.byteLength} bytes, too short for frame ${index} of ${m.numberOfFrames}`);
    return unpackBits(all, index * pixels, pixels);
  }
  const size = nativeFrameBytes(m);
  const start = index * size;
  if (all.byteLength < start + size) {
    throw new PixelDataError(`Pixel Data is ${all.byteLength} bytes, too short for frame ${index} of ${m.numberOfFrames} (${size} bytes each)`);
  }
  // The adapter hands native data over in little endian whatever the syntax (big endian is swapped on reading).
  return copy ? all.slice(start, start + size) : all.subarray(start, start + size);
}

/** The encoded bytes of each frame of encapsulated Pixel Data. */
export function encapsulatedFrames(dataset: DicomDataset, m: PixelModule): Uint8Array[] {
  const value = dataset.dict['7FE00010']?.Value as ArrayBuffer[] | undefined;
  if (!value || value.length === 0) throw new PixelDataError('encapsulated Pixel Data (7FE0,0010) has no frames');
  const parts = value.map((v) => {
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    if (ArrayBuffer.isView(v)) return new Uint8Array((v as Uint8Array).buffer, (v as Uint8Array).byteOffset, (v as Uint8Array).byteLength);
    throw new PixelDataError('encapsulated Pixel Data holds a value that is not binary');
  });
  if (parts.length === m.numberOfFrames) return parts;
  // A single frame split over several fragments.
  if (m.numberOfFrames === 1) return [concat(parts.map((p) => p.slice().buffer))];
  throw new PixelDataError(`encapsulated Pixel Data holds ${parts.length} fragments for ${m.numberOfFrames} frames; cannot tell the frames apart`);
}
