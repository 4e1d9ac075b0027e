/** Types for dicom-character-set (it ships none). */
declare module 'dicom-character-set' {
  /** Decodes DICOM text bytes under a Specific Character Set value (terms joined by backslashes). */
  export function convertBytes(specificCharacterSet: string | undefined, bytes: Uint8Array, options?: { vr?: string }): string;
  /** The character sets it knows, by defined term. */
  export const characterSets: Record<string, unknown>;
}
