/**
 * Words of dates and ages in many languages, read from the locale data (CLDR, through ICU) that Node ships, once per
 * process and only when first asked: month names (long and short, as written with a day and alone), the numeric date
 * forms whose parts carry words (`2021年6月14日`, `2021년 6월 14일`, `14 tháng 6, 2021`), the year offsets of the
 * calendars some locales write (Thai Buddhist), the words of the unit year in every plural form (`lat`, `let`, `года`,
 * `ετών`…), and the digits of every numbering system (`٩٢`, `९२`, `๙๒`, `９２`). Nothing here is a hand-kept list of
 * month names: a language CLDR covers is covered. Beside them, from n2words, the numbers of an age over 89 spelled in
 * words (`lib/text/spelled-number-forms.ts`).
 */

import { readFileSync } from 'node:fs';
import { MORE_MONTH_FORMS } from './month-forms.js';
import { readSpelledNumbers, spelledNumbersVersion } from './spelled-number-forms.js';

/**
 * The languages asked for: those of Europe, the Americas, East, South and South-East Asia, the Middle East and Africa
 * that CLDR covers with full date and unit data (a region's variants share their month names).
 */
export const LOCALES: readonly string[] = (
  'af am ar az be bg bn bs ca cs cy da de el en es et eu fa fi fil fr ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ky ' +
  'lo lt lv mk ml mn mr ms mt my nb ne nl nn pa pl ps pt ro ru si sk sl sq sr sr-Latn sv sw ta te th tr uk ur uz vi zh zh-Hant ' +
  'lb fo rm hsb gd br eo ha yo ig zu xh so ti om'
).split(' ');

/**
 * Folds a word as the kit compares words: lower case, the Latin, Greek and Cyrillic accents removed (`Červen` →
 * `cerven`, `Ιουνίου` → `ιουνιου`), a final full stop dropped. The marks of other scripts stay: they are letters there.
 */
export function foldWord(word: string): string {
  if (/^[\x20-\x7e]*$/.test(word)) return word.toLowerCase().replace(/\.$/, '');
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\.$/, '');
}

/** The number of code points of a text (`岁` 1, `𝟗` 1). */
export const codePoints = (text: string): number => text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;

/** The other case of a letter that has one of one code point (`á` → `Á`, `T` → `t`), else '' (`ß`, whose capital is `SS`). */
function otherCase(c: string): string {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  if (lower === upper || codePoints(lower) !== 1 || codePoints(upper) !== 1) return '';
  return c === lower ? upper : lower;
}

/**
 * A regex source whose cased letters match in either case (`licen[cs]e\s{1,2}plate` → `[lL][iI]…[cC][eE][nN][csCS]…`),
 * for a pattern compiled without `i`: escapes stay, and a class takes the other case of its letters (no ranges in it).
 * V8 compiles a pattern with the flags `iu` and digit classes of every script (`\p{Nd}`) very slowly (some ten
 * milliseconds a class), and a pattern may need case elsewhere (a plate in capitals after a label in any case).
 */
export function anyCasePattern(source: string): string {
  const chars = Array.from(source); // by code point: a cased letter may lie outside the BMP
  let out = '';
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k];
    if (c === '\\') out += c + chars[++k];
    else if (c === '[') {
      const close = chars.indexOf(']', k);
      const body = chars.slice(k + 1, close);
      out += `[${body.join('')}${body.map(otherCase).join('')}]`;
      k = close;
    } else {
      const other = otherCase(c);
      out += other ? `[${c === c.toLowerCase() ? c + other : other + c}]` : c;
    }
  }
  return out;
}

/** Regex source matching the text in any case, each cased letter as a class of its two forms (`Tháng` → `[tT]h[áÁ]ng`). */
export function anyCaseSource(text: string): string {
  return anyCasePattern(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
}

const supported = (locales: readonly string[]): string[] => Intl.DateTimeFormat.supportedLocalesOf([...locales]);

/** One part of a numeric date form: a number, or words written between numbers. */
export type DatePart = { kind: 'day' } | { kind: 'month' } | { kind: 'year' } | { kind: 'words'; text: string };

/** A numeric date form whose numbers carry words, and the words of its locales for the units day and year. */
export interface NumericDateForm {
  parts: DatePart[];
  /** `ngày`, `năm`: written before a day or a year (`ngày 14 tháng 6 năm 2021`) where the form puts punctuation. */
  unitWords: string[];
}

/** Everything read from the locale data, in one plain object. */
export interface LocaleTables {
  /** Folded month names and their month (1–12). */
  months: Array<[string, number]>;
  connectors: string[];
  numericForms: NumericDateForm[];
  yearOffsets: number[];
  yearUnits: string[];
  /** Digits of other numbering systems and their values. */
  digits: Array<[string, number]>;
  /** Numbers of 90 to 130 spelled in words of other languages, and their values (`lib/text/spelled-number-forms.ts`). */
  spelledNumbers: Array<[string, number]>;
}

const SAMPLE_YEAR = 2021;
const sampleDate = (month: number) => new Date(Date.UTC(SAMPLE_YEAR, month, 14));
const hasDigit = (s: string) => /\p{Nd}/u.test(s);

/** Numbers as parts, words as words; a month written with words (`tháng 6`, `6월`) split into both. */
function datePartsOf(parts: Intl.DateTimeFormatPart[]): DatePart[] {
  const form: DatePart[] = [];
  for (const p of parts) {
    if (p.type === 'day' || p.type === 'year') form.push({ kind: p.type });
    else if (p.type === 'month') {
      const pieces = p.value.split(/\p{Nd}+/u);
      const after = pieces.length > 1 ? pieces[1] : '';
      if (pieces[0].trim()) form.push({ kind: 'words', text: pieces[0] });
      form.push({ kind: 'month' });
      if (after.trim()) form.push({ kind: 'words', text: after });
    } else if (p.type === 'literal') form.push({ kind: 'words', text: p.value });
  }
  return form;
}

/**
 * A form without its day or its year: the number, the words run onto it (`2021年`, `14일`), and the separator on the
 * side of the rest (`2021年6月14日` → `6月14日` and `2021年6月`).
 */
function withoutPart(form: DatePart[], kind: 'day' | 'year'): DatePart[] | undefined {
  const i = form.findIndex((p) => p.kind === kind);
  if (i < 0) return undefined;
  let from = i;
  let to = i + 1;
  const wordsAt = (k: number) => k >= 0 && k < form.length && form[k].kind === 'words';
  const next = to < form.length ? form[to] : undefined;
  // Words run onto the number (`年`, `일`), or the last words after it (` г.` after the year).
  if (next?.kind === 'words' && (/^[\p{L}\p{M}]/u.test(next.text) || to === form.length - 1)) to++;
  if (from === 0 && wordsAt(to)) to++;
  else if (from > 0 && wordsAt(from - 1)) from--;
  const rest = [...form.slice(0, from), ...form.slice(to)];
  return rest.some((p) => p.kind === 'month') ? rest : undefined;
}

/**
 * Reads every table from the locale data: per locale, month names long and short in the forms used with a day and
 * alone, the words between a date's parts, the numeric forms with words, the default calendar's year, the unit year.
 * Some hundreds of milliseconds: call {@link localeTables}, which keeps the answer.
 */
export function readLocaleTables(): LocaleTables {
  const found = new Map<string, Set<number>>();
  const connectors = new Set<string>();
  const forms = new Map<string, NumericDateForm>();
  const offsets = new Set<number>([0]);
  const units = new Set<string>();
  const ambiguous = new Set<string>();
  const addMonth = (value: string, month: number, ofLocale: Map<string, number>) => {
    // A name with a connector before it (Catalan `de juny`, Romansh `da zercladur`): the name itself.
    const word = foldWord(value.trim()).replace(/^(?:de|d['’]|da)\s+/u, '');
    if (!/^[\p{L}\p{M}]+(?:\.[\p{L}\p{M}]+)*$/u.test(word)) return;
    // A name one locale gives to two months is ambiguous; a name two locales give to different months (`listopada`:
    // Polish November, Croatian October) is a month name all the same.
    if (ofLocale.has(word) && ofLocale.get(word) !== month) ambiguous.add(word);
    ofLocale.set(word, month);
    let months = found.get(word);
    if (!months) found.set(word, (months = new Set()));
    months.add(month);
  };
  const addForm = (locale: string, form: DatePart[] | undefined) => {
    if (!form || !/\p{L}/u.test(form.map((p) => (p.kind === 'words' ? p.text : '')).join(''))) return;
    const key = JSON.stringify(form);
    const entry = forms.get(key) ?? { parts: form, unitWords: [] };
    forms.set(key, entry);
    for (const unit of ['day', 'year'] as const) {
      for (const p of new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).formatToParts(14)) {
        const word = p.type === 'unit' ? p.value.trim() : '';
        if (word && !entry.unitWords.includes(word)) entry.unitWords.push(word);
      }
    }
  };
  for (const locale of supported(LOCALES)) {
    const ofLocale = new Map<string, number>();
    // Month names with a day (the genitive: `czerwca`, `июня`) and the words between the parts (`de`, `г.`, `gada`).
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month, day: 'numeric', timeZone: 'UTC', calendar: 'gregory' });
      for (let m = 0; m < 12; m++) {
        const parts = format.formatToParts(sampleDate(m));
        const name = parts.find((p) => p.type === 'month')?.value ?? '';
        if (hasDigit(name)) {
          if (m === 5) {
            const form = datePartsOf(parts);
            addForm(locale, form);
            addForm(locale, withoutPart(form, 'year'));
            addForm(locale, withoutPart(form, 'day'));
          }
          continue;
        }
        addMonth(name, m + 1, ofLocale);
        if (m !== 5) continue;
        for (const p of parts) {
          if (p.type !== 'literal') continue;
          for (const w of p.value.split(/[\s,]+/u)) {
            const folded = foldWord(w).replace(/^[-(]+|[)]+$/gu, '');
            if (/^[\p{L}\p{M}’']{1,5}$/u.test(folded)) connectors.add(folded);
          }
        }
      }
    }
    // Month names alone (`czerwiec`, `июнь`).
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC', calendar: 'gregory' });
      for (let m = 0; m < 12; m++) {
        const name = format.format(sampleDate(m));
        if (!hasDigit(name)) addMonth(name, m + 1, ofLocale);
      }
    }
    // Numeric dates with words (`14.06.2021 г.`).
    const numeric = datePartsOf(new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC', calendar: 'gregory' }).formatToParts(sampleDate(5)));
    addForm(locale, numeric);
    // The default calendar's year, where it keeps the Gregorian months (Thai Buddhist, ROC, Japanese years).
    const calendar = new Intl.DateTimeFormat(locale).resolvedOptions().calendar;
    if (['buddhist', 'roc', 'japanese'].includes(calendar)) {
      const year = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, { year: 'numeric', timeZone: 'UTC' }).formatToParts(sampleDate(5)).find((p) => p.type === 'year');
      const n = year ? Number(year.value) : NaN;
      if (Number.isFinite(n) && n > 1000) offsets.add(n - SAMPLE_YEAR);
    }
    // The unit year in every plural form, long and short (narrow forms are single letters at best).
    for (const unitDisplay of ['long', 'short'] as const) {
      const format = new Intl.NumberFormat(locale, { style: 'unit', unit: 'year', unitDisplay });
      for (const n of [1, 2, 3, 5, 11, 21, 22, 25, 95, 101]) {
        for (const p of format.formatToParts(n)) {
          const word = p.type === 'unit' ? p.value.trim().toLowerCase().replace(/\.$/, '') : '';
          if (word) units.add(word);
        }
      }
    }
  }
  return {
    // A name one locale gives to two months (Thai short forms, Indic shortenings) is left out; of the others, the first month.
    months: [...found].filter(([word]) => !ambiguous.has(word)).map(([word, set]) => [word, [...set][0]]),
    connectors: [...connectors].sort((a, b) => b.length - a.length),
    numericForms: [...forms.values()],
    yearOffsets: [...offsets],
    yearUnits: [...units],
    digits: readDigits(),
    spelledNumbers: readSpelledNumbers(),
  };
}

/** The digits of the numbering systems whose digits are ten single code points (`arab`, `deva`, `thai`, `fullwide`…). */
function readDigits(): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const systems = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('numberingSystem') : [];
  for (const system of systems) {
    let shown: string[];
    try {
      shown = new Intl.NumberFormat(`en-u-nu-${system}`, { useGrouping: false }).format(1234567890).match(/./gsu) ?? [];
    } catch {
      continue;
    }
    if (shown.length !== 10) continue;
    // Digits of one UTF-16 unit only: replacing them keeps every index of the text (see asciiDigits).
    shown.forEach((c, k) => {
      if (!/\d/.test(c) && c.length === 1) out.push([c, (k + 1) % 10]);
    });
  }
  return out;
}

/** What `npm run build` writes beside the compiled module: the tables and the versions of the data they were read from. */
export interface LocaleSnapshot {
  versions: string;
  tables: LocaleTables;
}

/** The versions of ICU, CLDR, Unicode and n2words this process reads: a snapshot of other versions is read again. */
export const dataVersions = (): string => `icu ${process.versions.icu ?? '?'} cldr ${process.versions.cldr ?? '?'} unicode ${process.versions.unicode ?? '?'} ${spelledNumbersVersion()}`;

/** The file the build writes the snapshot to, beside this module (in dist/; none beside the sources). */
export const SNAPSHOT_FILE = 'locale-tables.json';

let tables: LocaleTables | undefined;
/**
 * The locale tables, once per process: from the snapshot the build wrote from the same ICU data (a file read, where
 * reading the locales takes some hundreds of milliseconds), else read from the locales.
 */
export function localeTables(): LocaleTables {
  if (tables) return tables;
  try {
    const snapshot = JSON.parse(readFileSync(new URL(SNAPSHOT_FILE, import.meta.url), 'utf8')) as LocaleSnapshot;
    if (snapshot.versions === dataVersions()) tables = snapshot.tables;
  } catch {
    // no snapshot (the sources run as they are): read the locales
  }
  tables ??= readLocaleTables();
  return tables;
}

let months: Map<string, number> | undefined;
/**
 * Month names of every locale, folded, with their month (1–12): long and short forms, in the form used with a day
 * (the genitive: `czerwca`, `июня`, `Ιουνίου`) and alone (`czerwiec`, `июнь`), in the Gregorian calendar every locale
 * can write. Names that hold digits (`6月`, `tháng 6`) are numeric forms: see {@link numericDateForms}.
 */
export function monthWords(): Map<string, number> {
  months ??= new Map([...localeTables().months, ...MORE_MONTH_FORMS.map(([word, month]): [string, number] => [foldWord(word), month])]);
  return months;
}

/**
 * Date forms whose numbers carry words (`2021年6月14日`, `2021년 6월 14일`, `14 tháng 6, 2021`, `14.06.2021 г.`), with
 * and without the year or the day; forms of numbers and punctuation only are left to the numeric date shapes. Each
 * form once, whatever locales share it.
 */
export function numericDateForms(): NumericDateForm[] {
  return localeTables().numericForms;
}

/**
 * The words the locales write between a date's parts or after its year, folded and without their full stop: `de`,
 * `del` (Spanish, Portuguese, Catalan), `г` and `р` (Russian, Ukrainian `2021 г.`), `m` and `d` (Lithuanian
 * `2021 m. birželio 14 d.`), `gada` (Latvian), and the like. Longest first.
 */
export function dateConnectorWords(): string[] {
  return localeTables().connectors;
}

/**
 * How many years the calendars the locales write by default count ahead of the Gregorian one (0, and 543 for the
 * Thai Buddhist era): a year in a date is judged against each.
 */
export function calendarYearOffsets(): number[] {
  return localeTables().yearOffsets;
}

let yearUnits: Set<string> | undefined;
/**
 * The words of the unit year in every locale, in lower case with their accents, in every plural form, long and short:
 * `years`, `lat`, `let`, `года`, `лет`, `ετών`… (`Intl.NumberFormat` with the unit year), without the number. Words
 * written before the number (Arabic's `سنة` for one) are among them too.
 */
export function yearUnitWords(): Set<string> {
  yearUnits ??= new Set(localeTables().yearUnits);
  return yearUnits;
}

let spelled: Map<string, number> | undefined;
/** The numbers of 90 to 130 spelled in words of other languages (`novantacinque`, `noventa y cuatro`), with their values. */
export function spelledNumbers(): Map<string, number> {
  spelled ??= new Map(localeTables().spelledNumbers);
  return spelled;
}

let digitValues: Map<string, number> | undefined;
/**
 * Digits of the numbering systems of the basic plane as ASCII digits (`٩٢` → `92`, `९२` → `92`, `９２` → `92`); other
 * characters stay. The text keeps its length and every index, so patterns run on the result with `\d` (V8 compiles
 * patterns with many `\p{Nd}` classes slowly) and their spans hold in the text itself.
 */
export function asciiDigits(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  digitValues ??= new Map(localeTables().digits);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const v = digitValues.get(text[i]);
    out += v === undefined ? text[i] : String(v);
  }
  return out;
}
