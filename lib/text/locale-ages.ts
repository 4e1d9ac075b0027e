/**
 * Ages over 89 written in other languages (`93 yaşında`, `94 lat`, `96-jarige`, `อายุ 97 ปี`, `91岁`, `만 94세`,
 * `95 tuổi`, `आयु 91 वर्ष`, `93 года`, `٩٢ سنة`, `בן 95`), in the digits of any script. The words of the unit year
 * come from the locale data (lib/text/locale-data.ts: every plural form, long, short and narrow); the tables below add
 * only what CLDR lacks: the words of age (`岁`, `歳`, `세`, `tuổi`, adjectives such as `-jarige`, `letý`), the labels of
 * age (`edad`, `wiek`, `年龄`, `อายุ`…) and the words that say a sentence speaks of a person.
 *
 * A unit that is also an English or medical word, or one or two letters (`lat`, `let`, `a`, `r`, `l`, `J`, `年`), counts
 * only after an age label, or where a person, a sex or a birth is named beside the number or a title stands just before
 * it (`Pacjentka 94 lat`, `edad 95 a.`, `Sr. García, 97 a.`); so does a unit written before the number (`Pacjent lat 93`):
 * `projection 95 lat`, `L5 lat`, `95 a` in a list of values, `AP and lat 95` stay. One pass over the text's numbers; each check reads a bounded
 * window around one number, so the search is linear in the text's length.
 */
import { englishWords, medicalTerms } from './lexicons.js';
import { asciiDigits, codePoints, foldWord, yearUnitWords } from './locale-data.js';
import { matchesOf } from '../regex-matches.js';
import { findSpelledNumbers } from './spelled-numbers.js';

/** One age found: the number's place and its value in years. */
export interface LocaleAge {
  begin: number;
  end: number;
  years: number;
}

/**
 * Words of age CLDR's unit year lacks, written after the number: Chinese, Japanese, Korean and Vietnamese age words,
 * Turkish `yaşında`, adjectives of age (`96-jarige`, `94letý`, `94-letnia`, `95-vuotias`, `93 éves`, `94-årig`,
 * `93-летняя`, `91 वर्षीय`), genitives and colloquial forms (`ετών`, `χρονών`, `წლის`, `عاما`, `साल`, `ساله`).
 */
const AGE_UNITS = [
  '岁', '歲', '周岁', '週歲', '歳', '才', '세', '살', 'tuổi',
  'yaşında', 'yaşındaki', 'yaşındadır', 'yaş', 'yaşlı', 'yaşlarında',
  'jarige', 'jarig', 'jaar oud', 'jähriger', 'jährige', 'jähriges', 'jährigen', 'jahre alt', 'jahren',
  'letý', 'letá', 'leté', 'letou', 'letého', 'letému', 'ročný', 'ročná', 'ročné', 'rokov', 'letni', 'letnia', 'letniego', 'letniej', 'lat życia',
  'vuotias', 'vuotiaan', 'vuotiaalla', 'éves', 'évesen', 'aastane', 'årig', 'åriga', 'årige', 'ára', 'gadus', 'gadu', 'metų', 'metu', 'godišnji', 'godišnja', 'godišnjak', 'letnik', 'letnica',
  'летний', 'летняя', 'летнего', 'летней', 'годов', 'річний', 'річна', 'річного', 'гадовы', 'гадовая', 'годишен', 'годишна',
  'ετών', 'χρονών', 'χρονων', 'χρονώ', 'წლის', 'წლისაა', 'տարեկան', 'yaşar',
  'عاما', 'عامًا', 'عاماً', 'عام', 'سنه', 'سنوات', 'ساله', 'سالہ', 'साल', 'वर्षीय', 'वर्षे', 'வயது', 'বছর বয়সী', 'বছরের', 'ปี', 'ขวบ',
  'años de edad', 'anos de idade', 'ans révolus', 'anni di età', 'taong gulang', 'anyos', 'tahun umur', 'godine starosti',
  // An abbreviation CLDR lacks: Italian `aa.` (anni). Not Hungarian `é.`: Portuguese `é` is `is` (`saturação 93 é baixa`).
  'aa',
];

/**
 * Labels of age, written before the number (`edad: 95`, `wiek 94 lat`, `年龄 93 岁`, `나이 94세`, `อายุ 97 ปี`,
 * `आयु 91 वर्ष`, `возраст 93 года`, `גיל 95`, Hebrew `בן 95` and `בת 95`, son and daughter of: aged). As written, in
 * any case: accents are kept (`età`, never `ETA`).
 */
const AGE_LABELS = [
  'edad', 'idade', 'edat', 'âge', 'età', 'alter', 'lebensalter', 'leeftijd', 'ålder', 'alder', 'aldur', 'ikä', 'iässä', 'életkor', 'életkora', 'vârsta', 'vârstă', 'vârstei',
  'wiek', 'wieku', 'w wieku', 'věk', 've věku', 'vek', 'vo veku', 'starost', 'starosti', 'vanus', 'amžius', 'vecums', 'mosha', 'yaş', 'yaşı', 'yaşında',
  'возраст', 'возрасте', 'в возрасте', 'вік', 'віку', 'узрост', 'възраст', 'старост', 'ηλικία', 'ηλικίας', 'ασθενής ηλικίας',
  'العمر', 'عمر', 'عمره', 'عمرها', 'السن', 'سن', 'سنه', 'גיל', 'בגיל', 'בן', 'בת', 'ასაკი', 'տարիք',
  'आयु', 'उम्र', 'उमर', 'वय', 'বয়স', 'ਉਮਰ', 'வயது', 'వయస్సు', 'ವಯಸ್ಸು', 'പ്രായം', 'အသက်', 'อายุ', 'ອາຍຸ', 'អាយុ',
  'tuổi', 'umur', 'usia', 'edad:', 'gulang', 'idad', 'umri', 'shekaru',
  '年龄', '年齡', '年纪', '年紀', '年齢', '満', '나이', '연령', '만',
];

/** Words that say a clause speaks of a person: patient, woman, man, their sex letter's words, birth. */
const PERSON_WORDS = [
  'patient', 'patiente', 'patientin', 'pt', 'female', 'male', 'woman', 'man', 'born', 'dob',
  'paciente', 'mujer', 'hombre', 'varón', 'señora', 'señor', 'nacido', 'nacida', 'mulher', 'homem', 'senhora', 'senhor', 'nascido', 'nascida',
  'femme', 'homme', 'madame', 'monsieur', 'né', 'née', 'frau', 'mann', 'herr', 'geboren', 'geb', 'paziente', 'donna', 'uomo', 'signora', 'signor', 'nato', 'nata',
  'patiënt', 'patiënte', 'vrouw', 'dhr', 'mevr', 'mevrouw', 'heer', 'geboren', 'kvinna', 'kvinde', 'kvinne', 'mand', 'mann', 'född', 'født', 'pasient', 'patienten',
  'potilas', 'nainen', 'mies', 'syntynyt', 'beteg', 'nő', 'férfi', 'született', 'úr', 'asszony', 'néni', 'bácsi', 'pacient', 'pacienta', 'pacientă', 'femeie', 'bărbat', 'născut', 'născută',
  'pacjent', 'pacjentka', 'pacjenta', 'kobieta', 'mężczyzna', 'chory', 'chora', 'urodzony', 'urodzona', 'pacientka', 'žena', 'muž', 'narozen', 'narozena', 'nar',
  'pacijent', 'pacijentica', 'žena', 'muškarac', 'rođen', 'rođena', 'bolnik', 'bolnica', 'moški', 'ženska', 'rojen', 'rojena',
  'hasta', 'kadın', 'erkek', 'doğumlu', 'pasien', 'wanita', 'pria', 'perempuan', 'laki-laki', 'lahir', 'pesakit', 'babae', 'lalaki', 'ipinanganak',
  'пациент', 'пациентка', 'больной', 'больная', 'женщина', 'мужчина', 'родился', 'родилась', 'пацієнт', 'пацієнтка', 'жінка', 'чоловік', 'народився', 'народилася',
  'ασθενής', 'γυναίκα', 'άνδρας', 'άντρας', 'γεννήθηκε', 'bệnh nhân', 'nữ', 'nam', 'sinh',
  // Baltic, Estonian, Nordic and Irish patients (`Pacients, deviņdesmit divi gadi`, `Pasienten er nittitre år`).
  'pacients', 'pacientam', 'pacientei', 'sieviete', 'vīrietis', 'dzimis', 'dzimusi', 'pacientas', 'pacientė', 'moteris', 'gimęs',
  'gimusi', 'patsient', 'naine', 'mees', 'sündinud', 'pasienten', 'patienten', 'potilaan', 'othar',
];

/**
 * Titles before a person's name (`Sr.`, `Sra.`, `Hr.`, `Fr.`, `Pani`, `Mme`, `Mevr.`, `Sig.ra`): the clause speaks of
 * that person (`Sr. García, 97 a.`, `Pani Kowalska 93 l.;`). Written as titles are, capitalised and with the full stop
 * where it is listed: `HR 92` is a heart rate, `8 Fr` a catheter's size. A full stop after one ends no clause.
 */
const TITLES = [
  'Sr.', 'Sra.', 'Srta.', 'Sres.', 'Dña.', 'Doña', 'Don', 'Dª', 'Hr.', 'Hrn.', 'Fr.', 'Frl.', 'Herr', 'Frau', 'Mme', 'Mme.', 'Mlle', 'Mlle.', 'Madame', 'Monsieur',
  'Sig.', 'Sig.ra', 'Sig.na', 'Sig.ra.', 'Dhr.', 'Mevr.', 'Mw.', 'Mej.', 'Pan', 'Pani', 'Pán', 'Paní', 'Fru', 'Frk.', 'Fröken', 'Úr', 'Bay', 'Bayan',
  'Gosp.', 'Mr.', 'Mrs.', 'Mrs', 'Ms.', 'Mx.', 'Miss', 'Sñr.', 'Sñra.', 'Snr.', 'Snra.', 'Exmo.', 'Exma.', 'Г-н', 'Г-жа', 'Κος', 'Κα', 'Κ.',
];
/** A title of {@link TITLES} ending a text (the title, then perhaps a name of up to three words and a comma, before a number). */
const TITLE_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:${TITLES.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])(?:[\\s\\u00a0]{1,2}\\p{Lu}[\\p{L}\\p{M}'’-]{0,30}(?:[\\s\\u00a0]{1,2}(?:\\p{Lu}[\\p{L}\\p{M}'’.-]{0,30}|(?:van|von|de|del|la|der|den|di|da|dos)(?![\\p{L}]))){0,2})?[\\s\\u00a0]{0,2},?[\\s\\u00a0]{0,2}$`,
  'u',
);
/** A title's full stop, right before a place in a text: the clause goes on past it. */
const TITLE_STOP = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${TITLES.filter((t) => t.endsWith('.')).map((t) => t.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`, 'u');

/** Scripts written without spaces between words: a unit or label is found joined to the number. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

interface Tables {
  /** Unit words and phrases of spaced scripts in lower case: true for a word of age of the table above. */
  exact: Map<string, boolean>;
  /** The same folded (`eves` for `éves`), with the words folded so. */
  folded: Map<string, string[]>;
  /** Units of unspaced scripts, longest first: true for a word of age. */
  unspaced: Array<[string, boolean]>;
  /** Labels of spaced scripts, lower case (one to three words). */
  labels: Set<string>;
  /** Labels of unspaced scripts, which may touch the number (`年龄93岁`). */
  unspacedLabels: string[];
  /** Person words, lower case (one or two words). */
  persons: Set<string>;
}

/**
 * True when a unit word reads as something else in clinical English, or is too short to tell: a single character of the
 * locale data (`г` is also grams, `年` also a year of a date); a word of age from the table above only when it is English.
 */
function weakUnit(word: string, ageWord: boolean): boolean {
  const bare = word.replace(/[\s'’.-]/g, '');
  if (!ageWord && codePoints(bare) <= 1) return true;
  if (!/^\p{Script=Latin}+$/u.test(bare)) return false;
  return codePoints(bare) <= 2 || englishWords().has(bare) || medicalTerms().common(bare);
}
const weakness = new Map<string, boolean>();
/** {@link weakUnit}, remembered: the English word lists are asked only about units that follow a number over 89. */
function isWeak(word: string, ageWord: boolean): boolean {
  let weak = weakness.get(word);
  if (weak === undefined) weakness.set(word, (weak = weakUnit(word, ageWord)));
  return weak;
}

let tables: Tables | undefined;
function ageTables(): Tables {
  if (tables) return tables;
  const exact = new Map<string, boolean>();
  const folded = new Map<string, string[]>();
  const unspaced = new Map<string, boolean>();
  const ageWords = new Set(AGE_UNITS.map((w) => w.toLowerCase()));
  for (const unit of new Set([...yearUnitWords(), ...ageWords])) {
    if (UNSPACED.test(unit)) unspaced.set(unit, ageWords.has(unit));
    else {
      exact.set(unit, ageWords.has(unit));
      const key = foldWord(unit);
      folded.set(key, [...(folded.get(key) ?? []), unit]);
    }
  }
  const labels = new Set(AGE_LABELS.filter((l) => !UNSPACED.test(l)).map((l) => l.toLowerCase().replace(/:$/, '')));
  const unspacedLabels = AGE_LABELS.filter((l) => UNSPACED.test(l));
  const persons = new Set(PERSON_WORDS.map((w) => w.toLowerCase()));
  tables = { exact, folded, unspaced: [...unspaced].sort((a, b) => b[0].length - a[0].length), labels, unspacedLabels, persons };
  return tables;
}

/**
 * A number of two or three digits in any script, not part of a longer number or a decimal, nor run into a word (a
 * word of an unspaced script may touch it: `年龄93岁`).
 */
const NUMBER = /(?<!\p{N}[.,]?)(?<!(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])\p{L})\d{2,3}(?!\p{N}|[.,]\d)/gu;
/**
 * Up to two words after the number (`jaar oud`, `de ani`, `años de edad`), with a full stop after a short unit; not a
 * letter of an abbreviation (`97 a.m.`) nor the top of a ratio (`95 l/min`).
 */
const WORDS_AFTER = /^[\s\u00a0]{0,2}-?[\s\u00a0]{0,1}([\p{L}\p{M}'’]+)\.?(?!\.?[\p{L}\p{M}]|\/)(?:[\s\u00a0]([\p{L}\p{M}'’]+)(?:[\s\u00a0]([\p{L}\p{M}'’]+))?)?/u;
const CLAUSE_END = /[.;!?\n。！？]/;

/** The clause around a place, up to `before` characters before and `after` after, cut at clause ends (not a title's full stop). */
function clause(text: string, begin: number, end: number, before: number, after: number): string {
  let b = begin;
  while (b > 0 && begin - b < before && (!CLAUSE_END.test(text[b - 1]) || (text[b - 1] === '.' && TITLE_STOP.test(text.slice(Math.max(0, b - 9), b - 1))))) b--;
  let e = end;
  while (e < text.length && e - end < after && !CLAUSE_END.test(text[e])) e++;
  return text.slice(b, e);
}

/** The unit after a number: whether one stands there, and whether it is weak. */
function unitAfter(text: string, end: number): { weak: boolean } | undefined {
  const { exact, folded, unspaced } = ageTables();
  const after = text.slice(end, end + 40);
  const rest = after.replace(/^[\s\u00a0]{0,2}-?[\s\u00a0]{0,1}/u, '');
  for (const [unit, ageWord] of unspaced) if (rest.startsWith(unit)) return { weak: isWeak(unit, ageWord) };
  const m = WORDS_AFTER.exec(after);
  if (!m) return undefined;
  const words = ([m[1], m[2], m[3]] as Array<string | undefined>).filter((w): w is string => w !== undefined).map((w) => w.toLowerCase());
  // One Latin letter is a unit as an abbreviation (`95 a.`, `93 l.;`) or at the end of its item (`95 a,`), never before
  // another word (`95 a minute`, `93 a las 10`).
  const letterOnly = /^\p{Script=Latin}$/u.test(m[1]) && !/^(?:\.|[\s\u00a0]{0,2}(?:[,;)\]\n]|$))/u.test(after.slice(m.index + m[0].indexOf(m[1]) + m[1].length));
  for (let n = words.length; n >= (letterOnly ? 2 : 1); n--) {
    const phrase = words.slice(0, n).join(' ');
    const ageWord = exact.get(phrase);
    if (ageWord !== undefined) return { weak: isWeak(phrase, ageWord) };
    // Written without its accents (`94 ar` for `år`): weak when any word it may be is.
    const candidates = folded.get(foldWord(phrase));
    if (candidates) return { weak: candidates.some((w) => isWeak(w, exact.get(w) === true)) };
  }
  return undefined;
}

/** Words of a clause, lower case (letters, marks, apostrophes and inner hyphens: `laki-laki`). */
const wordsOf = (text: string): string[] => (text.toLowerCase().match(/[\p{L}\p{M}'’]+(?:-[\p{L}\p{M}]+)*/gu) ?? []);
/** A connector between a label and the number (`age of`, `edad de`, `в возрасте от`). */
const LABEL_LINK = new Set(['of', 'de', 'di', 'od', 'от', 'la']);

/** Marks between a label or unit and its number. */
const MARKS_AT_END = /[\s\u00a0:：=-]+$/u;
/** A unit in parentheses after a label (`Wiek (lat): 96`, `Edad (años) 94`). */
const UNIT_IN_PARENS = /\(\s{0,2}([\p{L}\p{M}]{1,12})\.?\s{0,2}\)$/u;

/**
 * True when the text before a number ends with a label of age, then perhaps a unit in parentheses, `:`, `=`, `-` or a
 * connector word.
 */
function labelBefore(before: string): boolean {
  const { labels, unspacedLabels, exact } = ageTables();
  let trimmed = before.replace(MARKS_AT_END, '');
  const unit = UNIT_IN_PARENS.exec(trimmed);
  if (unit && exact.has(unit[1].toLowerCase())) trimmed = trimmed.slice(0, unit.index).replace(MARKS_AT_END, '');
  if (unspacedLabels.some((l) => trimmed.endsWith(l))) return true;
  // The label ends right there (`Edad: 95`, never `Edad: x, 95`).
  if (!/[\p{L}\p{M}]$/u.test(trimmed)) return false;
  const tail = wordsOf(trimmed.slice(-40)).slice(-4);
  if (tail.length === 0) return false;
  const end = LABEL_LINK.has(tail[tail.length - 1]) ? tail.length - 1 : tail.length;
  for (let n = 1; n <= 3 && n <= end; n++) if (labels.has(tail.slice(end - n, end).join(' '))) return true;
  return false;
}

/** True when words name a person, a sex or a birth (one or two words of the table). */
function namesPerson(words: readonly string[]): boolean {
  const { persons } = ageTables();
  return words.some((w, k) => persons.has(w) || (k > 0 && persons.has(`${words[k - 1]} ${w}`)));
}

/**
 * True when a person is named beside a number, in its clause: among the four words before it or the four after it (the
 * unit among them), or by a title up to three words before (`Pacjentka, 94 lat`, `Paciente de 95 a.`, `Sr. García, 97
 * a.`, `93 l., kobieta`). Farther away the number is something else of theirs (`Herr Roth, Defibrillation mit 3
 * Schocks zu je 120 J`).
 */
function personBeside(text: string, begin: number, end: number): boolean {
  return (
    namesPerson(wordsOf(clause(text, begin, begin, 60, 0)).slice(-4)) ||
    namesPerson(wordsOf(clause(text, end, end, 0, 40)).slice(0, 4)) ||
    TITLE_BEFORE.test(text.slice(Math.max(0, begin - 80), begin))
  );
}

/** A word of a spaced script right before a number, a full stop and a colon or equals sign perhaps between (`lat 93`, `l. 94`, `años: 95`). */
const WORD_BEFORE = /([\p{L}\p{M}'’]+)\.?[\s\u00a0]{0,2}[:=]?[\s\u00a0]{0,2}$/u;
/** What may follow an age written after its unit: the end of its clause or a mark between items (`Pacjent lat 93, po upadku`). */
const ENDS_ITEM = /^[\s\u00a0]{0,2}(?:[,;)\]\n]|\.(?!\d)|$)/u;

/**
 * An age with its unit before the number (`Pacjent lat 93`, `pacjent, l. 94`, `Sr. García, años 95`): a unit of years
 * (weak or not) right before it, the number ending its item, and a person named just before the unit (a person word or
 * a title among the two words before it) or a label of age. `XR knee lat 93`, `AP and lat 95` stay.
 */
function unitBefore(text: string, begin: number, end: number): boolean {
  const before = text.slice(Math.max(0, begin - 60), begin);
  const m = WORD_BEFORE.exec(before);
  if (!m || !ENDS_ITEM.test(text.slice(end))) return false;
  if (!ageTables().exact.has(m[1].toLowerCase())) return false;
  const lead = before.slice(0, m.index);
  if (TITLE_BEFORE.test(lead) || labelBefore(lead)) return true;
  const { persons } = ageTables();
  return wordsOf(clause(lead, lead.length, lead.length, 30, 0)).slice(-2).some((w) => persons.has(w));
}

/** Text that may hold a number: ASCII digits or the digits of another script. */
const ANY_DIGIT = /\p{Nd}/u;

/** A number of two or three digits right after a name, a comma, space or bracket between (`Nowak Anna, 93 l.`, `Anna Nowak (93 l.)`). */
const NUMBER_AFTER_NAME = /^[\s\u00a0]{0,2}[,(]?[\s\u00a0]{0,2}(\d{2,3})(?![\p{N}]|[.,]\d)/u;
/** A unit right before a number after a name (`Anna Nowak, lat 94`). */
const UNIT_AFTER_NAME = /^[\s\u00a0]{0,2},?[\s\u00a0]{0,2}([\p{L}\p{M}'’]+)\.?[\s\u00a0]{0,2}[:=]?[\s\u00a0]{0,2}(\d{2,3})(?![\p{N}]|[.,]\d)/u;

/**
 * Ages over 89 written with a weak unit right after a person's name, which names the person as a person word or a title
 * would (`Nowak Anna, 93 l.;`, `Jan Dvořák 95 r., pád`, `Anna Nowak, lat 94`): the names are those the cleaner found
 * (the header's, or by cue). The unit must stand there: a bare number after a name stays (`Nowak 95`), so does a ratio
 * (`93 l/min`).
 * @example findLocaleAgesAfterNames('Nowak Anna, 93 l.;', [{ begin: 0, end: 10 }]).map((a) => a.years) // [93]
 */
export function findLocaleAgesAfterNames(original: string, names: ReadonlyArray<{ begin: number; end: number }>): LocaleAge[] {
  if (names.length === 0 || !ANY_DIGIT.test(original)) return [];
  const text = asciiDigits(original);
  const { exact } = ageTables();
  const out: LocaleAge[] = [];
  for (const name of names) {
    const after = text.slice(name.end, name.end + 40);
    const m = NUMBER_AFTER_NAME.exec(after);
    const u = m ? undefined : UNIT_AFTER_NAME.exec(after);
    const digits = m?.[1] ?? u?.[2];
    if (digits === undefined || (u && !exact.has(u[1].toLowerCase()))) continue;
    const years = Number(digits);
    if (!(years > 89 && years <= 130)) continue;
    const begin = name.end + (m ? m[0].length : (u as RegExpExecArray)[0].length) - digits.length;
    const end = begin + digits.length;
    if (m ? unitAfter(text, end) !== undefined : ENDS_ITEM.test(text.slice(end))) out.push({ begin, end, years });
  }
  return out;
}

/**
 * Ages over 89 in the words of other languages: a number of 90 to 130 with a unit or word of age after it, or a label
 * of age before it (see the file's comment for the weak units).
 * @example findLocaleAges('Pacjentka, 94 lat').map((a) => a.years) // [94]
 */
export function findLocaleAges(original: string): LocaleAge[] {
  const out: LocaleAge[] = [];
  // Numbers spelled in words of other languages (`novantacinque anni`, `Patiënt van vierennegentig jaar`,
  // `fünfundneunzigjährig`), read as digits are.
  for (const n of findSpelledNumbers(original, joinedUnit)) if (ageAt(original, n.begin, n.end)) out.push({ begin: n.begin, end: n.end, years: n.value });
  if (!ANY_DIGIT.test(original)) return out;
  // Digits of other scripts as ASCII, at the same indices: the patterns look for `\d`.
  const text = asciiDigits(original);
  for (const m of matchesOf(NUMBER, text)) {
    const years = Number(m[0]);
    if (!(years > 89 && years <= 130)) continue;
    const begin = m.index;
    const end = begin + m[0].length;
    if (ageAt(text, begin, end)) out.push({ begin, end, years });
  }
  return out.sort((a, b) => a.begin - b.begin);
}

/**
 * True when the number between `begin` and `end` (over 89) is an age: a unit of years after it (a weak one with a label
 * of age or a person beside), a label of age before it, or a unit before it after a person.
 */
function ageAt(text: string, begin: number, end: number): boolean {
  const labelled = () => labelBefore(clause(text, begin, begin, 30, 0));
  const unit = unitAfter(text, end);
  return unit ? !unit.weak || labelled() || personBeside(text, begin, end) : labelled() || unitBefore(text, begin, end);
}

/** A word of age joined to a spelled number (`-jährige`, `vuotias`, `jarige`, `årig`), which is no weak unit. */
function joinedUnit(rest: string): boolean {
  const ageWord = ageTables().exact.get(rest.toLowerCase());
  return ageWord !== undefined && !isWeak(rest.toLowerCase(), ageWord);
}
