/**
 * Month names as screens write them in the languages of the Latin script, from the kit's locale tables (Node's ICU
 * data, `lib/text/locale-data.ts`): long and short forms, alone and beside a day (the genitive some languages use
 * there: `czerwca`, `června`), folded as OCR text is. A header date shows on a Spanish console as `14 DICIEMBRE`, on a
 * Turkish one as `10 Haziran`: the screen matchers look for the header date's month in all of them.
 */
import { monthWords } from '../../text/locale-data.js';
import { foldOcr } from './text-fold.js';

/** A name in the Latin script (the OCR reads that script), of three letters or more. */
const LATIN_NAME = /^(?=(?:[^\p{L}]*\p{L}){3})[\p{Script=Latin}\s'’.-]+$/u;

const byMonth = new Map<number, readonly string[]>();

/** The Latin-script names of month `month` (1–12), folded as OCR text is ({@link foldOcr}), longest first. */
export function foldedMonthNames(month: number): readonly string[] {
  const known = byMonth.get(month);
  if (known) return known;
  const names = new Set<string>();
  for (const [word, m] of monthWords()) if (m === month && LATIN_NAME.test(word)) names.add(foldOcr(word));
  const list = [...names].sort((a, b) => b.length - a.length || a.localeCompare(b));
  byMonth.set(month, list);
  return list;
}
