import type { PhiDetector } from '../engines/types.js';
import { scanMetadata } from '../evaluate/scan-metadata.js';
import type { Step } from '../file.js';
import type { Rules } from '../rules/types.js';
import type { StateStore } from '../state/store.js';
import './evaluate-metadata.js';

/** Name of the final header check in messages. */
export const VERIFY_CLEAN = 'verify-clean';

/** Options of {@link verifyClean}. */
export interface VerifyCleanOptions {
  phiDetector: PhiDetector;
  rules: Rules;
  state: StateStore;
}

/** Makes the step that scans the header again after redaction and fails a file that still holds PHI: it is not released. */
export function verifyClean(options: VerifyCleanOptions): Step {
  return async function verifyCleanStep(file) {
    const residual = await scanMetadata(file.requireDataset(VERIFY_CLEAN), { ...options, known: file.data.sourceIdentity });
    if (residual.length > 0) {
      file.fail({ ruleId: 'evaluate:leak-remains', step: VERIFY_CLEAN, location: residual[0].path, reason: `${residual.length} leak(s) remain after redaction; the file is not released` });
    }
  };
}
