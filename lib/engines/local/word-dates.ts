/**
 * Dates written with a month's name on a screen, whatever the header holds: an earlier exam or a birthday shown as
 * `12. März`, `3. listopadu`, `7 Mar`, `the 14th of June`, `Mar 7`, with or without a year. Safe Harbor removes every
 * element of a date but the year, so a day and a month are PHI on their own. Found by the free-text date shapes
 * (`lib/text/shapes.ts`, English and, from the locales' data, other languages), one definition of a date in words for
 * header text and screens alike; the numeric forms are left to the screen's own date patterns.
 */
import { findShapes, TEXT_SHAPES } from '../../text/shapes.js';
import { CLOCK_TIME_SOURCE } from './phi-patterns.js';

/** The free-text date shapes. */
const DATE_SHAPES = TEXT_SHAPES.filter((s) => s.kind === 'date');

/** A word of three letters or more: a month's name (the numeric forms hold none). */
const MONTH_WORD = /\p{L}{3}/u;

/** One date in words found in a line: its range. */
export interface WordDate {
  begin: number;
  end: number;
}

/**
 * The dates with a month's name in `text` (a day and a month, a month and a year, or all three).
 * @example wordDates('Prior 12. März') // [{ begin: 6, end: 14 }]
 */
export function wordDates(text: string): WordDate[] {
  if (!/\d/.test(text)) return [];
  return findShapes(text, DATE_SHAPES)
    .filter((s) => MONTH_WORD.test(text.slice(s.begin, s.end)))
    .map((s) => ({ begin: s.begin, end: s.begin + withoutClockTime(text.slice(s.begin, s.end)).length }));
}

/** A clock time at the end of a date shape (free text takes it with the date): on a screen it is no element of the date. */
const TRAILING_CLOCK_TIME = new RegExp(`[\\s,]+(?:${CLOCK_TIME_SOURCE})(?:\\s*[AP]\\.?M\\.?)?\\s*$`, 'iu');

function withoutClockTime(date: string): string {
  const time = TRAILING_CLOCK_TIME.exec(date);
  return time ? date.slice(0, time.index) : date;
}
