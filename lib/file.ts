import type { DicomDataset } from './dicom/dataset.js';
import { CannotVouchError, type DeidMessage, type Severity } from './message.js';

export { CannotVouchError, type DeidMessage, type Note, type ReportNote, type Severity } from './message.js';

/** Error thrown by a step for a file it cannot vouch for; the file is reported as failed. */
export class DeidError extends Error {
  constructor(
    message: string,
    readonly ruleId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeidError';
  }
}

/**
 * The object that travels through every step for one input file (after vfile).
 * Steps read and write only this object; `data` is a typed bag for step results.
 */
export class DicomFile {
  /** Messages collected so far, in order. */
  readonly messages: DeidMessage[] = [];
  /** Step results, by name (`pixelFindings`, `outputPath`, …): each step's module declares its own in {@link DicomFileDataMap}. */
  readonly data: DicomFileDataMap = {};
  /** The parsed dataset; set by the parse step. */
  dataset?: DicomDataset;
  /** The original dataset as parsed, before any step changed it (for evaluation and deny-lists). */
  original?: DicomDataset;

  constructor(
    /** Where the input came from (path or storage key); never used to name outputs. */
    readonly path: string,
    /** The input bytes; never modified. */
    readonly bytes?: Uint8Array,
  ) {}

  /** Records a message and returns it. */
  message(init: Omit<DeidMessage, 'severity'> & { severity?: Severity }): DeidMessage {
    const message: DeidMessage = { severity: 'info', ...init };
    this.messages.push(message);
    return message;
  }

  /** Records a fatal message and throws a DeidError: the file is not released as cleaned. */
  fail(init: Omit<DeidMessage, 'severity'>, cause?: unknown): never {
    const message = this.message({ ...init, severity: 'fatal' });
    throw new DeidError(`${this.path}: ${message.reason}`, message.ruleId, { cause });
  }

  /**
   * Records a domain function's {@link CannotVouchError} as a fatal message of `step` and throws
   * (the file is not released); any other error is thrown on unchanged.
   */
  failOn(step: string, error: unknown): never {
    if (error instanceof CannotVouchError) return this.fail({ ...error.note, step }, error.cause ?? error);
    throw error;
  }

  /** True once any fatal message was recorded. */
  get failed(): boolean {
    return this.messages.some((m) => m.severity === 'fatal');
  }

  /** Returns the dataset or throws an error naming the step that needed it. */
  requireDataset(step: string): DicomDataset {
    if (!this.dataset) throw new DeidError(`${this.path}: ${step} needs a parsed dataset; run the parse step first`, 'pipeline:order');
    return this.dataset;
  }
}

/**
 * Typed results that steps leave on a file (after vfile's `DataMap`). Empty here: each step's module
 * adds its own fields by declaration merging, so `file.data.x` is typed everywhere without casts:
 *
 * @example
 * declare module '../file.js' {
 *   interface DicomFileDataMap {
 *     // Where the de-identified file was written.
 *     outputPath?: string;
 *   }
 * }
 */
 
export interface DicomFileDataMap {}

/** A processing step: a function made once from options, run once per file. */
export type Step = (file: DicomFile) => void | Promise<void>;
