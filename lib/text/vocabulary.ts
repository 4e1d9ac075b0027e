/**
 * Words that are never a person's name in a clinical description: DICOM's defined terms (vendored
 * from the standard), the curated clinical vocabulary of the rules (`clinical_vocabulary`), the
 * common nouns of a medical dictionary (`clivus`, `urethrogram`) and the function words of English.
 * Name detection asks it before taking a capitalised word for a name.
 */
import terms from './dicom-terms.json' with { type: 'json' };
import { englishWords, everydayWords, givenNames, medicalTerms, peopleNames } from './lexicons.js';
import { EPONYM_PHRASES, EPONYMS, MAKERS_AND_PRODUCTS } from './clinical-proper-nouns.js';
import { DEFAULT_CLINICAL_VOCABULARY } from './clinical-words.js';
import { boundedMemo } from '../bounded-memo.js';

/** Grammar and everyday words: capitalised at a sentence start or in a title, never names. */
const FUNCTION_WORDS = [
  'A', 'AN', 'THE', 'OF', 'IN', 'ON', 'AT', 'TO', 'FROM', 'BY', 'FOR', 'AND', 'OR', 'NOR', 'BUT', 'WITH', 'WITHOUT', 'IS', 'ARE',
  'WAS', 'WERE', 'BE', 'BEEN', 'HAS', 'HAVE', 'HAD', 'THIS', 'THAT', 'THESE', 'THOSE', 'IT', 'ITS', 'HE', 'SHE', 'HIS', 'HER',
  'THEY', 'THEIR', 'WE', 'OUR', 'YOU', 'YOUR', 'I', 'MY', 'ME', 'NO', 'NOT', 'YES', 'ALSO', 'PLEASE', 'SEE', 'SEEN', 'CALL', 'CONTACT',
  'PER', 'VIA', 'AS', 'IF', 'THEN', 'THAN', 'AFTER', 'BEFORE', 'DURING', 'SINCE', 'UNTIL', 'WHILE', 'WHEN', 'WHERE', 'WHO', 'WHY',
  'HOW', 'WHAT', 'WHICH', 'ALL', 'ANY', 'SOME', 'EACH', 'EVERY', 'OTHER', 'SAME', 'SUCH', 'ONLY', 'VERY', 'MORE', 'MOST', 'LESS',
  'TODAY', 'YESTERDAY', 'TOMORROW', 'NOW', 'LATER', 'AGO', 'WEEK', 'WEEKS', 'MONTH', 'MONTHS', 'DAY', 'DAYS', 'HOUR', 'HOURS',
  'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY', 'JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY',
  'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER', 'PENDING', 'DONE', 'GIVEN', 'NEEDED', 'REQUIRED',
  'ATTENTION', 'ATTN', 'THANK', 'THANKS', 'SIGNED', 'DICTATED', 'TRANSCRIBED', 'VERIFIED', 'APPROVED', 'PERFORMED', 'READ', 'BY',
  'HOME', 'NURSING', 'FACILITY', 'ASSISTED', 'LIVING', 'CARE', 'HOSPICE', 'SHELTER', 'REHAB', 'WARD', 'FLOOR', 'UNIT', 'CLINIC',
  'UNKNOWN', 'NONE', 'N/A', 'NA', 'TBD', 'OTHER', 'MISC', 'SEE', 'ABOVE', 'BELOW', 'HERE', 'THERE', 'INFO', 'DETAILS',
  // labels of the values a text may carry (`Acc# …`, `MRN: …`, `Tel …`): never a name word
  'ACC', 'ACCN', 'ACCESSION', 'MRN', 'DOB', 'TEL', 'PHONE', 'FAX', 'MOBILE', 'EXT', 'SSN', 'PAGER', 'EMAIL', 'E-MAIL', 'ADDRESS',
];

function wordsOf(term: string): string[] {
  const upper = term.toUpperCase();
  return [upper, ...upper.split(/[\s_,()]+/)].filter((w) => w.length > 0);
}

const STANDARD_WORDS: readonly string[] = Object.values((terms as { terms: Record<string, string[]> }).terms).flatMap((list) => list.flatMap(wordsOf));

/** An upper-cased word set: is this word clinical vocabulary (or a function word)? */
export interface Vocabulary {
  has(word: string): boolean;
  /** In the curated lists (DICOM terms, the clinical list, function words), not only in the medical dictionary. */
  listed(word: string): boolean;
  /**
   * A common noun of the medical dictionary (`clivus`, `summit`: some are everyday words that may name a
   * place); with `evenNames` also one that is a person's name too (`labrum`, `johnson`).
   */
  medical(word: string, evenNames?: boolean): boolean;
  /** A clinical word (DICOM terms and the clinical list), function words excluded: `disease`, `CATHETER`. */
  clinical(word: string): boolean;
  /**
   * An eponym or a maker's or product's name (`Foley`, `Siemens`): a name only after a title or beside a given name.
   * With `brands` (the default) also a brand of the medical dictionary (`MitraClip`, `Kinevac`), which holds surnames too.
   */
  properNoun(word: string, brands?: boolean): boolean;
  /** A maker's or product's name (`Philips`, `GE`): never part of an institution's name. */
  maker(word: string): boolean;
  size: number;
}

/**
 * The vocabulary of one rules file: DICOM defined terms + `clinical_vocabulary` (the curated default
 * when the rules give none) + function words. Matching ignores case and a trailing period.
 *
 * @example makeVocabulary(['WEIGHT BEARING']).has('Brain') // true
 */
export function makeVocabulary(clinical: readonly string[] = DEFAULT_CLINICAL_VOCABULARY): Vocabulary {
  // Made once per rules' list (a cleaner is made per file, the set holds some ten thousand words).
  let vocabulary = made.get(clinical);
  if (!vocabulary) {
    vocabulary = vocabularyOf(clinical);
    made.set(clinical, vocabulary);
  }
  return vocabulary;
}

const made = new WeakMap<readonly string[], Vocabulary>();

const EPONYM_SET = new Set(EPONYMS.map((w) => w.toUpperCase()));
const EPONYM_PHRASE_SET = new Set(EPONYM_PHRASES.map((p) => p.toUpperCase()));

/**
 * How many of `words` (from the first) an eponym of several surnames takes (`Hill-Sachs`, `GREULICH PYLE`,
 * `Tommy John`), or 0. Words may hold hyphens and a possessive (`Hill-Sachs'`).
 *
 * @example eponymPhraseLength(['HILL', 'SACHS', 'lesion']) // 2
 */
export function eponymPhraseLength(words: readonly string[]): number {
  const parts: string[] = [];
  const ends: number[] = [];
  for (let k = 0; k < words.length && parts.length < 4; k++) {
    for (const p of words[k].split('-')) if (p) parts.push(normal(p.replace(/['’]$/, '')));
    ends.push(parts.length);
  }
  let found = 0;
  ends.forEach((end, k) => {
    if (end >= 2 && EPONYM_PHRASE_SET.has(parts.slice(0, end).join(' '))) found = k + 1;
  });
  return found;
}
const MAKER_SET = new Set(MAKERS_AND_PRODUCTS.map((w) => w.toUpperCase()));

/** Upper case, without a trailing period or possessive `'s` (`Crohn's` is `CROHN`). */
const normal = (word: string) => word.toUpperCase().replace(/\.$/, '').replace(/['’]S$/, '');
const inSet = (set: Set<string>, word: string) => {
  const w = normal(word);
  return set.has(w) || (w.endsWith('S') && set.has(w.slice(0, -1)));
};

/** A word and its singular forms (`testicles`, `vertebrae`, `calculi`, `arteries`), lower case. */
function forms(word: string): string[] {
  const w = word.toLowerCase().replace(/\.$/, '').replace(/['’]s$/, '');
  const out = [w];
  if (w.length > 4) {
    if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
    if (w.endsWith('es')) out.push(w.slice(0, -2));
    if (w.endsWith('s')) out.push(w.slice(0, -1));
    if (w.endsWith('ae')) out.push(w.slice(0, -1));
    if (w.endsWith('i')) out.push(`${w.slice(0, -1)}us`);
  }
  return out;
}

/**
 * A common noun of the medical dictionary (`CLIVUS`, `Testicles`, `URETHROGRAM`): clinical, unless it is
 * also a person's name (the list holds a few: `johnson`, `gemma`, `labrum`) or an everyday word; with
 * `evenNames`, a name too.
 */
function medicalWord(word: string, evenNames = false): boolean {
  return medicalMemo(evenNames ? `\u0000${word}` : word, () => medicalWordUncached(word, evenNames));
}
/** Words come back text after text (the same descriptions in every file of a study). */
const medicalMemo = boundedMemo<string, boolean>(16_384);

function medicalWordUncached(word: string, evenNames: boolean): boolean {
  if (!/^\p{L}[\p{L}'’-]*\.?$/u.test(word) || word.length < 3) return false;
  const upper = word.toUpperCase().replace(/\.$/, '');
  // Everyday words (`Public`, `Sand`) stay to the other lists: the dictionary speaks for clinical jargon.
  if (givenNames().has(upper) || everydayWords().has(upper) || (!evenNames && peopleNames().has(upper))) return false;
  const terms = medicalTerms();
  return forms(word).some((f) => terms.common(f));
}

/**
 * A drug's or device's brand in the medical dictionary (`MitraClip`, `Kinevac`, `Humira`) that is no
 * person's name and no English word: an eponym-like proper noun (a name only beside a given name or title).
 */
function medicalBrand(word: string): boolean {
  if (!/^\p{L}[\p{L}-]*$/u.test(word) || word.length < 4) return false;
  const upper = word.toUpperCase();
  return medicalTerms().proper(word) && !peopleNames().has(upper) && !givenNames().has(upper) && !englishWords().has(word);
}

function vocabularyOf(clinical: readonly string[]): Vocabulary {
  const clinicalSet = new Set<string>([...STANDARD_WORDS, ...clinical.flatMap(wordsOf)]);
  const set = new Set<string>([...clinicalSet, ...FUNCTION_WORDS]);
  return {
    has: (word: string) => inSet(set, word) || medicalWord(word),
    listed: (word: string) => inSet(set, word),
    medical: medicalWord,
    clinical: (word: string) => inSet(clinicalSet, word) || medicalWord(word),
    properNoun: (word: string, brands = true) => inSet(EPONYM_SET, word) || inSet(MAKER_SET, word) || word.split('-').every((part) => EPONYM_SET.has(normal(part))) || (brands && medicalBrand(word)),
    maker: (word: string) => inSet(MAKER_SET, word),
    get size() {
      return set.size;
    },
  };
}
