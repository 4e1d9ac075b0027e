/** Image primitives shared by pixel work, text detection and the sample generator; nothing here knows DICOM. */

/** An axis-aligned box in original pixel coordinates (columns, rows) of one frame. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** An 8-bit image ready for text detection: grey (1 channel) or RGB (3 channels), row-major, interleaved. */
export interface DisplayImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}
