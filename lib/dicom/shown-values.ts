/**
 * Header values in messages. A hostile or careless file can put a patient's name in any string
 * attribute (`Photometric Interpretation SMITH JOHN`), so a message shows a header value only when
 * it comes from a closed vocabulary: a standard UID, or one of the standard's defined terms.
 */

/** `uid` when it is a standard UID (under 1.2.840.10008.), else words saying it is not shown. */
export function uidInMessage(uid: string | undefined): string {
  return uid !== undefined && uid.length <= 64 && /^1\.2\.840\.10008(\.\d+)+$/.test(uid) ? uid : '(a non-standard UID, not shown)';
}

/** `value` when it is one of `terms` (the standard's defined terms), else words saying it is not shown. */
export function termInMessage(value: string | undefined, terms: readonly string[]): string {
  return value !== undefined && terms.includes(value) ? value : '(a value that is not a defined term, not shown)';
}

/** The defined terms of Photometric Interpretation (0028,0004), PS3.3 C.7.6.3.1.2. */
export const PHOTOMETRIC_TERMS = ['MONOCHROME1', 'MONOCHROME2', 'PALETTE COLOR', 'RGB', 'HSV', 'ARGB', 'CMYK', 'YBR_FULL', 'YBR_FULL_422', 'YBR_PARTIAL_422', 'YBR_PARTIAL_420', 'YBR_ICT', 'YBR_RCT', 'XYB'] as const;
