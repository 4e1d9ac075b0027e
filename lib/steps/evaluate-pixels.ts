import type { PhiDetector, TextDetector } from '../engines/types.js';
import type { Step } from '../file.js';
import { remnantsBesideBoxes } from '../evaluate/partial-values.js';
import { findBurnedInPhi, type PixelFinding } from '../pixels/burned-in.js';
import { knownValuesFor, type KnownValuesSource } from './evaluate-metadata.js';
import { pixelFindingMessage } from './pixels.js';

/** Name of the pixel evaluation step in messages. */
export const EVALUATE_PIXELS = 'evaluate-pixels';

declare module '../file.js' {
  interface DicomFileDataMap {
    /** Burned-in PHI the evaluation found in the de-identified pixels (with boxes and text). */
    evaluationPixelFindings?: PixelFinding[];
    /** Text lines the evaluation read in the pixels and found no PHI in: the run's harmless text, for learning. */
    evaluationHarmlessLines?: string[];
  }
}

/** Options of {@link evaluatePixels}. */
export interface EvaluatePixelsOptions {
  textDetector: TextDetector;
  phiDetector: PhiDetector;
  /** Identity of the ORIGINAL file, looked for in the pixels (default: as for evaluateMetadata). */
  knownValues?: KnownValuesSource;
  /** Fill lines OCR could not read beside identity (default true; the rules' `pixel_unread_lines`). */
  unreadLines?: boolean;
}

/**
 * Makes the step that renders the de-identified pixels of every frame, masks the boxes already
 * filled, reads them again and judges the text for PHI with the identity of the original file
 * ({@link findBurnedInPhi}), including what a box left readable of a value beside it
 * (`Acc# ▇▇▇973`, {@link remnantsBesideBoxes}). Sets
 * `file.data.evaluationPixelFindings` (with boxes and text); `file.data.pixelFindings` is not touched.
 * A file whose pixels cannot be decoded or read fails (fail closed).
 */
export function evaluatePixels(options: EvaluatePixelsOptions): Step {
  if (!options?.textDetector || !options.phiDetector) throw new TypeError('[evaluatePixels] options.textDetector and options.phiDetector are required');
  return async function evaluatePixelsStep(file) {
    const dataset = file.requireDataset(EVALUATE_PIXELS);
    const identity = knownValuesFor(file, options.knownValues) ?? { values: [] };
    // The lines read are kept: those without PHI are the run's harmless text, which learning must never match.
    const lines: string[] = [];
    const textDetector: TextDetector = {
      ...options.textDetector,
      name: options.textDetector.name,
      detect: async (image) => {
        const texts = await options.textDetector.detect(image);
        for (const t of texts) if (t.kind === 'line' && t.text.trim()) lines.push(t.text.trim());
        return texts;
      },
    };
    let findings: PixelFinding[];
    try {
      // Boxes already filled are masked before reading (their edges are no text), and what a box left
      // readable of a value beside it counts.
      findings = await findBurnedInPhi(dataset, {
        textDetector,
        phiDetector: options.phiDetector,
        identity,
        maskFilled: true,
        filled: file.data.pixelFilled,
        besideFilled: remnantsBesideBoxes,
        unreadLines: options.unreadLines,
      });
    } catch (error) {
      return file.failOn(EVALUATE_PIXELS, error);
    }
    file.data.evaluationPixelFindings = findings;
    const found = findings.map((f) => f.text.trim()).filter(Boolean);
    file.data.evaluationHarmlessLines = lines.filter((l) => !found.some((f) => l.includes(f)));
    for (const finding of findings) file.message({ ...pixelFindingMessage(finding), step: EVALUATE_PIXELS });
  };
}
