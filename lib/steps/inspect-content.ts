import type { Step } from '../file.js';
import { guardUninspectableContent } from '../metadata/uninspectable.js';

const STEP = 'inspect-content';

/**
 * Makes the step, run right after parsing, that never lets content the kit cannot inspect pass as
 * clean ({@link guardUninspectableContent}): documents, waveforms and private SOP classes fail
 * the file; opaque binary elements nothing reads are removed, each with a message.
 */
export function inspectContent(): Step {
  return function inspectContentStep(file) {
    const verdict = guardUninspectableContent(file.requireDataset(STEP));
    if (verdict.failReason) return file.fail({ ruleId: 'content:uninspectable', step: STEP, reason: `${verdict.failReason}; not released` });
    if (verdict.warning) file.message({ ruleId: 'content:no-sop-class', step: STEP, severity: 'warning', reason: verdict.warning });
    for (const { path, name } of verdict.removed) {
      file.message({ ruleId: 'content:opaque-binary', step: STEP, location: path, action: 'X', category: 'R', reason: `${name} removed: binary content the kit cannot inspect` });
    }
    for (const { path, name, action, reason } of verdict.rewritten ?? []) {
      file.message({ ruleId: 'content:icc-profile', step: STEP, location: path, action, category: 'R', reason: `${name}: ${reason}` });
    }
  };
}
