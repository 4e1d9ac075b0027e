/**
 * Cleans free text (descriptions, comments, histories, SR text values) by what it says: the file's
 * own identifying values in the forms text uses, shapes that identify whatever the header holds
 * (e-mails, URLs, phones, addresses, dates, IDs: `lib/text/shapes`), names by cue words
 * (`lib/text/names`), ages over 89 written as `90+` (`lib/text/ages`), the rules' regexes. Clinical
 * vocabulary is protected, and what is left reads as text: no dangling labels, connectors or
 * punctuation (`lives at,; contact` never remains).
 */
import { boundedMemo, type Memo } from '../bounded-memo.js';
import type { IdentityContext } from '../engines/types.js';
import { compileLinearPattern, compileLinearSet, type LinearPattern, type LinearPatternSet } from '../linear-regex.js';
import type { SafeHarborCategory } from '../safe-harbor.js';
import { agesDependOnYear, findAgesOver89 } from '../text/ages.js';
import { findLocaleAgesAfterNames } from '../text/locale-ages.js';
import { eponymHead, findCuedNames, findUncuedNames, roleLabels } from '../text/names.js';
import { townOf } from '../text/addresses.js';
import { DEFAULT_ADDRESS_LABELS, makeAddressLabelFinder, type AddressLabelFinder } from '../text/address-labels.js';
import { findShapes } from '../text/shape-memo.js';
import { findUnspacedCuedNames } from '../text/unspaced-names.js';
import { equalSteps, INSTITUTION_LOWER_SHAPE, INSTITUTION_PREFIX_SHAPE, INSTITUTION_SHAPE, INSTITUTION_WEAK_SHAPE, SAINT_SHAPE, institutionNoun } from '../text/shapes.js';

/** Words that say what kind of institution, never which one (`Regional Medical Center`, `St. Memorial Hospital`). */
const INSTITUTION_QUALIFIERS = new Set(['EMPLOYEE', 'STUDENT', 'GLOBAL', 'TRAVEL', 'SKIN', 'GUT', 'EYE', 'HEARING', 'VISION', 'SLEEP', 'PAIN', 'SPINE', 'WELLNESS', 'PREVENTIVE', 'SPORTS', 'POPULATION', 'PUBLIC', 'MENTAL', 'FAMILY', 'PRIMARY', 'URGENT', 'SPORTS', "MEN'S", 'SENIOR', 'VETERANS', 'BEHAVIORAL', 'BEHAVIOURAL', 'OCCUPATIONAL', 'INTEGRATED', 'ADVANCED', 'COMPREHENSIVE', 'SPECIALTY', 'DIGITAL', 'MOBILE', 'PRIVATE', 'GROUP', 'NHS', 'FOUNDATION', 'PHYSICIANS', 'PARTNERS', 'ASSOCIATES', 'SYSTEM', 'NETWORK', 'RADIOLOGY', 'IMAGING', 'DIAGNOSTICS', 'ORTHOPAEDICS', 'ORTHOPEDICS', 'SURGICAL', 'SPECIALISTS', 'CONSULTANTS', 'PRACTICE', 'LABS', 'PHYSICIAN', 'NURSING', 'REHABILITATION', 'ST', 'SAINT', 'MEDICAL', 'MED', 'REGIONAL', 'RGNL', 'COMMUNITY', 'CMTY', 'GENERAL', 'GEN', 'MEMORIAL', 'MEM', 'UNIVERSITY', 'UNIV', 'CHILDREN\'S', 'CHILDRENS', 'WOMEN\'S', 'HEALTH', 'CARE', 'SCIENCE', 'SCIENCES', 'ACADEMIC', 'TEACHING', 'VA', 'COUNTY', 'CITY', 'STATE', 'NATIONAL', 'THE']);
import { CODE_SYSTEMS, MEASURE_LABELS, MEASURE_UNITS } from '../text/clinical-words.js';
import { CARER_ENDING, INSTITUTION_NAME_WORDS, PLACE_OF_CARE_CUES, PLACE_OF_CARE_TO_CUES, PRACTICE_BY_CUES, PROCEDURE_ENDING, institutionNameWord } from '../text/institution-words.js';
import { DEFAULT_KINSHIP_CUES } from '../text/kinship-words.js';
import { DEFAULT_STAFF_ROLES } from '../text/staff-words.js';
import { englishWords, everydayWords, givenNames } from '../text/lexicons.js';
import { compileTerms } from '../text/term-matcher.js';
import { makeVocabulary, type Vocabulary } from '../text/vocabulary.js';
import { B, CLOSED_UP, E, UNSPACED } from '../text/scripts.js';
import { matchesOf } from '../regex-matches.js';

/** What a cleaner removed (counts and letters only: never the text). */
export interface CleanResult {
  text: string;
  removed: number;
  categories: SafeHarborCategory[];
}

/** Options of {@link makeTextCleaner}. */
export interface TextCleanerOptions {
  /** The rules' clinical vocabulary (default: the curated list); DICOM's defined terms are always added. */
  vocabulary?: readonly string[];
  /** The date the text speaks from (the study date): a birth year that reveals an age over 89 goes. */
  referenceDate?: Date;
  /** The rules' `kinship_cues`: words for relatives and carers before a name (default: the curated list). */
  kinshipCues?: readonly string[];
  /** The rules' `staff_roles`: the staff's roles written as a label before a name (default: the curated list). */
  staffRoles?: readonly string[];
  /** The rules' `address_labels`: words that label an address, whose value is an address up to the end of its clause (default: the curated list). */
  addressLabels?: readonly string[];
}

interface Span {
  begin: number;
  end: number;
  category: SafeHarborCategory;
  /** Text written instead (ages: `90+`); undefined = removed. */
  replacement?: string;
}


/**
 * One word of a header name found alone where the text uses it as a word: right before a word like `protocol` or
 * `view` (`BRUCE PROTOCOL`, `WEST POINT VIEW`: the eponym), or an English word next to a clinical word (`XR LONG LEG`,
 * `GRAY MATTER`: the word, even when someone in the header is called Long). After a title, beside another part of
 * the name or among other words it still goes (`Dr. Long`, `Long, Anne`, `seen with Long`).
 */
function loneWordInUse(text: string, begin: number, end: number, vocabulary: Vocabulary): boolean {
  const word = text.slice(begin, end);
  if (!/^\p{L}[\p{L}'’-]*$/u.test(word)) return false;
  const before = /(?:^|[^\p{L}\p{N}])(\p{L}[\p{L}\p{N}/+-]*) $/u.exec(text.slice(Math.max(0, begin - 30), begin))?.[1];
  const after = /^ (\p{L}[\p{L}\p{N}/+-]*)/u.exec(text.slice(end, end + 30))?.[1];
  // After a title it is the name, whatever follows (`MR BROWN KNEE` when the header names a Brown).
  if (before !== undefined && HONORIFICS.has(before.replace(/\.$/, '').toUpperCase())) return false;
  if (after && eponymHead(after)) return true;
  if (!englishWords().has(word)) return false;
  const clinical = (w: string | undefined) => w !== undefined && vocabulary.clinical(w);
  return clinical(before) || clinical(after);
}

/** A number with its unit, as product values give them (`350`, `0.1`, `mmol`, `mg/ml`, `10%`). */
const AMOUNT = /^(?:[\d.,%-]+|[\d.]*(?:mg|g|ml|mL|cc|mmol|mgI|kg|%|mci|mbq|gbq)(?:\/(?:ml|kg|s))?)$/i;
/** A title written in capitals without its period that is also a modality or code (`MR`, `DR`, `MS`). */
const CODE_TITLE = /^(?:MR|DR|MS|SR)[\s^,]/;
/** Titles before a name part: written with or without their period (a term's `. ` matches both). */
const NAME_TITLES = ['Dr.', 'Drs.', 'Mr.', 'Mrs.', 'Ms.', 'Miss', 'Mx.', 'Prof.', 'Sr.'];

const HONORIFICS = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR', 'PROF', 'JR', 'SR', 'II', 'III', 'IV', 'MD', 'PHD', 'DO', 'RN']);

/** Forms in which a header date may appear in text. */
function dateForms(value: string): string[] {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  if (!m) return [value];
  const [, y, mo, d] = m;
  const nm = String(Number(mo));
  const nd = String(Number(d));
  const yy = y.slice(2);
  return [`${y}${mo}${d}`, `${mo}/${d}/${y}`, `${nm}/${nd}/${y}`, `${y}-${mo}-${d}`, `${d}.${mo}.${y}`, `${mo}-${d}-${y}`, `${d}/${mo}/${y}`, `${y}/${mo}/${d}`, `${nm}/${nd}/${yy}`, `${mo}/${d}/${yy}`, `${d}.${mo}.${yy}`];
}

/**
 * The forms of a person's name text uses, for each of its component groups (`Wang^Xiulan=王^秀兰=ワン^シウラン`:
 * alphabetic, ideographic, phonetic): see {@link spacedNameForms} and {@link unspacedNameForms}.
 */
function nameForms(value: string, vocabulary: Vocabulary): string[] {
  return value.split('=').flatMap((group) => (UNSPACED_NAME.test(group) ? unspacedNameForms(group) : spacedNameForms(group, vocabulary)));
}

/** A name group in a script written without spaces between family and given name (Han, Kana, Hangul, Thai). */
const UNSPACED_NAME = new RegExp(`[${UNSPACED}]`, 'u');

/**
 * The forms of a name in Han, Kana, Hangul or Thai: family and given name run together in either order (`王秀兰`,
 * `สมศรีใจดี`), with a space or a middle dot (`山田 花子`, `ヤマダ・ハナコ`), and each part of two characters or more
 * alone (`秀兰`, `山田さん`, `คุณสมศรี`, `민지 씨`). Honorifics and particles glued on are left (`女士`, `様`, `님`): the
 * matcher needs no bound beside these scripts (`lib/text/term-matcher.ts`).
 */
function unspacedNameForms(group: string): string[] {
  const parts = group.split('^').map((p) => p.trim());
  const [family = '', given = '', middle = ''] = parts;
  const forms = parts.filter((p) => Array.from(p).length >= 2);
  if (family && given) {
    for (const between of ['', ' ', '・', '·']) forms.push(`${family}${between}${middle ? `${middle}${between}` : ''}${given}`, `${given}${between}${family}`);
    if (middle) forms.push(`${family}${given}${middle}`);
  }
  return forms;
}

/** The forms of a person's name text uses: each part, `Given Family`, `Family, Given`, `G. Family`, `Family G.`. */
function spacedNameForms(value: string, vocabulary: Vocabulary): string[] {
  const [family = '', given = '', middle = ''] = value.split('^').map((p) => p.trim());
  const parts = value.split(/[\^=\s,]+/).filter((p) => p.length >= 2 && !HONORIFICS.has(p.replace(/\./g, '').toUpperCase()));
  // A part that is also clinical vocabulary (a family name `Head`, `Strain`) counts only beside another part or after a
  // title (`Dr. Head`): alone it is the word (`CT HEAD`, `MR CARDIAC STRAIN`), whoever the header names.
  const forms = parts.filter((p) => !vocabulary.has(p));
  for (const p of parts.filter((p) => vocabulary.has(p))) forms.push(...NAME_TITLES.map((t) => `${t} ${p}`));
  if (parts.length >= 2) forms.push(parts.join(' '));
  if (family && given) {
    forms.push(`${given} ${family}`, `${family}, ${given}`, `${family} ${given}`, `${given[0]}. ${family}`, `${given[0]} ${family}`, `${family}, ${given[0]}.`, `${family} ${given[0]}`);
    if (middle) forms.push(`${given} ${middle} ${family}`, `${given} ${middle[0]}. ${family}`, `${given[0]}. ${middle[0]}. ${family}`);
  }
  return forms;
}

/** The file's own identifying values, in the forms free text uses (longest first). */
export function identityTerms(identity: IdentityContext, vocabulary: Vocabulary = makeVocabulary()): Array<{ term: string; category: SafeHarborCategory }> {
  const terms = new Map<string, SafeHarborCategory>();
  const forms = valueFormsMemo(vocabulary);
  for (const { value, category, vr } of identity.values) {
    for (const term of forms(`${vr ?? ''}\u0000${category}\u0000${value}`, () => valueForms(value, category, vr, vocabulary))) {
      // A form written twice (in any case) keeps the letter of its first value.
      const key = term.toUpperCase();
      if (!terms.has(key)) terms.set(key, category);
    }
  }
  return [...terms].map(([term, category]) => ({ term, category })).sort((a, b) => b.term.length - a.term.length);
}

/**
 * The forms of one header value, trimmed, of two characters or more (see {@link identityTerms}). A pure function of
 * the value, its letter, its VR and the vocabulary: remembered, as the same values come back file after file (every
 * image of a series names the same patient, physicians and institution).
 */
function valueForms(value: string, category: SafeHarborCategory, vr: string | undefined, vocabulary: Vocabulary): readonly string[] {
  const forms: string[] = [];
  const add = (term: string) => {
    const t = term.trim();
    if (t.length >= 2) forms.push(t);
  };
  if (vr === 'UI' || vr === 'AS') return forms;
  if (vr === 'PN') {
    nameForms(value, vocabulary).forEach(add);
    return forms;
  }
  if (vr === 'DA' || vr === 'DT') {
    dateForms(value).forEach(add);
    return forms;
  }
  // A header value made of clinical words only (a station named `CT`, a department `Diagnostic Imaging`) identifies no one;
  // nor, outside places, one of products and amounts (a contrast agent `Omnipaque 350`, `Gadavist 0.1 mmol/kg`).
  const words = value.split(/[\s^,;/]+/).filter(Boolean);
  if (words.every((w) => vocabulary.has(w))) return forms;
  const parts = words.flatMap((w) => w.split('-')).filter(Boolean);
  if (category !== 'B' && parts.some((w) => vocabulary.maker(w)) && parts.every((w) => vocabulary.has(w) || vocabulary.maker(w) || AMOUNT.test(w))) return forms;
  add(value.replace(/\^/g, ' '));
  // Addresses and institutions: each part names a place on its own.
  if (category === 'B') value.split(/[\^,;\n]+/).filter((p) => p.trim().length >= 3 && !vocabulary.has(p.trim())).forEach(add);
  return forms;
}

/**
 * Remembered forms per vocabulary (one per rules file), by VR, letter and value. Most values are the
 * file's own (dates, names, IDs): 4,096 forms (~1.5 MB) keep those of the last files; 20,000 held ~6 MB
 * on 1,000 header files and saved under 1% of the run's CPU.
 */
const valueFormsMemos = new WeakMap<Vocabulary, Memo<string, readonly string[]>>();
function valueFormsMemo(vocabulary: Vocabulary): Memo<string, readonly string[]> {
  let memo = valueFormsMemos.get(vocabulary);
  if (!memo) valueFormsMemos.set(vocabulary, (memo = boundedMemo<string, readonly string[]>(4096)));
  return memo;
}

/** A phone extension after its number (`x 7741`, `ext. 12`, `#3`). */
const EXTENSION = String.raw`(?:x|ext\.?|#)\s{0,2}\d{1,6}`;
/** A header value that is a number only (a phone, a numeric ID): digits with punctuation, an extension at most. */
const NUMBER_VALUE = new RegExp(String.raw`^[\d\s().+/\-\u2010-\u2015\u2212]+(?:${EXTENSION})?$`, 'i');
const TRAILING_EXTENSION = new RegExp(`${EXTENSION}$`, 'i');
/** A run of digits as text writes a number: groups joined by spaces, dots, dashes, slashes, parentheses. */
const NUMBER_RUN = /(?<![\p{N}])\d(?:[\s()./\-\u2010-\u2015\u2212]{0,3}\d){6,24}/gu;

/** The digits of the file's own number values (7 or more digits), without an extension: a phone written in any grouping. */
export function identityNumberKeys(identity: IdentityContext): Array<{ digits: string; category: SafeHarborCategory }> {
  const keys = new Map<string, SafeHarborCategory>();
  for (const { value, category, vr } of identity.values) {
    if (vr === 'DA' || vr === 'DT' || vr === 'TM' || vr === 'UI' || !NUMBER_VALUE.test(value.trim())) continue;
    const digits = value.replace(TRAILING_EXTENSION, '').replace(/\D/g, '');
    if (digits.length >= 7 && !keys.has(digits)) keys.set(digits, category);
  }
  return [...keys].map(([digits, category]) => ({ digits, category }));
}

/**
 * The file's own numbers however text groups them (`555-201-3344` in the header, `(555) 201 3344` or `555.201.3344` in a
 * comment): a run of digits holding a value's last seven digits or more. Linear: runs are bounded, keys few.
 */
function findIdentityNumbers(text: string, keys: ReadonlyArray<{ digits: string; category: SafeHarborCategory }>): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(NUMBER_RUN, text)) {
    const at: number[] = [];
    for (let i = 0; i < m[0].length; i++) if (m[0][i] >= '0' && m[0][i] <= '9') at.push(m.index + i);
    const digits = at.map((i) => text[i]).join('');
    for (const { digits: key, category } of keys) {
      for (let k = key.length; k >= 7; k--) {
        const found = digits.indexOf(key.slice(-k));
        if (found < 0) continue;
        spans.push({ begin: at[found], end: at[found + k - 1] + 1, category });
        break;
      }
    }
  }
  return spans;
}

/** Words that may run into an institution's name in capitals (`OUTSIDE FILMS FROM …`) without being part of it. */
const CONNECTORS = new Set(['FROM', 'AT', 'TO', 'IN', 'OF', 'BY', 'VIA', 'FOR', 'AND', 'WITH', 'ON', 'PER']);

/** A capitalised word that is really a compound adjective (`Faith-based`, `Non-contrast`): never a name. */
const LOWER_COMPOUND = /^\p{Lu}\p{Ll}*-\p{Ll}/u;
/** English adjectives and nouns of a kind (`Mental`, `Molecular`, `Comprehensive`), not of a place. */
const ADJECTIVE_ENDING = /(?:al|ic|ive|ous|ed|ing|ary|ory|ful|less|able|ible|ar|ist|ism|ity|ment|ness|ion|ics|y)$/i;

/** How sure a word must be to name an institution: any non-clinical word, a place-like word, or no English word at all. */
type Naming = 'any' | 'place' | 'foreign';

/**
 * A word that can name an institution: not clinical, not a maker; with `place` not an everyday English
 * word or an adjective (`Mental`, `Molecular`, `Skin`; other English words name places: `Summit`, `Lakeshore`);
 * with `foreign` no English word at all (`Respite Care`, `Long-Term Care` name no one, `Copperline Care` does).
 */
function namingWord(word: string, vocabulary: Vocabulary, naming: Naming): boolean {
  const w = word.replace(/[.,]+$/, '');
  const upper = w.toUpperCase();
  // The medical dictionary speaks only for English words (`Skeleton`): it holds place names too (`Alpes`).
  // A dedication or landscape word (`Summit`, `Sunrise`, `Sacred Heart`) names a place beside an institution noun.
  const clinical = (vocabulary.listed(w) || (vocabulary.medical(w) && englishWords().has(w))) && !INSTITUTION_NAME_WORDS.has(upper);
  // One letter names no institution (`W IMAGING GUIDANCE`: with imaging guidance).
  if (clinical || !/\p{L}{2}/u.test(w) || vocabulary.maker(w) || vocabulary.maker(w.replace(/\./g, '')) || CONNECTORS.has(upper) || INSTITUTION_QUALIFIERS.has(upper) || LOWER_COMPOUND.test(w)) return false;
  if (naming === 'any') return true;
  const bare = upper.replace(/['’]S$/, '');
  // `Mercy`, `Harbor`, `Lakeside`: everyday words that name hospitals.
  const english = (part: string) => englishWords().has(part) || vocabulary.has(part);
  if (institutionNameWord(bare, english)) return true;
  if (bare.includes('-') && bare.split('-').every(english)) return false;
  if (naming === 'foreign') return !english(bare);
  return !englishWords().has(bare) || (bare.length >= 4 && !ADJECTIVE_ENDING.test(bare) && !everydayWords().has(bare));
}

/** Last words that end service names more often than institutions' (`Respite Care`, `Limbic System`, `Group Practice`). */
const SERVICE_NOUN = /^(?:care|systems?|network|group|grp|practice|trust|foundation|surgery|medicine|services|svcs|inc|llc|ltd|gmbh|pllc)\.?$/i;

/**
 * Where an institution shape's name really begins: at its first word that is neither clinical
 * vocabulary, a maker, nor a connector, with the qualifiers just before it (`St.`); none when every word before
 * the institution noun is vocabulary or a qualifier (`Cancer Center`, `Regional Medical Center`, `GE Healthcare` name no one).
 * With `naming` stricter than `any` (a last word that ends ordinary phrases too: `Health`, `Imaging`, `Care`,
 * or a noun in lower case) some word must name a place (`Mental Health`, `Southern hospital` name no one).
 */
function institutionName(text: string, begin: number, end: number, vocabulary: Vocabulary, naming: Naming = 'any'): { begin: number } | undefined {
  const words = matchesOf(/\S+/g, text.slice(begin, end)).slice(0, -1).map((m) => ({ at: begin + m.index, word: m[0].replace(/[.,]+$/, '') }));
  const first = words.findIndex(({ word }) => namingWord(word, vocabulary, 'any'));
  if (first < 0) return undefined;
  if (naming !== 'any' && !words.slice(first).some(({ word }) => namingWord(word, vocabulary, naming))) return undefined;
  let start = first;
  while (start > 0 && INSTITUTION_QUALIFIERS.has(words[start - 1].word.toUpperCase()) && !CONNECTORS.has(words[start - 1].word.toUpperCase())) start--;
  return { begin: words[start].at };
}

/**
 * The name after an institution prefix (`University of Westmarch`): kept only when some word of it names
 * something; with a linking word between (`Hospital da Luz`, `University of Bath`) any word that is not
 * clinical or a function word does, without one (`Hospital Course`, `Clinic Visit`) no plain English word.
 */
function prefixedName(name: string, linked: boolean, vocabulary: Vocabulary): boolean {
  return name.split(/[\s-]+/).some((w) => namingWord(w, vocabulary, linked ? 'any' : 'place'));
}

/** `Mayo Clinic protocol`, `Johns Hopkins criteria`: an institution's name that names a method. */
const METHOD_AFTER = new RegExp(`^\\s{1,3}(?:protocol|criteria|classification|score|scale|method|technique|guidelines?|rules?)${E}`, 'iu');

/** One list, so the shape memory knows it from call to call. */
const PREFIXED_INSTITUTION_SHAPES = [INSTITUTION_PREFIX_SHAPE, SAINT_SHAPE];

/**
 * Institutions named in free text: capitalised words then an institution noun (strong: `Hospital`,
 * `Med Ctr`; weak, needing a naming word: `Health`, `Imaging Partners`), or a prefix then a name
 * (`University of X`, `Klinikum X`: the prefix goes too, alone it would dangle), or `St. X's`.
 * A noun that also begins a prefixed name (`Vorbefund Klinikum Nordhafen`) is taken as its prefix.
 */
function findInstitutions(text: string, vocabulary: Vocabulary, people: readonly Span[] = []): Span[] {
  const spans: Span[] = [];
  const prefixStarts = new Set<number>();
  for (const s of findShapes(text, PREFIXED_INSTITUTION_SHAPES)) {
    const begin = s.outer?.begin ?? s.begin;
    const linked = text.slice(begin, s.begin).trim().split(/\s+/).length >= 2;
    if (!prefixedName(text.slice(s.begin, s.end), linked, vocabulary)) continue;
    prefixStarts.add(begin);
    spans.push({ begin, end: s.outer?.end ?? s.end, category: s.category });
  }
  // Where the span's last word begins (searched within the span: linear over all spans).
  const nounStart = (begin: number, end: number) => begin + text.slice(begin, end).search(/\S+$/);
  for (const [shape, weak] of [[INSTITUTION_SHAPE, false], [INSTITUTION_WEAK_SHAPE, true]] as const) {
    for (const s of findShapes(text, [shape])) {
      const noun = nounStart(s.begin, s.end);
      if (prefixStarts.has(noun) || METHOD_AFTER.test(text.slice(s.end, s.end + 20))) continue;
      const nounWord = text.slice(noun, s.end);
      const naming: Naming = SERVICE_NOUN.test(nounWord) ? 'foreign' : weak || /^\p{Ll}/u.test(nounWord) ? 'place' : 'any';
      const found = institutionName(text, s.begin, s.end, vocabulary, naming);
      if (!found) continue;
      // A person's name found before clinical words (`WHITE, NADIA ECHO LTD`, `HILL, PAUL MAMMO DIAG`) names no
      // institution: what follows the name must name one by itself.
      const person = people.find((p) => p.begin <= found.begin && p.end > found.begin && p.end < s.end);
      const named = person && !practiceName(text, person, s.end) ? institutionName(text, person.end, s.end, vocabulary, naming) : found;
      if (named) spans.push({ begin: named.begin, end: s.end, category: s.category });
    }
  }
  return spans;
}

/**
 * One word taken for a person right before specialty or institution words only (`referred by Pemberton Cardiology`,
 * `Referring: Hollins Family Practice`): it names the practice, which goes whole (removing the name alone left
 * `referred Cardiology`). Not a name in the comma form (`WHITE, NADIA RADIOLOGY`) nor after a title (`Dr Hale Cardiology`).
 */
function practiceName(text: string, person: Span, end: number): boolean {
  const [name, ...rest] = text.slice(person.begin, end).split(/\s+/);
  if (!/^\p{Lu}[\p{L}'’-]+$/u.test(name) || text.slice(person.begin, person.end).includes(',')) return false;
  const before = /(\p{L}+)\.?\s{1,3}$/u.exec(text.slice(Math.max(0, person.begin - 12), person.begin))?.[1];
  if (before !== undefined && HONORIFICS.has(before.toUpperCase())) return false;
  return rest.every((w) => institutionNoun(w) || INSTITUTION_QUALIFIERS.has(w.replace(/[.,]+$/, '').toUpperCase()));
}

/** A word of a name written in lower case (`mercy`, `lukes`, `sam`): a place word, no English word, or a given name that is no everyday word. */
function lowerNamingWord(word: string, vocabulary: Vocabulary): boolean {
  const w = word.replace(/[.,]+$/, '');
  if (vocabulary.has(w) || CONNECTORS.has(w.toUpperCase()) || INSTITUTION_QUALIFIERS.has(w.toUpperCase())) return false;
  const upper = w.toUpperCase();
  return namingWord(w, vocabulary, 'foreign') || (givenNames().has(upper) && !everydayWords().has(upper));
}

/** Institutions in lower case before a hospital noun (`st marys hospital`): from the first naming word, with `st` before it. */
function findLowerInstitutions(text: string, vocabulary: Vocabulary): Span[] {
  const spans: Span[] = [];
  for (const s of findShapes(text, LOWER_INSTITUTION_SHAPES)) {
    const words = matchesOf(/\S+/g, text.slice(s.begin, s.end)).slice(0, -1).map((m) => ({ at: s.begin + m.index, word: m[0] }));
    let first = words.findIndex(({ word }) => lowerNamingWord(word, vocabulary));
    if (first < 0) continue;
    while (first > 0 && INSTITUTION_QUALIFIERS.has(words[first - 1].word.replace(/\.$/, '').toUpperCase()) && !CONNECTORS.has(words[first - 1].word.toUpperCase())) first--;
    spans.push({ begin: words[first].at, end: s.end, category: s.category });
  }
  return spans;
}
const LOWER_INSTITUTION_SHAPES = [INSTITUTION_LOWER_SHAPE];

const CUE_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’&./-]{0,40}|@|[^\s\p{L}\p{N}]/gu;
/** Words that may join the words of a name in capitals (`University of X`, `Johnson & Johnson`). */
const NAME_LINKS = new Set(['of', 'de', 'du', 'la', 'le', 'del', 'di', 'da', 'and', '&']);

/**
 * A place of care named after a cue (`transferred from Mercy General`, `outside films from st lukes`, `prior imaging at
 * Mass General Brigham`, `f/u at Westmead`, `records sent to Apollo Hospitals Chennai`), whatever its words: the words
 * after `from`/`at`/`@`/`to` (after `by` a practice only: `referred by Caldwell Urology`), in capitals up to six, in lower case up to four, when one of them names a place (not
 * English, a place word, a given name in lower case). Clinical words stop a lower-case run (`seen at clinic`, `sent from
 * er`); a word like `pouch` after the run makes it an eponym (`seen at Morison pouch`). The span ends at its last
 * naming word or the institution words right after it (`Mercy General`, `valley radiology`).
 */
function findCuedInstitutions(text: string, vocabulary: Vocabulary): Span[] {
  const tokens = matchesOf(CUE_TOKEN, text).map((m) => ({ at: m.index, text: m[0] }));
  const bare = (k: number) => (tokens[k]?.text ?? '').replace(/[.]+$/, '');
  const lower = (k: number) => bare(k).toLowerCase();
  const word = (k: number) => k < tokens.length && /^[\p{L}]/u.test(tokens[k].text);
  const spans: Span[] = [];
  for (let k = 1; k < tokens.length - 1; k++) {
    const prep = lower(k);
    // After `by` only a practice is looked for (`referred by Kestrel Vascular Surgery`): a person there is the name finder's.
    const by = prep === 'by';
    if (prep !== 'from' && prep !== 'at' && prep !== '@' && prep !== 'to' && prep !== 'via' && !by) continue;
    const cued = (c: number) => {
      const w = lower(c);
      if (prep === 'to') return PLACE_OF_CARE_TO_CUES.has(w);
      return PLACE_OF_CARE_CUES.has(w) || PROCEDURE_ENDING.test(w) || CARER_ENDING.test(w) || (by && PRACTICE_BY_CUES.has(w));
    };
    // One word may stand between the cue and the preposition: a year, an adverb (`lumpectomy 2018 at`, `MRI done privately at`).
    if (!cued(k - 1) && !(k >= 2 && /^(?:\d{2,4}|\p{L}+ly)$/u.test(bare(k - 1)) && cued(k - 2))) continue;
    let r = k + 1;
    if (/^the$/i.test(bare(r))) r++;
    if (!word(r)) continue;
    const capitals = /^\p{Lu}/u.test(tokens[r].text);
    const run: number[] = [];
    for (let j = r; j < tokens.length && run.length < (capitals ? 6 : 4); j++) {
      const t = tokens[j].text;
      if (capitals && /^[-–]$/.test(t) && run.length > 0 && word(j + 1) && /^\p{Lu}/u.test(tokens[j + 1].text)) {
        // a campus after a dash (`Baptist Memorial - Desoto`): the dash joins, it names nothing
        continue;
      }
      const link = capitals && NAME_LINKS.has(t.toLowerCase()) && run.length > 0 && word(j + 1) && /^\p{Lu}/u.test(tokens[j + 1].text);
      // `sent via fax`, `results by phone`: a means of contact names no place.
      if (!link && (!word(j) || /\d/.test(t) || MEANS.test(bare(j)))) break;
      if (capitals) {
        if (!link && (!/^\p{Lu}/u.test(t) || CONNECTORS.has(t.toUpperCase()))) break;
      } else if (!/^\p{Ll}[\p{Ll}'’.-]*$/u.test(t) || CONNECTORS.has(t.toUpperCase()) || (vocabulary.has(bare(j)) && !institutionNoun(bare(j)) && !INSTITUTION_QUALIFIERS.has(bare(j).toUpperCase()))) break;
      run.push(j);
      // a sentence ends after a word with a full stop (`St.`, `Mt.` and other short abbreviations go on)
      if (t.endsWith('.') && t.length > 4) break;
    }
    if (run.length === 0) continue;
    // A place word or a compound place name (`Mercy`, `Valley`, `Lakeland`, even when the medical dictionary holds it).
    const placeName = (j: number) => !vocabulary.listed(bare(j)) && institutionNameWord(bare(j).toUpperCase(), (w) => englishWords().has(w) || vocabulary.has(w));
    // In capitals: no English word (`Brigham`, `UCSF`, `Westmead`, `Permanente`) or a place word (`Mercy`, `Valley`).
    const capitalName = (j: number) => {
      const w = bare(j);
      const upper = w.toUpperCase();
      if (!/^\p{Lu}/u.test(w) || vocabulary.has(w) || vocabulary.properNoun(w, false) || CONNECTORS.has(upper) || INSTITUTION_QUALIFIERS.has(upper)) return false;
      return !englishWords().has(w);
    };
    // A practice: capitalised words before a specialty or facility word (`Kestrel Vascular Surgery`, `Caldwell Urology`,
    // `Greystone Oncology Group`), one of them neither clinical nor a qualifier (an eponym counts: it names the practice
    // there). A department has none (`Interventional Radiology`, `Sports Medicine`, `Pediatric Cardiology`).
    const facility = capitals ? run.findIndex((j) => institutionNoun(bare(j))) : -1;
    // Not an everyday word or an adjective (`Wound Care`, `Orthopaedic Surgery` name a kind of care, not which practice).
    const practiceWord = (j: number) => {
      const w = bare(j);
      return /^\p{Lu}\p{L}/u.test(w) && !institutionNoun(w) && (namingWord(w, vocabulary, 'place') || (vocabulary.properNoun(w, false) && !vocabulary.maker(w) && !INSTITUTION_QUALIFIERS.has(w.toUpperCase())));
    };
    const practice = (j: number) => facility > 0 && j < run[facility] && practiceWord(j);
    const naming = (j: number) => practice(j) || (!by && (capitals ? capitalName(j) || placeName(j) : lowerNamingWord(bare(j), vocabulary) || placeName(j)));
    let last = -1;
    run.forEach((j, n) => {
      if (naming(j)) last = n;
    });
    if (last < 0) continue;
    // A clinical word then place words only is a part of the hospital (`Trauma Bay`, `Recovery Point`).
    if (vocabulary.has(bare(run[0])) && !naming(run[0]) && !INSTITUTION_QUALIFIERS.has(bare(run[0]).toUpperCase()) && run.every((j) => !naming(j) || !capitalName(j))) continue;
    const after = run[run.length - 1] + 1;
    if (after < tokens.length && EPONYM_HEADS_AFTER.test(bare(after))) continue;
    // In text that has lower case, a run in title case is one name to its end (`Peachtree Bone & Joint`).
    if (capitals && /\p{Ll}/u.test(text) && run.every((j) => !/^\p{Lu}{2,}$/u.test(tokens[j].text))) last = run.length - 1;
    while (last + 1 < run.length && (institutionNoun(bare(run[last + 1])) || INSTITUTION_QUALIFIERS.has(bare(run[last + 1]).toUpperCase()) || /^ortho$/i.test(bare(run[last + 1])))) last++;
    let first = 0;
    // In lower case the name begins at its first naming word (`st` before it goes too).
    if (!capitals) {
      first = run.findIndex((j) => naming(j));
      while (first > 0 && INSTITUTION_QUALIFIERS.has(bare(run[first - 1]).toUpperCase())) first--;
    }
    const end = tokens[run[last]].at + bare(run[last]).length;
    spans.push({ begin: tokens[run[first]].at, end, category: 'B' });
    k = run[last];
  }
  return spans;
}
/** `seen at Morison pouch`, `from Meckel diverticulum`: a proper noun before these is an eponym, not a place. */
const EPONYM_HEADS_AFTER = /^(?:pouch|point|sign|syndrome|disease|fracture|lesion|triangle|space|canal|duct|gland|area|node|line|angle|classification|criteria|score|scale|protocol|method|technique|view|position)$/i;

/** A number in parentheses before clinical words (`(512) CT-HEAD`): no vanity phone. A toll-free code and extension labels do not count. */
function clinicalVanity(phone: string, vocabulary: Vocabulary): boolean {
  if (/^(?:1[\s.-]?)?8(?:00|88|77|66|55|44|33)/.test(phone)) return false;
  const words = (phone.match(/\p{L}+/gu) ?? []).filter((w) => !/^(?:x|ext|extn|extension|poste|durchwahl|dw)$/i.test(w));
  return words.length > 0 && words.every((w) => vocabulary.has(w));
}

/**
 * Spaced numbers right after another spaced number (`b-values 50 400 800 1000`, `kVp 80 100 120`): values in a
 * list, whatever a rule's phone pattern says (the built-in phone shapes still judge them on their own).
 */
function listedValues(text: string, begin: number, end: number): boolean {
  return /^\d[\d ]*\d$/.test(text.slice(begin, end)) && /\d {1,2}$/.test(text.slice(Math.max(0, begin - 3), begin));
}

/** Numbers grouped by spaces, dashes or `x` (`256 256 1024`, `62-65-70`, `12 x 14 x 16`), each of five digits at most. */
const NUMBER_GROUPS = /^\d{1,5}(?:\s{0,2}[\s\-\u2010-\u2015x×]\s{0,2}\d{1,5}){1,7}$/u;
const escapeWords = (words: readonly string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s{1,2}')).join('|');
/** A measurement's label, then at most six numbers of the same list, right before a place (`Matrix `, `kVp 80 100 `). */
const MEASURE_LABEL_BEFORE = new RegExp(`${B}(?:${escapeWords(MEASURE_LABELS)})\\s{0,2}[:=#]?\\s{0,3}(?:\\d{1,5}(?:[.,]\\d{1,3})?\\s{1,2}){0,6}$`, 'iu');
/** A unit right after a place (`bpm`, `HU`, `mm`). */
const MEASURE_UNIT_AFTER = new RegExp(`^\\s{0,2}(?:${escapeWords([...MEASURE_UNITS].sort((a, b) => b.length - a.length))})${E}`, 'iu');

/**
 * Numbers that a measurement's unit or label makes values (`Heart rate 62-65-70 bpm`, `Matrix 256 256 1024`): only numbers
 * grouped by spaces, dashes or `x`, never dotted ones (`Series 1.2.840…` is a UID) or ones with letters.
 */
function measuredNumbers(text: string, begin: number, end: number): boolean {
  const found = text.slice(begin, end);
  if (!NUMBER_GROUPS.test(found)) return false;
  if (MEASURE_UNIT_AFTER.test(text.slice(end, end + 16))) return true;
  // After a label, values are listed with spaces or `x` (`Matrix 256 256 1024`, `Size 12 x 14`); numbers joined by dashes
  // there need their unit (`Table 4 555-201-3344` is a phone).
  return !/[-\u2010-\u2015]/u.test(found) && MEASURE_LABEL_BEFORE.test(text.slice(Math.max(0, begin - 60), begin));
}

/**
 * A rule's match that is part of a longer run of numbers joined by the same mark, the whole counting in equal steps
 * (`levels 10-20-30-40`: a date pattern matches `10-20-30`). The shapes judge such a run whole.
 */
function inCountingRun(text: string, begin: number, end: number): boolean {
  const head = /^\d+([-./])/.exec(text.slice(begin, end));
  if (!head) return false;
  const mark = head[1];
  const before = (/(?:\d{1,5}[-./])*$/.exec(text.slice(Math.max(0, begin - 24), begin)) ?? [''])[0];
  const after = (/^(?:[-./]\d{1,5})*/.exec(text.slice(end, end + 24)) ?? [''])[0];
  const run = `${before}${text.slice(begin, end)}${after}`;
  if (run.length === end - begin || run.split(mark).length !== run.split(/[-./]/).length) return false;
  const n = run.split(mark).map(Number);
  return n.length >= 4 && n[1] !== n[0] && equalSteps(n);
}

/** A coding system's name right before a place, with `code`, a colon and earlier codes of a list between (`CPT codes 70450, `). */
const CODE_BEFORE = new RegExp(
  `${B}(?:${CODE_SYSTEMS.map((c) => c.replace(/[-\s]/g, '[-\\s]?')).join('|')})(?:\\s{1,2}(?:codes?|concept|id))?\\s{0,2}[:#=]?\\s{0,3}(?:[\\p{L}\\p{N}.-]{1,20}\\s{0,2}(?:[,;/]|and|or)\\s{0,3}){0,5}$`,
  'iu',
);

/** True when the words between a street number and the suffix are all clinical (`3 Vessel Run`), so it names no street. */
function streetWordsClinical(address: string, vocabulary: Vocabulary): boolean {
  const words = address.split(/[\s,]+/).slice(1, -1).filter((w) => /\p{L}/u.test(w));
  return words.length > 0 && words.every((w) => vocabulary.has(w));
}

const UNIT_WORDS: ReadonlySet<string> = new Set(MEASURE_UNITS);
/**
 * A word after a number that makes it a measure or a dose: a unit, clinical vocabulary, a medical common noun (a drug), an
 * eponym or a maker. Not the medical dictionary's brands or names, which hold towns (`Amsterdam`, `Paris`).
 */
function notATown(w: string, vocabulary: Vocabulary): boolean {
  return UNIT_WORDS.has(w.toLowerCase()) || vocabulary.has(w) || vocabulary.medical(w) || vocabulary.properNoun(w, false);
}

/** Labels, titles and connectors that mean nothing once the value after them is gone. */
const DANGLING =
  /(?:^|(?<=[\s([{,;:/]))(?:for|by|per|at|c\/o|care\s+of|to|of|from|on|dated?|and|or|&|with|via|(?:emergency\s+|best\s+)?contact(?:\s+(?:no\.?|number|details|at|on|via))?|call|reach(?:ed)?\s+at|phone|ph|tel(?:ephone)?|fax|mobile|cell|pager|pgr|bleep|vocera|page|sms|e-?mail(?:ed)?|mail|address(?:\s+is)?|addr|lives\s+(?:at|in)|living\s+(?:at|in)|resides\s+(?:at|in)|residing\s+(?:at|in)|born(?:\s+in)?|b\.|yob|dob|d\.o\.b|birth\s*date|date\s+of\s+birth|mrn|mr\s*#|id|acc(?:ession)?|ssn|name|cc|nok|regards|thanks|sincerely|signed|ex|pt\.?\s+name|patient\s+name|dr|mr|mrs|ms|miss|prof|zip|url|web(?:site)?|ip|acct|account|policy|member|no|number|#)\.?\s*[:#=]?\s*$/i;
/**
 * Words that cannot end a clause, left before a removal that ended it: a copula, a possessive or article, a verb of
 * naming or reaching (`Daughter is`, `his`, `to be called`, `goes by`, `known as`, `can be reached`).
 */
const NON_FINAL = /(?:^|(?<=[\s([{,;:/]))(?:is|are|was|were|am|be|been|being|his|her|hers|their|its|my|our|your|the|(?:(?:likes|prefers|wants|wishes|asks)\s+)?(?:to\s+)?(?:be|is|was|being|get|gets)\s+called|named|nicknamed|can|may|could|will|would|should|must|aka|a\.k\.a|goes\s+by|go\s+by|known(?:\s+\p{L}+){0,3}\s+as|(?:(?:can|may|could|will|should)\s+)?(?:be\s+)?(?:reached|contacted|paged|texted))\.?\s*[:#=]?\s*$/iu;

/** A copula at the end of the words before a removal inside a clause. */
const COPULA_END = /(?:^|(?<=\s))(?:is|are|was|were)\s*$/i;

/** True when some word of `text` says something: clinical vocabulary, or a relative or carer (`daughter is <name>` keeps `daughter`). */
function clinicalIn(text: string, vocabulary: Vocabulary, kinshipCues: ReadonlySet<string>): boolean {
  return (text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).some((w) => vocabulary.clinical(w) || kinshipCues.has(w.toLowerCase()));
}

/**
 * True when the last piece before `index` that holds anything ends in a word, not a sentence mark: text that still needs its
 * own mark. Only the last few pieces are looked at, so each piece is looked at a bounded number of times.
 */
function textBefore(pieces: ReadonlyArray<{ text: string }>, index: number): boolean {
  for (let b = index - 1; b >= Math.max(0, index - 8); b--) {
    const t = pieces[b].text.trimEnd();
    if (t) return /[\p{L}\p{N})\]}]$/u.test(t);
  }
  return false;
}

/** Where the clause of the text's end begins: after the last sentence mark, comma, colon, bar or open bracket (0: the text's start). */
function clauseStart(text: string): number {
  let start = 0;
  for (const m of matchesOf(/[.;:!?|,]\s|[([{]|\n/g, text)) start = m.index + m[0].length;
  return start;
}

/**
 * One capital letter labelling a phone (`T 020 …`, `| F: …`, `H/W/C/M/O/P/E`), first or after a separator:
 * dangling only before a phone (`Hepatitis C 555-…` keeps its C).
 */
const DANGLING_PHONE_LETTER = /(?:^|(?<=[([{,;/|]\s{0,2})|(?<=^\s{1,2}))[HMTWFCOPE]\.?\s*[:#=]?\s*$/;
/** A way of reaching someone (`telephone`, `fax`), and the words that make it the means (`by telephone`, `via e-mail`). */
const MEANS = /^(?:tele?phone|phone|fax|e-?mail|mail|sms|text|pager|page|bleep)$/i;
const MEANS_BEFORE = /(?:^|\s)(?:by|via|per|over\s+the|on\s+the)$/i;
const SEPARATOR_RANK = ['.', ';', ',', ':', '|'];
/** A character of a script written without spaces, or CJK punctuation, at the end or start of a piece of text. */
const CLOSED_UP_END = new RegExp(`[${CLOSED_UP}]$`, 'u');
const CLOSED_UP_START = new RegExp(`^[${CLOSED_UP}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff1f]`, 'u');

/** Labels that are clinical codes too, and stay labels: titles and `PT` before a name, glue words. */
const LABEL_CODES = new Set(['MR', 'MRS', 'MS', 'DR', 'PT', 'FOR', 'BY', 'PER', 'AT', 'TO', 'OF', 'FROM', 'ON', 'AND', 'OR', 'WITH', 'VIA', 'NO']);

/** A dangling-label match that is a clinical code written in capitals without a label's mark (`CC`, `ID`): a view, not a label. */
function clinicalCode(label: string, vocabulary: Vocabulary): boolean {
  const word = label.trim();
  return /^\p{Lu}{2,}$/u.test(word) && !LABEL_CODES.has(word) && vocabulary.clinical(word);
}

/** True when the last word of `before` is clinical vocabulary (a view or laterality before a code: `L CC`, `LCC ID`). */
function afterClinicalWord(before: string, vocabulary: Vocabulary): boolean {
  const last = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u.exec(before);
  return last !== null && vocabulary.has(last[1]);
}

/** Rebuilds the text from kept pieces, joining across each removal so it still reads. */
function rebuild(text: string, spans: Span[], vocabulary: Vocabulary, kinshipCues: ReadonlySet<string>): string {
  type Piece = { text: string; removed: boolean; phone?: boolean };
  const pieces: Piece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.begin > at) pieces.push({ text: text.slice(at, s.begin), removed: false });
    if (s.replacement !== undefined) pieces.push({ text: s.replacement, removed: false });
    else pieces.push({ text: '', removed: true, phone: s.category === 'D' });
    at = s.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), removed: false });
  // Merge: kept glue between two removals (`X or Y`, `X, Y`, `X (Y)`) goes with them.
  for (let i = 1; i < pieces.length - 1; i++) {
    if (pieces[i - 1].removed && pieces[i + 1].removed && !pieces[i].removed && /^[\s,;/&+.:()[\]|-]*(?:(?:and|or|&)[\s,;]*)?$/i.test(pieces[i].text)) pieces[i] = { text: '', removed: true, phone: pieces[i - 1].phone && pieces[i + 1].phone };
  }
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.removed === p.removed) {
      last.text += p.text;
      last.phone = last.phone || p.phone;
    }
    else merged.push({ ...p });
  }
  // Drop dangling labels before each removal, then join the separators around it.
  for (let i = 0; i < merged.length; i++) {
    if (!merged[i].removed) continue;
    const left = merged[i - 1];
    const right = merged[i + 1];
    if (left) {
      let tail = left.text;
      // Where the removal ends its clause (`Daughter is <name>.`, `best contact is his <phone>;`), the words that needed it go too.
      const clauseEnds = i + 1 >= merged.length || /^\s*(?:[.;,:!?|)\]}]|$)/.test(right.text);
      let incomplete = false;
      for (let k = 0; k < 6; k++) {
        const trimmed = tail.replace(/\s+$/, '');
        // Inside a clause only a copula goes (`wife is <name> and she …` reads `wife and she …`).
        const unfinished = clauseEnds ? NON_FINAL : COPULA_END;
        if (unfinished.test(trimmed)) {
          tail = trimmed.replace(unfinished, '');
          incomplete ||= clauseEnds;
          continue;
        }
        const label = DANGLING.exec(trimmed);
        // A view or code in capitals after another (`L CC call …`, `LCC ID DOB …`) is the text's, not a label of
        // what was removed; first in the text or after other words (`ID 8844 2211 on wristband`) it is the label.
        if (label && clinicalCode(label[0], vocabulary) && afterClinicalWord(tail.slice(0, label.index), vocabulary)) break;
        let next = trimmed.replace(DANGLING, '');
        if (merged[i].phone) next = next.replace(DANGLING_PHONE_LETTER, '');
        if (next === trimmed) break;
        // `by telephone`, `via fax`: the means, not a label, once the connector after it is gone; `electronically signed` is what happened.
        const word = tail.slice(next.length).trim();
        if ((MEANS_BEFORE.test(next.trimEnd()) && MEANS.test(word)) || (/^signed\W*$/i.test(word) && /\p{L}ly$/iu.test(next.trimEnd()))) break;
        tail = next;
      }
      // What is left of a clause that lost its object (`Prefers to be called`, `Best contact`): the whole clause goes,
      // unless it holds a clinical word (`CT chest compared with`).
      if (incomplete) {
        const start = clauseStart(tail);
        if (!clinicalIn(tail.slice(start), vocabulary, kinshipCues)) {
          tail = tail.slice(0, start);
          // The clause began before an earlier removal (`Sister <name> can be reached on <phone>.`): its words there go too.
          for (let b = i - 2; start === 0 && b >= 1 && !/[.;:!?|]/.test(merged[b].text); b -= 2) {
            const kept = merged[b - 1];
            const from = clauseStart(kept.text);
            if (clinicalIn(kept.text.slice(from), vocabulary, kinshipCues)) break;
            merged[b].text = '';
            kept.text = kept.text.slice(0, from);
            if (from > 0) break;
          }
        }
      }
      left.text = tail;
    }
    const leftText = left?.text ?? '';
    const rightText = right?.text ?? '';
    let leftSeps = /[\s,;:.\-–/([{|]*$/.exec(leftText)?.[0] ?? '';
    // A slash or dash that ends a word is the word's (`W/`, `C-`, `S/P`), not a separator.
    if (/^[-/]/.test(leftSeps) && /[\p{L}\p{N}]$/u.test(leftText.slice(0, leftText.length - leftSeps.length))) leftSeps = leftSeps.slice(1);
    const rightSeps = /^[\s,;:.\-–/)\]}|]*/.exec(rightText)![0];
    const leftCore = leftText.slice(0, leftText.length - leftSeps.length);
    const rightCore = rightText.slice(rightSeps.length);
    const seps = leftSeps + rightSeps;
    const open = /[([{]/.test(leftSeps);
    const close = /[)\]}]/.test(rightSeps);
    let join = ' ';
    // Text before an emptied piece still needs the sentence mark after it (`Needle phobic` is another sentence).
    const before = leftCore.trim() !== '' || textBefore(merged, i - 1);
    if (!before || rightCore.trim() === '') join = rightCore.trim() === '' && /\.\s*$/.test(rightSeps) && before ? '.' : '';
    else {
      const sep = SEPARATOR_RANK.find((c) => seps.includes(c));
      join = sep === '|' ? ' | ' : sep ? `${sep} ` : ' ';
      // Text of a script written without spaces closes up over what went glued into it (`家属<name>陪同`, `电话<phone>，`).
      if (join === ' ' && seps === '' && (CLOSED_UP_END.test(leftCore) || CLOSED_UP_START.test(rightCore))) join = '';
      if (open && !close) join = `${join.trimEnd()} (`.trimStart();
      if (close && !open) join = `)${join}`;
    }
    // A mark after an emptied piece closes the text before it: no space before it (`Sister. Needle phobic`).
    if (leftCore.trim() === '' && /^[.;,:|]/.test(join.trimStart()) && i >= 2 && merged[i - 2].text.trim() === '') {
      merged[i - 2].text = '';
      join = join.trimStart();
    }
    if (left) left.text = leftCore;
    if (right) right.text = rightCore;
    merged[i] = { text: join, removed: false };
  }
  return merged
    .map((p) => p.text)
    .join('')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/^[\s,;:\-–/|]+/, '')
    .replace(/(?:[\s,;:–|]|(?<![\p{L}\p{N}])[-/])+$/u, '')
    .trim();
}

/** Merges spans: removals win over replacements; overlapping removals join. Linear after sorting. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.begin - b.begin || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.begin < last.end) {
      if (last.replacement !== undefined && s.replacement === undefined) {
        // A removal overlapping an age: the removal takes the whole.
        last.replacement = undefined;
        last.category = s.category;
      }
      if (s.end > last.end) {
        if (last.replacement !== undefined) continue; // an age is never widened
        last.end = s.end;
      }
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

/**
 * A reusable cleaner for one file: its identity values, the rules' regexes, the built-in shapes,
 * cue-word names and ages over 89. Linear in the text's length for the built-in parts.
 *
 * @example makeTextCleaner(gatherIdentity(original), rules.regex)('CT CHEST for John Smith 555-201-3344').text // 'CT CHEST'
 */
export function makeTextCleaner(identity: IdentityContext, ruleRegex: readonly string[], options: TextCleanerOptions = {}): (text: string) => CleanResult {
  const vocabulary = makeVocabulary(options.vocabulary);
  // The file's own values, longest first; a space or comma in one stands for 1-3 of ` ^,` (see compileTerms).
  const identityMatcher = compileTerms(identityTerms(identity, vocabulary));
  const numberKeys = identityNumberKeys(identity);
  const referenceYear = options.referenceDate?.getUTCFullYear();
  const kinshipCues = options.kinshipCues ?? DEFAULT_KINSHIP_CUES;
  const memory = cleaningMemory(vocabulary, ruleRegex, kinshipCues, options.staffRoles ?? DEFAULT_STAFF_ROLES, options.addressLabels ?? DEFAULT_ADDRESS_LABELS);
  const { rulePatterns, ruleSet } = memory;

  /**
   * What the text says by itself, whatever file it is in: rule pattern matches, shapes, names, places found by cue,
   * ages over 89. Remembered: headers repeat their free text from file to file (a series' descriptions, a physician
   * named in every file of a site), and each of these is a pure function of the text (and the rules, the vocabulary
   * and, for a text holding a birth year, the reference year: see memoryKey).
   */
  const readText = (text: string): TextReading => {
    if (text.length > MAX_REMEMBERED_TEXT) return readTextUncached(text);
    return memory.readings(memoryKey(text), () => readTextUncached(text));
  };
  // The reference year decides only birth years: a text that holds none is known by itself, whatever
  // the study's year (the same description in studies of many years is read once). A text is either
  // one or the other, so the two kinds of key never name two answers.
  const memoryKey = (text: string) => (agesDependOnYear(text) ? `${referenceYear ?? ''}\u0000${text}` : `any year\u0000${text}`);
  const readTextUncached = (text: string): TextReading => {
    const rules: Span[] = [];
    // Only the patterns the set says match are run (a pattern that matches nowhere finds nothing).
    for (const index of ruleSet ? ruleSet.matching(text) : rulePatterns.keys()) {
      for (const m of rulePatterns[index].matchAll(text)) {
        const end = m.index + m.text.length;
        if (!listedValues(text, m.index, end) && !measuredNumbers(text, m.index, end) && !inCountingRun(text, m.index, end)) rules.push({ begin: m.index, end, category: 'R' });
      }
    }
    const shapes: Span[] = [];
    for (const s of findShapes(text)) {
      // An ID-like token that is clinical vocabulary (`T1W`, `B1000`) is not an ID.
      if (s.kind === 'id' && vocabulary.has(text.slice(s.begin, s.end))) continue;
      // A code after its coding system (`SNOMED 399208008`, `NDC 0407-1413-71`) names a concept.
      if ((s.kind === 'id' || s.kind === 'phone') && CODE_BEFORE.test(text.slice(Math.max(0, s.begin - 80), s.begin))) continue;
      // A vanity number whose letters are clinical words after a number in parentheses (`(512) CT-HEAD`) is no phone; a toll-free one is.
      if (s.kind === 'phone' && clinicalVanity(text.slice(s.begin, s.end), vocabulary)) continue;
      // Numbers after a measurement's label or before its unit (`Matrix 256 256 1024`, `62-65-70 bpm`) are values.
      if ((s.kind === 'phone' || s.kind === 'id') && measuredNumbers(text, s.begin, s.end)) continue;
      // A place by cue that is only common words (`living at Home`, `resident of Assisted Living`) names no place.
      if (s.kind === 'address' && !/\d/.test(text.slice(s.begin, s.end)) && text.slice(s.begin, s.end).split(/[\s,]+/).every((w) => vocabulary.has(w))) continue;
      // A number before clinical words and a street-like last word is a count (`4 Chamber View`, `2 Flexion Extension`).
      if (s.kind === 'address' && /^\d/.test(text.slice(s.begin, s.end)) && streetWordsClinical(text.slice(s.begin, s.end), vocabulary)) continue;
      // A number before a unit, a drug, a maker or a clinical word is a measure, not a postcode and town (`2400 Hz Doppler`,
      // `5000 Units Heparin`, `1500 Kcal Diet`).
      // A bare four-digit number after a mark or a preposition before an English word is a value too (`, 1024 Sharp`,
      // `Version: 1100 Enterprise`, `MVA: 2012 Honda`); a town there needs a name no English list holds (`, 8010 Graz`).
      if (s.kind === 'town') {
        const town = townOf(text, s.begin, s.end);
        if (notATown(town.word, vocabulary) || (town.weak && englishWords().has(town.word.toUpperCase()))) continue;
      }
      shapes.push(s);
    }
    // The value after an address label, whatever its street's kind (`Adrese: Dzirnavu iela 12-3, Rīga`).
    for (const a of memory.findLabelledAddresses(text)) shapes.push({ begin: a.begin, end: a.end, category: 'B' });
    const people: Span[] = [...findCuedNames(text, vocabulary, memory.kinshipCues, memory.roleLabels), ...findUncuedNames(text, vocabulary), ...findUnspacedCuedNames(text, memory.kinshipCues)].map((n) => ({ ...n, category: 'A' }));
    const places = [...findLowerInstitutions(text, vocabulary), ...findCuedInstitutions(text, vocabulary)];
    const ages: Span[] = findAgesOver89(text, referenceYear).map((a) => ({ begin: a.begin, end: a.end, category: 'C', replacement: a.replacement || undefined }));
    // Shared by every file that has the text: frozen, never changed (mergeSpans copies what it changes).
    return Object.freeze({ rules: freeze(rules), shapes: freeze(shapes), people: freeze(people), places: freeze(places), ages: freeze(ages) });
  };

  return (text: string): CleanResult => {
    if (!text || !/[\p{L}\p{N}]/u.test(text)) return { text, removed: 0, categories: [] };
    const spans: Span[] = [];
    for (const m of identityMatcher.findAll(text)) {
      const found = text.slice(m.begin, m.end);
      // A title in capitals that is also a modality code, then clinical words (`MR STRAIN`, `DR CHEST`): the procedure, not `Mr. Strain`.
      if (CODE_TITLE.test(found) && found.split(/[\s^,]+/).every((w) => vocabulary.has(w))) continue;
      if (m.category === 'A' && loneWordInUse(text, m.begin, m.end, vocabulary)) continue;
      // An initial glued to a mark before it (`+C, O'Brien`) is the text's (`T1 +C`); the name begins after it.
      const initial = /^\p{L}\.?[\s^,]{1,3}/u.exec(found);
      if (initial && m.begin > 0 && /[+\-_/^#*=]/.test(text[m.begin - 1])) spans.push({ ...m, begin: m.begin + initial[0].length });
      else spans.push(m);
    }
    if (numberKeys.length) spans.push(...findIdentityNumbers(text, numberKeys));
    // Without the file's own values in it, the whole answer depends on the text alone: a description seen in an
    // earlier file gets the answer it got there.
    if (spans.length > 0 || text.length > MAX_REMEMBERED_TEXT) return cleanWith(text, spans);
    const known = memory.results(memoryKey(text), () => cleanWith(text, spans));
    return { text: known.text, removed: known.removed, categories: [...known.categories] };
  };

  /** The cleaning of `text` given the file's own values found in it (`spans`, added to). */
  function cleanWith(text: string, spans: Span[]): CleanResult {
    const reading = readText(text);
    spans.push(...reading.rules, ...reading.shapes);
    // `Mayo Clinic protocol`, `Johns Hopkins criteria`: an institution's name that names a method.
    const named = [...reading.people, ...spans.filter((s) => s.category === 'A')];
    spans.push(...findInstitutions(text, vocabulary, named), ...reading.places);
    spans.push(...reading.people);
    spans.push(...reading.ages);
    // A name found names the person as a title would: a weak unit after it is a unit of age (`Nowak Anna, 93 l.;`).
    for (const a of findLocaleAgesAfterNames(text, named)) spans.push({ begin: a.begin, end: a.end, category: 'C', replacement: '90+' });
    if (spans.length === 0) return { text, removed: 0, categories: [] };
    const merged = mergeSpans(spans);
    const categories = [...new Set(merged.map((s) => s.category))];
    const onlyAges = merged.every((s) => s.replacement !== undefined);
    let out = '';
    if (onlyAges) {
      let at = 0;
      for (const s of merged) {
        out += text.slice(at, s.begin) + s.replacement;
        at = s.end;
      }
      out += text.slice(at);
    } else out = rebuild(text, merged, vocabulary, memory.kinshipCues);
    return { text: out, removed: merged.length, categories };
  }
}

/** What a text says by itself (see makeTextCleaner's readText), in the order the cleaner weighs it. */
interface TextReading {
  readonly rules: readonly Span[];
  readonly shapes: readonly Span[];
  readonly people: readonly Span[];
  /** Institutions in lower case and places of care after a cue. */
  readonly places: readonly Span[];
  readonly ages: readonly Span[];
}

const freeze = (spans: Span[]): readonly Span[] => Object.freeze(spans.map((s) => Object.freeze(s)));

/** Longer texts are cleaned every time (they rarely repeat, and would hold memory). */
const MAX_REMEMBERED_TEXT = 512;

/** Remembered by text, per vocabulary, rule patterns, kinship cues and staff roles: whole answers (for texts holding none of their file's values) and readings. */
interface CleaningMemory {
  /** The rule patterns, on the linear-time engine (RE2), whatever they are. */
  rulePatterns: LinearPattern[];
  /** Them as one set: most texts match none of them, and one pass says which do instead of one search per pattern. */
  ruleSet: LinearPatternSet | undefined;
  results: Memo<string, CleanResult>;
  readings: Memo<string, TextReading>;
  /** The rules' kinship cues, lower case, as a set. */
  kinshipCues: ReadonlySet<string>;
  /** The role labels before a name: the rules' staff roles, the acts and the other people's, lower case. */
  roleLabels: ReadonlySet<string>;
  /** The values after the rules' address labels. */
  findLabelledAddresses: AddressLabelFinder;
}
const cleaningMemories = new WeakMap<Vocabulary, Memo<string, CleaningMemory>>();

/** The lists a vocabulary's cleaner was last made with (copies) and their key. */
const lastLists = new WeakMap<Vocabulary, { lists: ReadonlyArray<readonly string[]>; key: string }>();
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The key of the rule patterns, kinship cues and staff roles: their texts joined. A cleaner is made per file with the
 * same lists: when they hold the same strings as last time (compared one by one, not joined and hashed
 * again), the key is the last one, which is what joining them would give.
 */
function listsKey(vocabulary: Vocabulary, lists: ReadonlyArray<readonly string[]>): string {
  const last = lastLists.get(vocabulary);
  if (last && last.lists.length === lists.length && last.lists.every((l, i) => sameList(l, lists[i]))) return last.key;
  const key = lists.map((l) => l.join('\u0000')).join('\u0001');
  lastLists.set(vocabulary, { lists: lists.map((l) => [...l]), key });
  return key;
}
function cleaningMemory(vocabulary: Vocabulary, ruleRegex: readonly string[], kinshipCues: readonly string[], staffRoles: readonly string[], addressLabels: readonly string[]): CleaningMemory {
  let byRules = cleaningMemories.get(vocabulary);
  // A run has one rules file; a notebook trying many keeps the memories of the last few.
  if (!byRules) cleaningMemories.set(vocabulary, (byRules = boundedMemo<string, CleaningMemory>(8)));
  // Known by the lists' texts, not the list objects: a list changed in place is another list.
  return byRules(listsKey(vocabulary, [ruleRegex, kinshipCues, staffRoles, addressLabels]), () => ({
    rulePatterns: ruleRegex.map((pattern) => compileLinearPattern(pattern, 'letters')),
    ruleSet: compileLinearSet(ruleRegex, 'letters'),
    results: boundedMemo(4096),
    readings: boundedMemo(4096),
    kinshipCues: new Set(kinshipCues.map((w) => w.toLowerCase())),
    roleLabels: roleLabels(staffRoles),
    findLabelledAddresses: makeAddressLabelFinder(addressLabels),
  }));
}
