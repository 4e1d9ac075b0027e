import { getString } from '../dicom/elements.js';
import { createLocalPhiDetector } from '../engines/local/phi.js';
import type { IdentityContext, PhiDetector } from '../engines/types.js';
import type { DicomFile, Step } from '../file.js';
import type { Rules } from '../rules/types.js';
import type { StateStore } from '../state/store.js';
import { scanMetadataAndKept } from '../evaluate/scan-metadata.js';
import type { TagFinding } from '../evaluate/types.js';
import './deidentify-metadata.js';

/** Name of the header evaluation step in messages. */
export const EVALUATE_METADATA = 'evaluate-metadata';
const STEP = EVALUATE_METADATA;

declare module '../file.js' {
  interface DicomFileDataMap {
    /** Identity of the original of a file under evaluation, when it is known (`--original`, the notebook's saves). */
    sourceIdentity?: IdentityContext;
    /** PHI the evaluation found in the header (holds the text). */
    tagFindings?: TagFinding[];
    /** The evaluation's PHI detector. */
    evaluationEngine?: string;
    /** Worded header text (descriptions, comments) the evaluation judged harmless (values it found nothing in): learning's negatives. */
    evaluationHarmlessText?: string[];
  }
}

/** Where the identity of the ORIGINAL file comes from: a context, or a function of the file. */
export type KnownValuesSource = IdentityContext | ((file: DicomFile) => IdentityContext | undefined);

/** Options of {@link evaluateMetadata}. */
export interface EvaluateMetadataOptions {
  /**
   * The evaluation detector (default: the local PHI detector with its generic patterns and the
   * rules' keep-list, NOT the rules' regexes or tag list, so it does not share their blind spots).
   * With AWS, a Comprehend Medical detector: every value goes in a few batched requests.
   */
  phiDetector?: PhiDetector;
  /**
   * Identity of the original file, whose values are looked for (default: `file.data.sourceIdentity`,
   * else `file.data.identity` left by the metadata step; none when the file was parsed on its own).
   */
  knownValues?: KnownValuesSource;
  /** The rules that did the de-identification: their placeholders and dummy values are not leaks (optional). */
  rules?: Rules;
  /** The state folder: pseudonyms and mapped UIDs are not leaks (optional). */
  state?: StateStore;
}

/** The identity of the original file for a file under evaluation, if known. */
export function knownValuesFor(file: DicomFile, source?: KnownValuesSource): IdentityContext | undefined {
  if (source) return typeof source === 'function' ? source(file) : source;
  return file.data.sourceIdentity ?? file.data.identity;
}

/**
 * Makes the step that evaluates a de-identified file's header: every string value, recursively,
 * private tags and file meta included, is judged for PHI. Sets `file.data.tagFindings`
 * ({@link TagFinding}[], holding the text) and adds one warning message per finding (without the text).
 * Give it a file parsed from the de-identified bytes, so what is judged is what was written.
 *
 * @example await processFile(file, [parseDicom(), evaluateMetadata({ rules, state })]);
 */
export function evaluateMetadata(options: EvaluateMetadataOptions = {}): Step {
  const phiDetector = options.phiDetector ?? createLocalPhiDetector({ keepList: options.rules?.pixelKeepList, staffRoles: options.rules?.staffRoles });
  return async function evaluateMetadataStep(file) {
    const dataset = file.requireDataset(STEP);
    const known = knownValuesFor(file, options.knownValues);
    if (!known) file.message({ ruleId: 'evaluate:no-original', step: STEP, reason: 'the original file is unknown: its values are not looked for, only PHI patterns' });
    let scanned: { findings: TagFinding[]; harmless: string[] };
    try {
      scanned = await scanMetadataAndKept(dataset, { phiDetector, known, rules: options.rules, state: options.state });
    } catch (error) {
      return file.fail({ ruleId: 'evaluate:detector-failed', step: STEP, reason: `PHI detection failed, so leaks cannot be ruled out: ${(error as Error).message}` }, error);
    }
    const { findings, harmless } = scanned;
    file.data.tagFindings = findings;
    file.data.evaluationEngine = phiDetector.name;
    file.data.evaluationHarmlessText = harmless;
    for (const f of findings) {
      file.message({
        ruleId: `evaluate:${f.engine}:${f.type.split(':')[0]}`,
        step: STEP,
        location: f.path,
        severity: 'warning',
        category: f.category,
        reason: `${f.name || f.keyword || 'element'} still holds ${f.scope === 'whole' ? 'an identifying value' : 'identifying text'} (${f.type}, score ${f.score.toFixed(2)})`,
      });
    }
  };
}

/**
 * Makes the step that pairs a de-identified file with its original by the mapped SOP Instance UID
 * and sets `file.data.sourceIdentity`; warns when no original matches. Without identities it does nothing.
 */
export function matchOriginal(identities: ReadonlyMap<string, IdentityContext> | undefined): Step {
  return function matchOriginalStep(file) {
    if (!identities) return;
    const sop = getString(file.requireDataset('evaluate').dict, 'SOPInstanceUID');
    const identity = sop ? identities.get(sop) : undefined;
    if (identity) file.data.sourceIdentity = identity;
    else file.message({ ruleId: 'evaluate:original-not-found', step: STEP, severity: 'warning', reason: 'no original among --original matches this file (by its mapped SOP Instance UID)' });
  };
}
