import type { Box, DisplayImage } from '../image/types.js';
import type { SafeHarborCategory } from '../safe-harbor.js';

export type { Box, DisplayImage };

/** A word or line of text found in an image. */
export interface DetectedText {
  text: string;
  box: Box;
  /** 0–100. */
  confidence: number;
  kind: 'word' | 'line';
  /** For words: index of the line they belong to. For lines: their own index. */
  lineIndex: number;
  /**
   * Text drawn turned a quarter (optional): `'up'` runs up the image, `'down'` runs down it. Its boxes are tall and
   * narrow, and its words follow each other down (or up) the image, not across.
   */
  turn?: 'up' | 'down';
}

/**
 * Text detection engine (local tesseract.js, AWS Rekognition DetectText).
 * `detect` returns words and lines in the image's own pixel coordinates.
 */
export interface TextDetector {
  readonly name: string;
  detect(image: DisplayImage): Promise<DetectedText[]>;
  /**
   * A second look at one line, in `box` of `image` (optional): its ink alone, told apart by its level from
   * what lies under it (texture, speckle), read as one line; what lies in `ignore` is left out. Words in the
   * image's own pixel coordinates.
   */
  readLine?(image: DisplayImage, box: Box, ignore?: readonly Box[]): Promise<DetectedText[]>;
  /** Releases workers or clients. Safe to call twice. */
  close?(): Promise<void>;
}

/** A span of text to judge for PHI, with where it came from. */
export interface TextSpan {
  text: string;
  /** Pixel box (for OCR text) or element path (for header text). */
  box?: Box;
  location?: string;
  /** Words with their own boxes, so a finding can cover only the words that are PHI. */
  words?: DetectedText[];
}

/** What is known about the file's identity, gathered from its original header. */
export interface IdentityContext {
  /** Values from the original header that identify the patient or others: names, IDs, dates, addresses, … */
  values: Array<{ value: string; category: SafeHarborCategory; source: string; vr?: string }>;
}

/** A piece of text judged to be PHI. */
export interface PhiFinding {
  text: string;
  category: SafeHarborCategory;
  /** 0–1. */
  score: number;
  /** Engine-specific type, e.g. `NAME`, `DATE`, `ID`, `header:PatientName`, `regex`. */
  type: string;
  /** Which detector and rule: `local:header-value`, `local:regex`, `aws:comprehend-medical`. */
  engine: string;
  box?: Box;
  location?: string;
  /** Offsets in the span's text. */
  begin?: number;
  end?: number;
}

/** PHI detection engine for text (local rules and dictionaries, AWS Comprehend Medical). */
export interface PhiDetector {
  readonly name: string;
  detect(spans: TextSpan[], context: IdentityContext): Promise<PhiFinding[]>;
  /**
   * True for harmless annotation the detector never flags (its keep-list: views, W/L, numbers with
   * units) (optional: the default keep-list answers for a detector without one). Rules that fail closed
   * on text nobody could read leave such text alone.
   */
  isHarmless?(text: string): boolean;
  /**
   * True for a word of the clinical vocabulary the detector protects (DICOM's defined terms and the rules'
   * `clinical_vocabulary`) (optional: the default vocabulary answers for a detector without one). Lines read as
   * such words are descriptions, which rules that fail closed on text nobody could read leave alone.
   */
  isClinical?(word: string): boolean;
  close?(): Promise<void>;
}

/**
 * Somewhere an AWS service can read an image from (an S3 bucket): Rekognition reads renderings over
 * its 5 MB Bytes limit from here. Objects hold PHI: `remove` deletes them once read.
 */
export interface ImageStaging {
  /** Where objects go, `s3://bucket/prefix`, for notices. */
  readonly location: string;
  /** Uploads one image; resolves to its bucket and key and a function deleting it. */
  put(bytes: Uint8Array): Promise<{ bucket: string; key: string; remove(): Promise<void> }>;
}
