/** The contract between the local text detector and the OCR program that reads its prepared pages. */
import type Tesseract from 'tesseract.js';

/** What a {@link PageRecognizer} reads with. */
export interface RecognizerSettings {
  /** Folder holding `eng.traineddata(.gz)`. */
  langPath: string;
  /** Page segmentation mode, e.g. `'11'` (sparse text). */
  pageSegMode: string;
  logger?: (message: Tesseract.LoggerMessage) => void;
  /** Folder to cache the unpacked traineddata in (optional). */
  cachePath?: string;
}

/** Words found on a page, grouped as tesseract groups them (the parts of tesseract.js's `Page` the detector reads). */
export interface RecognizedPage {
  blocks: Array<{ paragraphs: Array<{ lines: Array<{ words: Array<{ text: string; confidence: number; bbox: Tesseract.Bbox }> }> }> }> | null;
}

/** A prepared page: 8-bit grey pixels, row by row, dark text on a light ground. */
export interface GreyPage {
  width: number;
  height: number;
  data: Uint8Array;
  /** Read this page in another page segmentation mode than the recognizer's, e.g. `'7'` (one line) (optional). */
  pageSegMode?: string;
  /**
   * The page is already oriented (dark text on a light ground): tesseract need not read a doubtful line
   * inverted as well (optional; its `tessedit_do_invert`, on by default, reads such lines twice).
   */
  oriented?: boolean;
}

/** An OCR program reading prepared pages, one result per page, in order. */
export interface PageRecognizer {
  /**
   * Reads every page; `what` names them in errors. Many pages per call let a program amortise its
   * start. Pages are raw pixels, not PNG: a program that reads raw pixels gets them without an
   * encode and a decode per page.
   */
  recognize(pages: GreyPage[], what: string): Promise<RecognizedPage[]>;
  /**
   * Starts the program now rather than at the first page (optional). A start that fails is reported by
   * the next {@link recognize}, which tries again.
   */
  start?(): Promise<void>;
  /** Ends the program; safe to call twice. */
  close(): Promise<void>;
}

