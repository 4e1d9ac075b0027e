import type { Step } from '../file.js';
import { markIdentityNotRemoved } from '../metadata/method.js';
import { describeRetained, findRetainedValues } from '../metadata/verify.js';
import type { Rules } from '../rules/types.js';

const STEP = 'verify-metadata';

/** Options of {@link verifyMetadata}. */
export interface VerifyMetadataOptions {
  rules: Rules;
  /**
   * Incomplete rules were allowed (`--allow-incomplete-rules`): a retained value does not fail the
   * file, but the output is marked Patient Identity Removed = NO and claims no method code.
   */
  allowIncompleteRules?: boolean;
}

/**
 * Makes the step run after the metadata step: every attribute the Basic Profile removes or replaces
 * must no longer hold its value ({@link findRetainedValues}). A file that still does fails closed,
 * naming the attributes (never their values).
 */
export function verifyMetadata(options: VerifyMetadataOptions): Step {
  return function verifyMetadataStep(file) {
    const dataset = file.requireDataset(STEP);
    if (!file.original) return file.fail({ ruleId: 'verify:no-original', step: STEP, reason: 'the original header was not kept, so the de-identified one cannot be checked against it' });
    const retained = findRetainedValues(file.original, dataset, options.rules);
    if (retained.length === 0) return;
    const what = `${retained.length} attribute(s) the Basic Profile removes or replaces still hold a value after the metadata step: ${describeRetained(retained)}`;
    if (!options.allowIncompleteRules) {
      return file.fail({ ruleId: 'verify:retained-value', step: STEP, location: retained[0].path, reason: `${what}; the file is not released` });
    }
    markIdentityNotRemoved(dataset.dict, `${retained.length} profile attribute(s) kept`);
    file.message({ ruleId: 'verify:retained-value', step: STEP, severity: 'warning', location: retained[0].path, reason: `${what}; incomplete rules allowed: marked Patient Identity Removed = NO` });
  };
}
