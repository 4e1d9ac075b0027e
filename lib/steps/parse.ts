import { DicomReadError, cloneDataset, metaSopClass, readDicom } from '../dicom/adapter.js';
import type { DicomFile, Step } from '../file.js';

/** Name of the parse step in messages. */
export const PARSE = 'parse';
const MEDIA_STORAGE_DIRECTORY = '1.2.840.10008.1.3.10';

/**
 * Parses `file.bytes` into `file.original` (kept as read) and `file.dataset` (a copy the
 * next steps change). A file that is not DICOM, or is truncated, fails with a message naming it.
 */
export function parseDicom(): Step {
  return (file) => {
    if (!file.bytes) return file.fail({ ruleId: 'parse:no-bytes', step: PARSE, reason: 'no bytes were read for this file' });
    try {
      file.original = readDicom(file.bytes, file.path);
    } catch (error) {
      if (metaSopClass(file.bytes) === MEDIA_STORAGE_DIRECTORY) return failMediaDirectory(file);
      const reason = error instanceof DicomReadError ? error.message.slice(file.path.length + 2) : String(error);
      return file.fail({ ruleId: 'parse:not-dicom', step: PARSE, reason }, error);
    }
    // A DICOMDIR only indexes files by their old names (and repeats their identities): it is
    // never released; a new one can be made from the output.
    if (file.original.meta['00020002']?.Value?.[0] === MEDIA_STORAGE_DIRECTORY) return failMediaDirectory(file);
    // The pixel buffers are shared, not copied: no step writes into them (each puts new ones in place
    // of those it changes), and the original's pixels are never written out.
    file.dataset = cloneDataset(file.original, { sharePixelData: true });
  };
}

function failMediaDirectory(file: DicomFile): never {
  return file.fail({ ruleId: 'parse:media-directory', step: PARSE, reason: 'a DICOMDIR (media storage directory) is not de-identified; make a new one from the output' });
}
