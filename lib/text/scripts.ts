/**
 * Where a word ends when scripts mix. Han, Kana, Thai, Lao, Khmer and Myanmar text runs its words together without
 * spaces, and Hangul glues particles and honorifics to its words: a character of theirs is never part of a word in
 * another script (`家属Li Wei陪同`: `Li Wei` is a word of its own; `CT胸部`: `CT` is one). The bounds of Latin (and
 * Cyrillic, Greek…) words and numbers therefore see only letters and digits outside these scripts.
 */

/**
 * The scripts written without spaces between words, as code point ranges (regex class body, `u` flag): Thai, Lao,
 * Myanmar, Khmer, CJK radicals and punctuation marks of iteration, Kana, Han (with its extensions and compatibility
 * forms). Ranges, not Unicode script properties: with properties the shapes' module took ~50 ms to load and compile
 * instead of ~16, in every process and worker.
 */
export const CLOSED_UP = '\\u0E00-\\u0EFF\\u1000-\\u109F\\u1780-\\u17FF\\u2E80-\\u2FDF\\u3005-\\u3007\\u3021-\\u3029\\u3040-\\u30FF\\u31F0-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF66-\\uFF9F\\u{20000}-\\u{3FFFF}';
/** Those and Hangul (jamo, compatibility jamo, syllables), which glues particles and honorifics to its words. */
export const UNSPACED = `${CLOSED_UP}\\u1100-\\u11FF\\u3130-\\u318F\\uA960-\\uA97F\\uAC00-\\uD7AF\\uD7B0-\\uD7FF`;

/** A letter or digit of a spaced script (regex source, `u` flag): what a word of Latin letters or digits cannot touch. */
export const WORD_CHAR = `(?:(?![${UNSPACED}])[\\p{L}\\p{N}])`;
/** Not after a letter or digit of a spaced script: where a word begins. */
export const B = `(?<!${WORD_CHAR})`;
/** Not before a letter or digit of a spaced script: where a word ends. */
export const E = `(?!${WORD_CHAR})`;

const WORD_CHAR_RE = new RegExp(`^${WORD_CHAR}$`, 'u');
const UNSPACED_RE = new RegExp(`^[${UNSPACED}]$`, 'u');
const HANGUL_RE = /^[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7FF]$/u;

/** A letter or digit of a spaced script (one code point): ASCII by table, the rest by Unicode property. */
export function isWordChar(c: string | undefined): boolean {
  if (!c) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR_RE.test(c);
}

/** A character of a script written without spaces (Han, Kana, Hangul, Thai…). */
export function isUnspaced(c: string | undefined): boolean {
  return !!c && c.charCodeAt(0) >= 0x0e00 && UNSPACED_RE.test(c);
}

/** A Hangul syllable or letter: Korean words begin after a space, but particles and honorifics follow them unspaced. */
export function isHangul(c: string | undefined): boolean {
  return !!c && c.charCodeAt(0) >= 0x1100 && HANGUL_RE.test(c);
}
