/** The evaluation's pure parts: header scan, known values, written values, redaction of what remains. The steps are in `lib/steps/`, the runner in `lib/pipeline/`. */
export type { TagFinding, EvaluationPixelFinding } from './types.js';
export { redactRemainingFindings, type RedactRemainingOptions, type RemainingAction, type RemainingRedaction } from './redact-remaining.js';
export { scanMetadata, type ScanMetadataOptions } from './scan-metadata.js';
export { knownValueMatcher, compactText, type KnownValueHit, type KnownValueMatcher } from './known-values.js';
export { writtenValues, WRITTEN_TAGS, type WrittenValues } from './written-values.js';
