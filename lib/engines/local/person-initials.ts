/**
 * A header person's initials on a screen: standing as their own word (`TO` for OKAFOR^TUNDE on a top bar after
 * the time or `Op:`), and the one-glyph initial left beside a name part the detector found (`T. Okafor`, `É.`
 * read as `E.` or `£.`). Pure functions over one line's text; phi.ts turns their ranges into findings.
 */
import { onOneLine } from '../../image/boxes.js';
import type { Box } from '../types.js';
import { PARTICLES as NAME_PARTICLES } from '../../text/names.js';
import { DEFAULT_STAFF_ROLES, STAFF_ACTS } from './phi-patterns.js';
import { plainLetter } from './text-fold.js';

/** One person's initials (two or three capitals) as screens print them, with the header attribute they come from. */
export interface PersonInitials {
  letters: string;
  source: string;
}

/** A range of a line's text the caller flags, with the header attribute it belongs to. */
export interface InitialRange {
  begin: number;
  end: number;
  source: string;
}

/**
 * The initials of one person's name parts (family first, as DICOM stores them: `OKAFOR`, `TUNDE`, then a middle
 * name or initial) in the orders screens print them: given and family either way (`TO`, `OT`), and with the middle
 * (`TAO`, `OTA`). Two or three letters, accents dropped.
 * @example personInitials(['HALE', 'KIM', 'E']) // ['KH', 'HK', 'KEH', 'HKE']
 */
export function personInitials(parts: readonly string[]): string[] {
  const letters = parts.filter((p) => /^\p{L}/u.test(p)).map((p) => plainLetter(p[0]));
  if (letters.length < 2) return [];
  const [family, given, middle] = letters;
  const orders = [given + family, family + given];
  if (middle) orders.push(given + middle + family, family + given + middle);
  return [...new Set(orders)];
}

/**
 * A role word written before a name on a screen, with or without its colon (`Op:`, `Sonographer`, `Tech`, `Read by`): the
 * rules' staff roles (upper case), the operator's abbreviations, and the acts before `by`.
 * @example roleBeforeCue(['SONOGRAPHER']).test('SONOGRAPHER: ') // true
 */
export function roleBeforeCue(staffRoles: readonly string[]): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...staffRoles.map((w) => w.toUpperCase()), 'OP', 'OPR', 'OPS'].join('|')}|(?:${STAFF_ACTS.join('|')})\\.?\\s{1,2}BY)\\.?\\s{0,3}[:;]?\\s{0,3}$`,
    'u',
  );
}
const ROLE_BEFORE = roleBeforeCue(DEFAULT_STAFF_ROLES);
/** A clock time right before (`14:22 TO`, `09:05:31  KH`): top bars print the operator after the time. */
const TIME_BEFORE = /(?<![\p{L}\p{N}])\d{1,2}:\d{2}(?::\d{2})?\s{0,6}$/u;

/**
 * A header person's initials standing as their own word: two or three capitals spelling the given and family
 * initials (with the middle one) of a name the header holds. PHI after a cue that a person follows (a role word,
 * `Op:`, a clock time on a top bar); without a cue, three capitals as the whole line unless the word is harmless
 * screen text (`harmless`: a keep-list, view, modality or marker word, or a function word), which stays. `roleBefore`: the
 * role cue of the rules' staff roles ({@link roleBeforeCue}; default: the curated roles).
 */
export function loneInitials(text: string, people: readonly PersonInitials[], harmless: (word: string) => boolean, roleBefore: RegExp = ROLE_BEFORE): InitialRange[] {
  if (people.length === 0) return [];
  const out: InitialRange[] = [];
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  for (const w of words) {
    if (!/^\p{Lu}{2,3}$/u.test(w[0])) continue;
    const person = people.find((p) => p.letters === plainLetter(w[0]));
    if (!person) continue;
    // The last few characters are enough for a cue, and keep long texts linear.
    const before = text.slice(Math.max(0, w.index - 40), w.index).toUpperCase();
    // Without a cue, only three capitals as the whole line: two capitals, among other words or alone, are as often
    // texture read as letters (`bo TA` over a CR frame, `SA` over ultrasound speckle) as initials.
    if (roleBefore.test(before) || TIME_BEFORE.test(before) || (words.length === 1 && w[0].length === 3 && !harmless(w[0]))) out.push({ begin: w.index, end: w.index + w[0].length, source: person.source });
  }
  return out;
}

/**
 * Particles of family names that may stand between a given initial and the family name (`van den`, `de la`, `al`): the
 * free-text name finder's, in letters, and a few more a screen may print between them (`vom`, `du`, `des`, `zu`, `y`).
 */
const PARTICLES = [...[...NAME_PARTICLES].filter((p) => /^\p{L}+$/u.test(p)), 'vom', 'du', 'des', 'dei', 'ten', 'zu', 'y'].join('|');
/** An initial at the end of the text before a name part, and the particles between them (group 3). */
const INITIAL_BEFORE = new RegExp(`(?<!\\S)([^\\s\\p{N}]|[0158](?=\\.))(\\.?)[\\s,]{0,2}((?:(?:${PARTICLES})\\s{1,2}){0,3})$`, 'iu');

/**
 * The one-glyph initial beside a name part found on the line (`names`: the parts' ranges): any letter, accented or
 * not, or a mark or digit OCR made of one (`£.`, `€.`, `1.`), with its dot, right before the part (`T. Okafor`, `£. Marchetti`) or
 * after it (`Okafor, T.`). A letter without a dot counts before the part only (`T Okafor`); after it a bare letter is
 * more likely the sex (`OKAFOR M`), which the caller's own initials test judges.
 */
export function initialsBesideNames(text: string, names: readonly InitialRange[]): InitialRange[] {
  const out: InitialRange[] = [];
  for (const n of names) {
    const from = Math.max(0, n.begin - 24);
    // A digit counts only as OCR's look-alike of a letter, with its dot (`1. Eze` for T. or I. Eze); name particles may
    // stand between the initial and the part (`F. van den Akker`).
    const before = INITIAL_BEFORE.exec(text.slice(from, n.begin));
    // Only from the line's start or a space (the slice cuts the look-behind's view).
    // Across particles only with its dot (`R de la Roche` may be a marker before the name).
    const dotted = before?.[2] === '.';
    if (before && (from + before.index === 0 || /\s/.test(text[from + before.index - 1])) && (dotted || (/\p{L}/u.test(before[1]) && before[3] === '')) && !/[([{<]/.test(before[1])) {
      out.push({ begin: from + before.index, end: from + before.index + 1 + before[2].length, source: n.source });
    }
    const after = /^[\s,]{1,2}([^\s\p{N}])\.(?!\S)/u.exec(text.slice(n.end, n.end + 8));
    if (after) {
      const at = n.end + after[0].length - 2;
      out.push({ begin: at, end: at + 2, source: n.source });
    }
  }
  return out.filter((r) => !names.some((n) => r.begin >= n.begin && r.end <= n.end));
}

/**
 * OCR lines that hold only a one-glyph initial (`T.`, `£.`, `É`) standing within two glyph heights of a name part's
 * box on the same row (`names`), before or after it: the initial OCR read apart from the name (`T.` and `Okafor` as
 * two lines). Returns each such line's index in `lines` and the index in `names` of the name beside it.
 */
export function initialLinesBesideNames(lines: ReadonlyArray<{ text: string; box?: Box }>, names: readonly Box[]): Array<{ line: number; name: number }> {
  const out: Array<{ line: number; name: number }> = [];
  lines.forEach((line, i) => {
    const b = line.box;
    const text = line.text.trim();
    if (!b || !/^[^\s\p{N}]\.?$/u.test(text) || /^[([{<|/\\-]/.test(text)) return;
    const name = names.findIndex((n) => {
      if (!onOneLine(b, n)) return false;
      const reach = 2 * Math.max(b.height, n.height);
      const gapBefore = n.left - (b.left + b.width);
      const gapAfter = b.left - (n.left + n.width);
      return (gapBefore >= -1 && gapBefore <= reach) || (gapAfter >= -1 && gapAfter <= reach && text.endsWith('.'));
    });
    if (name >= 0) out.push({ line: i, name });
  });
  return out;
}
