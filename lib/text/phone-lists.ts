/**
 * Phones whose cue word is not next to the number: a clause or list headed by a word for a phone, in several languages
 * (`Tel. (home / work): 612 555 804 / 20 555 7711`, `contact numbers — mother 612 555 804, father 687 555 121`,
 * `phones: 912 555 604; 777 555 904`, `Telefony: 612 555 804, 501 555 330`). After the cue, each run of digit groups in
 * a phone's shape is a phone, as long as only a few words, marks and labels stand between one and the next (`(home /
 * work):`, `, mother`, `; daughter,`, `and work`). The shapes in shapes.ts find a number right after its cue or in a
 * national form; these are the numbers of other countries (no trunk zero, three groups of three) that only the heading
 * cue tells from a value.
 *
 * What is not a phone stays: values in equal steps (`101 102 103 104`), round values (`0 500 1000`), numbers before a
 * unit (`120 240 360 mg`, `3 6 12 24 months`), ratios and levels (`120/80`, `L4-5`: not digit groups). The cleaner also
 * drops numbers after a measurement's label or a code system (see clean-text). A new sentence or a field label ends
 * the list (`Phone: 612 555 804. Labs: …`). Every quantifier is bounded and the list is read once from left to right:
 * linear in the text's length.
 */
import { B, E } from './scripts.js';
import type { TextShape } from './text-shape.js';

/**
 * Words for a phone that head a list: singular and plural, in English and the languages the shapes have cues for
 * (`Tel.`, `phones`, `Telefony`, `Teléfonos`, `Téléphone`, `Rufnummern`, `tlf.`, `contact numbers`, `Kontakt`).
 */
const LIST_CUES = [
  'tel', 'tels', 'tel\\.?\\s?nos?', 'telephones?', 'telefon(?:y|e|er|ene|i|o|os|ów|u|nummer|nummern|nummers|numbers?|nr|ní|ní\\s?čísla|szám|számok)?', 'tel[eé]fonos?', 'telefone?s?',
  'téléphones?', 'tél', 'telefoon(?:s|nummers?)?', 'rufnummern?', 'tfnos?', 'tlf(?:n|\\.?\\s?nr)?', 'fones?', 'phones?', 'phone\\s{1,2}(?:nos?|numbers?)',
  'mobiles?', 'mobil(?:e|nummer)?', 'mobiel', 'm[óo]vil(?:es)?', 'm[óo]vel', 'cell(?:phones?|ular|\\s{1,2}(?:phones?|nos?|numbers?))', 'celular(?:es)?', 'handy(?:nummer)?', 'gsm', 'kom\\.', 'kom[óo]rka',
  'fax', 'contact(?:s|\\s{1,2}(?:nos?|numbers?|details|phones?))?', 'kontakt(?:e|y|nummer)?', 'contacto(?:s)?', 'contatt[oi]', 'contato(?:s)?', 'contactnummers?',
  'n[uú]meros?\\s{1,2}de\\s{1,2}(?:tel[eé]fono|contacto|contato|telefone)', 'num[ée]ros?\\s{1,2}de\\s{1,2}t[ée]l[ée]phone', 'numery?\\s{1,2}telefon(?:u|ów)', 'nr\\.?\\s{1,2}tel\\.?',
  'телефоны?', 'тел', 'τηλ(?:έφωνο|έφωνα)?',
];
/** The cue, then the list begins (compiled once). */
const CUE = new RegExp(`${B}(?:${LIST_CUES.join('|')})\\.?${E}`, 'giu');
/** Lower-case strings one of which every cue holds: a text without any is not searched. */
const CUE_STEMS = ['tel', 'tél', 'fon', 'phon', 'rufnummer', 'tlf', 'tfno', 'mob', 'móv', 'movil', 'movel', 'cell', 'celu', 'handy', 'gsm', 'kom', 'fax', 'contact', 'kontakt', 'contat', 'тел', 'τηλ'];

/**
 * A run of digit groups in a phone's shape, sticky at the end of a gap: a country code, an area code in parentheses,
 * then two to six groups split by one space, dot or dash (a slash right after a trunk zero's area code: `030/5551234`);
 * or one unbroken run of eight digits or more.
 */
const NUMBER = String.raw`(?:(?:\+|00)\d{1,3}[ .\-\u2010-\u2015]?)?(?:\(\d{1,4}\)[ .\-\u2010-\u2015]?)?\d{1,5}(?:(?:[ .\-\u2010-\u2015]|(?<=(?:^|[^\d])0\d{1,4})/)\d{2,8}){1,5}|\d{8,13}`;
/**
 * The gap before the next number: up to 48 characters without a digit or a line break (the first gap after the cue, the
 * others between numbers), then the number, not run into a word, a decimal or a longer number.
 */
const NEXT = new RegExp(String.raw`([^\d\n]{0,48}?)(?<![\p{L}\p{N}.,/+\-])(${NUMBER})(?![\p{L}\p{N}]|[.,/:\-]\d)`, 'uy');
/** Units and time words after a number make it a value (`120 240 360 mg`, `3 6 12 24 months`). */
const UNIT_AFTER = /^\s{0,2}(?:mm|cm|ml|mg|mcg|kg|g|mgy|gy|cgy|ms|s|sec|min|mins|h|hrs?|hours?|days?|weeks?|wks?|months?|mos?|years?|yrs?|hz|khz|mhz|kv|kvp|mas|ma|%|°|deg|bpm|hu|px|kev|mev|mbq|mci|units?|iu|x|×)(?![\p{L}\p{N}])/iu;
/** A sentence ends in a gap: a full stop, `!` or `?` after a word of five letters or more or a number, then a space (`… 804. Labs`), not an abbreviation (`Tel. (home`, `mob. 612`). */
const SENTENCE_END = /(?:\p{L}{5}|\d|\))[.!?](?:\s|$)|[!?](?:\s|$)/u;
/** A field label in a gap after the first: a word and a colon (`Labs:`, `BP:`), unless the gap is a label of its own of at most two words (`work:`, `Ehefrau:`). */
const FIELD_LABEL = /[\p{L})]\s{0,2}:/u;
const WORDS = /\p{L}[\p{L}'’.-]*/gu;

const digitsOf = (s: string): string[] => s.split(/\D+/).filter(Boolean);

/** A run of digit groups that is a phone's shape, not values: 7 to 15 digits, not in equal steps, not two round values, no unit after. */
function phoneLike(run: string, after: string): boolean {
  const groups = digitsOf(run);
  const digits = groups.join('').length;
  if (digits < 7 || digits > 15 || UNIT_AFTER.test(after)) return false;
  const n = groups.map(Number);
  if (n.length >= 3 && n.every((g, k) => k === 0 || g - n[k - 1] === n[1] - n[0])) return false;
  const last = groups.slice(-2);
  if (groups.length >= 2 && last.every((g) => g.endsWith('0')) && last[1].endsWith('00')) return false;
  return true;
}

/** True when the gap between two numbers (or the cue and the first) keeps the list going. */
function listGoesOn(gap: string, first: boolean): boolean {
  if (SENTENCE_END.test(gap)) return false;
  const words = gap.match(WORDS) ?? [];
  if (words.length > 5) return false;
  return first || !FIELD_LABEL.test(gap) || words.length <= 2;
}

/**
 * The phones of every list a phone cue heads (see the module comment).
 * @example findPhoneLists('phones: 912 555 604; 777 555 904').length // 2
 */
export function findPhoneLists(text: string): Array<{ begin: number; end: number }> {
  const out: Array<{ begin: number; end: number }> = [];
  let resume = 0;
  for (const cue of text.matchAll(CUE)) {
    // A cue inside a list already read heads nothing new.
    if (cue.index < resume) continue;
    let at = cue.index + cue[0].length;
    for (let first = true; ; first = false) {
      NEXT.lastIndex = at;
      const m = NEXT.exec(text);
      if (!m || !listGoesOn(m[1], first)) break;
      const begin = at + m[1].length;
      const end = begin + m[2].length;
      if (!phoneLike(m[2], text.slice(end, end + 8))) break;
      out.push({ begin, end });
      at = end;
    }
    resume = at;
  }
  return out;
}

/** The shape the text shapes add: phones of a list headed by a phone cue. */
export const PHONE_LIST_SHAPE: TextShape = { kind: 'phone', category: 'D', needsDigit: true, requires: CUE_STEMS, find: findPhoneLists };
