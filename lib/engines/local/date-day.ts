/**
 * The day of a date written with its month name (`10 February 2002`, `3 Mar 1931`), left behind when the day was
 * read apart from the rest (`10.`, `1O`, a column gap) and only the month and year were matched.
 */
import { MONTH_NAMES } from './phi-patterns.js';
import { foldOcr } from './text-fold.js';

const MONTH_START = new RegExp(`^(?:${MONTH_NAMES.join('|')})`);
/** One or two digits (as OCR folds them), an ordinal ending, then up to three spaces, dots, commas or dashes. */
const DAY_BEFORE = /(?<![\p{L}\p{N}])([\p{L}\p{N}]{1,2})(?:ST|ND|RD|TH)?[\s.,-]{0,3}$/u;

/**
 * Where a date hit starting with a month name (`February 2002` at `begin`) begins once the day right before it is
 * taken in: the day's offset, or `begin` when no day of 1 to 31 stands there (`Se 3` is taken: a day is likelier).
 * @example dayBefore('DOB 10. February 2002', 11) // 4
 */
export function dayBefore(text: string, begin: number): number {
  if (!MONTH_START.test(text.slice(begin, begin + 3).toUpperCase())) return begin;
  // A day, an ordinal ending and three separators fit in eight characters; the slice keeps long texts linear.
  const from = Math.max(0, begin - 8);
  const m = DAY_BEFORE.exec(text.slice(from, begin).toUpperCase());
  if (!m || (from + m.index > 0 && /[\p{L}\p{N}]/u.test(text[from + m.index - 1]))) return begin;
  const day = foldOcr(m[1]);
  // At least one real digit: a word folding to digits (`IS`, `SO`) is no day.
  if (!/\d/.test(m[1]) || !/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 31) return begin;
  return from + m.index;
}
