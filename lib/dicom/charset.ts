/**
 * Text decoding under a Specific Character Set (0008,0005), code extensions included
 * (ISO 2022 escape sequences switching between e.g. ASCII, JIS X 0208 and JIS X 0201, or
 * ASCII and KS X 1001). The kit writes every text value back as UTF-8 (ISO_IR 192).
 */
import { characterSets, convertBytes } from 'dicom-character-set';

/** The value representations whose text depends on the Specific Character Set (PS3.5 6.1.2.3). */
export const CHARSET_VRS = new Set(['SH', 'LO', 'ST', 'LT', 'PN', 'UC', 'UT']);

/** The term this kit writes for Specific Character Set: every text value is re-encoded as UTF-8. */
export const UTF8_CHARSET = 'ISO_IR 192';

/** The defined terms of a Specific Character Set value, upper-cased and trimmed (`''` for the default repertoire). */
export function charsetTerms(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split('\\').map((term) => term.replace(/\0/g, '').trim().toUpperCase());
}

/**
 * Whether dcmjs decodes text under these terms correctly by itself: one term without code
 * extensions. Everything else (several terms, any `ISO 2022` term, unknown terms) is decoded here.
 */
export function decodedByParser(terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  if (terms.length > 1) return false;
  const term = terms[0];
  return term === '' || (!term.startsWith('ISO 2022') && term in characterSets);
}

/**
 * Single-byte and multi-byte sets whose bytes 00-7F are ASCII, without code extensions: text of ASCII bytes only reads
 * the same under them as in UTF-8. JIS X 0201 (`ISO_IR 13`) is not among them (5C is the yen sign, 7E the overline).
 */
const ASCII_BASED = new Set(['ISO_IR 6', 'ISO_IR 100', 'ISO_IR 101', 'ISO_IR 109', 'ISO_IR 110', 'ISO_IR 144', 'ISO_IR 127', 'ISO_IR 126', 'ISO_IR 138', 'ISO_IR 148', 'ISO_IR 166', 'ISO_IR 192', 'GB18030', 'GBK']);

/**
 * Whether `bytes` decode under `terms` to the same characters as in UTF-8: one set whose bytes 00-7F are ASCII
 * ({@link decodeText} needs not run), and no byte above 7F.
 */
export function readsAsUtf8(bytes: Uint8Array, terms: readonly string[]): boolean {
  if (terms.length !== 1 || !ASCII_BASED.has(terms[0])) return false;
  for (let i = 0; i < bytes.byteLength; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

/** Terms the decoder does not know; their text is read as ISO 8859-1 (no byte is lost, the text may read wrongly). */
export function unknownTerms(terms: readonly string[]): string[] {
  return terms.filter((term, index) => !(term === '' && index === 0) && !(term in characterSets));
}

/**
 * Decodes one text value (all of its multiple values, backslashes included) to a JavaScript string.
 * @param terms the Specific Character Set in force, from {@link charsetTerms}.
 * @param vr the value's VR: it decides which delimiters reset the code extensions.
 */
export function decodeText(bytes: Uint8Array, terms: readonly string[], vr: string): string {
  const known = terms.map((term, index) => (term === '' && index === 0) || term in characterSets ? term : 'ISO_IR 100');
  try {
    return convertBytes(known.join('\\'), bytes, { vr });
  } catch {
    // Writers switch back to ASCII (ESC ( B) even when ISO 2022 IR 6 is not declared; pydicom and
    // dcmtk accept it, so does the kit.
    if (known.length > 1 && !known.includes('ISO 2022 IR 6')) {
      try {
        return convertBytes([...known, 'ISO 2022 IR 6'].join('\\'), bytes, { vr });
      } catch {
        // fall through
      }
    }
    // A malformed escape sequence: keep every byte rather than lose text (PHI must stay findable).
    return new TextDecoder('latin1').decode(bytes);
  }
}
