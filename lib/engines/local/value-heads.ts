/**
 * A free-text header value (an institution's name) cut short by the field that prints it: `ECHE` for Echeverria Norte
 * Clinic, `ST ELSP` for St Elspeth Moor Hospital. The line holds the value's head and nothing else, into its first
 * distinctive word far enough that the cut names the place. Pure functions over OCR-folded compact text (letters and
 * digits only, see `compact` in text-fold.ts); phi.ts builds the heads from the header and turns a match into a finding.
 */
import { compact } from './text-fold.js';

/** Letters of the first distinctive word a cut must keep: fewer name no one (`EC`, `ST EL`). */
const DISTINCT_LETTERS = 4;

/** One value's head: the value compact and folded, and how many of its characters a cut must keep. */
export interface ValueHead {
  folded: string;
  least: number;
}

/**
 * The head of a value of `words` (`distinct`: the word names the place, not its kind or a connective), or undefined when
 * no word is distinctive. The cut must reach {@link DISTINCT_LETTERS} letters into the first distinctive word.
 * @example valueHead(['St', 'Elspeth', 'Moor', 'Hospital'], (w) => w.length >= 4 && w !== 'Hospital') // { folded: 'STELSPETHMOORHOSPITAL', least: 6 }
 */
export function valueHead(words: readonly string[], distinct: (word: string) => boolean): ValueHead | undefined {
  let at = 0;
  for (const w of words) {
    const c = compact(w).value;
    if (distinct(w) && c.length >= DISTINCT_LETTERS) return { folded: words.map((x) => compact(x).value).join(''), least: at + DISTINCT_LETTERS };
    at += c.length;
  }
  return undefined;
}

/**
 * True when the whole of `text` (a line of OCR) is a head of `head`'s value cut short: as long as its least cut or longer,
 * shorter than the value, and the value starts with it.
 * @example isValueHead('ECHE', { folded: 'ECHEVERRIANORTECLINIC', least: 4 }) // true
 */
export function isValueHead(text: string, head: ValueHead): boolean {
  const c = compact(text).value;
  return c.length >= head.least && c.length < head.folded.length && head.folded.startsWith(c);
}
