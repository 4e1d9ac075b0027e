/**
 * Identifying text found by its shape alone, whatever the header holds: e-mail addresses, URLs,
 * IP addresses, phone and fax numbers (North American and international forms), SSNs, street
 * addresses with their city, state and ZIP, postcodes, dates in the common national and ISO
 * formats (with a time beside them), labelled IDs and ID-like tokens.
 *
 * Every quantifier is bounded (RFC and real-world lengths), so each pattern does a bounded amount
 * of work per start position and the whole search stays linear in the text's length, even on
 * adversarial input (`a.a.a.a…` without an `@` used to take quadratic time).
 */
import { matchesOf } from '../regex-matches.js';
import { extendAddresses, MORE_ADDRESS_SHAPES } from './addresses.js';
import { extendForeignAddresses, FOREIGN_ADDRESS_SHAPES } from './foreign-addresses.js';
import { STREET_KIND_SHAPES } from './street-kinds.js';
import { PLATE_AND_PHONE_SHAPES } from './plate-phone-cues.js';
import { anyCasePattern } from './locale-data.js';
import { LOCALE_DATE_SHAPE } from './locale-dates.js';
import { PHONE_LIST_SHAPE } from './phone-lists.js';
import { PLAN_AND_LICENCE_ID_SHAPE } from './id-labels.js';
import { RELATIVE_PHONE_SHAPE } from './relative-phones.js';
import { anyCase, PLACE_WORD, STATE_NAMES, STATES, STREET_SUFFIX, UNIT_LABEL } from './place-patterns.js';
import { B, E, UNSPACED, WORD_CHAR } from './scripts.js';
import type { ShapeSpan, TextShape } from './text-shape.js';

export type { ShapeSpan, TextShape } from './text-shape.js';

const bounded = (source: string, flags = 'giu') => new RegExp(`${B}(?:${source})${E}`, flags);

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const TIME = '(?:[T\\s]{1,2}\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?(?:\\s?[ap]\\.?m\\.?)?)?';

function plausibleDate(text: string): boolean {
  const parts = text.split(/[^\d]+/).filter(Boolean).map(Number);
  if (parts.length < 3) return true;
  const [a, b, c] = parts;
  const month = (n: number) => n >= 1 && n <= 12;
  const day = (n: number) => n >= 1 && n <= 31;
  if (String(parts[0]).length === 4 || /^\d{4}/.test(text)) return month(b) && day(c);
  return (month(a) && day(b)) || (day(a) && month(b));
}
function plausibleCompactDate(text: string): boolean {
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(4, 6));
  const d = Number(text.slice(6, 8));
  return y >= 1850 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}
const digitCount = (s: string) => s.replace(/\D/g, '').length;
/** Dashes text writes between a number's groups: hyphen, non-breaking hyphen, figure, en and em dash, bar, minus. */
const DASH = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
/** An extension after a number: `x204`, `ext. 12`, `, extension 7`, `Durchwahl 34`, `poste 12`, `#7741`. */
const EXTENSION = "(?:,?\\s{0,2}(?:(?:x|ext\\.?|extn\\.?|extension|poste|durchwahl|dw\\.?)\\s{0,2}[.:#]?\\s{0,2}\\d{1,6}|#\\s?\\d{2,6}))?";
const EXTENSION_AT_END = new RegExp(`${EXTENSION.slice(0, -1)}$`, 'i');
/** A separator of a trunk-prefixed number's groups. */
const TRUNK_SEPARATOR = new RegExp(`[\\s./${DASH}]`);
/** Units after a run of numbers make it measurements, not a phone (`12 14 16 18 mm`). */
const NOT_UNITS = `(?!\\s{0,2}(?:mm|cm|ml|mg|kg|mgy|ms|s|sec|min|hz|khz|mhz|kv|kvp|mas|ma|%|°|deg|bpm|hu|px|keV|mev|gy|mbq|mci)${E})`;
/** Units of doses and amounts only (`10/30 mCi`, `12/20 mg`): never `s` or `min`, which follow dates too (`s/p`). */
const NOT_AMOUNT_UNITS = `(?!\\s{0,2}(?:mci|mbq|gbq|mg|mcg|ug|ml|mm|cm|mmhg|units?|iu|%)${E})`;

/** Numbers that count in small equal steps (`Series 12 13 14 15`, `10 20 30 40`): a list, not a phone. */
function countingRun(text: string): boolean {
  const n = text.split(/\D+/).filter(Boolean).map(Number);
  return Math.abs(n[1] - n[0]) <= 10 && equalSteps(n);
}

/**
 * Words for a phone in scripts that need no space before the number (`电话021-1234 5678`, `전화 010-…`, `โทร 081…`,
 * `फ़ोन: …`), and in Cyrillic and Greek (`тел.`, `τηλ.`).
 */
const PHONE_CUES_UNSPACED = '电话|電話|手机|手機|座机|联系方式|연락처|전화|휴대폰|핸드폰|携帯|電話番号|โทรศัพท์|โทร|मोबाइल|फ़ोन|फोन|телефон|тел|моб|τηλέφωνο|τηλ|κιν';

/** Between a phone's groups: one space or dot, or a dash with a space either side (`201 3344`, `201.3344`, `201 – 3344`). */
const GROUP_SEP = `(?:\\s?[${DASH}]\\s?|[\\s.])`;
/** Digits as words, as a number is read out (`oh`, `double five`). */
const SPELLED_DIGIT = 'zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple';
/** Two numbers that both end in zero (`250-1000`, `50 1000 2000`): a range or a list of values, not a phone. */
function roundRange(text: string): boolean {
  const groups = text.replace(EXTENSION_AT_END, '').split(/\D+/).filter(Boolean);
  const last = groups.slice(-2);
  return last.length === 2 && last.every((g) => g.endsWith('0')) && last[1].endsWith('00');
}

/** Labels of identifiers (`MRN`, `Acc No.`, `policy`, `member`, `serial`…), as regex source. */
const ID_LABELS =
  "mrn|mr\\s?#|mr\\s?no\\.?|med(?:ical)?\\.?\\s{1,2}rec(?:ord)?\\.?(?:\\s{1,2}(?:no\\.?|number|#))?|patient\\s{1,2}(?:id|no\\.?|number|#)|pt\\.?\\s{0,2}(?:id|#)|pid|id|acc(?:ession)?\\.?(?:\\s{0,2}(?:no\\.?|number|#))?|acct|account(?:\\s{1,2}(?:no\\.?|number|#))?|encounter|csn|fin|har|req(?:uisition)?|study\\s{1,2}id|exam\\s{0,2}(?:id|#|no\\.?)|case|chart|ins(?:urance)?|policy|member|subscriber|health\\s{1,2}plan|license|lic|licence|cert(?:ificate)?|serial|s/n|sn|device\\s{1,2}id|vin|plate|badge|employee|emp";

/** A measure or a level after a plate word (`placa 12 mm`, `plaka L4-5`): not a registration. */
const PLATE_LOOKALIKE = /^\d{1,4}\s{0,2}(?:mm|cm|ml|mg|kg|hu|px)$|^(?:[CTLS]\d{1,2}[\s-]{0,2}){1,3}$/i;

/** Labels of a vehicle's registration plate, in English and other languages (`licence plate`, `Kennzeichen`, `matrícula`), in any case. */
const PLATE_LABELS =
  'licen[cs]e\\s{1,2}plate(?:\\s{1,2}(?:no\\.?|number|#))?|(?:number|registration|reg\\.?)\\s{1,2}plate|plate\\s{0,2}(?:no\\.?|number|#)|vehicle\\s{1,2}reg(?:istration)?\\.?(?:\\s{1,2}(?:no\\.?|number|#))?|car\\s{1,2}reg(?:istration)?\\.?|kenteken|kennzeichen|nummernschild|matr[ií]cula|placa|targa|immatriculation|plaque\\s{1,2}d.immatriculation|tablic[ay]\\s{1,2}rejestracyjn[aeyj]|nr\\s{1,2}rej\\.?|plaka|spz|rendsz[aá]m|registreringsnummer|reg\\.?\\s?nr';

/**
 * Nouns of numbers that name a person's claim, order or record (`claim 4821-3390-17`, `voucher 5521 8830 19`): labels of
 * digit groups only (eight digits or more), not of shorter values (`order 2 of 3`, `file 12`).
 */
const GROUP_ID_NOUNS = 'claim|ref|reference|voucher|auth|authori[sz]ation|order|ticket|tracking|booking|confirmation|invoice|file|docket|permit|passport|registration|enrol?l?ment|subject|donor|specimen|referral|transaction|receipt|application|contract|certificate|benefit|group|plan|episode|encounter|visit|admission|record';

/** Three numbers or more of two digits at most, in equal steps (`Case 12 14 16 18`): a list after a label, not its value. */
function smallCountingList(text: string): boolean {
  const groups = text.split(/\s+/);
  return groups.length >= 3 && groups.every((g) => /^\d{1,2}$/.test(g)) && equalSteps(groups.map(Number));
}

/** A vertebral level (`C2`, `T12`, `L5`, `S1`, `Co1`): cervical 1–8 (C8 the nerve root), thoracic 1–12, lumbar 1–6, sacral 1–5. */
const SPINAL_LEVEL = /^(?:C[1-8]|T(?:[1-9]|1[0-2])|L[1-6]|S[1-5]|Co[1-4])$/i;
/** Vertebral levels joined by dashes (`T10-T11-T12-L1`, `C3-C4-C5-C6`, `L4-5-S1`): a span of the spine, not an identifier. */
function spinalLevels(text: string): boolean {
  const parts = text.split('-');
  return parts.length >= 2 && SPINAL_LEVEL.test(parts[0]) && parts.every((p, k) => SPINAL_LEVEL.test(p) || (k > 0 && /^(?:[1-9]|1[0-2])$/.test(p)));
}

/** Equal steps between numbers (`12 14 16 18`, `100 200 300`): a list, not an identifier. */
export function equalSteps(groups: readonly number[]): boolean {
  const step = groups[1] - groups[0];
  return groups.every((g, k) => k === 0 || g - groups[k - 1] === step);
}

/** The shapes, most specific first (an e-mail before the ID-like token inside it). */
export const TEXT_SHAPES: readonly TextShape[] = [
  // E-mail: local part up to 64, labels up to 63, at most 8 labels (RFC 5321 lengths).
  { kind: 'email', category: 'F', requires: ['@', '(at)', '[at]'], re: bounded(`(?:${WORD_CHAR}|[._%+'-]){1,64}\\s?(?:@|\\(at\\)|\\[at\\])\\s?(?:${WORD_CHAR}|-){1,63}(?:\\.(?:${WORD_CHAR}|-){1,63}){1,8}`) },
  { kind: 'url', category: 'N', requires: ['://', 'www.'], re: new RegExp(String.raw`${B}(?:(?:https?|ftp|sftp):\/\/|www\.)[^\s<>"'\x60${UNSPACED}]{1,2048}`, 'giu') },
  {
    kind: 'url',
    category: 'N',
    re: bounded('(?:[a-z0-9-]{1,63}\\.){1,6}(?:com|org|net|edu|gov|mil|int|info|biz|io|co|uk|de|fr|ca|au|us|nl|ch|se|no|dk|es|it|jp|cn|in|br|ru|nz|ie|be|at|health|hospital|clinic|care|med|invalid|example|test|local)(?:/[^\\s<>"\'`]{0,2048})?'),
    accept: (t) => !/^\d+(?:\.\d+)+$/.test(t),
  },
  { kind: 'ip', category: 'O', needsDigit: true, re: bounded('(?:25[0-5]|2[0-4]\\d|1?\\d{1,2})(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d{1,2})){3}(?::\\d{1,5})?') },
  { kind: 'ip', category: 'O', needsDigit: true, re: bounded('(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?') , accept: (t) => /\d/.test(t) && t.length >= 8 },
  // Vehicle plates after a plate label (Safe Harbor L), in the words of several languages: one to four groups of letters
  // and digits with a digit in them (`4821 KLM`, `WPR 55831`, `XH-274-B`). A bare `plate` is an implant or a growth plate
  // in clinical English: only a licence, number or registration plate, or a plate with a number word, labels a vehicle.
  {
    kind: 'plate',
    category: 'L',
    needsDigit: true,
    // Case matters in the plate (`9034 JRD`, never `9034 en el`), so the label is spelled in any case instead.
    re: bounded(`(?:${anyCasePattern(PLATE_LABELS)})\\s{0,3}[:#=]?\\s{0,3}([A-Z0-9]{1,4}(?:[\\s${DASH}]{1,2}[A-Z0-9]{1,5}){0,3})`, 'gu'),
    group: 1,
    accept: (t) => {
      const chars = t.replace(/[^A-Z0-9]/gi, '').length;
      return /\d/.test(t) && /[A-Z]/i.test(t) && chars >= 4 && chars <= 10 && !PLATE_LOOKALIKE.test(t);
    },
  },
  { kind: 'ssn', category: 'G', needsDigit: true, re: bounded('\\d{3}-\\d{2}-\\d{4}|(?:ssn|social\\s{1,2}security(?:\\s{1,2}(?:no\\.?|number|#))?)\\s{0,3}[:#]?\\s{0,3}\\d{3}[\\s-]?\\d{2}[\\s-]?\\d{4}') },
  // Phones: a labelled number of 7–15 digits in any grouping.
  {
    kind: 'phone',
    category: 'D',
    needsDigit: true,
    re: bounded(`(?:tel(?:ephone|efon|efono|éfono|efone|efoon|efonu|efonnummer|efonní|emóvel|emovel|\\.?\\s?/\\s?fax)?|tél(?:éphone)?|tfno|tlf|tlfn|fone|handy|handynummer|gsm|whatsapp|celular|mobil|mobiel|móvel|komórka|kom\\.|${PHONE_CUES_UNSPACED}|voicemail|vm|beeper|page|paged|text|txt|sms|ph(?:one)?|fax|facsimile|mobile|mob|móvil|cell(?:phone|ular)?|cel|pager|bleep|home|work|office|contact|call(?:\\s{1,2}on)?|ring|dial|reach(?:ed)?\\s{1,2}(?:at|on)|at|number(?:\\s{1,2}is)?|[HMTWOPF](?=\\s{0,2}:))\\.?\\s{0,3}(?:#|no\\.?|number|号码|號碼|번호|番号)?\\s{0,3}[:=：]?\\s{0,3}(\\+?\\(?\\d{1,5}\\)?(?:[\\s.${DASH}/]{0,3}\\(?\\d{1,8}\\)?){1,6}${EXTENSION})(?![:.h]\\d)`),
    group: 1,
    accept: (t) => digitCount(t) >= 7 && digitCount(t) <= 18,
  },
  // International: +CC or 00CC, then 2–6 groups (the UK trunk `(0)` allowed).
  {
    kind: 'phone',
    category: 'D',
    needsDigit: true,
    re: new RegExp(`(?<!${WORD_CHAR}|[+])(?:\\+|00)\\d{1,3}[\\s.${DASH}]{0,2}(?:\\(0\\)[\\s.${DASH}]{0,2})?\\(?\\d{1,5}\\)?(?:[\\s.${DASH}/]{1,3}\\d{1,8}){1,5}${EXTENSION}${E}`, 'giu'),
    accept: (t) => digitCount(t) >= 8 && digitCount(t) <= 17,
  },
  // North American: (555) 201-3344, 555-201-3344, 555.201.3344, 555 - 201 - 3344, 555/201-3344, 1-800-555-1234, with an
  // extension; any dash. Spaced groups right after another number are values in a list (`b-values 50 400 800 1000`), not a phone.
  { kind: 'phone', category: 'D', needsDigit: true, re: bounded(`(?!(?<=\\d {1,2})\\d{3} {1,2}\\d{3} {1,2}\\d{4})(?:1${GROUP_SEP}?)?(?:\\(\\d{3}\\)\\s?|\\d{3}(?:${GROUP_SEP}|\\s?/\\s?))(?:\\d{3}(?:${GROUP_SEP}|\\s?/\\s?)\\d{4}|\\d{7})${EXTENSION}`) },
  // A local seven-digit number (`867-5309`, `201–3344`; spaced only with an extension: `555 0199 ext 2`, as `matrix 256 1024`
  // is none): not a range of round values (`250-1000`), nor values before a unit, nor one of a run of numbers.
  {
    kind: 'phone',
    category: 'D',
    needsDigit: true,
    re: new RegExp(`(?<!${WORD_CHAR}|[.,/+${DASH}]|\\d\\s{1,2})[2-9]\\d{2}(?:[${DASH}]\\d{4}${EXTENSION}| \\d{4}${EXTENSION.slice(0, -1)})${NOT_UNITS}(?!${WORD_CHAR}|[.,/${DASH}]\\d| {1,2}\\d)`, 'giu'),
    accept: (t) => !roundRange(t),
  },
  // A pager, bleep or hands-free badge number, however short (`pager 4471`, `bleep 2217`, `Vocera 2290`, `pgr 5-2201`, `paged to 4472`).
  { kind: 'phone', category: 'D', needsDigit: true, re: bounded('(?:pager|pgr|bleep|beeper|vocera|spectralink|(?:paged|bleeped)(?:\\s{1,2}(?:to|at|on))?)\\s{0,2}(?:#|no\\.?|number)?\\s{0,2}[:#]?\\s{0,2}(\\d(?:-?\\d){2,7})'), group: 1 },
  // Vanity numbers in capitals after an area code in parentheses or a toll-free code: (555) DOC-TORS, 1-888-MRI-SCAN.
  {
    kind: 'phone',
    category: 'D',
    needsDigit: true,
    re: new RegExp(String.raw`${B}(?:1[\s.-]?)?(?:\(\d{3}\)\s?|8(?:00|88|77|66|55|44|33)[\s.-])[A-Z0-9]{2,4}[\s.-]?[A-Z0-9]{3,7}${E}`, 'gu'),
    accept: (t) => /[A-Z]/.test(t) && t.replace(/[^A-Z0-9]/g, '').length >= 7,
  },
  // National trunk-prefixed numbers: 020 7946 0958, (02) 9876 5432, 06 12 34 56 78, 030 1234567; not a date before its time (`03.01.1950 14:22`).
  {
    kind: 'phone',
    category: 'D',
    needsDigit: true,
    re: new RegExp(`(?<!${WORD_CHAR}|[.,/${DASH}])(?:\\(0\\d{1,4}\\)|0\\d{1,4}|\\(0\\)\\s?\\d{2,5})(?:[\\s.${DASH}]|\\s?/\\s?)\\d{2,8}(?:[\\s.${DASH}]\\d{2,4}){0,4}(?:[${DASH}]\\d{1,5})?${EXTENSION}(?!${WORD_CHAR}|[.,/:${DASH}]\\d)`, 'giu'),
    accept: (t) => digitCount(t.replace(EXTENSION_AT_END, '')) >= 9 && digitCount(t) <= 18 && TRUNK_SEPARATOR.test(t),
  },
  // Grouped digits without a trunk prefix or label (`91 123 45 67`, `21 555 12 34`): four groups or more,
  // two of them pairs, one separator throughout; not numbers before a unit (`12 14 16 18 mm`), a count, nor
  // the start of a longer run (`15 30 45 60 90 120 min`), nor a date before its time (`12 03 2019 14:22`).
  {
    kind: 'phone',
    category: 'D',
    needsDigit: true,
    re: new RegExp(`(?<!${WORD_CHAR}|[.,/+-])(?:0[ .-])?\\d{2,4}([ .-])\\d{2,4}(?:\\1\\d{2,4}){2,4}${NOT_UNITS}(?!${WORD_CHAR}|[.,:\\-/]\\d| {1,2}\\d)`, 'gu'),
    accept: (t) => {
      const groups = t.split(/\D/);
      const pairs = groups.filter((g) => g.length === 2).length;
      // `91 123 45 67` (a longer group among pairs) or five pairs `06 12 34 56 78`; four pairs alone are a list.
      return digitCount(t) >= 8 && digitCount(t) <= 12 && pairs >= 2 && (pairs < groups.length || groups.length >= 5) && !countingRun(t);
    },
  },
  // Phones of a list a phone cue heads, the cue apart from the number (`Tel. (home / work): 612 555 804 / 20 555 7711`).
  PHONE_LIST_SHAPE,
  // A phone after a relative's word, in any grouping (`call daughter 912 555 604`, `hija: 91 555 60 45`).
  RELATIVE_PHONE_SHAPE,
  // Chinese mobiles in three groups (`138 1234 5678`, `139-8765-4321`): 1, a digit from 3 to 9, then 9 digits as 1+4+4.
  { kind: 'phone', category: 'D', needsDigit: true, re: new RegExp(`(?<!${WORD_CHAR}|[.,/+${DASH}]|\\d\\s{1,2})1[3-9]\\d([\\s${DASH}])\\d{4}\\1\\d{4}${NOT_UNITS}(?!${WORD_CHAR}|[.,/${DASH}]\\d| {1,2}\\d)`, 'gu') },
  // Service numbers without a trunk prefix (Australia's 1300 and 1800: `1300 555 123`).
  { kind: 'phone', category: 'D', needsDigit: true, re: bounded(`1[38]00[\\s${DASH}]?\\d{3}[\\s${DASH}]?\\d{3}`) },
  // A two-digit area code then eight or nine digits (`(11) 98765-4321`, `(21) 2555 1234`, `11 98765-4321`, `2 9374 4000`):
  // in parentheses, or two four-digit groups after it; not after another number (a list) nor round values (`50 1000 2000`).
  {
    kind: 'phone',
    category: 'D',
    needsDigit: true,
    re: new RegExp(`(?<!${WORD_CHAR}|[.,/+${DASH}]|\\d\\s{1,2})(?:\\(0?\\d{2}\\)\\s?\\d{4,5}[\\s.${DASH}]?\\d{4}|\\d{1,2}\\s9?\\d{4}[\\s${DASH}]\\d{4})${EXTENSION}${NOT_UNITS}(?!${WORD_CHAR}|[.,/${DASH}]\\d| {1,2}\\d)`, 'gu'),
    accept: (t) => !/^\d/.test(t) || !roundRange(t),
  },
  // Five digits, a dash, four (`98765-4321`, a mobile; or a ZIP+4): not values before a unit.
  { kind: 'phone', category: 'D', needsDigit: true, re: new RegExp(`(?<!${WORD_CHAR}|[.,/+${DASH}])\\d{5}[${DASH}]\\d{4}${NOT_UNITS}(?!${WORD_CHAR}|[.,/${DASH}]\\d)`, 'gu') },
  // Indian mobiles in two fives (`98765 43210`, `098765 43210`): not after another number.
  { kind: 'phone', category: 'D', needsDigit: true, re: new RegExp(`(?<!${WORD_CHAR}|[.,/+${DASH}]|\\d\\s{1,2})0?[6-9]\\d{4}[\\s${DASH}]\\d{5}${NOT_UNITS}(?!${WORD_CHAR}|[.,/${DASH}]\\d| {1,2}\\d)`, 'gu') },
  // Digits spelled out, seven or more in a row (`four one six, five five five, zero one nine two`).
  {
    kind: 'phone',
    category: 'D',
    re: bounded(`(?:${SPELLED_DIGIT})(?:[\\s,.${DASH}]{1,3}(?:${SPELLED_DIGIT})){6,24}`),
    accept: (t) => t.split(/[^\p{L}]+/u).filter((w) => !/^(?:double|triple)$/i.test(w)).length >= 7,
  },
  // An extension on its own (`ext. 4471`, `extension 12`, `x2231`, `x 7741` left after a phone): not a multiplication
  // (`512 x 512`, `magnification x 1000`).
  {
    kind: 'phone',
    category: 'D',
    needsDigit: true,
    re: new RegExp(`${B}(?:ext\\.?|extn\\.?|extension)\\s{0,2}[.:#]?\\s{0,2}\\d{2,6}${E}|(?<![\\d×*]\\s{0,2})${B}x\\s?\\d{4,6}${NOT_UNITS}${E}`, 'giu'),
    accept: (t) => !/^x\s\d+00$/i.test(t),
  },
  // Street addresses: number (`62`, `5/62`, `12-14`), up to five capitalised words, a street suffix; unit, city, state, ZIP may follow.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    re: new RegExp(
      `${B}\\d{1,6}[A-Za-z]?(?:[-/]\\d{1,5})?,?\\s{1,3}(?:(?:[NSEW]|North|South|East|West|N\\.?E|N\\.?W|S\\.?E|S\\.?W)\\.?\\s{1,3})?(?:${PLACE_WORD}\\s{1,3}){1,5}(?:${STREET_SUFFIX})\\.?${E}` +
        `(?:,?\\s{0,3}(?:${UNIT_LABEL}|#)\\.?\\s{0,3}#?[\\p{L}\\p{N}-]{1,6}${E})?` +
        `(?:,?\\s{1,3}(?:${PLACE_WORD}\\s{0,3}){1,3}(?=,|\\s{1,3}(?:${STATES})${E}))?` +
        `(?:,?\\s{0,3}(?:${STATES})${E})?(?:,?\\s{0,3}\\d{5}(?:-\\d{4})?${E})?`,
      'gu',
    ),
    accept: (t) => !/^\d+\s+(?:mm|cm|ml|mg|kv|kvp|mas|ma|views?|images?|slices?|series|phases?|sequences?)\b/i.test(t),
  },
  ...MORE_ADDRESS_SHAPES,
  ...FOREIGN_ADDRESS_SHAPES,
  ...STREET_KIND_SHAPES,
  ...PLATE_AND_PHONE_SHAPES,
  { kind: 'address', category: 'B', needsDigit: true, re: bounded('p\\.?\\s?o\\.?\\s{1,3}box\\s{1,3}\\d{1,8}|(?:post\\s{1,2}office|postal)\\s{1,3}box\\s{1,3}\\d{1,8}') },
  // City, ST 12345 or City, State (without a street), a state and ZIP, a labelled ZIP or postcode.
  { kind: 'address', category: 'B', re: new RegExp(`${B}(?:${PLACE_WORD}\\s{1,3}){0,2}${PLACE_WORD},\\s{1,3}(?:(?:${STATES})\\.?\\s{1,3}\\d{5}(?:-\\d{4})?|${STATE_NAMES})${E}`, 'gu') },
  { kind: 'address', category: 'B', needsDigit: true, re: new RegExp(`${B}(?:${STATES})\\s{1,3}\\d{5}(?:-\\d{4})?${E}`, 'gu') },
  { kind: 'address', category: 'B', re: bounded('(?:zip|zip\\s?code|postcode|postal\\s{1,2}code)\\s{0,3}[:#]?\\s{0,3}[A-Z0-9]{3,5}(?:[\\s-][A-Z0-9]{3,4})?') },
  // A place named by a cue: `lives in Springfield`, `resident of Elk Grove`, `moved from Fairmont`, `gentleman from Eastleigh`.
  {
    kind: 'address',
    category: 'B',
    re: new RegExp(`(?<=(?:(?:${anyCase('lives|living|lived|resides|residing|resident|moved|relocated|native|home')})\\s{1,3}(?:in|of|from|to|at|IN|OF|FROM|TO|AT)|(?:${anyCase('gentleman|man|woman|lady|boy|girl|farmer|retiree|visitor|tourist')})\\s{1,3}(?:from|of|FROM|OF))\\s{1,3})${PLACE_WORD}(?:\\s{1,3}${PLACE_WORD}){0,2}${E}`, 'gu'),
  },
  // UK and Canadian postcodes (upper case, as written); a tumour stage or a coma score run together (`T2N1M0`, `E3V4M6`) is no postcode.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    re: new RegExp(String.raw`${B}(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)${E}`, 'gu'),
    accept: (t) => !/^(?:T\dN\dM|E\dV\dM)\d$/.test(t),
  },
  // Dates: numeric in every order, ISO, compact, with month names; a time beside a date goes with it.
  // Not three groups of a longer run joined by the same mark (`levels 10-20-30-40`, `1.2.3.4`): the run is judged whole (an
  // identifier's digit groups, a list); a range of dates keeps both (`03/04/2022-03/05/2022`).
  {
    kind: 'date',
    category: 'C',
    needsDigit: true,
    re: new RegExp(`${B}(?<!\\d-(?=\\d{1,4}-)|\\d\\/(?=\\d{1,4}\\/)|\\d\\.(?=\\d{1,4}\\.))(?:\\d{4}([./-])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([./-])\\d{1,2}\\2(?:\\d{4}|\\d{2}))(?!\\1\\d|\\2\\d)${TIME}${E}`, 'giu'),
    accept: plausibleDate,
  },
  { kind: 'date', category: 'C', needsDigit: true, re: bounded('(?:18|19|20)\\d{6}(?:[T\\s]?\\d{4,6}(?:\\.\\d{1,6})?)?'), accept: (t) => plausibleCompactDate(t) },
  { kind: 'date', category: 'C', needsDigit: true, re: bounded(`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s{1,3})?\\d{1,2}(?:st|nd|rd|th)?(?:\\s{1,3}of)?[\\s./-]{0,3}(?:${MONTHS})\\.?(?:[\\s,./-]{0,3}(?:\\d{4}|'?\\d{2}))?${TIME}`) },
  { kind: 'date', category: 'C', needsDigit: true, re: bounded(`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s{1,3})?(?:${MONTHS})\\.?[\\s./-]{0,3}\\d{1,2}(?:st|nd|rd|th)?(?:,?[\\s./-]{0,3}(?:\\d{4}|'\\d{2}))?${TIME}`) },
  { kind: 'date', category: 'C', needsDigit: true, re: bounded(`(?:${MONTHS})\\.?,?\\s{0,3}(?:of\\s{1,3})?(?:19|20)\\d{2}`) },
  // Month and day without a year are still elements of a date.
  // Not a dose or amount before its unit (`10/30 mCi`; a date before `s/p` stays a date).
  { kind: 'date', category: 'C', needsDigit: true, re: new RegExp(`(?<!${WORD_CHAR}|[/.-])(?:0[1-9]|1[0-2])\\/(?:0[1-9]|[12]\\d|3[01])${NOT_AMOUNT_UNITS}(?!${WORD_CHAR}|[/.-]\\d)`, 'giu') },
  { kind: 'date', category: 'C', needsDigit: true, re: bounded('(?:on|seen|dated?|dos|since|from|until|due|visit|admitted|discharged)\\s{1,3}(\\d{1,2}[/-]\\d{1,2})(?![/.-]?\\d)'), group: 1 },
  // Dates in the words of other languages (`14 de junho de 2021`, `2021年6月14日`, `14-VI-2021`), from the locales' data.
  LOCALE_DATE_SHAPE,
  // Labelled IDs: the label stays readable only when the value goes. A label run into letters is a word (`iDose4`,
  // `Casein2`): without a space or a mark the value begins with a digit (`MRN12345`). The value is whole: digit groups
  // after the first, split by spaces, are its own (`Acc 3072 6144`, `MRN 418 07 552`), unless a word in lower case or a
  // unit follows the last (`Acc 55821 2 views`: a count).
  {
    kind: 'id',
    category: 'R',
    needsDigit: true,
    re: bounded(
      `(?:${ID_LABELS})\\s{0,3}(?:#|no\\.?|num(?:ber)?)?(?:\\s{0,3}[:=#]\\s{0,3}|\\s{1,3}|(?<=[#.])|(?=\\d))([A-Z0-9][A-Z0-9./_-]{1,30}(?:(?:\\s{1,2}\\d{1,10}){0,5}\\s{1,2}(?:\\d{3,10}|\\d{1,2}(?!\\s{1,3}\\p{Ll}))(?![\\p{L}\\p{N}])${NOT_UNITS})?)`,
    ),
    group: 1,
    accept: (t) => /\d/.test(t) && t.replace(/[^A-Z0-9]/gi, '').length >= 3 && !smallCountingList(t),
  },
  // Digit groups after a number label, whatever noun comes before it (`claim no. 4821-3390-17`, `policy # 88-1029-3344`,
  // `case number 2231-88-01`, `ref ID 4821 3390 17`), or after an ID label (`MRN 4821 3390 17`, `Acc 2231 8801 77`: the
  // labelled-ID shape above takes one group only): eight digits or more. Groups split by spaces alone are IDs only
  // when each has two digits or more and they do not count in equal steps (`no. 12 14 16 18`, `# 100 200 300`), nor end
  // before a unit.
  {
    kind: 'id',
    category: 'R',
    needsDigit: true,
    re: new RegExp(`${B}(?:(?:${ID_LABELS}|${GROUP_ID_NOUNS})\\s{0,3}(?:#|no\\.?|num(?:ber)?)?|no|nr|num|number|#)\\.?\\s{0,3}[:=#.]?\\s{0,3}(\\d{1,10}(?:(?:\\s?[${DASH}./]\\s?|\\s)\\d{1,10}){1,6})${NOT_UNITS}(?!${WORD_CHAR}|[.,/${DASH}]\\d)`, 'giu'),
    group: 1,
    accept: (t) => {
      const digits = digitCount(t);
      if (digits < 8 || digits > 40) return false;
      if (/[^\d\s]/.test(t)) return true;
      return t.split(/\s+/).every((g) => g.length >= 2) && !equalSteps(t.split(/\s+/).map(Number));
    },
  },
  // Plans', insurances', licences' and registers' numbers after their label in many languages (`Medicare 2123 45670 1`,
  // `Licence XYZ br. 13936`, `Polis nº 4412 8890 12`).
  PLAN_AND_LICENCE_ID_SHAPE,
  // Digit groups joined by dashes without a label, three groups or more and eight digits or more (`4821-3390-17`,
  // `03-118-2207`): an identifier's form. Not a list in equal steps (`10-20-30-40`), single digits (`1-2-3-4-5-6-7-8`)
  // nor values before a unit (`120-130-140 mmHg`); dates and phones of this form are found as such too.
  {
    kind: 'id',
    category: 'R',
    needsDigit: true,
    re: new RegExp(`(?<!${WORD_CHAR}|[.,/${DASH}])\\d{1,10}(?:[${DASH}]\\d{1,10}){2,6}${NOT_UNITS}(?!${WORD_CHAR}|[.,/${DASH}]\\d)`, 'gu'),
    accept: (t) => {
      const groups = t.split(/\D+/);
      return digitCount(t) >= 8 && digitCount(t) <= 40 && groups.some((g) => g.length >= 2) && !equalSteps(groups.map(Number));
    },
  },
  // Unlabelled: long digit runs, letter-digit mixes with 4+ digits, dotted UIDs.
  // Not the decimals of a number (`ratio 0.084906`).
  { kind: 'id', category: 'R', needsDigit: true, re: new RegExp(`(?<!${WORD_CHAR}|\\d[.,])(?:[A-Z]{0,4}[-#]?\\d{6,40})${E}`, 'giu') },
  { kind: 'id', category: 'R', needsDigit: true, re: bounded('\\d(?:\\.\\d{1,40}){4,40}'), accept: (t) => digitCount(t) >= 10 },
  {
    kind: 'id',
    category: 'R',
    needsDigit: true,
    re: bounded('(?=[A-Z0-9-]{0,40}\\d)(?=[A-Z0-9-]{0,40}[A-Z])[A-Z0-9]{1,40}(?:-[A-Z0-9]{1,40}){0,6}'),
    accept: (t) => digitCount(t) >= 4 && t.replace(/-/g, '').length >= 6 && !/^\d{1,5}(?:mm|cm|ms|hz|khz|mhz|kv|kvp|mas|ma|ml|mg|kg|mgy|px|fps|bpm)$/i.test(t) && !spinalLevels(t),
  },
];

/** Each word capitalised or in capitals, never in lower case (`Tommy John surgery` is an operation, `X Surgery` a practice). */
const capitalised = (words: string) =>
  words
    .split('|')
    .flatMap((w) => [w[0].toUpperCase() + w.slice(1), w.toUpperCase()])
    .join('|');

/** The last word of an institution's name as free text writes it, full or shortened (`Hospital`, `Hosp`, `Ctr`). */
const INSTITUTION_NOUN = anyCase('sjukhus|sjukhuset|sykehus|sykehuset|ziekenhuis|klinikum|krankenhaus|kantonsspital|spital|klinik|kliniek|hôpital|hospital|hosp|hospitals|center|centre|ctr|cntr|clinic|clinics|infirmary|institute|hospice|healthcare|mc|amc|rmc|univ|university');

/**
 * An institution named in free text whatever the header holds (a transfer from another hospital):
 * up to five capitalised words, then an institution noun (`St. Aldric Med Ctr`, `Pendleford Univ Hosp`,
 * `Northgate Regional Medical Center`). The caller drops the spans whose other words are all clinical
 * vocabulary (`Imaging Center`, `Cancer Center` name no one). Bounded repetition: linear time.
 */
export const INSTITUTION_SHAPE: TextShape = {
  kind: 'institution',
  category: 'B',
  re: new RegExp(`${B}(?:${PLACE_WORD}\\s{1,3}){1,5}(?:${INSTITUTION_NOUN})\\.?${E}`, 'gu'),
};

/**
 * Words that end an institution's name but also end ordinary phrases (`Mental Health`, `Limbic System`,
 * `Molecular Imaging`): the caller needs a word before them that names something (see clean-text). Only
 * capitalised: in lower case they describe (`Tommy John surgery`, `home care`).
 */
const INSTITUTION_WEAK_NOUN = capitalised(
  "health|hlth|care|regional|rgnl|memorial|mem|general|gen|medical|med|medicine|services|svcs|assoc|assocs|diag|radiol|grp|pediatrics|paediatrics|cardiology|oncology|urology|neurology|dermatology|gastroenterology|obstetrics|gynecology|gynaecology|ophthalmology|rheumatology|nephrology|pulmonology|endocrinology|hematology|haematology|neurosurgery|imaging|radiology|radiologie|diagnostics|associates|partners|physicians|specialists|consultants|network|group|surgery|practice|trust|labs|laboratories|laboratory|orthopaedics|orthopedics|children's|childrens|women's|foundation|polyclinic|poliklinik|sanatorium|system|systems|pllc|llc|inc|ltd|gmbh",
);

/** An institution whose last word is also an ordinary word (`Harrowgate Health`, `Lakeshore Imaging Partners`, `Brightwater Diagnostics`). */
export const INSTITUTION_WEAK_SHAPE: TextShape = {
  kind: 'institution',
  category: 'B',
  re: new RegExp(`${B}(?:${PLACE_WORD}\\s{1,3}){1,5}(?:${INSTITUTION_WEAK_NOUN})\\.?${E}`, 'gu'),
};

/**
 * An institution written all in lower case (`st marys hospital`, `mercy hosp`, `valley medical center`): up to three
 * lower-case words then a hospital noun. The caller keeps only names with a word that names a place.
 */
export const INSTITUTION_LOWER_SHAPE: TextShape = {
  kind: 'institution',
  category: 'B',
  re: new RegExp(`${B}(?:\\p{Ll}[\\p{Ll}'’.-]{0,24}\\s{1,3}){1,3}(?:hospital|hosp|hospitals|clinic|infirmary|medical\\s{1,3}cent(?:er|re)|med\\s{1,3}ctr|healthcare|hospice)\\.?${E}`, 'gu'),
};

const INSTITUTION_WORD = new RegExp(`^(?:${INSTITUTION_NOUN}|${INSTITUTION_WEAK_NOUN})\\.?$`, 'u');
/** A word that ends institutions' names (`Hospital`, `hosp`, `Imaging`, `Medical`, `Associates`), in any case. */
export function institutionNoun(word: string): boolean {
  return INSTITUTION_WORD.test(word) || INSTITUTION_WORD.test(word[0].toUpperCase() + word.slice(1).toLowerCase());
}

/** Words of a kind of institution that begin its name, in several languages (`University`, `Hôpital`, `Klinikum`, `CHU`). */
const INSTITUTION_PREFIX_WORD = anyCase(
  'university|univ|universite|universidad|ospedali|universidade|università|universität|université|hospital|hôpital|hopital|ospedale|klinikum|krankenhaus|clinique|clinica|clínica|klinik|kliniek|ziekenhuis|sjukhus|sykehus|szpital|policlinico|poliklinik|sanatorio|universitätsklinikum|uniklinik|uniklinikum|instituto|institut|radiologie|imagerie|zentrum|mvz|radiología|praxis|cabinet|chu|chru|umc|hospice|infirmary|policlinica|clinic|kantonsspital|spital|stadtspital|kreisspital|landeskrankenhaus|klinika|ospedaliera|azienda|hospitalet|sykehuset|sjukhuset',
);
/** Words that begin an institution's name, in several languages (`University of X`, `Hôpital X`, `Klinikum X`, `CHU de X`). */
const INSTITUTION_PREFIX = `${INSTITUTION_PREFIX_WORD}|[Cc]entre\\s{1,3}[Hh]ospitalier|CENTRE\\s{1,3}HOSPITALIER|[Cc]entro\\s{1,3}(?:[Mm][ée]dico|[Hh]ospitalario)` +
  // A French or Italian centre or practice of imaging (`Centre d'imagerie du Parc`, `Cabinet de radiologie des Lilas`).
  `|(?:[Cc]entre|CENTRE|[Cc]abinet|CABINET|[Cc]entro|CENTRO|[Ss]tudio|STUDIO)\\s{1,3}(?:d['’]|de\\s{1,3}|di\\s{1,3})?(?:[Ii]magerie|[Rr]adiologie|[Rr]adiologia|[Ii]maging|[Dd]iagnostica|IMAGERIE|RADIOLOGIE|RADIOLOGIA)` +
  // German compounds that end in a kind of institution (`Röntgeninstitut`, `Gemeinschaftspraxis`, `Herzzentrum`).
  `|\\p{Lu}\\p{Ll}{2,30}(?:praxis|klinik|klinikum|krankenhaus|spital|institut|zentrum)`;
/** Connecting and kind words between the prefix and the name (`of`, `de la`, `San`, `Universitario`). */
const INSTITUTION_LINK = `(?:${anyCase("of|de|da|do|dos|das|du|des|di|del|della|la|le|l'|d'|der|am|an|San|Santa|Santo|Saint|Sainte|St\\.?|Ste\\.?|Sankt|Médicale|Medicale|Médical|Medica|Médica|Medico|Radiologique|Universitario|Universitaria|Universitaire|Universitair|General|Generale|Provinciale|Regional|Régional|Central|Civil|Municipal|Militar|Infantil|Medisch|Centrum|Regionaire|Régionale|Universitaire")})`;

/** An institution named after a prefix: the name is group 1 (`University of Westmarch`, `Ospedale San Matteo`). */
export const INSTITUTION_PREFIX_SHAPE: TextShape = {
  kind: 'institution',
  category: 'B',
  re: new RegExp(`${B}(?:${INSTITUTION_PREFIX})\\.?(?:\\s{1,3}${INSTITUTION_LINK}){0,3}\\s{1,3}(${PLACE_WORD}(?:(?:\\s{1,3}|-)${PLACE_WORD}){0,2})${E}`, 'gu'),
  group: 1,
};

const INSTITUTION_KIND_START = new RegExp(`^(?:${INSTITUTION_PREFIX_WORD})\\.?$`, 'u');
/**
 * A word that says what kind of place an institution is rather than which (`Hospital`, `Medical`, `Clinique`, `Klinikum`),
 * at either end of its name, in any case: the words screens drop from its initials (`SEM` for St Elspeth Moor Hospital).
 */
export function institutionKindWord(word: string): boolean {
  if (word === '') return false;
  const title = word[0].toUpperCase() + word.slice(1).toLowerCase();
  return institutionNoun(word) || INSTITUTION_KIND_START.test(word) || INSTITUTION_KIND_START.test(title);
}

/** A saint's name in the possessive names a hospital (`St. Aldwyn's`, `Saint Brigid's`): the name is group 1. */
export const SAINT_SHAPE: TextShape = {
  kind: 'institution',
  category: 'B',
  re: new RegExp(`${B}(?:St\\.?|ST\\.?|Saint|SAINT|Ste\\.?)\\s{1,3}(\\p{Lu}[\\p{L}-]{1,24})['’][sS]${E}`, 'gu'),
  group: 1,
};

const REQUIRED_WORDS = new WeakMap<readonly string[], RegExp>();
/** A shape's required strings as one regex, compiled once: one scan of the text instead of one per string (8× faster for 40 strings). */
function requiredWords(words: readonly string[]): RegExp {
  let re = REQUIRED_WORDS.get(words);
  if (!re) REQUIRED_WORDS.set(words, (re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'u')));
  return re;
}

/**
 * Every span of identifying text the shapes find (overlaps left for the caller to merge).
 * @example findShapes('call 555-201-3344').map((s) => s.kind) // ['phone', 'phone']
 */
export function findShapes(text: string, shapes: readonly TextShape[] = TEXT_SHAPES): ShapeSpan[] {
  const spans: ShapeSpan[] = [];
  let lower: string | undefined;
  let digit: boolean | undefined;
  for (const shape of shapes) {
    if (shape.needsDigit && !(digit ??= /\d/.test(text))) continue;
    if (shape.requires) {
      lower ??= text.toLowerCase();
      if (!requiredWords(shape.requires).test(lower)) continue;
    }
    if (shape.find) {
      for (const f of shape.find(text)) spans.push({ begin: f.begin, end: f.end, kind: shape.kind, category: shape.category });
      continue;
    }
    if (!shape.re) continue;
    shape.re.lastIndex = 0;
    for (const m of matchesOf(shape.re, text)) {
      const g = shape.group !== undefined && m[shape.group] !== undefined ? shape.group : 0;
      const found = m[g];
      if (!found) continue;
      if (shape.accept && !shape.accept(found)) continue;
      const begin = m.index + (g === 0 ? 0 : m[0].lastIndexOf(found));
      spans.push({ begin, end: begin + found.length, kind: shape.kind, category: shape.category, ...(g === 0 ? {} : { outer: { begin: m.index, end: m.index + m[0].length } }) });
    }
  }
  return extendForeignAddresses(text, extendAddresses(text, spans));
}
