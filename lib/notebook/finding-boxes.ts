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
 * (`A header:PatientName 0.97`), ready for `toPng` or a processor's `drawImage`. Findings on the same
 * box share one box and one label (`C header:StudyDate 1.00 · C regex 0.90`; a letter and type found
 * twice shows its best score once). Findings without a box are left out. Labels never hold the
 * detected text.
 * @example await nb.showImage(await processor.drawImage({ boxes: findingBoxes(findings) }))
 */
export function findingBoxes(findings: readonly BoxedFinding[], options: { frame?: number; color?: string } = {}): LabelledBox[] {
  const frame = options.frame ?? 0;
  const byBox = new Map<string, { box: Box; best: Map<string, number> }>();
  for (const f of findings) {
    if (!f.box || (f.frame ?? 0) !== frame) continue;
    const key = `${f.box.left},${f.box.top},${f.box.width},${f.box.height}`;
    const entry = byBox.get(key) ?? { box: f.box, best: new Map<string, number>() };
    const kind = `${f.category} ${f.type}`;
    entry.best.set(kind, Math.max(entry.best.get(kind) ?? 0, f.score));
    byBox.set(key, entry);
  }
  return [...byBox.values()].map(({ box, best }) => ({
    ...box,
    label: [...best].sort((a, b) => b[1] - a[1]).map(([kind, score]) => `${kind} ${score.toFixed(2)}`).join(' · '),
    ...(options.color ? { color: options.color } : {}),
  }));
}
