/**
 * The steps: each made once from options and run once per file, a thin wrapper that records on the
 * {@link DicomFile} what a pure function of its domain folder did. Step names are exported constants.
 */
export { parseDicom, PARSE } from './parse.js';
export { deidentifyMetadata, DEIDENTIFY_METADATA, type DeidentifyMetadataOptions } from './deidentify-metadata.js';
export { detectPixelPhi, redactPixelPhi, cleanPixels, skipPixels, stripCodestreamText, pixelFindingMessage, frameRenderings, showsMoreText, CLEAN_PIXELS, type PixelPhiOptions, type RedactPixelOptions, type PixelFinding } from './pixels.js';
export { saveDeidentified, outputKey, SAVE, type SaveOptions } from './save.js';
export { evaluateMetadata, knownValuesFor, matchOriginal, EVALUATE_METADATA, type EvaluateMetadataOptions, type KnownValuesSource } from './evaluate-metadata.js';
export { evaluatePixels, EVALUATE_PIXELS, type EvaluatePixelsOptions } from './evaluate-pixels.js';
export { redactRemaining, REDACT_REMAINING, type RedactRemainingOptions, type RemainingAction } from './redact-remaining.js';
export { verifyClean, VERIFY_CLEAN, type VerifyCleanOptions } from './verify-clean.js';
