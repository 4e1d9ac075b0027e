import type { PhiDetector, TextDetector } from '../engines/types.js';
import type { Step } from '../file.js';
import { findBurnedInPhi, type PixelFinding } from '../pixels/burned-in.js';
import { knownValuesFor, type KnownValuesSource } from './evaluate-metadata.js';
import { pixelFindingMessage } from './pixels.js';

/** Name of the pixel evaluation step in messages. */
export const EVALUATE_PIXELS = 'evaluate-pixels';

declare module '../file.js' {
  interface DicomFileDataMap {
    /** Burned-in PHI the evaluation found in the de-identified pixels (with boxes and text). */
    evaluationPixelFindings?: PixelFinding[];
  }
}

/** Options of {@link evaluatePixels}. */
export interface EvaluatePixelsOptions {
  textDetector: TextDetector;
  phiDetector: PhiDetector;
  /** Identity of the ORIGINAL file, looked for in the pixels (default: as for evaluateMetadata). */
  knownValues?: KnownValuesSource;
}

/**
 * Makes the step that renders the de-identified pixels of every frame, reads them again and
 * judges the text for PHI with the identity of the original file ({@link findBurnedInPhi}). Sets
 * `file.data.evaluationPixelFindings` (with boxes and text); `file.data.pixelFindings` is not touched.
 * A file whose pixels cannot be decoded or read fails (fail closed).
 */
export function evaluatePixels(options: EvaluatePixelsOptions): Step {
  if (!options?.textDetector || !options.phiDetector) throw new TypeError('[evaluatePixels] options.textDetector and options.phiDetector are required');
  return async function evaluatePixelsStep(file) {
    const dataset = file.requireDataset(EVALUATE_PIXELS);
    const identity = knownValuesFor(file, options.knownValues) ?? { values: [] };
    let findings: PixelFinding[];
    try {
      findings = await findBurnedInPhi(dataset, { textDetector: options.textDetector, phiDetector: options.phiDetector, identity });
    } catch (error) {
      return file.failOn(EVALUATE_PIXELS, error);
    }
    file.data.evaluationPixelFindings = findings;
    for (const finding of findings) file.message({ ...pixelFindingMessage(finding), step: EVALUATE_PIXELS });
  };
}
