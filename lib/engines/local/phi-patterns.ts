/**
 * Generic PHI patterns and the default keep-list of the local PHI engine.
 * Patterns run on upper-cased text; the date and ID patterns also run on OCR-folded text.
 * Every quantifier is bounded, so each pattern is linear in the text's length (test/text/linear-patterns.test.ts).
 */
import type { SafeHarborCategory } from '../../safe-harbor.js';
import { matchesOf } from '../../regex-matches.js';
import { DEFAULT_STAFF_ROLES, STAFF_ACTS } from '../../text/staff-words.js';
import { DEVICE_PATTERNS } from './device-text.js';

/** The endings of mail domains, generic and of countries (upper case): a dotted name before one is an e-mail read without its `@`. */
const MAIL_DOMAINS = 'COM|ORG|NET|EDU|GOV|INFO|BIZ|IO|CO\\.UK|AC\\.UK|NHS\\.UK|UK|DE|FR|NL|BE|IT|ES|PT|CH|AT|SE|NO|DK|FI|PL|CZ|TR|IE|CA|AU|NZ|IN|NG|ZA|KE|BR|MX|AR|JP|CN|KR|RU';

/** Month names as screens abbreviate them, in upper case (January first). */
export const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** Month names written out, in upper case (January first). */
export const MONTH_FULL = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];

/** A generic pattern: what it finds, its Safe Harbor letter and base score. `group` selects the PHI part. */
export interface PhiPattern {
  type: string;
  category: SafeHarborCategory;
  score: number;
  regex: RegExp;
  /** Capture group holding the PHI (default: the whole match). */
  group?: number;
  /** Also run on OCR-folded text (digit-centric patterns only). */
  folded?: boolean;
  /** Extra check on the matched PHI text. */
  accept?: (text: string) => boolean;
  /**
   * Structure is evidence (a labelled value, a full date, an e-mail): kept above half the OCR
   * confidence threshold, since small or noisy text is read with low confidence where PHI hides.
   */
  strong?: boolean;
}

const MONTHS = 'JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?';

function validDay(d: number): boolean {
  return d >= 1 && d <= 31;
}
function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

/** True for a numeric date a-b-c in any of the orders screens use (MDY, DMY, YMD). */
function plausibleNumericDate(text: string): boolean {
  const parts = text.split(/\s*[./-]\s*|\s+/).map(Number);
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p))) return false;
  const [a, b, c] = parts;
  const s = text.split(/\s*[./-]\s*|\s+/);
  if (s[0].length === 4) return validMonth(b) && validDay(c);
  return (validMonth(a) && validDay(b)) || (validDay(a) && validMonth(b));
}

function plausibleCompactDate(text: string): boolean {
  const y = Number(text.slice(0, 4));
  return y >= 1850 && y <= 2100 && validMonth(Number(text.slice(4, 6))) && validDay(Number(text.slice(6, 8)));
}

/**
 * An age of 89 or under as screens write it (`72 yrs`, `62 y/o`, `34Y`, `Age: 55`), over upper-case text: Safe
 * Harbor keeps it, so a labelled value before it ends there. Ages over 89 do not match. Followed by no letter or digit.
 * The slash of `y/o` may be read as the stroke it looks like (`32ylo`, `32 yIo`, `32y|o`).
 */
export const HARMLESS_AGE_SOURCE = String.raw`AGED?\s{0,3}[:=]?\s{0,3}[1-8]?\d(?!\d)|[1-8]?\d\s{0,3}(?:Y|YO|Y[\/|LI1]O|Y\.O\.?|YRS?|YEARS?)(?:[\s-]{0,3}OLD)?`;

/** A clock time after a date on a screen (`10:34`, `10:34:47`, `10.34.47`; OCR reads `:` as `;`): not an element of the date. */
export const CLOCK_TIME_SOURCE = String.raw`\d{1,2}(?:[:;]\d{2}|\.\d{2}\.\d{2}(?!\d))`;

/**
 * Year units of ages in other European languages and Turkish as consoles print them (`32 JAAR`, `70 YAŞ`, `58 LET`, `64 ÅR`,
 * `71 ÉV`, `66 ANI`), upper case. `LAT` (Polish) is also the lateral view (`90 LAT`): it counts for an age of 89 or under,
 * which is kept either way, and for the header's own age, never alone for an age over 89.
 */
export const MORE_YEAR_UNITS = 'JAAR|LET|LETA|ÅR|YAŞ|YAŞINDA|YAS|YASINDA|ÉV|ÉVES|ANI|GODINA|GODINE|VUOTTA|ROKOV|LETÝ';

/**
 * An age of 89 or under in every form screens print it ({@link HARMLESS_AGE_SOURCE}, and consoles' own): DICOM's age
 * string with its zeros (`034Y`, `061Y`; `018M`, `006W` in months or weeks), units and labels of other languages
 * (`63 J.`, `58 Jahre`, `41 ans`, `Alter 74Y`, `Âge 66`, `Edad 41`), a unit after a label (`Age 30y`), and the sex
 * letter beside it (`034Y F`, `M 58 J.`), a slash, bar or comma between them or nothing (`M / 63 J.`, `47Y, F`, `F21Y`). Over
 * upper-case text; ages over 89 (`091Y`, `93 J.`) do not match.
 */
export const SCREEN_AGE_SOURCE = String.raw`(?:[MFOU](?:\s{0,3}|\s{0,2}[/|,]\s{0,2}))?(?:(?:AGED?|ALTER|ÂGE|EDAD|ETÀ|ETA|LEEFTIJD)\s{0,3}[:=]?\s{0,3}0?[1-8]?\d(?:\s{0,2}(?:YRS?|Y|J\.?|A\.?))?(?!\d)|0?[1-8]?\d\s{0,3}(?:J\.|J(?!\p{L})|JAHRE|ANS|AÑOS|ANOS|ANNI|JR|(?:${MORE_YEAR_UNITS}|LAT)(?!\p{L}))|0[0-8]\dY|0\d{2}[MWD]|${HARMLESS_AGE_SOURCE})(?:(?:\s{0,3}|\s{0,2}[/|,]\s{0,2})[MFOU](?![\p{L}\p{N}]))?`;

/** The generic patterns, in order. */
export const PHI_PATTERNS: PhiPattern[] = [
  { type: 'EMAIL', category: 'F', score: 0.95, strong: true, regex: /\b[A-Z0-9._%+-]{1,64}@[A-Z0-9.-]{1,253}\.[A-Z]{2,24}\b/g },
  // An e-mail whose `@` OCR read as another glyph (`&`, `©`, `®`, `(a)`) or as a letter (`j.halvorsenamailbox.org`: a dotted
  // name run into a mail domain), shown without a label.
  { type: 'EMAIL', category: 'F', score: 0.85, strong: true, regex: /\b[A-Z0-9._%+-]{1,64}(?:[&©®]|\((?:A|AT)\)|\[(?:A|AT)\])[A-Z0-9-]{1,63}(?:\.[A-Z0-9-]{1,63}){0,6}\.[A-Z]{2,24}\b/g },
  { type: 'EMAIL', category: 'F', score: 0.8, regex: new RegExp(`(?<![\\p{L}\\p{N}.])(?!WWW\\.)[A-Z0-9%+-]{1,64}[._][A-Z0-9._%+-]{1,64}\\.(?:${MAIL_DOMAINS})(?![\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])`, 'gu') },
  { type: 'URL', category: 'N', score: 0.9, regex: /\b(?:HTTPS?:\/\/|WWW\.)[^\s]{1,2048}/g },
  // Four numbers of 0–255: `11.3.0.691` is a version, not an address.
  { type: 'IP_ADDRESS', category: 'O', score: 0.9, regex: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d{1,2})\.){3}(?:25[0-5]|2[0-4]\d|1?\d{1,2})\b/g },
  { type: 'SSN', category: 'G', score: 0.95, strong: true, regex: /\b\d{3}-\d{2}-\d{4}\b/g, folded: true },
  // Phones are found by the free-text phone shapes (`lib/text/shapes.ts`), in every national form: see phoneHits in phi.ts.
  {
    type: 'DATE',
    category: 'C',
    score: 0.85,
    regex: /\b(?:\d{1,2}\s{0,3}[./-]\s{0,3}\d{1,2}\s{0,3}[./-]\s{0,3}(?:\d{4}|\d{2})|\d{4}\s{0,3}[./-]\s{0,3}\d{1,2}\s{0,3}[./-]\s{0,3}\d{1,2})\b/g,
    folded: true,
    accept: plausibleNumericDate,
    strong: true,
  },
  // The dd/dd/dddd shape is a date on a screen even when OCR misread digits (a slashed 0 read as 6 or 8).
  { type: 'DATE', category: 'C', score: 0.7, regex: /\b\d{2}([./-])\d{2}\1\d{4}\b/g, folded: true, strong: true },
  // And so is the ISO-ordered yyyy.dd.dd shape with a 19xx/20xx year (`2021.89.97` for 2021.09.07).
  { type: 'DATE', category: 'C', score: 0.7, regex: /\b(?:19|20)\d{2}([./-])\d{2}\1\d{2}\b/g, folded: true, strong: true },
  // Small date text OCR reads with junk in the day or month (`21.1%.2019`) still ends in a year.
  { type: 'DATE', category: 'C', score: 0.6, regex: /(?<![^\s[(])[^\s./-]{1,3}([./-])[^\s./-]{1,3}\1(?:19|20)\d{2}\b/g },
  { type: 'DATE', category: 'C', score: 0.8, regex: /\b(?:19|20)\d{6}\b/g, folded: true, accept: plausibleCompactDate },
  // The day may be read run into what stands before it (`4.7811 NOVEMBER 2019`): any digit or sign there, not a letter.
  { type: 'DATE', category: 'C', score: 0.85, regex: new RegExp(`(?<![A-Z])\\d{1,2}[\\s-]{0,3}(?:${MONTHS})\\.?[\\s,-]{0,3}\\d{2,4}\\b`, 'g') },
  { type: 'DATE', category: 'C', score: 0.85, regex: new RegExp(`\\b(?:${MONTHS})\\.?\\s{0,3}\\d{1,2}(?:ST|ND|RD|TH)?,?\\s{0,3}\\d{4}\\b`, 'g') },
  // A month with its year is a date element Safe Harbor removes (only the year may stay), with or without its day.
  { type: 'DATE', category: 'C', score: 0.8, regex: new RegExp(`\\b(?:${MONTHS})\\.?[\\s,'-]{0,3}(?:19|20)\\d{2}\\b`, 'g') },
  // Ages over 89 are Safe Harbor identifiers; younger ages are not, nor is the `90+` category itself.
  {
    type: 'AGE',
    category: 'C',
    score: 0.8,
    // Labels and units of other languages too (`Alter 93`, `93 J.`, `91 ans`); the sex letter may touch it before (`F91Y`)
    // or after the unit (`093YF`, `93Y/M`), and then belongs to the word the box covers.
    regex: new RegExp(String.raw`(?:\b|(?<=\b[MFOU]))(?:(?:AGED?|ALTER|EDAD|ETÀ|ETA|LEEFTIJD)\s{0,3}[:=]?\s{0,3}(\d{2,3})|(\d{2,3})\s{0,3}(?:Y|YO|Y\/O|Y\.O\.?|YR|YRS|YEARS?|J|JAHRE|JR|ANS|AÑOS|ANOS|ANNI|${MORE_YEAR_UNITS})(?:[\s-]{0,3}OLD)?(?:\/?[MFOU](?![A-Z0-9+]))?)(?![A-Z0-9+ÉÝŞ])`, 'g'),
    accept: (t) => Number(t.replace(/\D/g, '')) > 89 && Number(t.replace(/\D/g, '')) < 150,
  },
  // Labelled values: the label is not PHI, what follows is.
  {
    type: 'LABELLED_DATE',
    strong: true,
    category: 'C',
    score: 0.9,
    // The label is a whole word (`DOS` is not the start of `Dose 23.2 uGy*m2`).
    // The value runs over spaces, but not on into an age of 89 or under after the date (`DOB 03.01.1950 62Y F`) nor
    // into the clock time after it (`Exam Date 10-23-24 10:34:47`: the time is no element of the date).
    regex: new RegExp(String.raw`\b(?:DOB|D\.O\.B\.?|BIRTH(?:\s{0,3}DATE)?|BORN|DOS|DATE)(?!\p{L})\s{0,3}[:#]?\s{0,3}([0-9A-Z](?:[0-9A-Z./-]| (?!\s{0,2}(?:(?:${SCREEN_AGE_SOURCE})(?![\p{L}\p{N}+/.])|${CLOCK_TIME_SOURCE}))){4,18}[0-9A-Z])`, 'gu'),
    group: 1,
    accept: (t) => /\d/.test(t),
  },
  {
    type: 'LABELLED_ID',
    strong: true,
    category: 'H',
    score: 0.9,
    regex: /\b(?:MRN|MR\s*#|MR\s*NO|PID|PAT(?:IENT)?\s*ID|ID|ACC(?:ESSION)?\s{0,3}(?:#|NO|NUMBER)?|ACCT|ACCOUNT|CHART|SSN|INS(?:URANCE)?|MEMBER|POLICY)\s{0,3}[:#]\s{0,3}([A-Z0-9][A-Z0-9-]{2,40})/g,
    group: 1,
  },
  {
    type: 'LABELLED_NAME',
    category: 'A',
    score: 0.85,
    regex: /\b(?:NAME|PATIENT|PT|PAT|DR|DOCTOR|PHYSICIAN|REF(?:ERRING)?|TECH(?:NOLOGIST)?|OPERATOR|RADIOLOGIST|READ\s{1,3}BY|SIGNED\s{1,3}BY)\.?\s{0,3}[:]?\s{1,3}((?:[A-Z][A-Z'-]{1,30}[\s,^]{1,3}){0,2}[A-Z][A-Z'-]{1,30})/g,
    group: 1,
  },
  {
    type: 'ZIP',
    category: 'B',
    score: 0.7,
    regex: /\b(?:A[LKZR]|C[AOT]|DE|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\s+\d{5}(?:-\d{4})?\b/g,
  },
  {
    type: 'ADDRESS',
    category: 'B',
    score: 0.8,
    regex: /\b\d{1,6}\s{1,3}(?:[A-Z][A-Z]{1,30}\s{1,3}){1,3}(?:STREET|ST|AVENUE|AVE|ROAD|RD|BOULEVARD|BLVD|LANE|LN|DRIVE|COURT|CT|WAY|PLACE|PL)\b\.?/g,
  },
  // Unlabelled ID-like tokens: long digit runs and letter+digit mixes.
  { type: 'ID', category: 'R', score: 0.6, regex: /\b\d{6,40}\b/g, folded: false },
  {
    type: 'ID',
    category: 'R',
    score: 0.6,
    regex: /\b(?=[A-Z0-9-]{0,40}\d)(?=[A-Z0-9-]{0,40}[A-Z])[A-Z0-9]{1,40}(?:-[A-Z0-9]{1,40}){0,6}\b/g,
    accept: idShaped,
  },
];

/** Letters that follow a number as its unit or as a technique label on screens (`17HZ`, `38MM`, `MI`, `TIS`). */
const UNIT_RUNS = new Set([
  'HZ', 'KHZ', 'MHZ', 'MM', 'CM', 'M', 'KV', 'KVP', 'MA', 'MAS', 'MS', 'S', 'SEC', 'DB', 'FPS', 'BPM', 'MGY', 'DEG', 'X', 'MI', 'TI', 'TIS', 'TIB', 'TIC',
  'GN', 'DR', 'FR', 'PRF', 'WF', 'SV', 'CF', 'PW', 'EI', 'SID', 'SL', 'FOV', 'TR', 'TE', 'ET', 'NEX', 'ML', 'KG', 'G', 'D', 'B', 'T', 'P', 'C', 'L', 'H',
]);

/**
 * Labels of window and MR timing values, and of a treatment beam's jaws (`X1 -5.0 X2 5.0`, `Y1 9.0 Y2 9.8` read as
 * `Y190Y29.8`), which OCR runs on into their numbers at small sizes.
 */
const VALUE_LABELS = new Set(['W', 'L', 'C', 'WW', 'WL', 'WC', 'TR', 'TE', 'TI', 'ET', 'X', 'Y']);

/**
 * An unlabelled token shaped like an identifier (`A81998973`, `HP123456`, `CT20230012AB`): four digits
 * or more, mostly digits, at most two runs of letters, and no unit or technique label glued after a
 * number. Probe and acquisition lines read without their spaces (`C5-117HZMI1`, `P4-2MI00TIS`) and
 * sizes (`220X240`) are numbers with units, not identifiers; so are window and timing values read
 * without their spaces (`C273W183` for `C 273 W 183`, `C-7W1928`, `TR1103`): every run of letters a
 * label of such values (`VALUE_LABELS`) followed by a number of at most four digits.
 */
function idShaped(text: string): boolean {
  if (PROBE_READ.test(text)) return false;
  const alnum = text.replace(/-/g, '');
  const labelled = matchesOf(/([A-Z]+)(\d+)/g, alnum);
  if (labelled.map((m) => m[0]).join('') === alnum && labelled.every((m) => VALUE_LABELS.has(m[1]) && m[2].length <= 4)) return false;
  const digits = alnum.match(/\d/g)?.length ?? 0;
  if (digits < 4 || alnum.length < 6 || digits * 2 < alnum.length) return false;
  const runs = alnum.match(/[A-Z]+/g) ?? [];
  if (runs.length > 2) return false;
  for (const m of matchesOf(/\d([A-Z]+)/g, alnum)) if (UNIT_RUNS.has(m[1]) || [...UNIT_RUNS].some((u) => u.length >= 2 && m[1].startsWith(u))) return false;
  return true;
}

/**
 * A transducer (probe) name: one to three letters, its frequency range, and the letters of its model, run on or after a
 * dash (`C5-1`, `L12-5io`, `C9-4v`, `L18-4ex`, `EC9-4`, `X7-2t`, `C2-9-D`, `C1-6-RS`): harmless annotation.
 */
const PROBE = /^[A-Z]{1,3}\d{1,2}-\d{1,2}(?:[A-Z]{0,3}|-[A-Z]{1,3})$/;
/** …and as OCR reads its model's letters in small text, some as their digit look-alikes (`L12-5i0` for `L12-5io`): no identifier. */
const PROBE_READ = /^[A-Z]{1,3}\d{1,2}-\d{1,2}(?:[A-Z][A-Z0158]{0,2})?$/;

/** Harmless annotation kept unless the file's own identity says otherwise. */
export const DEFAULT_KEEP_LIST: readonly string[] = [
  'L', 'R', 'A', 'P', 'S', 'I', 'H', 'F', 'LT', 'RT', 'LEFT', 'RIGHT',
  'AP', 'PA', 'LAT', 'LATERAL', 'OBL', 'OBLIQUE', 'PORTABLE', 'PORT', 'SUPINE', 'PRONE', 'ERECT', 'UPRIGHT',
  'SEMI-UPRIGHT', 'SEMI UPRIGHT', 'SEMI', 'DECUBITUS', 'DECUB', 'STANDING', 'SITTING', 'INSP', 'EXP',
  'AXIAL', 'CORONAL', 'SAGITTAL', 'SCOUT', 'TOPOGRAM', 'LOCALIZER', 'HEAD', 'FEET', 'CHEST', 'ABDOMEN', 'PELVIS',
  'KVP', 'KV', 'MAS', 'MA', 'MS', 'SEC', 'MGY', 'DLP', 'CTDI', 'CTDIVOL', 'W', 'WL', 'WW', 'WC', 'C', 'L/R',
  'SE', 'SER', 'SERIES', 'IM', 'IMG', 'IMAGE', 'TILT', 'FOV', 'SL', 'ST', 'THK', 'MM', 'CM', 'ZOOM', 'DFOV',
  'T1', 'T2', 'FLAIR', 'DWI', 'ADC', 'STIR', 'PD', 'GRE', 'TR', 'TE', 'TI', 'ET', 'NEX', 'FS',
  'GAIN', 'GN', 'DEPTH', 'FREQ', 'MHZ', 'HZ', 'DB', 'FR', 'PWR', 'MI', 'TIS', 'TIB', 'DR', 'EI', 'CR', 'CT', 'MR', 'US',
  // Doppler measurements (`PSV 128.6 cm/s`, `RI 0.68`, `S/D 2.9`), deviation and exposure indexes (`DI -0.7`, `EXI 388`),
  // dose-area product, the eye a picture shows (`OD  14:02`), frame counters and cine (`Frame 17/48`, `Cine`).
  'PSV', 'EDV', 'RI', 'PI', 'S/D', 'VMAX', 'VMIN', 'VMEAN', 'TAMAX', 'TAMEAN', 'TAMV', 'HR', 'DI', 'EXI', 'DAP',
  // The cranial thermal index beside the soft-tissue and bone ones (`TIc 0.4`); endoscopes' enhancement, structure and zoom
  // settings (`Enh B3 Zoom x1.6`, `Str 2 Zm 1.2x`).
  'TIC', 'ENH', 'STR', 'ZM',
  'BPM', 'OD', 'OS', 'OU', 'OD/OS', 'OS/OD', 'FRAME', 'FRM', 'CINE', 'LOOP', 'LIVE',
  // Counters: `Page 1 of 2`, `Img 3 of 40`.
  'PAGE', 'OF',
];

/**
 * Units of measure screens print after a number (`mm`, `cm/s`, `%`, `°`, `mGy`, `fps`), of two characters or a sign: never a
 * sex letter (`M`, `F`) or a state's letters (`MA`, `MS`). After a value they make it a measure ({@link UNIT_AFTER}); a number
 * with one of them, or with {@link SHORT_UNITS}, is harmless on its own.
 */
export const UNIT_WORDS: readonly string[] = [
  'MM', 'CM', 'µM', 'UM', 'CM/S', 'MM/S', 'M/S', 'SEC', 'MIN', '%', '°', 'DEG', 'HZ', 'KHZ', 'MHZ', 'MGY', 'CGY', 'GY', 'ML', 'KG', 'FPS', 'BPM', 'KV', 'KVP', 'MAS', 'DB',
  // Activity, counts and frame times of nuclear medicine (`370 MBq`, `1250 kcts`, `20 s/frame`), eye pressure (`16 mmHg`),
  // particle energies (`6 MeV`, `140 keV`).
  'MBQ', 'KBQ', 'GBQ', 'MCI', 'KCTS', 'MCTS', 'MMHG', 'S/FRAME', 'SEC/FRAME', 'MS/FRAME', 'MEV', 'KEV',
];
/** Units a number alone may carry that also name other things after a value (`5 s`, `12 g`, `2.2x`, `40 mA`, `3 ms`). */
export const SHORT_UNITS = ['M', 'S', 'G', 'X', 'MA', 'MS'];
const unitSource = (units: readonly string[]) => [...units].sort((a, b) => b.length - a.length).map((u) => u.replace(/\//g, '\\/')).join('|');
/** A unit of measure right after a value (case-insensitive, spaces between): the shared list of {@link UNIT_WORDS}. */
export const UNIT_AFTER = new RegExp(`^\\s{0,2}(?:${unitSource(UNIT_WORDS)})(?![\\p{L}\\p{N}])`, 'iu');

/** Numbers with units, window values and scale marks: never PHI on their own. */
export const HARMLESS_PATTERNS: readonly RegExp[] = [
  new RegExp(`^[-+]?\\d+(?:[.,]\\d+)?\\s*(?:${unitSource([...UNIT_WORDS, ...SHORT_UNITS])})$`, 'iu'),
  // Speeds alone (`cm/s`) and nuclides (`Tc-99m`, `I-123`, `F-18`, `Tl-201`): an element's symbol and its mass number.
  /^(?:CM|MM|M)\/S$/,
  // Dose-area products' units (`dGy*cm2`, `uGy*m2`, `mGy*cm`).
  /^[DCMUΜ]?GY\s?[*·X]?\s?(?:[DC]?M2?|CM²|M²)$/u,
  /^(?:TC|I|F|TL|GA|IN|RB|XE|LU|Y|C|N|O|CU|ZR)-?\d{1,3}M?$/,
  // Window values; OCR reads the colon as a full stop as often as not (`W.400`).
  /^(?:W|L|WW|WL|WC|C)\s*[:=.]?\s*[-+]?\d+(?:\.\d+)?$/,
  // Sizes and matrices (`220x240`, `512 X 512`) and window pairs (`400/40`).
  /^\d{1,4}(?:\.\d+)?\s*[X×*]\s*\d{1,4}(?:\.\d+)?(?:\s*(?:MM|CM))?$/,
  /^[-+]?\d{1,5}\/[-+]?\d{1,5}$/,
  /^[-+]?\d{1,4}(?:[.,]\d+)?$/,
  PROBE,
  // Ages of 89 and under with their unit or label (`62 Y/O`, `034Y F`, `AGE: 55`, `63 J.`): Safe Harbor keeps them.
  new RegExp(`^(?:${SCREEN_AGE_SOURCE})$`, 'u'),
  // Versions after their label, method lines, device models and settings (`SW 4.1.22`, `GA(LMP) 28W1D`, `GIF-HQ190`).
  ...DEVICE_PATTERNS,
];

// The staff's role labels (the rules' `staff_roles`) and acts are shared with free-text cleaning (lib/text/staff-words.ts).
export { DEFAULT_STAFF_ROLES, STAFF_ACTS };

/** Values after a staff cue that name no one (`Resident: none`, `Reviewed: yes`), beside clinical vocabulary (`Tech: LOW DOSE`). */
export const NO_ONE: ReadonlySet<string> = new Set([
  'NONE', 'NA', 'N/A', 'NIL', 'UNKNOWN', 'UNK', 'PENDING', 'TBD', 'AUTO', 'AUTOMATIC', 'SYSTEM', 'DEFAULT', 'YES', 'NO', 'NOT',
  'APPLICABLE', 'ON', 'OFF', 'CALL', 'DUTY',
]);

const cueWords = (words: readonly string[]) => words.map((w) => w.replace(/[.]/g, '\\.')).join('|');

/**
 * A staff cue in upper-cased screen text: a role label (the rules' `staff_roles`, upper case) and its colon, or an act
 * and `by` (colon optional).
 * @example staffCue(['SONOGRAPHER']).test('SONOGRAPHER: PRIYA RAMASWAMY') // true
 */
export function staffCue(roles: readonly string[]): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:${cueWords(roles.map((w) => w.toUpperCase()))})\\.?(?:\\s{0,2}(?:PHYS(?:ICIAN)?|DR|MD|BY)\\.?)?\\s{0,2}[:;]|(?:${cueWords(STAFF_ACTS)})\\.?\\s{1,2}BY(?![\\p{L}\\p{N}])\\s{0,2}[:;]?)`,
    'gu',
  );
}
/** The staff cue of the curated roles. */
export const STAFF_CUE = staffCue(DEFAULT_STAFF_ROLES);
