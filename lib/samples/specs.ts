import { TS } from '../dicom/transfer-syntaxes.js';
import type { SampleModality } from './format.js';

/** What to generate: a modality, a frame size and count, and the transfer syntax to store it in. */
export interface SampleSpec {
  /** File stem; never derived from the identity (e.g. `ct_chest_explicit_le`). */
  name: string;
  modality: SampleModality;
  width: number;
  height: number;
  /** Number of frames (default 1). */
  frames?: number;
  transferSyntaxUID: string;
  bodyPart: string;
  studyDescription: string;
}

/** The sample set committed in `images/med_phi_img/` and used by the burned-in PHI acceptance test. */
export const SAMPLE_SPECS: readonly SampleSpec[] = [
  { name: 'ct_chest_explicit_le', modality: 'CT', width: 512, height: 512, transferSyntaxUID: TS.ExplicitVRLittleEndian, bodyPart: 'CHEST', studyDescription: 'CT CHEST W/O CONTRAST' },
  { name: 'mr_head_implicit_le', modality: 'MR', width: 384, height: 384, transferSyntaxUID: TS.ImplicitVRLittleEndian, bodyPart: 'HEAD', studyDescription: 'MRI BRAIN W/O CONTRAST' },
  { name: 'cr_chest_rle', modality: 'CR', width: 448, height: 512, transferSyntaxUID: TS.RLELossless, bodyPart: 'CHEST', studyDescription: 'XR CHEST 1 VIEW PORTABLE' },
  { name: 'us_abdomen_rgb_explicit_le', modality: 'US', width: 480, height: 384, transferSyntaxUID: TS.ExplicitVRLittleEndian, bodyPart: 'ABDOMEN', studyDescription: 'US ABDOMEN COMPLETE' },
  { name: 'us_abdomen_jpeg_baseline', modality: 'US', width: 480, height: 384, transferSyntaxUID: TS.JPEGBaseline, bodyPart: 'ABDOMEN', studyDescription: 'US ABDOMEN LIMITED' },
  { name: 'sc_document_jpeg_ls', modality: 'SC', width: 480, height: 600, transferSyntaxUID: TS.JPEGLSLossless, bodyPart: 'CHEST', studyDescription: 'OUTSIDE REPORT SCAN' },
  { name: 'sc_document_j2k', modality: 'SC', width: 480, height: 600, transferSyntaxUID: TS.JPEG2000Lossless, bodyPart: 'CHEST', studyDescription: 'OUTSIDE REPORT SCAN' },
  { name: 'us_cine_multiframe_rle', modality: 'US', width: 400, height: 320, frames: 6, transferSyntaxUID: TS.RLELossless, bodyPart: 'HEART', studyDescription: 'US ECHO LIMITED' },
];
