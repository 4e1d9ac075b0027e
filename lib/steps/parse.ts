import { DicomReadError, cloneDataset, readDicom } from '../dicom/adapter.js';
import type { Step } from '../file.js';

/**
 * Parses `file.bytes` into `file.original` (kept as read) and `file.dataset` (a copy the
 * next steps change). A file that is not DICOM, or is truncated, fails with a message naming it.
 */
export function parseDicom(): Step {
  return (file) => {
    if (!file.bytes) return file.fail({ ruleId: 'parse:no-bytes', step: 'parse', reason: 'no bytes were read for this file' });
    try {
      file.original = readDicom(file.bytes, file.path);
    } catch (error) {
      const reason = error instanceof DicomReadError ? error.message.slice(file.path.length + 2) : String(error);
      return file.fail({ ruleId: 'parse:not-dicom', step: 'parse', reason }, error);
    }
    file.dataset = cloneDataset(file.original);
  };
}
