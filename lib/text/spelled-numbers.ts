/**
 * Numbers of 90 to 130 spelled in words of other languages, found in text (`novantacinque anni`, `noventa y cuatro
 * años`, `quatre vingt quinze ans`, `fünfundneunzigjährige`): the spellings of `lib/text/spelled-number-forms.ts`, compared
 * folded (case and Latin, Greek and Cyrillic accents aside) and with or without the spaces, hyphens and apostrophes
 * between their words (`nitti-to`, `nittito`, `nitti to`). One walk of a letter tree from each word's start, so the
 * search is linear in the text's length.
 */
import { foldWord, spelledNumbers } from './locale-data.js';
import { isUnspaced } from './scripts.js';

/** A spelled number found: where, and its value. */
export interface SpelledNumber {
  begin: number;
  end: number;
  value: number;
}

interface Node {
  next: Map<string, Node>;
  value?: number;
}

/** Marks between the words of a number, skipped (at most two in a row: `quatre-vingt-quinze`, `noventa y cuatro`). */
const GAPS: ReadonlySet<string> = new Set([' ', '\u00a0', '\t', '\n', '\r', '-', '‐', "'", '’']);
const LETTER = /[\p{L}\p{M}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** A letter or mark (ASCII letters without a regex: most of a text). */
function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return ((code | 32) >= 97 && (code | 32) <= 122);
  return LETTER.test(c);
}
/** A letter, mark or digit. */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return ((code | 32) >= 97 && (code | 32) <= 122) || (code >= 48 && code <= 57);
  return WORD_CHAR.test(c);
}

const folded = new Map<string, string>();
/** One character as the tree holds it: folded, or '' for a mark the fold removes (an accent written apart). */
function foldChar(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    f = foldWord(c);
    if (folded.size < 65536) folded.set(c, f);
  }
  return f;
}

let root: Node | undefined;
/** The letter tree of every spelling, its gaps left out. */
function tree(): Node {
  if (root) return root;
  root = { next: new Map() };
  for (const [form, value] of spelledNumbers()) {
    let node = root;
    for (const c of form) {
      if (GAPS.has(c)) continue;
      for (const f of foldChar(c)) {
        let child = node.next.get(f);
        if (!child) node.next.set(f, (child = { next: new Map() }));
        node = child;
      }
    }
    node.value ??= value;
  }
  return root;
}

/**
 * The spelled numbers of a text: at each word's start (anywhere in a script written without spaces), the longest
 * spelling that ends its word, or that a word for years joined to it ends (`fünfundneunzigjährige`,
 * `yhdeksänkymmentäkaksivuotias`: `joinedUnit` says which letters are one).
 * @param joinedUnit whether the letters after a spelling, to the end of the word, are a unit joined to the number (default: never)
 * @example findSpelledNumbers('Paziente di novantacinque anni').map((n) => n.value) // [95]
 */
export function findSpelledNumbers(text: string, joinedUnit: (rest: string) => boolean = () => false): SpelledNumber[] {
  const top = tree();
  const out: SpelledNumber[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // At a word's start only (anywhere in a script without spaces), and where some spelling begins.
    if (!isLetter(c) || (i > 0 && isWordChar(text[i - 1]) && !isUnspaced(c)) || !top.next.has(foldChar(c).charAt(0))) continue;
    let node: Node = top;
    let best: SpelledNumber | undefined;
    let gaps = 0;
    for (let p = i; p < text.length; p++) {
      const ch = text[p];
      if (GAPS.has(ch)) {
        if (++gaps > 2) break;
        continue;
      }
      gaps = 0;
      let child: Node | undefined = node;
      for (const f of foldChar(ch)) child = child?.next.get(f);
      if (!child) break;
      node = child;
      if (node.value === undefined) continue;
      const end = p + 1;
      const after = text.charAt(end);
      if (after === '' || !isLetter(after) || isUnspaced(after) || joinedUnit(/^[\p{L}\p{M}]*/u.exec(text.slice(end, end + 30))?.[0] ?? '')) best = { begin: i, end, value: node.value };
    }
    if (best) {
      out.push(best);
      i = best.end - 1;
    }
  }
  return out;
}
