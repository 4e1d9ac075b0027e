/**
 * Harmless text a learned regex must never match: technical values, numbers with units, window
 * settings, common words, the values de-identification writes. A candidate that matches any of
 * these is too broad and is rejected.
 */
import type { DicomDataset } from '../dicom/dataset.js';
import { getStrings } from '../dicom/elements.js';
import { DEFAULT_KEEP_LIST } from '../engines/local/phi-patterns.js';
import type { Rules } from '../rules/types.js';

/** Attributes that hold technical, never identifying, values. */
export const TECHNICAL_KEYWORDS = [
  'Modality', 'Rows', 'Columns', 'BitsAllocated', 'BitsStored', 'HighBit', 'PixelRepresentation', 'SamplesPerPixel',
  'PhotometricInterpretation', 'PixelSpacing', 'SliceThickness', 'SpacingBetweenSlices', 'KVP', 'XRayTubeCurrent',
  'ExposureTime', 'Exposure', 'WindowCenter', 'WindowWidth', 'RescaleIntercept', 'RescaleSlope', 'RescaleType',
  'Manufacturer', 'ManufacturerModelName', 'SoftwareVersions', 'BodyPartExamined', 'ImageType', 'ConvolutionKernel',
  'PatientPosition', 'ViewPosition', 'ImagePositionPatient', 'ImageOrientationPatient', 'SeriesNumber',
  'InstanceNumber', 'AcquisitionNumber', 'EchoTime', 'RepetitionTime', 'InversionTime', 'FlipAngle',
  'MagneticFieldStrength', 'ScanningSequence', 'SequenceVariant', 'ScanOptions', 'SequenceName', 'NumberOfFrames',
  'FrameTime', 'CineRate', 'TransducerData', 'ProcessingFunction', 'FilterType', 'FocalSpots', 'DistanceSourceToDetector',
  'DistanceSourceToPatient', 'GeneratorPower', 'CTDIvol', 'DataCollectionDiameter', 'ReconstructionDiameter',
  'TableHeight', 'GantryDetectorTilt', 'SpiralPitchFactor', 'SOPClassUID', 'TransferSyntaxUID', 'LossyImageCompressionRatio',
];

/** Built-in harmless samples: numbers, units, window settings, scale marks, annotation and common words. */
export const HARMLESS_SAMPLES: readonly string[] = [
  '1', '2', '12', '120', '512', '256', '1024', '2048', '4096', '65535', '-1024', '0.5', '2.5', '0.7\\0.7', '1.25', '3.0', '40', '400',
  '5 cm', '10 cm', '2.5 mm', '5mm', '1.5T', '3T', '120 kV', '120kVp', 'kVp 120', '250 mAs', 'mA 200', '100%', '30 fps', '7.5 MHz', '60 dB',
  'W 400 L 40', 'W:400 L:40', 'WW 1500 WL -600', 'C 40 W 400', 'L 40', 'W 2000', 'TE 90', 'TR 2000', 'TI 150', 'FA 90', 'NEX 1', 'ET 16',
  'SE 3', 'IM 42', 'SER 2', 'IMG 1/120', '1/120', '12/24', '3 of 24', 'Page 1 of 2', 'FOV 350', 'DFOV 35.0cm', 'THK 2.5', 'TILT 0', 'ZOOM 1.2', 'GAIN 50',
  'ORIGINAL\\PRIMARY\\AXIAL', 'DERIVED\\SECONDARY', 'MONOCHROME2', 'RGB', 'HFS', 'FFS', 'ISO_IR 100', 'ISO_IR 192',
  'B30f', 'STANDARD', 'LUNG', 'BONE', 'syngo CT VA48A', 'SOMATOM Definition AS+', 'Aquilion ONE', 'Discovery MR750', 'LightSpeed VCT',
  'AXIAL 2.5MM LUNG', 'CT CHEST W/O CONTRAST', 'CT ABDOMEN PELVIS W CONTRAST', 'T1 SAG', 'T2 FLAIR AX', 'DWI b1000', 'ADC', 'SCOUT',
  'PORTABLE', 'SUPINE', 'SEMI-UPRIGHT', 'AP', 'PA', 'LAT', 'L', 'R', 'the', 'and', 'of', 'for', 'with', 'without', 'left', 'right', 'follow-up',
  'no acute findings', 'chest', 'routine', 'contrast', 'series', 'image', 'study', 'report',
  // ultrasound probe and output lines, X-ray technique lines
  'C5-1 17Hz MI 1.2', 'C5-1 17HzMI1.2', 'L12-5 9Hz MI 0.8 TIs 0.4', 'P4-2 30Hz MI 1.0 TIB 0.6', 'C1-6 12 Hz', 'L15-7io', 'IC5-9', 'MI 1.2 TIS 0.4',
  'Gn 50 DR 60', '2D 55% C 50', 'FR 17Hz', 'kVp 120 mAs 250', '90 kV 2.5 mAs', 'CTDIvol 12.3 mGy', 'DLP 456.7 mGy*cm',
  // values de-identification writes
  'The^Patient', 'Dr.^Physician', 'ANONYMIZED', '00010101', '000000', '090Y', 'YES', 'NO', 'PAT-7QH4K2M9XZ',
  '2.25.223471098712340987123409871234098712', '1.2.840.10008.5.1.4.1.1.2', '1.2.840.10008.1.2.1', '113100', '113101', 'DCM',
];

const UNIT_WORDS = new Set(['HZ', 'KHZ', 'MHZ', 'MI', 'TIS', 'TIB', 'TIC', 'DB', 'KV', 'KVP', 'MA', 'MAS', 'MM', 'CM', 'MS', 'FPS', 'BPM', 'GN', 'DR', 'FR', 'MGY', 'DLP', 'CTDI', 'CTDIVOL', 'SEC', 'DEG', 'PRF', 'WF', 'PW', 'CW', 'TGC', 'ZOOM', 'GAIN', 'MAG', 'IO']);

/** True when a word is a unit or harmless annotation word, alone or run together (`HZMI` = `HZ` + `MI`). */
function technicalWord(word: string, known: (w: string) => boolean): boolean {
  const w = word.toUpperCase();
  if (known(w)) return true;
  // Split a run of letters into known words (OCR joins `17Hz MI` into `17HzMI`).
  const ok: boolean[] = [true];
  for (let end = 1; end <= w.length; end++) {
    ok[end] = false;
    for (let start = Math.max(0, end - 8); start < end && !ok[end]; start++) ok[end] = ok[start] && end - start >= 2 && known(w.slice(start, end));
  }
  return ok[w.length];
}

/**
 * True for annotation rather than identity: every multi-letter run of the text is a unit, keep-list
 * or clinical word (or such words run together), and a unit is among them: the ultrasound probe line
 * `C5-1 17Hz MI 1.2`, `kVp 120 mAs 250`. A learned pattern made from such text would black out
 * harmless annotation on every image.
 */
export function isTechnicalAnnotation(text: string, vocabulary: { has(word: string): boolean }): boolean {
  const keep = new Set(DEFAULT_KEEP_LIST.map((w) => w.toUpperCase()));
  const known = (w: string) => UNIT_WORDS.has(w) || keep.has(w) || (w.length >= 2 && vocabulary.has(w));
  const runs = text.match(/\p{L}{2,}/gu) ?? [];
  // A unit must be there: `PA 19015` (a state and ZIP) and `A819989THIN` (an ID run into a word) are not annotation.
  return runs.length > 0 && runs.every((r) => technicalWord(r, known)) && runs.some((r) => technicalWord(r, (w) => UNIT_WORDS.has(w)));
}

/** Technical values of a dataset (no PHI), as strings and in the screen forms they take (`W 400 L 40`). */
export function technicalValues(dataset: DicomDataset): string[] {
  const out = new Set<string>();
  for (const keyword of TECHNICAL_KEYWORDS) {
    let values: string[] = [];
    try {
      values = getStrings(keyword === 'TransferSyntaxUID' ? dataset.meta : dataset.dict, keyword);
    } catch {
      continue;
    }
    values = values.map((v) => v.trim()).filter(Boolean);
    for (const v of values) out.add(v);
    if (values.length > 1) out.add(values.join('\\'));
  }
  const wc = getStrings(dataset.dict, 'WindowCenter')[0];
  const ww = getStrings(dataset.dict, 'WindowWidth')[0];
  if (wc && ww) out.add(`W ${ww} L ${wc}`);
  return [...out];
}

/** Every harmless sample for a rules file: built-in ones, the keep-lists and any given technical values. */
export function harmlessSamples(rules?: Rules, extra: readonly string[] = []): string[] {
  return [...new Set([...HARMLESS_SAMPLES, ...DEFAULT_KEEP_LIST, ...(rules?.pixelKeepList ?? []), ...extra].filter((s) => s.trim() !== ''))];
}
