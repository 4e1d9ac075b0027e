/**
 * Person names in free text found by evidence, not by capital letters alone: a cue word (a title
 * such as `Dr.`, a label such as `Name:`, a role such as `seen by`, `referred by`, `for`, `Pt`)
 * followed by capitalised words that are not clinical vocabulary. Strong cues (titles, labels) take
 * one word; weak cues (`for`, `by`, `per`, `Pt`) need two name words, or one that a dictionary of
 * people's names knows (`@cspell/dict-people-names`, MIT). Clinical words always win: `MR BRAIN`,
 * `for CHEST PAIN` and `by AP LAT` are never names.
 */
import { englishWords, everydayWords, givenNames, languageNames, medicalTerms, peopleNames } from './lexicons.js';
import { DEFAULT_KINSHIP_CUES, KIN_MODIFIERS, KIN_PREFIXES as KIN_PREFIX_WORDS } from './kinship-words.js';
import { isUnspaced, isWordChar } from './scripts.js';
import { DEFAULT_STAFF_ROLES, STAFF_ACTS, STAFF_TITLES } from './staff-words.js';
import { eponymPhraseLength, type Vocabulary } from './vocabulary.js';

/** A span of a person's name (the cue word is not part of it). */
export interface NameSpan {
  begin: number;
  end: number;
}

/** Given names and surnames (upper case) from the cspell people-names dictionary; empty if it is not installed. */
export const knownPeopleNames = peopleNames;

/** Titles and labels: one name word after them is enough. */
const STRONG_CUES = new Set(['dr', 'drs', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sr', 'sister', 'nurse', 'rn', 'np', 'pa-c', 'md', 'name', 'surname', 'forename', 'signed', 'attn', 'attention',
  // Titles in other languages (`Sra. Ferreyra`, `Herr Bauer`, `Mme Leclerc`, `Dhr. de Wit`, `Pani Nowak`).
  'sra', 'srta', 'dña', 'dra', 'señor', 'señora', 'senhor', 'senhora', 'herr', 'frau', 'mme', 'mlle', 'monsieur', 'madame', 'sig', 'sigra', 'signor', 'signora', 'dott', 'dhr', 'mevr', 'pani',
  ...STAFF_TITLES]);
/** Words of an academic degree written between a title and the name (`Dr. med. Horvat`, `Prof. Dr. rer. nat. Weiss`). */
const DEGREE_WORDS = new Set(['med', 'dent', 'vet', 'rer', 'nat', 'phil', 'habil', 'univ', 'jur', 'sc', 'mult', 'h.c', 'pharm', 'et']);
/** The titles among the strong cues (not the labels), looked past after a title. */
const STRONG_TITLES: ReadonlySet<string> = new Set(['dr', 'drs', 'doctor', 'prof', 'professor', 'dott', 'dra', ...STAFF_TITLES]);
/** Two-word labels (`Patient Name`, `given name`), looked up as `previous cue`. */
const STRONG_PAIRS = new Set(['pt name', 'patient name', 'given name', 'family name', 'last name', 'first name']);
/** Roles and prepositions: the words after them may be a name (`seen by`, `referred by` end in `by`). */
const WEAK_CUES = new Set(['for', 'by', 'per', 'd/w', 'regards', 'thanks', 'sincerely', 'nok', 'ec', 'poa', 'proxy', 'caregiver', 'carer', 'partner', 'friend', 'neighbour', 'neighbor', 'niece', 'nephew', 'grandson', 'granddaughter', 'relative', 'pt', 'patient', 'physician', 'radiologist', 'technologist', 'tech', 'sonographer', 'attending', 'resident', 'fellow', 'surgeon', 'referrer', 'referring', 'contact', 'spouse', 'wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'nok', 'guardian', 'c/o', 'cc', 'informed', 'notified', 'discussed', 'called', 'paged']);

/** The default kinship cues (the rules' `kinship_cues`), lower case. */
const DEFAULT_KIN_CUES: ReadonlySet<string> = new Set(DEFAULT_KINSHIP_CUES);

/** A kinship word in any of its forms: `son-in-law`, `step-daughter`, `Daughter's`, `grand-niece`, `stepbrother`. */
function kinCue(word: string, cues: ReadonlySet<string>): boolean {
  // A run of an unspaced script ends in the cue (`患者家属`, `陪同人`).
  if (isUnspaced(word[0])) {
    for (const cue of cues) if (word.endsWith(cue)) return true;
    return false;
  }
  const w = word.toLowerCase().replace(/['’]s$/, '').replace(/-in-laws?$/, '');
  if (cues.has(w)) return true;
  // An in-law, step-, half- or grand- form (`step-daughter`, `svigersønn`, `isoäiti`, `belle-fille`): what follows the
  // prefix, three letters or more, is a cue.
  for (const prefix of KIN_PREFIXES) {
    if (!w.startsWith(prefix)) continue;
    const rest = w.slice(prefix.length).replace(/^-/, '');
    if (rest.length >= 3 && cues.has(rest)) return true;
  }
  return false;
}

/** The rules' prefixes, longest first (`great-grand` before `great`). */
const KIN_PREFIXES = [...KIN_PREFIX_WORDS].sort((a, b) => b.length - a.length);
const KIN_MODIFIER_WORDS: ReadonlySet<string> = new Set(KIN_MODIFIERS);

/** Between a kinship word and the name: a mark (`daughter (Rosalind)`, `son, Tobias`) or a linking word (`wife is Mirela`). */
/** Credentials written after a name (`Anneke (PA-C)`, `Joss Hale, RN`): the capitalised words before them name a person. */
const CREDENTIALS = new Set(['md', 'do', 'rn', 'np', 'pa', 'pa-c', 'phd', 'dds', 'dmd', 'crna', 'lpn', 'aprn', 'fnp', 'dnp', 'mbbs', 'mbchb', 'frcr', 'frcp', 'facr', 'rdms', 'rvt', 'rrt', 'cnm', 'pharmd']);

const KIN_LINKS = new Set(['(', ',', ':', '-', '–', '—', '：', '，', '（', 'is', 'named', 'called', 'name']);

/** The other people a note names by a label (relatives, interpreters, witnesses, the patient), lower case. */
const OTHER_ROLE_LABELS: readonly string[] = [
  'contact', 'guardian', 'parent', 'mother', 'father', 'spouse', 'wife', 'husband', 'carer',
  'caregiver', 'interpreter', 'translator', 'witness', 'chaperone', 'copy', 'copies', 'from', 'to', 'by', 'pt', 'patient',
];

/**
 * Roles and acts written as labels (`Reported:`, `Interpreter:`, `Ordering:`), lower case: the staff's roles (the rules'
 * `staff_roles`, shared with the burned-in text detector; default: `lib/text/staff-words.ts`) and acts, and the other people
 * a note names.
 * @example roleLabels(['PERFUSIONIST']).has('perfusionist') // true
 */
export function roleLabels(staffRoles: readonly string[] = DEFAULT_STAFF_ROLES): ReadonlySet<string> {
  return new Set([...[...staffRoles, ...STAFF_ACTS].map((w) => w.toLowerCase()), ...OTHER_ROLE_LABELS]);
}
const DEFAULT_ROLE_LABELS = roleLabels();

/** Verbs of talking to someone: `with` or `to` after them is a cue (`discussed with`, `spoke to`, `seen with`). */
const TALK_VERBS = new Set(['discussed', 'spoke', 'speaking', 'talked', 'seen', 'reviewed', 'consulted', 'conferred', 'met', 'communicated', 'relayed', 'conveyed', 'called', 'phoned', 'faxed', 'sent', 'emailed', 'e-mailed', 'given', 'reported', 'released', 'copied', 'accompanied', 'escorted', 'lives', 'living', 'resides', 'verified', 'confirmed', 'checked', 'identified', 'agreed', 'arranged', 'liaised', 'shared', 'booked', 'left', 'went', 'came', 'arrived']);

/** Labels after which a language is named, not a person (`Interpreter: Portuguese`, `Translator: Somali`). */
const LANGUAGE_LABELS = new Set(['interpreter', 'interpreters', 'interpreting', 'translator', 'translation', 'language', 'languages', 'speaks', 'speaking', 'tolk', 'dolmetscher', 'dolmetscherin', 'intérprete', 'interprète', 'interprete', 'tłumacz', 'tlumočník', 'tolkur']);
/** Marks between a language and the interpreter's name (`Spanish, Maria Lopez`, `Polish - Agnieszka Nowak`, `Russian (Olga Volkova)`). */
const LANGUAGE_MARKS = new Set([',', ';', ':', '-', '–', '—', '(', '/']);
/** Words that qualify a language's name (`Brazilian Portuguese`, `European Spanish`, `Simplified Chinese`). */
const LANGUAGE_QUALIFIERS = new Set(['BRAZILIAN', 'EUROPEAN', 'LATIN', 'AMERICAN', 'BRITISH', 'CANADIAN', 'MEXICAN', 'SIMPLIFIED', 'TRADITIONAL', 'CLASSICAL', 'STANDARD', 'EGYPTIAN', 'LEVANTINE', 'GULF', 'MOROCCAN', 'SUDANESE', 'HAITIAN', 'JAMAICAN', 'NIGERIAN']);

/**
 * Pairs of words before a nickname or a name someone goes by (`known as Bertie`, `goes by Teddy`, `prefers to be called
 * Bea`, `a.k.a. Sonny`): one word after them that reads as a name is enough, as after a kinship word.
 */
const NAMING_PAIRS = new Set(['known as', 'goes by', 'go by', 'went by', 'going by', 'be called', 'is called', 'was called', 'likes called', 'be named', 'is named', 'was named', 'calls herself', 'calls himself', 'calls themself', 'calls themselves', 'answers to']);
const NAMING_WORDS = new Set(['aka', 'a.k.a', 'nickname', 'nicknamed', 'alias', 'née', 'nee']);

/** Abbreviations with a full stop inside a name (`St. Elsewhere`, `Mt. Sinai`, `Jr.`): no sentence ends there. */
const NAME_ABBREVIATIONS = new Set(['ST', 'STE', 'MT', 'FT', 'PT', 'JR', 'SR', 'DR', 'MR', 'MRS', 'MS', 'PROF', 'REV', 'GEN', 'COL', 'CAPT', 'LT', 'SGT', 'VAN', 'VON', 'MC', 'MAC', 'WM', 'CHAS', 'THOS', 'JAS', 'GEO']);

/** A letter or digit of a spaced script (Han, Kana, Hangul and Thai runs are tokens of their own: `家属Li Wei陪同`). */
const wordChar = (text: string, i: number): boolean => isWordChar(text[i]);
const INNER = new Set(["'", '’', '.', '-', '/']);
/** Marks that stand alone as tokens; a dash or slash between spaces (`Mrs. X - FL SWALLOW`, `POST TPA / MOREAU`) ends a name. */
const PUNCT = new Set([',', '^', ':', ';', '(', ')', '&', '-', '–', '—', '/', '|', '：', '，', '（', '）']);

/**
 * Token bounds in one pass without a match object per token (long texts stay cheap): words of a
 * letter or digit then up to 40 letters, digits, `'’.-/`, and the single marks `,^:;()&` and dashes.
 */
function tokenBounds(text: string): { begins: number[]; ends: number[] } {
  const begins: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (wordChar(text, i)) {
      let j = i + 1;
      while (j < text.length && j - i <= 40 && (wordChar(text, j) || INNER.has(text[j]))) j++;
      begins.push(i);
      ends.push(j);
      i = j;
    } else if (isUnspaced(text[i])) {
      // A run of an unspaced script is one token (a cue such as `家属` or `보호자` may begin it).
      let j = i + 1;
      while (j < text.length && j - i <= 40 && isUnspaced(text[j])) j++;
      begins.push(i);
      ends.push(j);
      i = j;
    } else {
      if (PUNCT.has(text[i])) {
        begins.push(i);
        ends.push(i + 1);
      }
      i++;
    }
  }
  return { begins, ends };
}

/** A word of letters without case (Han, Kana, Hangul, Arabic, Hebrew, Indic, Thai), and a word of a cased script. */
const UNCASED_WORD = /^\p{Lo}[\p{Lo}\p{M}]{0,15}$/u;
const CASED_WORD = /^[\p{Lu}\p{Ll}]/u;
const titleCased = (w: string) => /^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u.test(w);
/**
 * A known surname in title case, no English word, that is clinical only as a capitalised abbreviation (`Rao`: RAO, the view):
 * the views are three letters; a longer clinical word that a name list holds is the word (`Dixon`, the fat-water technique;
 * `Kopf`, German for head).
 */
const abbreviationSurname = (w: string) => w.length <= 3 && titleCased(w) && peopleNames().has(w.toUpperCase()) && !englishWords().has(w.toUpperCase());
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const isInitial = (w: string) => /^\p{Lu}\.?$/u.test(w);
const isAllCaps = (w: string) => w === w.toUpperCase() && /\p{Lu}{2}/u.test(w);
const bare = (w: string) => (w.endsWith('.') || w.endsWith(',') ? w.replace(/[.,]+$/, '') : w);

/** True when a word may be part of a name: capitalised letters (with `'`, `-`), not vocabulary. */
function nameWord(word: string, vocabulary: Vocabulary, cache: Map<string, boolean>): boolean {
  const w = bare(word);
  let yes = cache.get(w);
  if (yes === undefined) {
    yes = /^\p{Lu}[\p{L}'’-]{1,40}$/u.test(w) && !vocabulary.has(w) && !vocabulary.has(w.replace(/['’]s$/i, ''));
    if (cache.size < 10_000) cache.set(w, yes);
  }
  return yes;
}

/**
 * The names a text gives by cue words. Linear: one pass over the tokens, at most five tokens
 * looked at after each cue. After a kinship word (`kinshipCues`, lower case: the rules' `kinship_cues`) the name may
 * follow a parenthesis, comma, colon, dash or `is`, and one word is enough when it reads as a name ({@link kinName}).
 *
 * @param kinshipCues relatives' and carers' words (default: the curated list of `lib/text/kinship-words.ts`)
 * @param labels role labels before a name, lower case ({@link roleLabels} of the rules' `staff_roles`; default: the curated roles)
 * @example findCuedNames('MR BRAIN W/WO CONTRAST for Jane Q. Doe', vocab) // one span: `Jane Q. Doe`
 */
export function findCuedNames(text: string, vocabulary: Vocabulary, kinshipCues: ReadonlySet<string> = DEFAULT_KIN_CUES, labels: ReadonlySet<string> = DEFAULT_ROLE_LABELS): NameSpan[] {
  // Token bounds only (no objects per token): long texts stay cheap for the garbage collector.
  const { begins, ends } = tokenBounds(text);
  const count = begins.length;
  const tok = (k: number) => text.slice(begins[k], ends[k]);
  const people = peopleNames();
  const given = givenNames();
  const cache = new Map<string, boolean>();
  const isName = (w: string) => nameWord(w, vocabulary, cache);
  const spans: NameSpan[] = [];
  /** After a modality code: `Small Bowel`, `Baker Cyst`, `Hill-Sachs`, `HILL SACHS` (see the caller). */
  const clinicalAfterCode = (cueWord: string, j: number): boolean => {
    const next = bare(tok(j));
    const after = j + 1 < count ? bare(tok(j + 1)) : '';
    if (eponymPhraseLength([tok(j), tok(j + 1), tok(j + 2)].map(bare)) > 0) return true;
    // Only after `MR` (`MRS SMALL CT HEAD` is a person), and before a word longer than a modality code.
    if (cueWord === 'mr' && everydayWords().has(next.toUpperCase()) && after.length >= 4 && vocabulary.clinical(after) && !FUNCTION_LIKE.has(after.toUpperCase())) return true;
    return vocabulary.properNoun(next, false) && EPONYM_HEADS.has(after.toUpperCase());
  };
  /** The name right before a kinship word or a credential at `k` written as an aside: `X (daughter)`, `X, son,`, `X (PA-C)`; undefined when none. */
  const kinNameBefore = (k: number): NameSpan | undefined => {
    const open = k > 0 ? tok(k - 1) : '';
    const close = k + 1 < count ? tok(k + 1) : '';
    if (!((open === '(' && close === ')') || (open === ',' && (close === ',' || close === ')' || close === ';' || k + 1 >= count)))) return undefined;
    const run: number[] = [];
    for (let b = k - 2; b >= 0 && run.length < 3 && (isName(tok(b)) || (run.length > 0 && isInitial(bare(tok(b))))); b--) run.unshift(b);
    if (run.length === 0 || !isCapitalised(tok(run[0]))) return undefined;
    const words = run.map((r) => bare(tok(r)));
    const reads = words.length === 1 ? kinName(words[0], given, people) : words.some((w) => kinName(w, given, people)) && words.some((w) => !isAllCaps(w) || people.has(w.toUpperCase()));
    return reads ? { begin: begins[run[0]], end: ends[run[run.length - 1]] - (tok(run[run.length - 1]).endsWith(',') ? 1 : 0) } : undefined;
  };
  /** A language's name at token `k`, after at most one qualifier (`Portuguese`, `Brazilian Portuguese`, `Haitian Creole`). */
  const languageAt = (k: number): boolean => {
    const languages = languageNames();
    const word = bare(tok(k)).toUpperCase();
    return languages.has(word) || (LANGUAGE_QUALIFIERS.has(word) && k + 1 < count && languages.has(bare(tok(k + 1)).toUpperCase()));
  };
  /** `known` up to three words before `as` (`known to staff as Bertie`, `known on the ward as Sonny`). */
  const knownBefore = (k: number): boolean => {
    for (let b = k - 1; b >= Math.max(0, k - 4); b--) if (/^known$/i.test(tok(b))) return true;
    return false;
  };
  for (let i = 0; i < count; i++) {
    if (ends[i] - begins[i] > 18) continue; // cue words are short (`anesthesiologist` the longest)
    const cue = bare(tok(i)).toLowerCase();
    // A role as a label (`Reported: Nkechi Obiora`, `Interpreter: …`) is a title when a name-like word follows.
    const roleLabel = tok(i + 1) === ':' && labels.has(cue);
    const strong = roleLabel || STRONG_CUES.has(cue) || (cue === 'name' && i > 0 && STRONG_PAIRS.has(`${bare(tok(i - 1)).toLowerCase()} ${cue}`));
    const talk = (cue === 'with' || cue === 'to') && i > 0 && TALK_VERBS.has(bare(tok(i - 1)).toLowerCase());
    // A credential after a name (`Anneke (PA-C)`, `Joss Hale, RN,`), as a kinship word is.
    if (CREDENTIALS.has(cue)) {
      const named = kinNameBefore(i);
      if (named) spans.push(named);
    }
    const kin = !strong && kinCue(cue, kinshipCues);
    const naming = !strong && (NAMING_WORDS.has(cue) || (i > 0 && NAMING_PAIRS.has(`${bare(tok(i - 1)).toLowerCase()} ${cue}`)) || (cue === 'as' && knownBefore(i)));
    const weak = !strong && (WEAK_CUES.has(cue) || talk || kin || naming);
    if (!strong && !weak) continue;
    let j = i + 1;
    // `daughter (Rosalind)`, `son, Tobias Hale`, `wife is Mirela`, `daughter's name is Rosalind`: up to two marks or
    // linking words, then the name.
    if (kin) {
      // A sex, rank or in-law word after the cue (`anak perempuan Siti`, `hijo político Martín`, `son in law Tavish`).
      for (let m = 0; m < 2 && j < count && (KIN_MODIFIER_WORDS.has(tok(j).toLowerCase()) || (tok(j) === 'in' && tok(j + 1) === 'law')); m++) j++;
      let k = j;
      while (k < j + 2 && k < count && KIN_LINKS.has(tok(k).toLowerCase())) k++;
      if (k > j && k < count && /^\p{Lu}/u.test(tok(k))) j = k;
      // The name before the kinship word in parentheses or between commas (`Rosalind (daughter)`, `Tobias Hale (son)`,
      // `Mirela, wife, at bedside`): up to three name words right before it.
      const before = kinNameBefore(i);
      if (before) spans.push(before);
    }
    // A title that is also a clinical abbreviation in capitals (`SR Features`, `MR Features`, `MS`): the next
    // word must look like a name (a known name, or no English word).
    if (strong && (roleLabel || (vocabulary.has(cue) && isAllCaps(tok(i)))) && j < count) {
      const at = tok(j) === ':' ? j + 1 : j;
      const next = bare(tok(at)).toUpperCase();
      // `Attending: Sallow, Marguerite`: an English word (`sallow`) before a comma and a given name is a surname.
      const surnameFirst = tok(at + 1) === ',' && at + 2 < count && given.has(bare(tok(at + 2)).toUpperCase());
      // A language that is an English word (`Interpreter: Polish, …`) is looked past below.
      if (englishWords().has(next) && !people.has(next) && !surnameFirst && !(LANGUAGE_LABELS.has(cue) && languageAt(at))) continue;
      // `MR LABRUM`, `MS TESTES`: a medical noun after a modality code, even one that a name dictionary holds.
      if (!roleLabel && !tok(i).endsWith('.') && vocabulary.medical(next, true)) continue;
    }
    // A modality code written like a title (`MR Small Bowel`, `Mr Hill-Sachs`, `MR Baker Cyst`): an everyday word then a
    // clinical word, an eponym then a word like `cyst`, or an eponym of several surnames is the procedure, not a person.
    if (strong && !roleLabel && vocabulary.has(cue) && !tok(i).endsWith('.') && j < count && clinicalAfterCode(cue, j)) continue;
    if (j < count && tok(j) === ':') j++;
    // Degrees and further titles after a title (`dr. med. Horvat`, `Prof. Dr. med. Weiss`, `doc. MUDr. Novák`).
    if (strong && !roleLabel) while (j < i + 5 && j < count && (DEGREE_WORDS.has(bare(tok(j)).toLowerCase()) || STRONG_TITLES.has(bare(tok(j)).toLowerCase()))) j++;
    // A language after an interpreter's label (`Interpreter: Portuguese`, `Translator: Haitian Creole`) names no one; the
    // interpreter's name may follow it after a mark (`Interpreter: Spanish, Maria Lopez`, `Interpreter: Russian (Olga Volkova)`).
    if (LANGUAGE_LABELS.has(cue) && j < count && languageAt(j)) {
      j += languageNames().has(bare(tok(j)).toUpperCase()) ? 1 : 2;
      const language = j;
      while (j < language + 2 && j < count && LANGUAGE_MARKS.has(tok(j))) j++;
      if (j === language || j >= count || !isCapitalised(tok(j))) continue;
    }
    const run: number[] = [];
    let words = 0;
    let known = 0;
    let titleCase = 0;
    while (j < count && run.length < 5) {
      const t = tok(j);
      if (t === ',' || t === '^') {
        // `Smith, John` and `SMITH^JOHN`: a separator inside a name, only between two name words.
        if (run.length > 0 && j + 1 < count && (isName(tok(j + 1)) || isInitial(bare(tok(j + 1))))) {
          j++;
          continue;
        }
        break;
      }
      if (isInitial(bare(t))) {
        run.push(j++);
        continue;
      }
      // A known surname in title case, no English word, that is also a clinical abbreviation (`Rao`: RAO, the view) is a name
      // after a title, or after a name word; in capitals (`Dr Smith RAO view`) it stays the abbreviation.
      // After a cue and a known given name, a surname in title case is the name even when it is also a clinical word
      // (`Pt: James Strain`, `for Anna Hand`); in capitals it stays the word (`FOR JOHN HEAD CT`).
      const surnameAfterGiven = run.length > 0 && titleCased(bare(t)) && people.has(bare(t).toUpperCase()) && given.has(bare(tok(run[0])).toUpperCase()) && !everydayWords().has(bare(tok(run[0])).toUpperCase()) && titleCased(bare(tok(run[0])));
      // After `be called`, `known as`, `goes by` a word in title case is what the person is called, even a word the clinical
      // list holds (`Mags`, `Bunny`), unless it is an everyday word that is no given name (`known as Chest pain`).
      const nickname = naming && run.length === 0 && titleCased(bare(t)) && (!everydayWords().has(bare(t).toUpperCase()) || given.has(bare(t).toUpperCase()));
      // A word of a script without case right after a kinship word of a cased script (`son 翔`, `daughter ملك`) is the name.
      const uncased = kin && run.length === 0 && words === 0 && UNCASED_WORD.test(t) && CASED_WORD.test(cue);
      if (!isName(t) && !surnameAfterGiven && !nickname && !uncased && !((strong || run.length > 0) && abbreviationSurname(bare(t)))) break;
      // After a weak cue an eponym or maker is a clinical word (`for Crohn disease`, `by Siemens`) unless a given name came first.
      if (weak && vocabulary.properNoun(bare(t), false) && !(run.length > 0 && given.has(bare(tok(run[0])).toUpperCase()))) break;
      run.push(j++);
      words++;
      if (people.has(bare(t).toUpperCase())) known++;
      if (!isAllCaps(bare(t))) titleCase++;
      // A full stop after a word (not an initial) ends the sentence: the next capital begins another (`… Kowalczyk. Best contact`).
      if (t.endsWith('.') && !isInitial(bare(t)) && !NAME_ABBREVIATIONS.has(bare(t).toUpperCase())) break;
    }
    // A bare letter after the name is a laterality or view marker (`Smith R`), not an initial.
    while (run.length > 0 && isInitial(tok(run[run.length - 1])) && !tok(run[run.length - 1]).endsWith('.')) run.pop();
    if (words === 0) continue;
    if (weak && eponymRun([...run, ...Array.from({ length: Math.min(3, count - j) }, (_, k) => j + k)].map(tok), vocabulary)) continue;
    // `for Morton neuroma`, `FOR HILL SACHS`: a word like `neuroma` right after, in any case, or an eponym of several surnames.
    // A known given name before another name word is still a person (`for Anna Baker cyst aspiration`).
    const headAfter = j < count && EPONYM_HEADS.has(bare(tok(j)).toUpperCase()) && (words === 1 || !given.has(bare(tok(run[0])).toUpperCase()));
    if (weak && (headAfter || eponymPhraseLength(run.slice(0, 3).map((k) => bare(tok(k)))) > 0)) continue;
    const uncasedFirst = kin && UNCASED_WORD.test(tok(run[0])) && CASED_WORD.test(cue);
    const accepted = strong || (words >= 2 ? titleCase > 0 || known > 0 : known > 0 && (titleCase > 0 || run.length > 1)) || (titleCase > 0 && (cue === 'pt' || cue === 'patient')) || (kin && kinName(bare(tok(run[0])), given, people)) || (naming && titleCase > 0) || uncasedFirst;
    if (!accepted || !(isCapitalised(tok(run[0])) || uncasedFirst)) continue;
    const last = run[run.length - 1];
    // The comma or full stop after the last word is the text's (a sentence's end stays); an initial keeps its dot.
    spans.push({ begin: begins[run[0]], end: ends[last] - (tok(last).endsWith(',') || (tok(last).endsWith('.') && !isInitial(bare(tok(last)))) ? 1 : 0) });
    // A list after a title (`Drs. Haddad and Ferreira`, `Dr Lee, Patel`): each further name word goes too.
    if (strong) {
      while (j + 1 < count && (tok(j) === ',' || /^(?:and|&)$/i.test(tok(j))) && isName(tok(j + 1)) && isCapitalised(tok(j + 1))) {
        spans.push({ begin: begins[j + 1], end: ends[j + 1] - (tok(j + 1).endsWith(',') || tok(j + 1).endsWith('.') ? 1 : 0) });
        j += 2;
      }
    }
    i = j - 1;
  }
  return spans;
}

/**
 * One word after a kinship word that reads as a name: a known given name (`Rose`, `Grace`: after `daughter` they are
 * names) or a known surname that is no English word, or in title case a word that is no English word at all (`Mirela`,
 * `Anselm`). Capitals of four letters or fewer that are no given name are acronyms (`CT`, `RN`, `ICU`).
 */
function kinName(word: string, given: ReadonlySet<string>, people: ReadonlySet<string>): boolean {
  const upper = word.toUpperCase();
  if (given.has(upper)) return true;
  if (isAllCaps(word) && word.length <= 4) return false;
  const english = englishWords().has(upper);
  return (people.has(upper) && !english) || (titleCased(word) && !english && word.length >= 3);
}

/**
 * After a weak cue, capitalised words that name a disease or sign, not a person: a word like `sign` or
 * `syndrome` among or right after them (`for MURPHY SIGN`), or two or more surnames that the medical
 * dictionary writes as eponyms, the first no given name (`for ZOLLINGER ELLISON`, `for Osler Weber Rendu`).
 * `words` are the name's words and the few tokens after it.
 */
function eponymRun(words: string[], vocabulary: Vocabulary): boolean {
  const capitalised = words.map(bare).filter((w) => /^\p{Lu}/u.test(w) && !isInitial(w));
  const upper = capitalised.map((w) => w.toUpperCase());
  if (upper.some((w) => EPONYM_HEADS.has(w))) return true;
  const names = capitalised.filter((w) => !PARTICLES.has(w.toLowerCase()));
  const medical = medicalTerms();
  const eponym = (w: string) => vocabulary.properNoun(w, false) || medical.proper(w[0] + w.slice(1).toLowerCase());
  let chain = 0;
  while (chain < names.length && eponym(names[chain])) chain++;
  return chain >= 2 && !givenNames().has(names[0].toUpperCase());
}

/**
 * Words after which a person's name names a sign, disease, method or device instead (`Mercedes Benz sign`,
 * `Tommy John surgery`, `Austin Flint murmur`): no name is taken right before them.
 */
/**
 * A vendor's protocol word in camel case, one of its two parts clinical (`ThoraxRoutine`, `AbdRoutine`, `LungCARE`,
 * `SmartPrep`): no name. Names in camel case have no clinical part (`MacLeod`, `DeShawn`, `VanDyke`).
 */
function vendorCompound(word: string, vocabulary: Vocabulary): boolean {
  const m = /^(\p{Lu}\p{Ll}+)(\p{Lu}\p{L}+)$/u.exec(word);
  return m !== null && (vocabulary.clinical(m[1]) || vocabulary.clinical(m[2]));
}

/** Words after which a person's name names a sign, protocol or view (exported for the header-value matches of the cleaner). */
export function eponymHead(word: string): boolean {
  return EPONYM_HEADS.has(word.toUpperCase());
}

const EPONYM_HEADS = new Set(['SIGN', 'SIGNS', 'SYNDROME', 'DISEASE', "DISEASE'S", 'FRACTURE', 'PROCEDURE', 'SURGERY', 'OPERATION', 'REPAIR', 'LESION', 'TUMOR', 'TUMOUR', 'SARCOMA', 'LYMPHOMA', 'CLASSIFICATION', 'CRITERIA', 'SCORE', 'SCALE', 'TEST', 'MANEUVER', 'MANOEUVRE', 'CATHETER', 'TUBE', 'DRAIN', 'VIEW', 'PROJECTION', 'LINE', 'LINES', 'ANGLE', 'METHOD', 'TECHNIQUE', 'INDEX', 'RATIO', 'LAW', 'MURMUR', 'REFLEX', 'POUCH', 'CANAL', 'NODE', 'AREA', 'CYST', 'PALSY', 'FISSURE', 'STAGE', 'GRADE', 'TYPE', 'DEFORMITY', 'TRIAD', 'PHENOMENON', 'EFFECT', 'ARTIFACT', 'PROTOCOL', 'SHUNT', 'VALVE', 'STENT', 'CLIP', 'FILTER', 'PORT', 'NEUROMA', 'CONTRACTURE', 'TENDON', 'LIGAMENT', 'DUCT', 'GLAND', 'ANOMALY', 'MALFORMATION', 'DYSPLASIA', 'ULCER', 'HERNIA', 'DIVERTICULUM', 'ESOPHAGUS', 'POSITION', 'PLOT', 'CURVE', 'ANALYSIS', 'CORRELATION', 'T-TEST', 'SEQUENCE', 'ANGINA', 'HUMP', 'LEVEL', 'DEPTH', 'UNITS', 'BYPASS', 'FUNDOPLICATION', 'DENSITY', 'APPROACH', 'INCISION', 'FLAP', 'GRAFT', 'NAIL', 'PLATE', 'SCREW', 'PIN', 'WIRE', 'BOOT', 'SPLINT', 'CAST', 'BRACE', 'DEVICE', 'PUMP', 'BALLOON', 'MASK']);
/** Clinical-list words that only glue (`and`, `with`): no clinical word after a modality code. */
const FUNCTION_LIKE = new Set(['AND', 'OR', 'WITH', 'WITHOUT', 'W/', 'W/O', 'WO', 'TO', 'OF', 'FOR', 'PER', 'THE', 'A', 'AN']);
/** Particles inside surnames (`de Vries`, `van der Berg`, `bin Said`). */
export const PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'do', 'dos', 'das', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'ben', 'st.']);

/** Capitals that read as an acronym, not a name: no vowel (`CCK`, `MRT`), or four letters at most (`MRAC`). */
const ACRONYM = /^(?:[^AEIOUYÀ-ÖØ-Ý]+|\p{Lu}{2,4})$/u;
const TITLE_OR_CAPS = /^\p{Lu}(?:[\p{Ll}'’-]|\p{Lu}(?=[\p{Ll}'’]))*[\p{L}'’-]*$/u;
const LETTERS = /^\p{L}[\p{L}'’ -]{0,40}$/u;

/**
 * Names written without a cue word, found by what name dictionaries say about the words themselves:
 * - a known given name then a surname (`Margaret Okafor`, `FATIMA WATANABE`, `Elena Q. Mensah`): the
 *   surname is a known name or no English word; a given name that is also an English word (`Grace`,
 *   `Will`, `Mark`) needs a surname that is a known name and no English word;
 * - `Surname, Given` with a known given name that is no English word (`Okafor, Margaret`);
 * - an initial and a known surname (`M. Okafor`, `— J. Smith`);
 * - the DICOM form `OKAFOR^MARGARET`;
 * - an unknown word then a known surname that is no English word (`Chidi Okafor`).
 * Words of the clinical vocabulary never count; eponyms and makers (`Parkinson`, `Foley`, `Siemens`)
 * count only beside a known given name and not before a clinical word (`Salter Harris fracture`,
 * `Jackson-Pratt drain` stay). Linear: a fixed number of tokens looked at from each token.
 *
 * @example findUncuedNames('seen with Margaret Okafor at bedside', vocab) // one span: `Margaret Okafor`
 */
export function findUncuedNames(text: string, vocabulary: Vocabulary): NameSpan[] {
  const { begins, ends } = tokenBounds(text);
  const count = begins.length;
  const tok = (k: number) => (k < count ? text.slice(begins[k], ends[k]) : '');
  const people = peopleNames();
  const given = givenNames();
  const english = englishWords();
  const everyday = everydayWords();
  const upper = (k: number) => bare(tok(k)).toUpperCase();
  /** A name followed by a word like `sign` or `syndrome` names that (`Mercedes Benz sign`). */
  const eponymHeadAt = (k: number) => k < count && EPONYM_HEADS.has(upper(k));
  /** A word written as a name (`Okafor`, `OKAFOR`, `MacLeod`, `O'Neil`), of letters, not vocabulary. */
  // Per text, each distinct word is judged once (adversarial and real texts repeat their words).
  const judged = new Map<string, boolean>();
  const nameLike = (k: number) => {
    const w = bare(tok(k));
    let yes = judged.get(w);
    if (yes === undefined) {
      yes = w.length >= 2 && TITLE_OR_CAPS.test(w) && !vocabulary.has(w) && !vendorCompound(w, vocabulary);
      if (judged.size < 10_000) judged.set(w, yes);
    }
    return yes;
  };
  const proper = (k: number) => vocabulary.properNoun(bare(tok(k)));
  const medical = medicalTerms();
  const title = (k: number) => {
    const w = bare(tok(k));
    return w[0] + w.slice(1).toLowerCase();
  };
  /** A clinical word next (`Foley catheter`, `Wilms tumor`): the proper noun before it is an eponym. */
  const clinicalAfter = (k: number) => k < count && vocabulary.clinical(bare(tok(k)));
  /** A language's name (after a qualifier: `Brazilian Portuguese`) up to three tokens after an interpreter's label. */
  const languageAfterLabel = (k: number): boolean => {
    const languages = languageNames();
    if (!languages.has(upper(k)) && !(LANGUAGE_QUALIFIERS.has(upper(k)) && languages.has(upper(k + 1)))) return false;
    for (let b = k - 1; b >= Math.max(0, k - 3); b--) if (LANGUAGE_LABELS.has(bare(tok(b)).toLowerCase())) return true;
    return false;
  };
  const spans: NameSpan[] = [];
  const add = (from: number, to: number) => spans.push({ begin: begins[from], end: ends[to] - (/[.,]$/.test(tok(to)) && !isInitial(tok(to)) ? 1 : 0) });

  // After a clinical word, a part in camel case (`CaScore`, `LungCARE`) names a vendor's protocol; another word is a given name.
  const dicomName = (family: string, givenName: string) =>
    vocabulary.has(family) ? !vocabulary.has(givenName) && (given.has(givenName.toUpperCase()) || !/\p{Ll}\p{Lu}/u.test(givenName)) : !vocabulary.has(givenName) || given.has(family.toUpperCase()) || people.has(family.toUpperCase());

  for (let i = 0; i < count; i++) {
    const w = bare(tok(i));
    if (w.length < 1 || !/^\p{Lu}/u.test(w)) continue;
    // A kinship word that no one is called begins no name (`Svigersønn Valtteri`): the name after it is the cue's.
    if (!people.has(w.toUpperCase()) && !given.has(w.toUpperCase()) && kinCue(w, DEFAULT_KIN_CUES)) continue;
    // `GREULICH PYLE`, `Tommy John`, `May-Thurner`: an eponym of several surnames names no one.
    const phrase = eponymPhraseLength([tok(i), tok(i + 1), tok(i + 2)].map(bare));
    if (phrase > 0) {
      i += phrase - 1;
      continue;
    }
    // OKAFOR^MARGARET^Q: a person name in DICOM's form.
    // A vendor's protocol path (`Cardiac^CaScore`, `Chest^Routine`) begins or ends with a clinical word; a family
    // name that is one (`HEAD^JOHN`) goes with a known given name.
    if (tok(i + 1) === '^' && LETTERS.test(w) && LETTERS.test(bare(tok(i + 2))) && dicomName(w, bare(tok(i + 2)))) {
      let last = i + 2;
      while (tok(last + 1) === '^' && LETTERS.test(bare(tok(last + 2)))) last += 2;
      add(i, last);
      i = last;
      continue;
    }
    // M. Okafor, J. K. Smith
    if (/^\p{Lu}\.$/u.test(tok(i))) {
      let f = i + 1;
      if (/^\p{Lu}\.$/u.test(tok(f))) f++;
      // A surname the dictionary knows, or a word of four letters or more that is no English word.
      if (nameLike(f) && bare(tok(f)).length >= 3 && (people.has(upper(f)) || (bare(tok(f)).length >= 4 && !english.has(upper(f)))) && !(proper(f) && clinicalAfter(f + 1)) && !eponymHeadAt(f + 1)) {
        add(i, f);
        i = f;
      }
      continue;
    }
    if (!nameLike(i)) continue;
    // A language after an interpreter's label (`Interpreter: Spanish, Maria Lopez`) is no surname: the name after it is.
    if (languageAfterLabel(i)) continue;
    // An eponym after `of` names its part of the body (`Circle of Willis, …`, `pouch of Douglas`), not a person.
    if (i > 0 && /^of$/i.test(tok(i - 1)) && proper(i)) continue;
    const W = upper(i);
    // Okafor, Margaret (L.)
    const commaGiven =
      tok(i + 1) === ',' && nameLike(i + 2) && !proper(i + 2) && !(proper(i) && !given.has(upper(i + 2))) && !eponymHeadAt(i + 3) &&
      // a known given name after a plausible surname, or any non-English name word after a known surname
      ((given.has(upper(i + 2)) && !everyday.has(upper(i + 2)) && (people.has(W) || !english.has(W))) || (people.has(W) && !english.has(W) && upper(i + 2).length >= 3 && !english.has(upper(i + 2))));
    if (commaGiven) {
      let last = i + 2;
      if (isInitial(bare(tok(last + 1))) && tok(last + 1).endsWith('.')) last++;
      add(i, last);
      // The given name may begin a name of its own (`Spanish, Maria Lopez`: `Lopez` is hers); overlapping spans are merged.
      i = last - (last === i + 2 ? 1 : 0);
      continue;
    }
    // Margaret (Q.|Ann) Okafor: only a known given name or a word that is no English word can begin one.
    const givenKnown = given.has(W) && !PARTICLES.has(W.toLowerCase());
    if (!givenKnown && (W.length < 3 || english.has(W) || proper(i))) continue;
    // An acronym before a known given name and another name word (`CCK BRIAN JOHANSSON`, `HIDA JOHN OKAFOR`): the name
    // begins at the given name. An acronym: capitals without a vowel, or four capitals at most.
    if (!givenKnown && ACRONYM.test(W) && W === bare(tok(i)) && nameLike(i + 1) && given.has(upper(i + 1)) && !everyday.has(upper(i + 1)) && nameLike(i + 2)) continue;
    let f = i + 1;
    if (isInitial(bare(tok(f))) && tok(f).endsWith('.')) f++;
    else if (nameLike(f) && given.has(upper(f)) && nameLike(f + 1) && !everyday.has(upper(f))) {
      // A word in title case before a given name and a surname in capitals (`ASSET Cal SEAN DELACROIX`) is not their first name.
      if (isAllCaps(tok(i)) !== isAllCaps(tok(f)) && isAllCaps(tok(f)) === isAllCaps(bare(tok(f + 1)))) continue;
      f++;
    }
    // de Vries, van der Berg
    if (f < count && PARTICLES.has(tok(f).toLowerCase())) {
      let p = f;
      while (p < f + 2 && PARTICLES.has(tok(p).toLowerCase())) p++;
      if (nameLike(p)) f = p;
    }
    // `Scott brace`, `Allen test`: the second word is the thing an eponym names.
    if (!(nameLike(f) || abbreviationSurname(bare(tok(f)))) || bare(tok(f)).length < 2 || eponymHeadAt(f) || eponymHeadAt(f + 1)) continue;
    const F = upper(f);
    // Two eponyms (`Salter Harris`, `Jackson Pratt`) or one before a clinical word name a disease or device; a known given name before an eponym (`John Smith`) is a person unless a word like `fracture` follows.
    // Two surnames the medical dictionary writes as eponyms, the first no given name (`ZOLLINGER ELLISON`).
    const medicalEponyms = !given.has(W) && medical.proper(title(i)) && medical.proper(title(f));
    const eponymic = medicalEponyms || (proper(i) && proper(f)) || (proper(i) && clinicalAfter(f + 1)) || (proper(f) && (given.has(W) ? eponymHeadAt(f + 1) : clinicalAfter(f + 1)));
    if (eponymic) continue;
    let accepted: boolean;
    if (givenKnown && !everyday.has(W)) accepted = people.has(F) || !english.has(F);
    else if (givenKnown) accepted = people.has(F) && !english.has(F) && F.length >= 3 && !proper(f);
    // Chidi Okafor, Fatima Mensah, Anneke de Vries: a word that is no English word, then a known surname that is no English word.
    else accepted = W.length >= 3 && !english.has(W) && !proper(i) && people.has(F) && !english.has(F) && F.length >= 3 && !proper(f);
    if (!accepted) continue;
    // Andrew & Susan Kemp: a given name joined to the name found is part of it.
    let from = i;
    if (i >= 2 && /^(?:&|and)$/i.test(tok(i - 1)) && nameLike(i - 2) && given.has(upper(i - 2)) && !everyday.has(upper(i - 2))) from = i - 2;
    add(from, f);
    i = f;
  }
  return spans;
}
