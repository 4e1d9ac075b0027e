/** The modalities the sample generator draws. */
export type SampleModality = 'CT' | 'MR' | 'CR' | 'US' | 'SC';

/**
 * How a modality's frames are stored, and which stored values display as white and as black
 * (the inks burned-in text is drawn with).
 */
export interface SampleFormat {
  samplesPerPixel: 1 | 3;
  photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB';
  bitsAllocated: 8 | 16;
  bitsStored: number;
  pixelRepresentation: 0 | 1;
  /** Smallest and largest stored value. */
  min: number;
  max: number;
  /** Stored value per sample that displays white, and black, under the sample's window. */
  white: number[];
  black: number[];
  rescaleIntercept?: number;
  rescaleSlope?: number;
  windowCenter?: number;
  windowWidth?: number;
}

/** The stored-pixel format the samples use for each modality. */
export function formatFor(modality: SampleModality): SampleFormat {
  switch (modality) {
    case 'CT':
      // Signed 16-bit with intercept −1024: HU = stored − 1024; padding outside the field of view is −2000.
      return { samplesPerPixel: 1, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 1, min: -32768, max: 32767, white: [4095], black: [-2000], rescaleIntercept: -1024, rescaleSlope: 1, windowCenter: 40, windowWidth: 400 };
    case 'MR':
      return { samplesPerPixel: 1, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 0, min: 0, max: 4095, white: [4095], black: [0], windowCenter: 600, windowWidth: 1200 };
    case 'CR':
      // MONOCHROME1: the lowest value displays white.
      return { samplesPerPixel: 1, photometric: 'MONOCHROME1', bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 0, min: 0, max: 4095, white: [0], black: [4095], windowCenter: 2048, windowWidth: 4096 };
    case 'US':
      return { samplesPerPixel: 3, photometric: 'RGB', bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 0, min: 0, max: 255, white: [255, 255, 255], black: [0, 0, 0] };
    case 'SC':
      return { samplesPerPixel: 1, photometric: 'MONOCHROME2', bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 0, min: 0, max: 255, white: [250], black: [18] };
  }
}
