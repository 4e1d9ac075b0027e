import type { Box } from '../image/types.js';
import type { SafeHarborCategory } from '../safe-harbor.js';
import type { LabelledBox } from '../pixels/png.js';

/** What {@link findingBoxes} needs of a pixel finding. */
export interface BoxedFinding {
  box?: Box;
  frame?: number;
  type: string;
  category: SafeHarborCategory;
  score: number;
}

/**
 * The boxes of pixel findings on one frame, labelled with their Safe Harbor letter, type and score
 * (`A header:PatientName 0.97`), ready for `toPng` or a processor's `drawImage`. Findings without a
 * box are left out. Labels never hold the detected text.
 * @example await nb.showImage(await processor.drawImage({ boxes: findingBoxes(findings) }))
 */
export function findingBoxes(findings: readonly BoxedFinding[], options: { frame?: number; color?: string } = {}): LabelledBox[] {
  const frame = options.frame ?? 0;
  return findings
    .filter((f): f is BoxedFinding & { box: Box } => Boolean(f.box) && (f.frame ?? 0) === frame)
    .map((f) => ({ ...f.box, label: `${f.category} ${f.type} ${f.score.toFixed(2)}`, ...(options.color ? { color: options.color } : {}) }));
}
