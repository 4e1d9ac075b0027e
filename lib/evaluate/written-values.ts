/**
 * Values the de-identification itself writes (placeholders, dummies, mapped UIDs, pseudonyms,
 * the de-identification method), so the evaluation reports only real leaks.
 */
import type { Rules } from '../rules/types.js';
import type { StateStore } from '../state/store.js';

/** Elements the de-identification adds or the writer sets: never scanned. */
export const WRITTEN_TAGS = new Set([
  '00120062', // Patient Identity Removed
  '00120063', // De-identification Method
  '00120064', // De-identification Method Code Sequence
  '00280301', // Burned In Annotation
  '00020000', '00020001', '00020002', '00020010', '00020012', '00020013', // file meta written by the writer
  '00080005', // Specific Character Set
]);

const SOURCE_PLACEHOLDERS = ['The^Patient', 'Dr.^Physician', 'Mr.^Operator', 'Mr.^Observer', 'Content^Creator', 'Anonymized^Person', '^ANONYMIZED', 'ANONYMIZED'];
const PSEUDONYM = /^PAT-[A-HJ-NP-Z2-9]{10}$/;
const MAPPED_UID = /^2\.25\.\d{1,39}$/;
const STANDARD_UID = /^1\.2\.840\.10008\./;

/** Tells values written by de-identification from values that came from the input. */
export interface WrittenValues {
  /** True when `value` (of an element of VR `vr`) was written by de-identification. */
  has(value: string, vr: string): boolean;
}

/**
 * Builds the set of written values from the rules (placeholders, dummy values) and the state
 * (pseudonyms, mapped UIDs); both optional.
 */
export function writtenValues(rules?: Rules, state?: StateStore): WrittenValues {
  const texts = new Set<string>(SOURCE_PLACEHOLDERS.map((s) => s.toUpperCase()));
  for (const p of rules?.personNamePlaceholders ?? []) texts.add(p.value.toUpperCase());
  for (const v of Object.values(rules?.dummyValues ?? {})) texts.add(v.toUpperCase());
  for (const t of rules?.dicomTags ?? []) if (t.value && !t.value.startsWith('@')) texts.add(t.value.toUpperCase());
  const pseudonyms = new Set(state ? [...state.patientIdMap.values()] : []);
  const mapped = new Set(state ? [...state.uidMap.values()] : []);
  return {
    has(value: string, vr: string): boolean {
      const v = value.trim();
      if (v === '') return true;
      if (texts.has(v.toUpperCase())) return true;
      if (pseudonyms.has(v) || PSEUDONYM.test(v)) return true;
      if (vr === 'UI') return mapped.has(v) || MAPPED_UID.test(v) || STANDARD_UID.test(v);
      return false;
    },
  };
}
