import type { PixelFinding } from '../pixels/burned-in.js';
import type { SafeHarborCategory } from '../safe-harbor.js';

/**
 * PHI found in a de-identified header element. Holds the detected text: keep it only in
 * sensitive reports, never in messages.
 */
export interface TagFinding {
  /** Element path, e.g. `(0040,0275)[0].(0040,0007)`. */
  path: string;
  /** 8 upper-case hex digits. */
  tag: string;
  /** DICOM keyword, or empty for private and unknown elements. */
  keyword: string;
  /** Readable attribute name (`Other Patient IDs`, `Private (0009,1001)`). */
  name: string;
  vr: string;
  /** Private creator of the element's block, for private elements. */
  privateCreator?: string;
  /** Index of the value in a multi-valued element. */
  valueIndex: number;
  /** The detected text (PHI). */
  text: string;
  /** `whole` when the PHI is the element's whole value, `part` when it sits inside longer free text. */
  scope: 'whole' | 'part';
  /** Engine type, e.g. `ID`, `NAME`, `known:PatientName`, `DATE`. */
  type: string;
  category: SafeHarborCategory;
  /** 0–1. */
  score: number;
  /** `local:pattern`, `local:known-value`, `aws:comprehend-medical`, … */
  engine: string;
  /** Offsets of the text in the value. */
  begin?: number;
  end?: number;
}

/** A PHI finding in the de-identified pixels (a {@link PixelFinding} found by the evaluation). */
export type EvaluationPixelFinding = PixelFinding;
