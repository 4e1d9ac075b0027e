/**
 * Text normalisation shared by the local PHI engine: one character in, one character out, so
 * offsets found in folded text are offsets in the original text.
 */
import { matchesOf } from '../../regex-matches.js';

/** OCR confusions folded to one canonical character (after upper-casing). */
const CONFUSIONS: Record<string, string> = {
  O: '0', Q: '0',
  I: '1', L: '1', '|': '1', '!': '1',
  S: '5',
  B: '8',
  Z: '2',
  G: '6',
};

/** Latin letters with no decomposition into a base letter and a mark, and the base letter screens write for them. */
const BASE_LETTERS: Record<string, string> = { Đ: 'D', Ð: 'D', Ł: 'L', Ø: 'O', Ħ: 'H', Ŧ: 'T', Ɨ: 'I', Ŋ: 'N', Þ: 'T', Æ: 'A', Œ: 'O', ß: 'S', ẞ: 'S' };

/**
 * The base letter of an upper-case Latin letter with marks (`Ư` → `U`, `Ş` → `S`, `Ł` → `L`), one character for one:
 * consoles with plain fonts drop the marks (`Truong Van Khai` for `Trương Văn Khải`), and OCR often does too. Other
 * scripts keep their letters (Hangul would decompose into its jamo).
 */
function baseLetter(up: string): string {
  const code = up.charCodeAt(0);
  if (code < 0xc0 || (code > 0x24f && (code < 0x1e00 || code > 0x1eff))) return up;
  return BASE_LETTERS[up] ?? up.normalize('NFD')[0];
}

/**
 * Upper-cases, drops the marks of Latin letters and folds the characters OCR confuses (0/O, 1/l/I, 5/S, 8/B, 2/Z, 6/G);
 * same length as `text`.
 */
export function foldOcr(text: string): string {
  let out = '';
  for (const ch of text) {
    const up = ch.toUpperCase();
    const one = baseLetter(up.length === 1 ? up : ch);
    out += CONFUSIONS[one] ?? one;
  }
  return out;
}

/**
 * One letter as a screen or OCR writes it: upper case, without its marks (`é` → `E`, `ł` → `L`, `ß` → `S`); letters of
 * other scripts stay whole (Hangul is not split into its jamo).
 */
export function plainLetter(letter: string): string {
  const up = letter.toUpperCase();
  return baseLetter(up.length === 1 ? up : letter);
}

/** A token: a run of letters and digits, with its offsets. */
export interface Token {
  text: string;
  begin: number;
  end: number;
}

/** Splits text into runs of letters and digits (Unicode-aware). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of matchesOf(/[\p{L}\p{N}]+/gu, text)) tokens.push({ text: m[0], begin: m.index, end: m.index + m[0].length });
  return tokens;
}

/** Letters and digits only, folded, with the offset in `text` of each kept character. */
export function compact(text: string): { value: string; offsets: number[] } {
  const folded = foldOcr(text);
  let value = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of folded) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      value += ch;
      offsets.push(i);
    }
    i += ch.length;
  }
  return { value, offsets };
}

/** Levenshtein distance, stopping early once above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  return weightedDistance(a, b, max, () => 1);
}

/** Edit distance where replacing `x` by `y` costs `substitution(x, y)` (insertions and deletions cost 1); stops early once above `max`. */
function weightedDistance(a: string, b: string, max: number, substitution: (x: string, y: string) => number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const swap = a[i - 1] === b[j - 1] ? 0 : substitution(a[i - 1], b[j - 1]);
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + swap);
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Characters small text is misread as each other, beyond those {@link foldOcr} folds (compared after
 * folding): a serif `7` read as `T` or `1`, the closed digits `3 5 6 8 9 0` as each other, `0` as `D`
 * or `U`, `4` as `A`; and letters of small serif and narrow faces: `h` as `b` (folded `8`), `e` as `c`,
 * `Y` as `V`.
 */
const SLIPS: string[][] = [['T', '7', '1'], ['3', '5', '6', '8', '9', '0'], ['0', 'D', 'U'], ['4', 'A'], ['H', '8'], ['E', 'C'], ['Y', 'V']];
const slipPairs = new Set(SLIPS.flatMap((group) => group.flatMap((a) => group.filter((b) => b !== a).map((b) => a + b))));

/**
 * Edit distance where swapping two characters OCR confuses in small text ({@link SLIPS}) costs a half:
 * `W1T15280` (read of W1718280, folded) is 1 from it, where an unrelated two-character change is 2.
 * Both strings are expected folded ({@link foldOcr}). Stops early once above `max`.
 */
export function slipDistance(a: string, b: string, max: number): number {
  return weightedDistance(a, b, max, (x, y) => (slipPairs.has(x + y) ? 0.5 : 1));
}

/**
 * Pairs of letters small serif and narrow text is misread as one letter (or the reverse): `rn` as `m`,
 * `cl` as `d`, `vv` as `w`, compared after folding (`cl` folds to `C1`).
 */
const SHAPES: Array<[RegExp, string]> = [[/RN/g, 'M'], [/C1/g, 'D'], [/VV/g, 'W']];

/**
 * A folded word ({@link foldOcr}) with each letter pair small text reads as one letter replaced by that
 * letter: `THORNBURY` and `THOMBURY` are both `THOMBURY`, `CLEMENT` and `DEMENT` both `DEMENT`.
 */
export function shapeFold(folded: string): string {
  let out = folded;
  for (const [pair, letter] of SHAPES) out = out.replace(pair, letter);
  return out;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
