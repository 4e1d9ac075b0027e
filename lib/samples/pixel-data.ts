import type { DicomDataset } from '../dicom/dataset.js';
import { setPixelData, type FrameModule } from '../pixels/encode.js';
import { syntaxInfo } from '../dicom/transfer-syntaxes.js';
import type { SampleFormat } from './format.js';

/**
 * Stores frames of stored values as the sample's Pixel Data in `transferSyntaxUID` with the kit's
 * own encoders (`lib/pixels` setPixelData: native, RLE, JPEG-LS, JPEG 2000, JPEG Baseline with
 * its lossy history), and sets the Image Pixel module.
 * @throws Error naming the syntax when the kit has no encoder for it.
 */
export async function storeSamplePixels(dataset: DicomDataset, format: SampleFormat, width: number, height: number, frames: ArrayLike<number>[], transferSyntaxUID: string): Promise<void> {
  const info = syntaxInfo(transferSyntaxUID);
  if (!info) throw new Error(`[samples] unknown transfer syntax ${transferSyntaxUID}`);
  if (info.bigEndian) throw new Error(`[samples] big endian samples are not generated (${info.name})`);
  const module: FrameModule = {
    rows: height,
    columns: width,
    samplesPerPixel: format.samplesPerPixel,
    photometric: format.photometric,
    bitsAllocated: format.bitsAllocated,
    bitsStored: format.bitsStored,
    highBit: format.bitsStored - 1,
    pixelRepresentation: format.pixelRepresentation,
    planarConfiguration: 0,
    numberOfFrames: frames.length,
  };
  await setPixelData(dataset, module, frames, transferSyntaxUID);
}
