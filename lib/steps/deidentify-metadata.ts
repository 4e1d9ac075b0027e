import type { IdentityContext } from '../engines/types.js';
import type { DicomFile, Step } from '../file.js';
import { assertDeidentifyOptions, deidentifyDataset, type DeidentifyMetadataOptions } from '../metadata/deidentify.js';

/** Name of the metadata de-identification step in messages (the manifest counts its actions). */
export const DEIDENTIFY_METADATA = 'deidentify-metadata';

export type { DeidentifyMetadataOptions } from '../metadata/deidentify.js';

declare module '../file.js' {
  interface DicomFileDataMap {
    /** Identity values gathered from the original header before de-identification (for the pixel step and the evaluation). */
    identity?: IdentityContext;
  }
}

/**
 * Makes the step that de-identifies `file.dataset` (already a clone of `file.original`) by the rules
 * ({@link deidentifyDataset}); every action becomes a message (without PHI). Also leaves
 * `file.data.identity` (gatherIdentity of the original) for the pixel step.
 *
 * @example await processFile(file, [parseDicom(), deidentifyMetadata({ rules: loadRules(path), state: openStateStore(dir) })]);
 */
export function deidentifyMetadata(options: DeidentifyMetadataOptions): Step {
  assertDeidentifyOptions(options);
  return function deidentifyMetadataStep(file: DicomFile) {
    const dataset = file.requireDataset(DEIDENTIFY_METADATA);
    const original = file.original ?? dataset;
    if (original === dataset) {
      // Gather from the untouched values before we change anything.
      file.message({ ruleId: 'pipeline:no-original', step: DEIDENTIFY_METADATA, severity: 'warning', reason: 'file.original was not set; identity gathered from the dataset before changes' });
    }
    file.data.identity = deidentifyDataset(dataset, original, options, (note) => file.message({ ...note, step: DEIDENTIFY_METADATA }));
  };
}
