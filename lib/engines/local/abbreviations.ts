/**
 * How screens shorten the words of names and institutions: `Med`/`Ctr` for Medical Center, `St.` for
 * Saint, `Rgnl` for Regional, `MC` for Medical Center, `SAMC` for Saint Aldric Medical Center. Works
 * on upper-case letters only; callers fold OCR confusions the same way on both sides.
 */

/**
 * True when `short` can be an abbreviation of `word`: a prefix of 3 letters or more (`MED`, `UNIV`),
 * a contraction made of the first and last letters (`ST` for SAINT, `RD` for ROAD), or the word's
 * letters with some dropped, starting with its first letter and keeping 3 or more (`CTR`, `RGNL`, `CMTY`).
 * The short form must be shorter than the word.
 */
export function isAbbreviationOf(short: string, word: string): boolean {
  const s = short.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  const w = word.toUpperCase();
  if (s.length < 2 || s.length >= w.length || s[0] !== w[0]) return false;
  if (s.length === 2) return s[1] === w[w.length - 1];
  // A subsequence starting at the first letter (a prefix is one too).
  let j = 1;
  for (let i = 1; i < w.length && j < s.length; i++) if (w[i] === s[j]) j++;
  return j === s.length;
}

/** The first letter of each word (upper case), e.g. `SAMC` for Saint Aldric Medical Center. */
export function initialsOf(words: readonly string[]): string {
  return words.map((w) => w.charAt(0).toUpperCase()).join('');
}

/**
 * True when `short` is the initials of `words` with one word written as two run together (`TBWI` for The
 * Bramblewood Institute: Bramble-wood): each word gives its first letter, and one long word (seven letters or
 * more) also the head of its second part, three letters or more from either end. Upper-case letters only.
 * @example isCompoundInitials('TBWI', ['THE', 'BRAMBLEWOOD', 'INSTITUTE']) // true
 */
export function isCompoundInitials(short: string, words: readonly string[]): boolean {
  if (short.length !== words.length + 1 || short.length < 3) return false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k].toUpperCase();
    if (short[k] !== w[0] || w.length < 7) continue;
    const inner = short[k + 1];
    const rest = short.slice(k + 2);
    if (initialsOf(words.slice(0, k)) !== short.slice(0, k) || initialsOf(words.slice(k + 1)) !== rest) continue;
    for (let i = 3; i <= w.length - 3; i++) if (w[i] === inner) return true;
  }
  return false;
}
