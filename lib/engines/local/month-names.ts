/**
 * Month names as screens write them in the languages of the Latin script, from the locale data Node ships (ICU):
 * long and short forms, alone and beside a day (the genitive some languages use there: `czerwca`, `června`), upper
 * case. A header date shows on a Spanish console as `14 DICIEMBRE`, on a Turkish one as `10 Haziran`: the screen
 * matchers look for the header date's month in all of them.
 */
import { foldOcr } from './text-fold.js';

/** Locales written in the Latin script (the OCR reads that script), from Europe, the Americas, Africa and Asia. */
const LATIN_LOCALES = [
  'en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl', 'cs', 'sk', 'sl', 'hr', 'bs', 'sr-Latn', 'ro', 'hu', 'sv', 'da', 'nb', 'fi', 'et', 'lv',
  'lt', 'tr', 'az', 'uz', 'id', 'ms', 'vi', 'fil', 'sq', 'ca', 'eu', 'gl', 'ga', 'cy', 'is', 'af', 'sw', 'mt', 'lb', 'ha', 'yo', 'zu',
];

const byMonth = new Map<number, readonly string[]>();

/**
 * The names of month `month` (1–12) in {@link LATIN_LOCALES}, folded as OCR text is ({@link foldOcr}), longest first,
 * without a trailing dot; only names of three letters or more (a bare number is the numeric forms' business).
 */
export function foldedMonthNames(month: number): readonly string[] {
  const known = byMonth.get(month);
  if (known) return known;
  const names = new Set<string>();
  const date = new Date(Date.UTC(2021, month - 1, 14, 12));
  for (const locale of LATIN_LOCALES) {
    for (const width of ['long', 'short'] as const) {
      for (const options of [{ month: width }, { day: 'numeric', month: width }] as const) {
        const part = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(date).find((p) => p.type === 'month');
        const name = part?.value.replace(/\.$/, '').normalize('NFC') ?? '';
        if ((name.match(/\p{L}/gu)?.length ?? 0) >= 3) names.add(foldOcr(name).replace(/\p{M}/gu, ''));
      }
    }
  }
  const list = [...names].sort((a, b) => b.length - a.length || a.localeCompare(b));
  byMonth.set(month, list);
  return list;
}
