/**
 * Dates written in the words of other languages (`14 de junho de 2021`, `2021. június 14.`, `14 czerwca 2021`,
 * `14 มิถุนายน 2564`, `2021年6月14日`, `ngày 14 tháng 6 năm 2021`, `14-VI-2021`), found from the locale data Node
 * ships (lib/text/locale-data.ts), not from a list of examples. A day and month without a year are a date too (Safe
 * Harbor C: every element of a date but the year).
 *
 * Month names are found as words (one linear pass over the text's words and a map lookup), then the digits around
 * them are checked: a day of 1 to 31 and a year a calendar of the locales writes. A month name that is also an English
 * or medical word (`set`, `out`, `lip`, `led`, `mag`: Portuguese, Polish, Czech, Italian months) counts only in a
 * whole date, day and year beside it (`10 out 2021`, never `10 out of 12`). English month names are left to the
 * English shapes (lib/text/shapes.ts).
 */
import { englishWords, medicalTerms } from './lexicons.js';
import { anyCaseSource, asciiDigits, calendarYearOffsets, codePoints, dateConnectorWords, foldWord, monthWords, numericDateForms } from './locale-data.js';
import type { TextShape } from './text-shape.js';
import { matchesOf } from '../regex-matches.js';

/** A span of text found. */
interface Found {
  begin: number;
  end: number;
}

/** English month names and their shortenings, which the English date shapes find. */
const ENGLISH_MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
/** A word, with the full stops inside and after a shortened month (`jun.`, Thai `มิ.ย.`). */
const WORD = /[\p{L}\p{M}]+(?:\.[\p{L}\p{M}]+){0,3}\.?/gu;
const ANY_DIGIT = /\p{Nd}/u;
const SPACE = '[\\s\\u00a0]';


/** A year a calendar of the locales writes for 1850 to 2100 (Gregorian, Thai Buddhist…). */
function plausibleYear(digits: string): boolean {
  const year = Number(asciiDigits(digits));
  return calendarYearOffsets().some((offset) => year - offset >= 1850 && year - offset <= 2100);
}
const plausibleDay = (digits: string) => {
  const day = Number(asciiDigits(digits));
  return day >= 1 && day <= 31;
};

interface Context {
  dayBefore: RegExp;
  yearBefore: RegExp;
  dayAfter: RegExp;
  yearAfter: RegExp;
}
let context: Context | undefined;
/** The checks of the digits around a month name, built once from the locales' connector words. */
function contextPatterns(): Context {
  if (context) return context;
  const words = `(?:${[...dateConnectorWords(), 'of'].map(anyCaseSource).join('|')})`;
  // `14 `, `14. `, `14 de `, `14-`, `14º de `: a day before the month name, the name right after.
  const dayBefore = new RegExp(`(?<![\\p{L}\\p{N}.,:/-])(\\d{1,2})(?:\\.|º|ª|°|er)?${SPACE}{0,3}(?:[-/.]${SPACE}{0,2})?(?:${words}\\.?${SPACE}{1,3})?$`, 'u');
  // `2021. `, `2021 m. `, `2021. gada `: a year before (Hungarian, Lithuanian, Latvian order).
  const yearBefore = new RegExp(`(?<![\\p{L}\\p{N}.,:/-])(\\d{4})\\.?${SPACE}{0,3}(?:${words}\\.?${SPACE}{1,3})?$`, 'u');
  // ` 14`, ` 14.`, ` 14 d.`, ` 14, 2021`: a day after the month name, a year may follow.
  const dayAfter = new RegExp(`^${SPACE}{0,3}[-/.]?${SPACE}{0,2}(\\d{1,2})(?:[sS][tT]|[nNrR][dD]|[tT][hH]|\\.)?(?![\\p{L}\\p{N}])(?:${SPACE}{0,2}${words}\\.)?(?:,?${SPACE}{0,3}(\\d{4})(?![\\p{L}\\p{N}]|[.,/:-]\\d))?`, 'u');
  // ` 2021`, ` de 2021`, `, 2021 г.`: a year after.
  const yearAfter = new RegExp(`^${SPACE}{0,3}[-/.,]?${SPACE}{0,3}(?:${words}${SPACE}{1,3})?(\\d{4})(?![\\p{L}\\p{N}]|[.,/:-]\\d)(?:${SPACE}{0,2}${words}\\.(?![\\p{L}\\p{N}]))?`, 'u');
  context = { dayBefore, yearBefore, dayAfter, yearAfter };
  return context;
}

let prefixes: string[] | undefined;
/** Connector words of one letter outside the Latin script, which the locale writes joined to the month name (Hebrew `ב`). */
function gluedPrefixes(): string[] {
  prefixes ??= dateConnectorWords().filter((w) => codePoints(w) === 1 && !/\p{Script=Latin}/u.test(w) && /[\p{Script=Hebrew}\p{Script=Arabic}]/u.test(w));
  return prefixes;
}

/**
 * A digit within reach of a word (12 characters before it, 12 after: `2021 m. birželio`, `14 de junho`): most words of
 * a text have none, and are neither folded nor looked up.
 */
function digitNear(text: string, begin: number, end: number): boolean {
  for (let i = Math.max(0, begin - 12); i < begin; i++) if (isDigit(text.charCodeAt(i))) return true;
  for (let i = end, stop = Math.min(text.length, end + 12); i < stop; i++) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}
const isDigit = (code: number) => code >= 48 && code <= 57;

/** A name of three letters or fewer in the Latin script (`elb`, `sie`, `mai`). */
const shortLatin = (word: string) => /^\p{Script=Latin}{1,3}\.?$/u.test(word);

/** A month name that is also an English or medical word, or one or two letters: a date only with a day and a year. */
function clashes(word: string): boolean {
  const bare = word.replace(/\./g, '');
  if (codePoints(bare) <= 2) return true;
  if (!/^[\p{Script=Latin}]+$/u.test(bare)) return false;
  return englishWords().has(bare) || medicalTerms().common(bare);
}

/**
 * Dates around month names of the locales: the spans, from the first digit or word of the date to its last. The
 * patterns run on the text with its digits in ASCII (same indices).
 */
function findMonthDates(original: string): Found[] {
  if (!ANY_DIGIT.test(original)) return [];
  const text = asciiDigits(original);
  const names = monthWords();
  const { dayBefore, yearBefore, dayAfter, yearAfter } = contextPatterns();
  const out: Found[] = [];
  const glued = gluedPrefixes();
  for (const m of matchesOf(WORD, text)) {
    if (!digitNear(text, m.index, m.index + m[0].length)) continue;
    let word = foldWord(m[0]);
    // Hebrew writes `in` into the month's name (`ב` + `יוני`): the name without it.
    if (!names.has(word)) {
      const prefix = glued.find((g) => word.startsWith(g) && names.has(word.slice(g.length)));
      if (prefix) word = word.slice(prefix.length);
    }
    if (!names.has(word) || ENGLISH_MONTH.test(word)) continue;
    const begin = m.index;
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(0, begin - 24), begin);
    const after = text.slice(end, end + 32);
    let from = -1;
    let to = -1;
    let day = false;
    let year = false;
    const d = dayBefore.exec(before);
    if (d && plausibleDay(d[1])) {
      from = begin - d[0].length;
      to = end;
      day = true;
      const y = yearAfter.exec(after);
      if (y && plausibleYear(y[1])) {
        to = end + y[0].length;
        year = true;
      } else {
        const yb = yearBefore.exec(text.slice(Math.max(0, from - 20), from));
        if (yb && plausibleYear(yb[1])) {
          from -= yb[0].length;
          year = true;
        }
      }
    } else {
      const da = dayAfter.exec(after);
      const yb = yearBefore.exec(before);
      if (da && plausibleDay(da[1])) {
        from = begin;
        to = end + da[0].length;
        day = true;
        const yearAfterDay = da[2] as string | undefined;
        if (yearAfterDay !== undefined) year = plausibleYear(yearAfterDay);
        if (!year && yb && plausibleYear(yb[1])) {
          from = begin - yb[0].length;
          year = true;
        }
      } else {
        const y = yearAfter.exec(after);
        if (y && plausibleYear(y[1])) {
          from = begin;
          to = end + y[0].length;
          year = true;
        } else if (yb && plausibleYear(yb[1])) {
          from = begin - yb[0].length;
          to = end;
          year = true;
        }
      }
    }
    // A whole date is a date whatever the name; the word lists are asked only about a part of one. A Latin name of three
    // letters or fewer (`elb`, `kol`, `sie`: shortenings, and letters clinical English writes) needs the whole date too,
    // or a day written as an ordinal before it (`12. Mai`).
    if (from < 0) continue;
    if (!(day && year) && (clashes(word) || (shortLatin(word) && !(d && d[0].includes('.'))))) continue;
    out.push({ begin: from, end: trimEnd(text, from, to) });
  }
  return out;
}

/** The end of a span without the spaces and commas it took after the date. */
function trimEnd(text: string, begin: number, end: number): number {
  let e = end;
  while (e > begin && /[\s\u00a0,]/.test(text[e - 1])) e--;
  return e;
}

/** Roman months between a day and a year (`14-VI-2021`, `14.VI.2021`, `14 VI 2021`), in capitals. */
const ROMAN_DATE = /(?<![\p{L}\p{N}.,/-])(\d{1,2})(?:([./-])(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\2|\s(?:XII|XI|IX|VIII|VII|VI|IV|III|II)\s)(\d{4})(?![\p{L}\p{N}]|[.,/-]\d)/gu;

function findRomanDates(original: string): Found[] {
  if (!original.includes('I') && !original.includes('V') && !original.includes('X')) return [];
  const text = asciiDigits(original);
  return matchesOf(ROMAN_DATE, text)
    .filter((m) => plausibleDay(m[1]) && plausibleYear(m[3]))
    .map((m) => ({ begin: m.index, end: m.index + m[0].length }));
}

let numericPattern: RegExp | undefined;
/** One alternation of the locales' numeric forms with words (see {@link numericDateForms}), named groups per form. */
export function numericDatePattern(): RegExp {
  if (numericPattern) return numericPattern;
  const sources = numericDateForms().map(({ parts, unitWords }) => {
    const unit = unitWords.length ? `(?:(?:${unitWords.map(anyCaseSource).join('|')})${SPACE}{0,2})?` : '';
    let source = parts[0].kind === 'day' || parts[0].kind === 'year' ? unit : '';
    for (const part of parts) {
      if (part.kind === 'day' || part.kind === 'month') source += '\\d{1,2}';
      else if (part.kind === 'year') source += '\\d{4}';
      else {
        // Letters as written (any case); spaces and punctuation flexible; before a number, the unit words may stand.
        const pieces = part.text.split(/([\p{L}\p{M}]+)/u).filter(Boolean);
        for (const piece of pieces) source += /[\p{L}\p{M}]/u.test(piece) ? anyCaseSource(piece) : `[\\s\\u00a0,./-]{0,3}`;
        if (!/[\p{L}\p{M}]/u.test(part.text)) source += unit;
        else source += `${SPACE}{0,2}`;
      }
    }
    return source;
  });
  const unique = [...new Set(sources)].sort((a, b) => b.length - a.length);
  numericPattern = new RegExp(`(?<![\\p{L}\\d])(?:${unique.join('|')})(?!\\d)`, 'gu');
  return numericPattern;
}

/** Text that is not only ASCII: the numeric forms with words all have a letter outside it. */
const NOT_ASCII = /[\u0080-\uffff]/;

function findNumericDates(original: string): Found[] {
  if (!NOT_ASCII.test(original) || !ANY_DIGIT.test(original)) return [];
  const text = asciiDigits(original);
  const out: Found[] = [];
  for (const m of matchesOf(numericDatePattern(), text)) {
    const numbers = m[0].match(/\d+/g) ?? [];
    const long = numbers.filter((n) => n.length === 4);
    const short = numbers.filter((n) => n.length <= 2).map(Number);
    if (long.some((y) => !plausibleYear(y))) continue;
    if (short.length === 0 || short.some((n) => n < 1 || n > 31) || !short.some((n) => n <= 12)) continue;
    out.push({ begin: m.index, end: trimEnd(text, m.index, m.index + m[0].length) });
  }
  return out;
}

/** Dates in the words of other languages: month names, Roman months, numeric forms with words (see the file's comment). */
export const LOCALE_DATE_SHAPE: TextShape = {
  kind: 'date',
  category: 'C',
  find: (text) => [...findMonthDates(text), ...findRomanDates(text), ...findNumericDates(text)],
};
