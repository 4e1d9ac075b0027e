import type { DicomDataset } from '../dicom/dataset.js';
import { READ_COPIES, formatBytes, resourceLimits, type ResourceLimits } from '../dicom/limits.js';
import { checkFrameCodestream } from './codestream.js';
import type { CheckedFrames } from './codestream-text.js';
import { PixelDataError } from './errors.js';
import { nativeDataBytes, readPixelModule, type PixelModule } from './module.js';
import { syntaxInfo } from '../dicom/transfer-syntaxes.js';

/**
 * How many bytes per decoded sample byte checking pixels adds to reading the file (see READ_COPIES):
 * the decoded frames and the renderings and copies made to read and redact them
 * (`bench/read-memory.ts --pixels` measured about 1.4 times the pixel data over header mode).
 */
export const DECODE_COPIES = 2;

/**
 * Checks Pixel Data against what the header declares, without decoding it:
 * - native data is exactly Rows x Columns x Samples x Frames x Bits Allocated / 8 bytes (rounded
 *   up for one-bit data), plus at most one pad byte; longer data passes only when every byte after
 *   the declared frames is zero (trailing padding some writers add: it holds nothing);
 * - encapsulated data has one frame per Number of Frames (the reader already matched fragments
 *   and offset tables to it), and each frame is one whole codestream of the declared size with
 *   nothing after it (see `codestream.ts`);
 * - the decoded frames would fit in the per-file memory limit.
 * Nothing large is allocated: the checks use the declared numbers and the bytes as they are.
 * @param checked (optional) frames whose codestreams were just walked and found whole
 *   (`removeCodestreamText`): not walked again.
 * @throws PixelDataError saying what does not match, in words.
 */
export function checkPixelData(dataset: DicomDataset, limits: ResourceLimits = resourceLimits(), checked?: CheckedFrames): PixelModule {
  const m = readPixelModule(dataset);
  const value = (dataset.dict['7FE00010']?.Value ?? []);
  if (!value.every((v) => v instanceof ArrayBuffer)) throw new PixelDataError('Pixel Data (7FE0,0010) holds a value that is not binary');
  const buffers = value;
  const info = syntaxInfo(dataset.transferSyntaxUID)!;
  if (info.codec === 'native') {
    const actual = buffers.reduce((n, b) => n + b.byteLength, 0);
    const expected = nativeDataBytes(m);
    if (actual !== expected && !(actual === expected + 1 && expected % 2 === 1) && !(actual > expected && zeroAfter(buffers, expected))) {
      throw new PixelDataError(
        `Pixel Data holds ${actual} bytes but the header declares ${expected} (Rows ${m.rows} x Columns ${m.columns} x Samples per Pixel ${m.samplesPerPixel} x Number of Frames ${m.numberOfFrames} x Bits Allocated ${m.bitsAllocated} / 8)`,
      );
    }
  }
  const decodedBytes = m.rows * m.columns * m.samplesPerPixel * Math.ceil(m.bitsAllocated / 8) * m.numberOfFrames;
  const storedBytes = buffers.reduce((n, b) => n + b.byteLength, 0);
  const needed = storedBytes * READ_COPIES + decodedBytes * DECODE_COPIES;
  if (needed > limits.maxFileMemory) {
    throw new PixelDataError(
      `the header declares ${formatBytes(decodedBytes)} of pixels (Rows ${m.rows} x Columns ${m.columns} x Number of Frames ${m.numberOfFrames}); checking them needs about ${formatBytes(needed)}, above the per-file memory limit of ${formatBytes(limits.maxFileMemory)} (DEID_MAX_FILE_MEMORY)`,
    );
  }
  if (info.codec !== 'native') {
    if (buffers.length !== m.numberOfFrames) {
      throw new PixelDataError(`encapsulated Pixel Data holds ${buffers.length} frames but Number of Frames is ${m.numberOfFrames}`);
    }
    buffers.forEach((frame, index) => {
      if (!checked?.has(frame)) checkFrameCodestream(new Uint8Array(frame), info.codec, m, index);
    });
  }
  return m;
}

/** Whether every byte from `offset` on is zero. */
function zeroAfter(buffers: ArrayBuffer[], offset: number): boolean {
  let start = 0;
  for (const buffer of buffers) {
    const bytes = new Uint8Array(buffer);
    for (let i = Math.max(0, offset - start); i < bytes.byteLength; i++) if (bytes[i] !== 0) return false;
    start += bytes.byteLength;
  }
  return true;
}

/**
 * Checks a decoded frame's size against the header: Rows x Columns x Samples x bytes per sample.
 * Codecs may return what they could decode of a damaged frame; a short or long result fails.
 * @throws PixelDataError naming the frame and both sizes.
 */
export function checkDecodedSize(decoded: Uint8Array, m: Pick<PixelModule, 'rows' | 'columns' | 'samplesPerPixel' | 'bitsAllocated'>, codecName: string): void {
  const expected = m.rows * m.columns * m.samplesPerPixel * Math.ceil(m.bitsAllocated / 8);
  if (decoded.byteLength !== expected) {
    throw new PixelDataError(`the ${codecName} decoder returned ${decoded.byteLength} bytes where Rows ${m.rows} x Columns ${m.columns} x Samples per Pixel ${m.samplesPerPixel} needs ${expected}`);
  }
}
