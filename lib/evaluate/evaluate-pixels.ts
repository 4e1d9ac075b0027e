import type { PhiDetector, TextDetector } from '../engines/types.js';
import type { Step } from '../file.js';
import { detectPixelPhi } from '../steps/pixels.js';
import { knownValuesFor, type KnownValuesSource } from './evaluate-metadata.js';
import { remnantsBesideBoxes } from './partial-values.js';

const STEP = 'evaluate-pixels';

/** Options of {@link evaluatePixels}. */
export interface EvaluatePixelsOptions {
  textDetector: TextDetector;
  phiDetector: PhiDetector;
  /** Identity of the ORIGINAL file, looked for in the pixels (default: as for evaluateMetadata). */
  knownValues?: KnownValuesSource;
}

/**
 * Makes the step that renders the de-identified pixels of every frame, masks the boxes already
 * filled, reads them again and judges the text for PHI with the identity of the original file,
 * including what a box left readable of a value beside it (`Acc# ▇▇▇973`). Sets
 * `file.data.evaluationPixelFindings` (with boxes and text) and leaves `file.data.pixelFindings`
 * as it was. A file whose pixels cannot be decoded or read fails (fail closed).
 */
export function evaluatePixels(options: EvaluatePixelsOptions): Step {
  if (!options?.textDetector || !options.phiDetector) throw new TypeError('[evaluatePixels] options.textDetector and options.phiDetector are required');
  return async function evaluatePixelsStep(file) {
    const before = file.data.pixelFindings;
    const firstMessage = file.messages.length;
    // Boxes already filled are masked before reading (their edges are no text), and what a box left
    // readable of a value beside it counts.
    const detect = detectPixelPhi({
      textDetector: options.textDetector,
      phiDetector: options.phiDetector,
      identity: (f) => knownValuesFor(f, options.knownValues) ?? { values: [] },
      maskFilled: true,
      besideFilled: remnantsBesideBoxes,
    });
    try {
      await detect(file);
    } finally {
      for (const m of file.messages.slice(firstMessage)) m.step = STEP;
    }
    file.data.evaluationPixelFindings = file.data.pixelFindings ?? [];
    file.data.pixelFindings = before;
  };
}
