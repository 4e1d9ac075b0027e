/**
 * The in-memory shape of a DICOM dataset, shared by every step.
 *
 * It is the DICOM JSON model (PS3.18 F.2) as dcmjs produces it ("denaturalized"):
 * keys are 8-digit upper-case hex tags, values carry the VR and a `Value` array.
 * - PN values are `{ Alphabetic?, Ideographic?, Phonetic? }` objects.
 * - SQ values are nested `DicomDict` items.
 * - OB/OW/OF/OD/OL/UN values are `ArrayBuffer`s; encapsulated Pixel Data holds one
 *   ArrayBuffer per frame (see `PixelDataState` in the adapter for the raw bytes).
 * Only `lib/dicom/adapter.ts` talks to dcmjs; everything else uses these types.
 */
export type Tag = string;

export interface DicomElement {
  vr: string;
  Value?: unknown[];
}

export type DicomDict = Partial<Record<Tag, DicomElement>>;

/** A parsed file: its File Meta Information, its main dataset and how it was encoded. */
export interface DicomDataset {
  /** File Meta Information (group 0002); empty when the input had none. */
  meta: DicomDict;
  /** The main dataset. */
  dict: DicomDict;
  /** Transfer Syntax UID the dataset was read with (and is written back with unless changed). */
  transferSyntaxUID: string;
}

/** Person Name value as stored in the DICOM JSON model. */
export interface PersonName {
  Alphabetic?: string;
  Ideographic?: string;
  Phonetic?: string;
}
