/**
 * A phone number after a relative's or carer's word, in any grouping (`call daughter 912 555 604`, `hija: 91 555 60 45`,
 * `datter Kari 912 34 567`, `son's mobile 0412 555 604`): numbers without a trunk prefix or a phone label (a mobile
 * written `9xx xxx xxx`) have no shape of their own, but after a kinship word a run of 7 to 15 digits in two groups or
 * more is how to reach that person. Up to three words may stand between (a name, `mobile`, `on`, `:`). The digits
 * are a phone before any age the first group could be read as (`son 94 555 604`): the cleaner's removal wins over an age.
 */
import { DEFAULT_KINSHIP_CUES } from './kinship-words.js';
import type { TextShape } from './text-shape.js';

const KIN: ReadonlySet<string> = new Set(DEFAULT_KINSHIP_CUES);
/** Digits in two to six groups, split by spaces, dots, dashes or slashes, perhaps an international prefix. */
const DIGIT_RUN = /(?<![\p{L}\p{N}.,/+-])\+?\(?\d{1,4}\)?(?:[ .\-/]{1,2}\(?\d{1,5}\)?){1,5}(?![\p{L}\p{N}]|[.,/:-]\d)/gu;
/** Units after the digits make them measures (`12 14 16 18 mm`). */
const UNIT_AFTER = /^\s{0,2}(?:mm|cm|ml|mg|kg|gy|mgy|ms|s|sec|min|hz|kv|kvp|mas|ma|%|°|bpm|hu|px|units?)(?![\p{L}\p{N}])/iu;
const WORD_PART = /[\p{L}\p{M}'’.-]/u;
/** Marks between those words and the digits (`daughter: `, `son - `, `hija, `). */
const MARKS: ReadonlySet<string> = new Set([' ', '\u00a0', '\t', ':', '=', ',', '-', '–']);

/** The words right before `at` (at most three, the nearest first), reading back over marks: a fixed number of steps. */
function wordsBefore(text: string, at: number): string[] {
  const words: string[] = [];
  let i = at;
  while (words.length < 3) {
    let marks = 0;
    while (i > 0 && MARKS.has(text[i - 1]) && marks < 4) {
      i--;
      marks++;
    }
    const end = i;
    while (i > 0 && end - i < 40 && WORD_PART.test(text[i - 1])) i--;
    if (i === end) break;
    words.push(text.slice(i, end).replace(/[.-]+$/u, ''));
  }
  return words;
}

/** A kinship word in the forms a note writes it before a number (`daughter's`, `son-in-law`, `Hija`). */
const kinWord = (word: string): boolean => KIN.has(word.toLowerCase().replace(/['’]s$/u, '').replace(/-in-laws?$/u, ''));

/** Phones after a kinship word (see the file's comment). */
function findRelativePhones(text: string): Array<{ begin: number; end: number }> {
  const out: Array<{ begin: number; end: number }> = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) continue;
    const end = m.index + m[0].length;
    if (UNIT_AFTER.test(text.slice(end, end + 8))) continue;
    if (wordsBefore(text, m.index).some(kinWord)) out.push({ begin: m.index, end });
  }
  return out;
}

/** The shape of {@link findRelativePhones}, added to the text shapes. */
export const RELATIVE_PHONE_SHAPE: TextShape = { kind: 'phone', category: 'D', needsDigit: true, find: findRelativePhones };
