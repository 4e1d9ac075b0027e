// deid-kit: the library's public API, one re-export per folder. Entry files only re-export;
// the code lives in the folders. Notebooks import the folders directly (`deid-kit/notebook`, …).
export * from './file.js';
export type * from './image/types.js';
export * from './safe-harbor.js';
export type { Tag, DicomElement, DicomDict, DicomDataset, PersonName } from './dicom/dataset.js';
export { readDicom, writeDicom, cloneDataset, DicomReadError, IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './dicom/adapter.js';
export * from './dicom/elements.js';
export * from './rules/index.js';
export * from './state/index.js';
export * from './engines/index.js';
export * from './metadata/index.js';
export * from './pixels/index.js';
export * from './steps/index.js';
export * from './storage/index.js';
export * from './storage/target.js';
export * from './pipeline/recipe.js';
export * from './pipeline/deidentify-files.js';
export * from './pipeline/evaluate-files.js';
export { startAwsRun, AwsPreflightError, type AwsRunOptions, type AwsRunPlan, type AwsRun } from './pipeline/aws-run.js';
export { processFile } from './pipeline/process-file.js';
// One input at a time, apart from any run (a queue worker, a serverless handler): open a context once, then processInput per input.
export { openInputContext, processInput, type InputContext, type InputDescriptor, type InputOutcome, type RunSettings } from './pipeline/process-input.js';
export { manifestEntry, type ManifestEntry } from './pipeline/manifest.js';
export * from './evaluate/index.js';
export * from './reports/index.js';
export * from './learn/index.js';
export * from './samples/index.js';
export * from './notebook/index.js';
