import type { DicomDataset } from './dicom/dataset.js';
import type { SafeHarborCategory } from './safe-harbor.js';

/** How serious a message is; only `fatal` stops a file. */
export type Severity = 'info' | 'warning' | 'fatal';

/**
 * One finding or action recorded while a file goes through the steps.
 * Reports, audit records and the manifest are built from these, never from log lines.
 */
export interface DeidMessage {
  /** Stable id of the rule or check, e.g. `tag:(0010,0010)`, `keyword:Address`, `pixel:ocr-failed`. */
  ruleId: string;
  /** The step that produced it, e.g. `deidentify-metadata`, `detect-pixel-phi`. */
  step: string;
  /** Where: an element path like `(0008,1110)[0].(0008,1155)`, or `frame 0 [x,y,w,h]` for pixels. */
  location?: string;
  severity: Severity;
  /** Human-readable reason. Must not contain PHI values. */
  reason: string;
  /** Action taken, from the rules vocabulary (`X`, `Z`, `D`, `U`, `K`, `C`) or a pixel action. */
  action?: string;
  category?: SafeHarborCategory;
}

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
  /** Step results, by name (`pixelFindings`, `outputPath`, …). */
  readonly data: DicomFileData = {};
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

/** Typed results that steps leave on a file. Steps add their own fields here. */
export interface DicomFileData {
  /** Whether the pixels were checked for burned-in text (false with --no-pixels). */
  pixelsChecked?: boolean;
  /** Whether the pixel data was rewritten (redacted). */
  pixelsModified?: boolean;
  /** Where the de-identified file was written. */
  outputPath?: string;
  [key: string]: unknown;
}

/** A processing step: a function made once from options, run once per file. */
export type Step = (file: DicomFile) => void | Promise<void>;
