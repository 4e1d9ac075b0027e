import { writeDicom } from '../dicom/adapter.js';
import { getString } from '../dicom/elements.js';
import type { DicomFile, Step } from '../file.js';
import type { DicomDict } from '../dicom/dataset.js';
import type { StateStore } from '../state/store.js';
import type { ObjectStorage } from '../storage/types.js';
import { DUPLICATE_INSTANCE, OutputNames, SAVE } from './output-names.js';

const STANDARD_UID_ROOT = '1.2.840.10008.';

export { SAVE } from './output-names.js';

declare module '../file.js' {
  interface DicomFileDataMap {
    /** Where the de-identified file was written (its storage key). */
    outputPath?: string;
  }
}

/**
 * The output key of a de-identified dataset, as in the source notebook:
 * `<patient id>/<StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm`.
 * Built only from de-identified values, never from the input's name (which often holds a name).
 */
export function outputKey(dict: Parameters<typeof getString>[0], prefix = ''): string {
  const part = (keyword: string, fallback: string) => (getString(dict, keyword) ?? fallback).replace(/[^A-Za-z0-9._-]/g, '_');
  return [prefix, part('PatientID', 'NO_PATIENT_ID'), part('StudyInstanceUID', 'NO_STUDY_UID'), part('SeriesInstanceUID', 'NO_SERIES_UID'), `${part('SOPInstanceUID', 'NO_SOP_UID')}.dcm`]
    .filter(Boolean)
    .join('/');
}

/**
 * The output key of a file from its ORIGINAL identifiers through the state: the Patient ID's
 * pseudonym and the mapped UIDs, whatever the rules did to the header (even rules that keep them).
 */
export function pseudonymousOutputKey(original: DicomDict, state: Pick<StateStore, 'mapUid' | 'pseudonymForPatient'>, prefix = ''): string {
  const patientId = getString(original, 'PatientID')?.trim();
  const uid = (keyword: string) => {
    const value = getString(original, keyword)?.trim().replace(/\0+$/, '');
    return value && !value.startsWith(STANDARD_UID_ROOT) ? state.mapUid(value) : undefined;
  };
  const renamed: DicomDict = {
    ...(patientId ? { '00100020': { vr: 'LO', Value: [state.pseudonymForPatient(patientId)] } } : {}),
    ...Object.fromEntries(
      [['StudyInstanceUID', '0020000D'], ['SeriesInstanceUID', '0020000E'], ['SOPInstanceUID', '00080018']].flatMap(([keyword, tag]) => {
        const mapped = uid(keyword);
        return mapped ? [[tag, { vr: 'UI', Value: [mapped] }]] : [];
      }),
    ),
  };
  return outputKey(renamed, prefix);
}

/** Options of {@link saveDeidentified}. */
export interface SaveOptions {
  storage: ObjectStorage;
  /**
   * The state of the run: outputs are then named from the original identifiers' pseudonym and
   * mapped UIDs ({@link pseudonymousOutputKey}), never from header values the rules may have kept.
   */
  state?: Pick<StateStore, 'mapUid' | 'pseudonymForPatient'>;
  /** Key prefix inside the storage (default: none; the notebook uses `test`). */
  prefix?: string;
}

declare module '../file.js' {
  interface DicomFileDataMap {
    /** The encoded de-identified file, for a runner that writes it itself (set by {@link encodeDeidentified}). */
    outputBytes?: Uint8Array;
  }
}

/** The output name (before numbering) and bytes of a processed file; fails a file a previous step failed. */
function encode(file: DicomFile, options: Omit<SaveOptions, 'storage'>): { base: string; bytes: Uint8Array } {
  const dataset = file.requireDataset(SAVE);
  if (file.failed) return file.fail({ ruleId: 'save:failed-file', step: SAVE, reason: 'a previous step failed; the file is not released' });
  const base = options.state && file.original ? pseudonymousOutputKey(file.original.dict, options.state, options.prefix) : outputKey(dataset.dict, options.prefix);
  return { base, bytes: writeDicom(dataset) };
}

/**
 * Writes the de-identified dataset to storage under {@link outputKey}; sets `file.data.outputPath`.
 * Refuses a file that a previous step failed.
 */
export function saveDeidentified(options: SaveOptions): Step {
  const names = new OutputNames();
  return async function save(file) {
    const { base, bytes } = encode(file, options);
    const key = names.claim(base);
    if (key !== base) file.message(DUPLICATE_INSTANCE);
    try {
      await options.storage.put(key, bytes);
    } catch (error) {
      return file.fail({ ruleId: 'save:write-failed', step: SAVE, reason: (error as Error).message }, error);
    }
    file.data.outputPath = key;
  };
}

/**
 * Encodes the de-identified dataset without writing it: `file.data.outputBytes`, and in
 * `file.data.outputPath` its name before numbering. For runners that write outputs themselves, in
 * input order ({@link OutputNames}), whichever thread made them.
 */
export function encodeDeidentified(options: Omit<SaveOptions, 'storage'> = {}): Step {
  return function save(file) {
    const { base, bytes } = encode(file, options);
    file.data.outputBytes = bytes;
    file.data.outputPath = base;
  };
}
