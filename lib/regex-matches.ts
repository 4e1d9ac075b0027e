/**
 * Every match of a global regex, as `text.matchAll(re)` gives them, found by `re` itself. matchAll
 * runs a fresh copy of the regex, and V8 compiles a copy again from scratch once its compilation
 * cache has aged the pattern out (a few full garbage collections, which every image brings): the
 * text checks compiled their patterns again in every file, about 5% of a run's CPU on images. The
 * regex object keeps its compiled code, so this compiles each pattern once.
 */

/**
 * The matches of the global regex `re` in `text`, in order, exactly as `text.matchAll(re)` yields
 * them (from `re.lastIndex`; an empty match steps one character, a code point with `u` or `v`).
 * `re.lastIndex` is left as it was. Throws a TypeError for a regex without `g`, as matchAll does.
 * @example matchesOf(/\d+/g, 'a1 b22').map((m) => m[0]) // ['1', '22']
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global regex (flag g), got /${re.source}/${re.flags}`);
  const start = re.lastIndex;
  const out: RegExpExecArray[] = [];
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push(m);
      if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode || re.flags.includes('v'));
    }
  } finally {
    re.lastIndex = start;
  }
  return out;
}

/** The index after the character at `index` (a whole surrogate pair with `unicode`): the spec's AdvanceStringIndex. */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  return index + ((text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
}
