/** The ground truth written beside each held-out file (what was planted, what must stay). */
export type Category = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R';

/** A piece of PHI as planted in text: the text, its Safe Harbor letter, and what would show it leaked. */
export interface Phi {
  text: string;
  category: Category;
  /** e.g. `age>89`, `name`, `phone`, `street address`. */
  kind: string;
  /** Strings (case-insensitive, not inside a longer word or number) whose presence means the PHI is still there. */
  probes: string[];
}

/** A header value holding planted PHI. */
export interface PlantedHeaderPhi extends Phi {
  /** Element path: hex tags, items in brackets (`0040A730[2].0040A160`). */
  path: string;
  /** Keyword (or private tag) of the element. */
  attribute: string;
  /** How many times each probe occurs in the element's input value outside this PHI (it may stay that often). */
  allowed: number[];
}

/** Words that are not identifying and must be kept word for word. */
export interface KeptWords {
  path: string;
  attribute: string;
  words: string[];
  /** `description`: free text and labels; `code`: Code Value / Code Meaning of a coded entry. */
  kind: 'description' | 'code';
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A burned-in PHI word: its box and the exact glyph pixels (bit mask over the box, row-major, MSB first, base64). */
export interface PixelPhiWord {
  text: string;
  category: Category;
  kind: string;
  /** Frame indexes (0-based) it is drawn on. */
  frames: number[];
  box: Box;
  mask: string;
  font: string;
  size: number;
}

/** A burned-in line that is harmless and must stay intact (no pixel of its box changed). */
export interface PixelHarmlessLine {
  text: string;
  frames: number[];
  box: Box;
  font: string;
  size: number;
}

export interface FileTruth {
  file: string;
  modality: string;
  sopClassUID: string;
  transferSyntaxUID: string;
  /** Lossy compressed input: pixel comparisons allow codec noise. */
  lossy: boolean;
  rows: number;
  columns: number;
  frames: number;
  samplesPerPixel: number;
  /** What this file exercises (for the report; no PHI). */
  classes: string[];
  header: { phi: PlantedHeaderPhi[]; keep: KeptWords[] };
  pixels: { phi: PixelPhiWord[]; harmless: PixelHarmlessLine[] };
}
