import type { DicomDict } from '../dicom/dataset.js';

/** CID 7050 De-identification Method codes (DCM coding scheme). */
export const DEID_METHOD_CODES = {
  '113100': 'Basic Application Confidentiality Profile',
  '113101': 'Clean Pixel Data Option',
  '113102': 'Clean Recognizable Visual Features Option',
  '113103': 'Clean Graphics Option',
  '113104': 'Clean Structured Content Option',
  '113105': 'Clean Descriptors Option',
  '113106': 'Retain Longitudinal Temporal Information Full Dates Option',
  '113107': 'Retain Longitudinal Temporal Information Modified Dates Option',
  '113108': 'Retain Patient Characteristics Option',
  '113109': 'Retain Device Identity Option',
  '113110': 'Retain UIDs Option',
  '113111': 'Retain Safe Private Option',
  '113112': 'Retain Institution Identity Option',
} as const;
export type DeidMethodCode = keyof typeof DEID_METHOD_CODES;

const METHOD_CODE_SEQUENCE = '00120064';
const PATIENT_IDENTITY_REMOVED = '00120062';
const METHOD = '00120063';

/**
 * Marks a dataset as NOT de-identified: Patient Identity Removed = NO, the method text says why,
 * and no CID 7050 code claims a profile was applied (used when incomplete rules were allowed).
 */
export function markIdentityNotRemoved(dict: DicomDict, why: string): void {
  dict[PATIENT_IDENTITY_REMOVED] = { vr: 'CS', Value: ['NO'] };
  dict[METHOD] = { vr: 'LO', Value: [`INCOMPLETE: ${why}`.slice(0, 64)] };
  delete dict[METHOD_CODE_SEQUENCE];
}

/**
 * Adds a CID 7050 code to the De-identification Method Code Sequence (0012,0064), once.
 * The pixel step calls it with `113101` (Clean Pixel Data) after cleaning the pixels.
 */
export function addDeidentificationMethodCode(dict: DicomDict, code: DeidMethodCode): void {
  // An output marked not de-identified (incomplete rules allowed) never claims a method.
  if (dict[PATIENT_IDENTITY_REMOVED]?.Value?.[0] === 'NO') return;
  const existing = dict[METHOD_CODE_SEQUENCE];
  const items = (existing?.vr === 'SQ' ? (existing.Value as DicomDict[] | undefined) : undefined) ?? [];
  if (items.some((item) => item['00080100']?.Value?.[0] === code)) return;
  items.push({
    '00080100': { vr: 'SH', Value: [code] },
    '00080102': { vr: 'SH', Value: ['DCM'] },
    '00080104': { vr: 'LO', Value: [DEID_METHOD_CODES[code]] },
  });
  dict[METHOD_CODE_SEQUENCE] = { vr: 'SQ', Value: items };
}
