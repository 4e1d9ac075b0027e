/**
 * The 18 identifiers of the HIPAA Safe Harbor method, 45 CFR 164.514(b)(2)(i)(A)–(R).
 * Rules, findings and reports refer to them by letter.
 */
export const SAFE_HARBOR_IDENTIFIERS = {
  A: 'Names',
  B: 'Geographic subdivisions smaller than a state',
  C: 'Dates (except year) directly related to an individual, and ages over 89',
  D: 'Telephone numbers',
  E: 'Fax numbers',
  F: 'Electronic mail addresses',
  G: 'Social security numbers',
  H: 'Medical record numbers',
  I: 'Health plan beneficiary numbers',
  J: 'Account numbers',
  K: 'Certificate/license numbers',
  L: 'Vehicle identifiers and serial numbers, including license plate numbers',
  M: 'Device identifiers and serial numbers',
  N: 'Web Universal Resource Locators (URLs)',
  O: 'Internet Protocol (IP) address numbers',
  P: 'Biometric identifiers, including finger and voice prints',
  Q: 'Full face photographic images and any comparable images',
  R: 'Any other unique identifying number, characteristic, or code',
} as const;

/** A Safe Harbor identifier letter, `A` (names) to `R` (any other unique identifier). */
export type SafeHarborCategory = keyof typeof SAFE_HARBOR_IDENTIFIERS;

/** True when `value` is one of the 18 Safe Harbor letters. */
export function isSafeHarborCategory(value: unknown): value is SafeHarborCategory {
  return typeof value === 'string' && Object.hasOwn(SAFE_HARBOR_IDENTIFIERS, value);
}
