/**
 * Finds a file's own identifying values (names, dates, addresses, IDs in their text forms) in free
 * text, without compiling a regular expression per file. It matches exactly what the alternation
 * `(?<![\p{L}\p{N}])(?:term1|term2|…)(?![\p{L}\p{N}])` (flags `giu`) matched, where in each term a
 * space run or a comma became `[\s^,]{1,3}` and a period before a space `\.?[\s^,]{1,3}`: the
 * leftmost match first, at each place the first term (in the order given) that matches, then on
 * after it. Irregexp took ~25 ms to compile that alternation for each file; this takes none.
 * Letters compare by their case-folded forms, as the `i` flag does (a few more fold: the dotless ı
 * also matches i; it may find more, never less). The bounds are those of mixed scripts (`lib/text/scripts.ts`): a
 * Han, Kana or Thai character never blocks a term (`患者王秀兰今日复查`, `家属Li Wei陪同`); a Hangul term needs no
 * Hangul before it but takes the particles and honorifics glued after it (`김민지님`, `김민지가`).
 */
import { boundedMemo } from '../bounded-memo.js';
import { matchesOf } from '../regex-matches.js';
import { isHangul, isUnspaced, isWordChar } from './scripts.js';

/** One term to find, and what it counts as. */
export interface Term<C extends string = string> {
  term: string;
  category: C;
}

/** A place where a term was found. */
export interface TermMatch<C extends string = string> {
  begin: number;
  end: number;
  category: C;
}

/** Matches of one category at a time, as separate alternations did (matches of two categories may overlap). */
export interface TermMatcher<C extends string = string> {
  findAll(text: string): Array<TermMatch<C>>;
}

type Unit =
  /** One code point, compared case-folded. */
  | { kind: 'char'; folded: string }
  /** `[\s^,]{1,3}`, or with `dot` `\.?[\s^,]{1,3}`. */
  | { kind: 'gap'; dot: boolean };

const GAP_CHAR = /[\s^,]/;
const GAP_IN_TERM = /\.?\s+|,\s*/g;

const folds = new Map<string, string>();
/** A code point's case-folded form: upper then lower case, when that keeps it one code point. */
function fold(c: string): string {
  let f = folds.get(c);
  if (f === undefined) {
    const upper = c.toUpperCase();
    const viaUpper = [...upper].length === 1 ? upper.toLowerCase() : '';
    const lower = c.toLowerCase();
    f = [...viaUpper].length === 1 ? viaUpper : [...lower].length === 1 ? lower : c;
    if (folds.size < 65536) folds.set(c, f);
  }
  return f;
}

/** One unit per folded character, shared by every term (units are never changed). */
const charUnits = new Map<string, Unit>();
function charUnit(c: string): Unit {
  const folded = fold(c);
  let unit = charUnits.get(folded);
  if (!unit) {
    unit = { kind: 'char', folded };
    if (charUnits.size < 65536) charUnits.set(folded, unit);
  }
  return unit;
}
const GAP: Unit = { kind: 'gap', dot: false };
const DOT_GAP: Unit = { kind: 'gap', dot: true };

/** A term's units and its place in the list it was given in. */
interface TermEntry {
  units: readonly Unit[];
  order: number;
}

/**
 * The units of a term: its characters, with space runs and commas as gaps. Remembered (a file's terms are mostly
 * those of the file before it: the same patient, physicians and institution); shared, never changed. 4,096
 * terms (~1 MB): 20,000 held ~5 MB on 1,000 header files for 0.4% of the run's CPU.
 */
function unitsOf(term: string): readonly Unit[] {
  return knownUnits(term, () => unitsOfUncached(term));
}
const knownUnits = boundedMemo<string, readonly Unit[]>(4096);

function unitsOfUncached(term: string): Unit[] {
  const units: Unit[] = [];
  let at = 0;
  for (const m of matchesOf(GAP_IN_TERM, term)) {
    for (const c of term.slice(at, m.index)) units.push(charUnit(c));
    units.push(m[0].startsWith('.') ? DOT_GAP : GAP);
    at = m.index + m[0].length;
  }
  for (const c of term.slice(at)) units.push(charUnit(c));
  return units;
}

/** The code point starting at `i` (one or two UTF-16 units). */
function codePointAt(text: string, i: number): string {
  const c = text.codePointAt(i);
  return c === undefined ? '' : String.fromCodePoint(c);
}

/** The code point ending just before `i`. */
function codePointBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (i >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** Whether a term may not begin between `before` and `first`: after a spaced script's letter or digit (unless the term is in an unspaced script), or between two Hangul characters. */
function joined(before: string, first: string): boolean {
  if (before === '') return false;
  return isWordChar(before) ? !isUnspaced(first) : isHangul(before) && isHangul(first);
}

/** Where `units[u..]` ends when matched at `pos` (then no letter or number may follow), or -1; greedy, with backtracking. */
function matchFrom(text: string, units: readonly Unit[], u: number, pos: number): number {
  if (u === units.length) return isWordChar(codePointAt(text, pos)) && !isUnspaced(codePointBefore(text, pos)) ? -1 : pos;
  const unit = units[u];
  if (unit.kind === 'char') {
    const c = codePointAt(text, pos);
    if (c === '' || fold(c) !== unit.folded) return -1;
    return matchFrom(text, units, u + 1, pos + c.length);
  }
  const starts = unit.dot && text[pos] === '.' ? [pos + 1, pos] : [pos];
  for (const start of starts) {
    let run = 0;
    while (run < 3 && start + run < text.length && GAP_CHAR.test(text[start + run])) run++;
    for (let n = run; n >= 1; n--) {
      const end = matchFrom(text, units, u + 1, start + n);
      if (end >= 0) return end;
    }
  }
  return -1;
}

/**
 * Compiles terms for {@link TermMatcher.findAll}. Terms keep their order within their category
 * (put longer ones first, as an alternation would have them).
 */
export function compileTerms<C extends string>(terms: ReadonlyArray<Term<C>>): TermMatcher<C> {
  const byCategory = new Map<C, TermEntry[]>();
  terms.forEach(({ term, category }, order) => {
    const units = unitsOf(term);
    if (units.length === 0) return;
    const list = byCategory.get(category);
    if (list) list.push({ units, order });
    else byCategory.set(category, [{ units, order }]);
  });
  // Per category: the terms by their first folded character (in order); those starting with a gap try everywhere.
  const indexes = [...byCategory].map(([category, list]) => {
    const byFirst = new Map<string, TermEntry[]>();
    const anywhere: TermEntry[] = [];
    for (const entry of list) {
      const first = entry.units[0];
      if (first.kind === 'char') {
        const same = byFirst.get(first.folded);
        if (same) same.push(entry);
        else byFirst.set(first.folded, [entry]);
      } else anywhere.push(entry);
    }
    return { category, byFirst, anywhere };
  });
  return {
    findAll(text) {
      const out: Array<TermMatch<C>> = [];
      // The code point at each place and its folded form, read once for all the categories (each walks the text).
      const points: string[] = [];
      const folded: string[] = [];
      for (const { category, byFirst, anywhere } of indexes) {
        for (let pos = 0; pos < text.length; ) {
          const c = (points[pos] ??= codePointAt(text, pos));
          let end = -1;
          // Only where some term may begin (a term's first character, or a term that begins with a gap)
          // is the character before looked at: most places begin none.
          let candidates = byFirst.get((folded[pos] ??= fold(c)));
          if ((candidates || anywhere.length) && !joined(codePointBefore(text, pos), c)) {
            candidates ??= [];
            if (anywhere.length) candidates = [...candidates, ...anywhere].sort((a, b) => a.order - b.order);
            for (const { units } of candidates) {
              end = matchFrom(text, units, 0, pos);
              if (end >= 0) break;
            }
          }
          if (end > pos) {
            out.push({ begin: pos, end, category });
            pos = end;
          } else pos += c.length || 1;
        }
      }
      return out;
    },
  };
}
