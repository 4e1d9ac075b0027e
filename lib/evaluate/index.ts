export type { TagFinding, EvaluationPixelFinding } from './types.js';
export { evaluateMetadata, knownValuesFor, type EvaluateMetadataOptions, type KnownValuesSource } from '../steps/evaluate-metadata.js';
export { evaluatePixels, type EvaluatePixelsOptions } from '../steps/evaluate-pixels.js';
export { redactRemaining, type RedactRemainingOptions, type RemainingAction } from './redact-remaining.js';
export { scanMetadata, type ScanMetadataOptions } from './scan-metadata.js';
export { knownValueMatcher, compactText, type KnownValueHit, type KnownValueMatcher } from './known-values.js';
export { writtenValues, WRITTEN_TAGS, type WrittenValues } from './written-values.js';
export { evaluateFiles, type EvaluateFilesOptions, type EvaluateFilesResult } from '../pipeline/evaluate-files.js';
