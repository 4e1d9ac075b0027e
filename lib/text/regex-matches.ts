/**
 * Matches of a native (V8) global regex without `String.prototype.matchAll`: matchAll clones its
 * regex on every call, and V8 compiles a clone again whenever its regex cache has dropped the
 * pattern (garbage collections age it out). Over a header-mode run that recompiling of the text
 * patterns took ~4% of the CPU; searching with the regex itself compiles it once.
 */

/**
 * Every match of the global regex `re` in `text`, in order, as `text.matchAll(re)` gives them from
 * `lastIndex` 0 (an empty match moves on by one character, by one code point with the `u` or `v` flag).
 * The matches are all collected before it returns, so no caller's code runs between two searches and
 * `re` can be shared by every caller; its `lastIndex` is 0 afterwards.
 *
 * @example matchesOf(/\d+/g, 'a1b22').map((m) => m[0]) // ['1', '22']
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global regex, not /${re.source}/${re.flags}`);
  const matches: RegExpExecArray[] = [];
  re.lastIndex = 0;
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      matches.push(m);
      if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, /[uv]/.test(re.flags));
    }
  } finally {
    re.lastIndex = 0;
  }
  return matches;
}

/** The index after the character at `index` (a whole surrogate pair when `unicode`): ECMAScript's AdvanceStringIndex. */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}
