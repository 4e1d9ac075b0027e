import type { PhiDetector, TextDetector } from '../engines/types.js';
import { scanMetadata } from '../evaluate/scan-metadata.js';
import type { Step } from '../file.js';
import type { PixelFinding } from '../pixels/burned-in.js';
import type { Rules } from '../rules/types.js';
import type { StateStore } from '../state/store.js';
import './evaluate-metadata.js';
import { evaluatePixels } from './evaluate-pixels.js';
import './redact-remaining.js';

/** Name of the final check in messages. */
export const VERIFY_CLEAN = 'verify-clean';

declare module '../file.js' {
  interface DicomFileDataMap {
    /** Burned-in PHI found when the pixels the evaluation redacted were read again (empty when clean). */
    verifiedPixelFindings?: PixelFinding[];
  }
}

/** Options of {@link verifyClean}. */
export interface VerifyCleanOptions {
  phiDetector: PhiDetector;
  rules: Rules;
  state: StateStore;
  /** Reads again the pixels the evaluation redacted (omit when pixels are not checked). */
  textDetector?: TextDetector;
}

/**
 * Makes the step that checks a file again after redaction and fails it when it still holds PHI: in
 * its header, or, when the evaluation filled pixel boxes, in its pixels (read again with every
 * filled box masked). A failed file is not released.
 */
export function verifyClean(options: VerifyCleanOptions): Step {
  const pixels = options.textDetector ? evaluatePixels({ textDetector: options.textDetector, phiDetector: options.phiDetector, unreadLines: options.rules.pixelUnreadLines === 'fill' }) : undefined;
  return async function verifyCleanStep(file) {
    const residual = await scanMetadata(file.requireDataset(VERIFY_CLEAN), { ...options, known: file.data.sourceIdentity });
    if (residual.length > 0) {
      return file.fail({ ruleId: 'evaluate:leak-remains', step: VERIFY_CLEAN, location: residual[0].path, reason: `${residual.length} leak(s) remain after redaction; the file is not released` });
    }
    // Pixels the evaluation left as they were were just read and judged clean; pixels it redacted are read again.
    if (!pixels || !file.data.remainingPixelBoxes) return;
    const { evaluationPixelFindings, evaluationHarmlessLines } = file.data;
    await pixels(file);
    const left = file.data.evaluationPixelFindings ?? [];
    file.data.verifiedPixelFindings = left;
    file.data.evaluationPixelFindings = evaluationPixelFindings;
    file.data.evaluationHarmlessLines = evaluationHarmlessLines;
    if (file.failed) return;
    if (left.length > 0) {
      file.fail({ ruleId: 'evaluate:pixel-leak-remains', step: VERIFY_CLEAN, location: `frame ${left[0].frame}`, reason: `${left.length} burned-in PHI finding(s) remain after redaction; the file is not released` });
    }
  };
}
