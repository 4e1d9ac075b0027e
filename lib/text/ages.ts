/**
 * Ages over 89 in free text, in the phrasings people write (Safe Harbor identifier C: ages over 89
 * and every element of a date that would reveal one are aggregated into one category, 90 or older).
 * Digits or words, any unit (years, months, weeks, days), abbreviation (`y/o`, `yo`, `yrs`, `Y`,
 * `mos`…), word order (`aged 95`, `age: 93`, `93/F`, `F-91`, `97 f`), ordinal years (`in his 92nd year`), a number
 * after a word that is no unit where the context says it is an age (`now 94` beside a patient word, never `HR now 96`),
 * or Age String form (`092Y`); a birth year that reveals such an age. Every pattern is bounded, so the search is linear in the text's length.
 */
import { matchesOf } from '../regex-matches.js';
import { findLocaleAges } from './locale-ages.js';

/** One age found: where, its value in years, and what to write instead (`90+`, or '' to remove). */
export interface AgeSpan {
  begin: number;
  end: number;
  years: number;
  replacement: string;
}

const UNIT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEEN_WORDS: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TEN_WORDS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const UNIT = Object.keys(UNIT_WORDS).join('|');
const TEEN = Object.keys(TEEN_WORDS).join('|');
const TENS = Object.keys(TEN_WORDS).join('|');
const SEP = '[\\s-]{1,2}';
/** A number in words from one to one hundred and ninety-nine (`ninety-three`, `one hundred and two`). */
const WORD_NUMBER = `(?:(?:(?:one|a)${SEP})?hundred(?:${SEP}(?:and${SEP})?(?:(?:${TENS})(?:${SEP}(?:${UNIT}))?|${TEEN}|${UNIT}))?|(?:${TENS})(?:${SEP}(?:${UNIT}))?)`;
/** Digits (with a decimal or a half: `91.5`, `91 1/2`, `91½`) or words. */
const NUMBER = `(?:\\d{1,5}(?:[.,]\\d{1,2}|\\s?(?:1/2|½))?|${WORD_NUMBER})`;

/** Parses a number written in digits or words; undefined when it is neither. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  const half = /^(\d+)\s?(?:1\/2|½)$/.exec(t);
  if (half) return Number(half[1]) + 0.5;
  let total = 0;
  let seen = false;
  for (const word of t.split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word === 'hundred') total = (total || 1) * 100;
    else if (word === 'a' || word === 'one') total += word === 'a' ? 1 : 1;
    else if (word in UNIT_WORDS) total += UNIT_WORDS[word];
    else if (word in TEEN_WORDS) total += TEEN_WORDS[word];
    else if (word in TEN_WORDS) total += TEN_WORDS[word];
    else return undefined;
    seen = true;
  }
  return seen ? total : undefined;
}

type Unit = 'Y' | 'M' | 'W' | 'D';
const PER_YEAR: Record<Unit, number> = { Y: 1, M: 12, W: 52.1775, D: 365.25 };
/** Year units in English (`y/o`, `yo`, `yoF`: with the sex run in) and other languages (`ans`, `años`, `Jahre`, `anni`, `jaar`, `år`; not `lat`, which is lateral). */
const YEAR_UNITS = "years?|yrs?\\.?|y\\.?\\s?o\\.?(?:[mf]\\b)?|y/o(?:/?[mf]\\b)?|yo[mf]?|yoa|y|a(?=\\s{0,2}old)|ans|años|anos|jahren?|j\\.|anni|jaar|år|ετών";
const MONTH_UNITS = 'months?|mths?|mos?\\.?|m/o|mo';
const WEEK_UNITS = 'weeks?|wks?\\.?';
const DAY_UNITS = 'days?|d/o';
const unitOf = (u: string): Unit => (/^(?:mo|mth|m\/o)/i.test(u) ? 'M' : /^w/i.test(u) ? 'W' : /^d/i.test(u) ? 'D' : 'Y');

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
/** `93 y/o`, `91yo`, `95 yrs`, `ninety-three year old`, `1100 months`, `4700 weeks`, `33000 days old`. */
const NUMBER_UNIT = new RegExp(`${B}(${NUMBER})[\\s-]{0,2}(${YEAR_UNITS}|${MONTH_UNITS}|${WEEK_UNITS}|${DAY_UNITS})(?:[\\s-]{1,2}old)?${E}`, 'giu');
/** `age: 93`, `aged 95`, `Age 093`, `age of ninety-one`, `at the age of 96`. */
const AGE_LABEL = new RegExp(`${B}(?:age[ds]?|aet\\.?|edad|âge|alter|età|leeftijd|ålder)(?:\\s{1,3}of|\\s{1,3}at\\s{1,3}(?:the\\s{1,3})?(?:exam|scan|study|visit|imaging|presentation|admission|diagnosis|death|onset|time\\s{1,3}of\\s{1,3}(?:exam|scan|study|imaging)))?(?:\\s{0,2}\\((?:in\\s)?(?:yrs?|years?|y)\\)|\\s{1,3}in\\s{1,3}(?:yrs?|years))?\\s{0,3}[:=#-]?\\s{0,3}(?:(?:about|approx\\.?|approximately|~|over|>)\\s{0,2})?(${NUMBER})(?:\\s{0,2}(${YEAR_UNITS}|${MONTH_UNITS}))?${E}`, 'giu');
/**
 * Age and sex together: `93M`, `93 F`, `93/F`, `92-M`, `F/93`, `M-96`, `M 93`, in capitals; in lower case `97f`, `97 f`,
 * `93/m`, `f-91`, `m/96` (a bare `94m` is metres or minutes), also at the end of a sentence (`Veteran, 93M.`), not before
 * a decimal (`98.6F`). `93yo M` is NUMBER_UNIT; `100 F/U` is a follow-up.
 */
const AGE_SEX = /(?<![\p{L}\p{N}/.-])(?:(\d{2,3})\s?[/-]?\s?[MF]|(\d{2,3})(?:\s?f|\s?[/-]\s?[mf])|(?:[MF]|[mf])\s?[/-]\s?(\d{2,3})|[MF]\s(\d{2,3})(?=\s?[,;)]|\s?$))(?![\p{L}\p{N}]|\.[\p{L}\p{N}]|[/-][\p{N}/]|\/[uU](?![\p{L}]))/gu;
/**
 * A number before a word for a person of a sex, without a comma (`93 female with SOB`, `a 95 woman`): not a count of
 * people (`93 female patients`, `91 men`: a plural or a noun of a group after it).
 */
const AGE_SEX_WORD = /(?<![\p{L}\p{N}.,/-])(\d{2,3})[\s-]{1,2}(?:female|male|woman|man|lady|gentleman|gent)(?![\p{L}\p{N}]|\s{1,3}(?:patients?|subjects?|participants?|volunteers?|controls?|cases?|cohort|donors?|athletes?|individuals?|adults?)(?![\p{L}\p{N}]))/giu;
/** The Age String form inside text: `092Y`, `1100M`. */
const AGE_STRING = /(?<![\p{L}\p{N}.])(\d{3})([YMWD])(?![\p{L}\p{N}])/gu;
/** `in her nineties`, `in his late 90s`, `nonagenarian`, `centenarian`. */
/**
 * Words that say the age is over 89: `nonagenarian`, `centenarian`, `ninety-something`, `in her tenth decade` (of life:
 * 90 to 99). A decade (`90s`,
 * `nineties`) is an age over 89 by Safe Harbor's rule (every age over 89 aggregates into one category),
 * but `90s` is also a reading (`sats in the low 90s`), so a decade counts only when a person's age is
 * meant: `in her 90s`, `in his late nineties`, `aged 90s`, `90s female`.
 */
const DECADE = /(?<![\p{L}\p{N}])(?:(?:super)?centenarian|nonagenarian|(?:tenth|eleventh|1[01]th)\s{1,3}decade|(?:ninety|90)[\s-]?something|(?<=(?:his|her|their|patient's|pt's|aged?|age:)\s{1,3}(?:(?:early|mid|late)[\s-]{1,2})?)(?:nineties|90'?s)|(?:nineties|90'?s)(?=[\s,]{1,2}(?:y\/o|yo|male|female|man|woman|[MF](?![\p{L}\p{N}]))))(?![\p{L}\p{N}])/giu;
/** `95th birthday`, `100th birthday`, `ninety-first birthday`, `turned 96`, `pt is ninety-six`. */
const BIRTHDAY = new RegExp(`${B}(\\d{2,3})(?:st|nd|rd|th)\\s{1,3}birthday${E}`, 'giu');
const ORDINAL_WORDS: Record<string, number> = { ninetieth: 90, hundredth: 100, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9 };
/** Ordinals from ninetieth to one hundred and ninth, in words. */
const ORDINAL_WORD = `(?:ninety[\\s-]{1,2}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|ninetieth|(?:(?:one|a)[\\s-]{1,2})?hundredth|(?:(?:one|a)[\\s-]{1,2})?hundred[\\s-]{1,2}(?:and[\\s-]{1,2})?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))`;
const ORDINAL_BIRTHDAY = new RegExp(`${B}((?:ninety[\\s-]{1,2}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))|ninetieth|(?:one\\s)?hundredth)\\s{1,3}birthday${E}`, 'giu');
/** A number after a verb of age (`turned 96`, `pt is ninety-six`, `he's 98`, `she will be 100`), not followed by a unit of something else. */
const AGE_VERB = new RegExp(`${B}(?:turn(?:ed|s|ing)|(?:pt|patient|she|he)\\s{1,3}(?:is|was|will\\s{1,3}be|would\\s{1,3}(?:have\\s{1,3}been|be))|(?:she|he|pt)['’]s)\\s{1,3}(${NUMBER})(?!\\s{0,2}(?:%|°|[a-z]{1,5}\\b(?<!\\b(?:in|on|at|and|but|last|next|this|today|years?|yrs?|y|soon)\\b)))${E}`, 'giu');

/**
 * The year of life a person is in (`in his 92nd year`, `her 101st year`, `in her ninety-second year`, `92nd year of life`),
 * or a possessive ordinal that ends its clause (`celebrating her 100th.`): after a possessive or before `of life`/`of age`,
 * so `the 92nd year of the study` and `her 95th percentile` are no age. The Nth year is, strictly,
 * age N-1; it is taken as N, as people write it loosely, and `in his 90th year` becomes `90+` (failing safe).
 */
const ORDINAL_YEAR = new RegExp(
  `${B}(?:(?<=(?:his|her|their|patient's|pt's|my|your)\\s{1,3})((\\d{2,3})(?:st|nd|rd|th)|${ORDINAL_WORD})(?=\\s{1,3}year${E}|\\s{0,2}(?:[.,;!)]|$))` +
    `|((\\d{2,3})(?:st|nd|rd|th)|${ORDINAL_WORD})(?=\\s{1,3}year\\s{1,3}of\\s{1,3}(?:life|age)${E}))${E}`,
  'giu',
);

/**
 * A number after a word that is no unit (`now 94`, `at 95`, `still 93`, `currently 91`, `reached 100`, `now ninety-four`): an age only
 * where it reads as one. The rule:
 * - a word for the patient (`patient`, `pt`, `she`, `his`, `woman`, `mother`…) or of a person's life (`frail`, `lives`,
 *   `diagnosed`, `widowed`…) is in the same clause, within 60 characters before the cue word or 30 after the number
 *   (a clause ends at `.`, `;`, `!`, `?`, a line break);
 * - no vital sign, lab value or measure is named in the three words before the cue word (`HR now 96`, `her sats now 94`,
 *   `glucose at 110`);
 * - no unit, percent, slash, colon, decimal, range or `x` follows the number (`now 95% sat`, `BP now 140/90`, `at 100 mg`).
 * Ages of 89 and below stay whatever the context (`now 76`).
 */
const AGE_AFTER_WORD = new RegExp(`${B}(now|currently|still|at|reached|reaching|nearly|almost|approaching|who\\s{1,3}is|who\\s{1,3}was)\\s{1,3}(\\d{2,3}|${WORD_NUMBER})(?![\\p{L}\\p{N}]|\\s{0,2}(?:[%°/:x×*+-]|[.,]\\d))`, 'giu');
const PERSON_WORD = /(?<![\p{L}\p{N}])(?:patient|pt|she|he|her|his|him|they|their|man|woman|male|female|lady|gentleman|gent|mother|father|grandmother|grandfather|wife|husband|widow|widower|resident|mr|mrs|ms|miss|sister|brother|aunt|uncle)(?![\p{L}\p{N}])/iu;
/**
 * Words of a person's life and state, or of a patient coming to care, that speak of the patient without naming them
 * (`now 94 and frail`, `diagnosed at 95`, `now 96 presenting with a fall`, `now 97 (DOB on file)`).
 */
const LIFE_WORD = /(?<![\p{L}\p{N}])(?:age|aged|dob|d\.o\.b|born|birth|birthday|frail|elderly|independent|dependent|lives|living|alone|widowed|retired|married|diagnosed|died|ambulant|ambulatory|ambulates|walks|walking|drives|driving|dementia|demented|confused|oriented|active|fit|bedbound|housebound|nursing\s{1,3}home|care\s{1,3}home|presents|presenting|presented|admitted|referred|complains|complaining|reports|denies)(?![\p{L}\p{N}])/iu;
/** Vital signs, lab values, measures, image counts and schedules: a number after them is a reading or a setting, not an age. */
const MEASURE_WORD = /(?<![\p{L}\p{N}])(?:bp|hr|rr|pulse|heart|rate|sats?|saturation|spo2|sao2|o2|fio2|temp|temperature|t|weight|wt|height|ht|bmi|glucose|bg|bs|bm|sugar|hb|hgb|haemoglobin|hemoglobin|plt|platelets?|wbc|creat|creatinine|cr|egfr|gfr|na|sodium|k|potassium|inr|ef|lvef|map|gcs|score|level|count|dose|volume|pressure|systolic|diastolic|ct|hu|kvp|kv|mas|ma|fev1|pef|peak|flow|lactate|ldh|crp|esr|psa|hba1c|a1c|ferritin|albumin|bilirubin|alt|ast|alp|ggt|ck|troponin|bnp|ldl|hdl|chol|cholesterol|tsh|calcium|ca|mg|phosphate|urea|bun|ph|pco2|po2|hco3|be|fluid|urine|output|intake|speed|depth|size|length|width|diameter|distance|angle|degrees?|fraction|ratio|percentile|centile|series|image|images|slice|slices|frame|frames|phase|window|matrix|leads?|views?|repeat|recheck|delay|delayed|interval|cycles?|infusion|rate)(?![\p{L}\p{N}])/iu;
/** Words after a number that make it a measure (`now 95 bpm`, `at 100 mg`, `at 90 degrees`). */
const UNIT_AFTER = /^\s{0,2}(?:mm|cm|m|km|ml|l|cc|mg|mcg|ug|g|kg|lbs?|oz|mmhg|bpm|beats|breaths|mmol|umol|iu|units?|u|sec|secs|seconds?|s|min|mins|minutes?|h|hrs?|hours?|days?|wks?|weeks?|months?|degrees?|deg|kvp|kv|mas|ma|mgy|gy|hu|ms|hz|mhz|fps|percent|pct|points?|times|x)(?![\p{L}\p{N}])/iu;
/** Nouns after a number that make it a count of people or things (`93 patients`, `95 cases`). */
const COUNT_AFTER = /^\s{1,3}(?:patients?|subjects?|participants?|volunteers?|controls?|cases?|people|persons?|adults?|images?|slices?|series|studies|scans?|exams?|lesions?|nodes?)(?![\p{L}\p{N}])/iu;
/** A clause boundary: a patient word beyond it speaks of something else. A full stop inside a word (`D.O.B.`) is none. */
const isClauseEnd = (text: string, i: number): boolean => /[;!?\n]/.test(text[i]) || (text[i] === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1])));

/** The value of an ordinal in digits or words (`92nd`, `ninety-second`, `hundred and first`), or undefined. */
function ordinalValue(token: string): number | undefined {
  const digits = /^(\d{2,3})/.exec(token);
  if (digits) return Number(digits[1]);
  let total = 0;
  for (const w of token.toLowerCase().split(/[\s-]+/)) {
    if (w === 'ninety') total += 90;
    else if (w === 'hundred' || w === 'hundredth') total += 100;
    else if (w in ORDINAL_WORDS) total += ORDINAL_WORDS[w];
    else if (w !== 'and' && w !== 'one' && w !== 'a') return undefined;
  }
  return total || undefined;
}

/**
 * True when a number after a word that is no unit reads as a person's age (see AGE_AFTER_WORD): a person word in its
 * clause, no measure named just before the cue word, no unit after the number.
 */
function readsAsAge(text: string, cueBegin: number, numberEnd: number): boolean {
  if (UNIT_AFTER.test(text.slice(numberEnd, numberEnd + 12))) return false;
  const before = text.slice(Math.max(0, cueBegin - 60), cueBegin);
  const clauseBefore = before.slice(lastIndexOf(before, isClauseEnd) + 1);
  const after = text.slice(numberEnd, numberEnd + 30);
  const clauseAfter = after.slice(0, firstIndexOf(after, isClauseEnd));
  // The three words before the cue word: `HR now 96`, `her sats now 94`, `BP this morning at 95`.
  const nearWords = clauseBefore.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(-3).join(' ');
  if (MEASURE_WORD.test(nearWords)) return false;
  const speaksOfPerson = (clause: string) => PERSON_WORD.test(clause) || LIFE_WORD.test(clause);
  return speaksOfPerson(clauseBefore) || speaksOfPerson(clauseAfter);
}

const lastIndexOf = (text: string, at: (text: string, i: number) => boolean): number => {
  for (let i = text.length - 1; i >= 0; i--) if (at(text, i)) return i;
  return -1;
};
const firstIndexOf = (text: string, at: (text: string, i: number) => boolean): number => {
  for (let i = 0; i < text.length; i++) if (at(text, i)) return i;
  return text.length;
};

/** Each word as text writes it: `patient`, `Patient`, `PATIENT`. */
const anyCase = (words: string) => words.split('|').flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()]).join('|');
/**
 * A bare number in parentheses after a person word, a word of old age or a name with a title (`patient (93)`,
 * `elderly (96)`, `Mrs. Okafor (93)`, `MR JOHN HALE (94)`): the name goes as a name, the number is the age.
 */
const AGE_IN_PARENS = new RegExp(
  `${B}(?:(?:${anyCase('mr|mrs|ms|miss|mx')})\\.?(?:\\s{1,3}\\p{Lu}[\\p{L}'’-]{0,30}){1,3}|${anyCase('patient|pt|female|male|woman|man|lady|gentleman|mother|father|husband|wife|widow|widower|grandmother|grandfather|sister|brother|aunt|uncle|elderly|frail|aged|senior|nonagenarian|centenarian')})\\s{0,2}\\((\\d{2,3})\\)`,
  'gu',
);

/**
 * A number after a sex word or a sex letter and a comma, before other words (`Female 93 with fall`, `woman, 95, lives
 * alone`, `M, 93 with fall`, `a woman of 95`): not before a unit (`male 95 kg`) nor a count (`female 93 patients`).
 */
const AGE_AFTER_SEX = /(?<![\p{L}\p{N}])(?:(?:female|male|woman|man|lady|gentleman|gent|widow|widower)(?:\s?,\s{0,2}|\s{1,2}|\s{1,2}of\s{1,2})|[MF]\s?,\s{0,2})(\d{2,3})(?![\p{N}]|\s{0,2}(?:[%°/:x×*+-]|[.,]\d))/giu;

/** A bare number beside a person or sex word between commas: `pt, 96, female`, `Female, 93,`, `93, M`. */
const AGE_BESIDE_SEX = /(?<![\p{L}\p{N}])(?:(?:pt|patient|female|male|woman|man|lady|gentleman|[MF])\s?,\s{0,2}(\d{2,3})(?=\s?(?:,|;|\)|$))|(\d{2,3})\s?,\s{0,2}(?:female|male|woman|man|[MF])(?![\p{L}\p{N}]))/giu;

/** `born 1928`, `b. 1930`, `YOB: 1925`, `birth year 1931`. */
const BIRTH_YEAR = /(?<![\p{L}\p{N}])(?:born(?:\s{1,3}in)?|b\.|yob|dob|d\.o\.b\.?|date\s{1,3}of\s{1,3}birth|year\s{1,3}of\s{1,3}birth|birth\s{0,3}year)\s{0,3}[:=]?\s{0,3}((?:18|19|20)\d{2})(?![\p{L}\p{N}])/giu;

const MAX_YEARS = 130;

/** A year BIRTH_YEAR can take (its group 1): without one, BIRTH_YEAR cannot match. */
const BIRTH_YEAR_DIGITS = /(?:18|19|20)\d{2}/;

/**
 * True when {@link findAgesOver89} may answer differently for another reference year: only a birth
 * year is judged against it, and a text without a year of 18xx to 20xx holds none. A text for which
 * this is false has the same ages whatever the year, so an answer remembered for one study's year
 * serves every other (a description repeated across studies of many years).
 */
export function agesDependOnYear(text: string): boolean {
  return BIRTH_YEAR_DIGITS.test(text);
}

/**
 * What every pattern above needs: a digit, or a number word that reaches 90 (`ninety`, `hundred`) or a
 * word of the DECADE pattern. Most header texts have neither, and one search settles them (then only the numbers
 * other languages spell are looked for).
 */
const MAY_HOLD_AGE = /\p{Nd}|ninet|hundred|centenarian|nonagenarian|decade/iu;

/**
 * The ages over 89 in a text, with what to write instead: the number becomes `90+` (the unit stays
 * when it is years; months, weeks and days become `90+ years`), words like `centenarian` become
 * `90+`, and a birth year that reveals such an age is removed (`''`).
 *
 * @param referenceYear the year the text speaks from (the study's), for birth years (default: none, not checked)
 * @example findAgesOver89('91 y/o female').map((a) => a.replacement) // ['90+']
 */
export function findAgesOver89(text: string, referenceYear?: number): AgeSpan[] {
  // Without them only another language's spelled number may be an age (`novantacinque anni`).
  if (!MAY_HOLD_AGE.test(text)) return findLocaleAges(text).map((a) => ({ ...a, replacement: '90+' }));
  const spans: AgeSpan[] = [];
  const add = (begin: number, end: number, years: number, replacement: string) => {
    if (years > 89 && years <= MAX_YEARS) spans.push({ begin, end, years, replacement });
  };
  for (const m of matchesOf(NUMBER_UNIT, text)) {
    const n = parseNumber(m[1]);
    if (n === undefined) continue;
    const unit = unitOf(m[2]);
    if (unit === 'Y' && /^\d{4,}$/.test(m[1])) continue; // `2019 y` is not an age
    const years = n / PER_YEAR[unit];
    const numberEnd = m.index + m[0].indexOf(m[1]) + m[1].length;
    if (unit === 'Y') add(m.index, numberEnd, years, '90+');
    else add(m.index, m.index + m[0].length, years, '90+ years');
  }
  for (const m of matchesOf(AGE_LABEL, text)) {
    const n = parseNumber(m[1]);
    if (n === undefined) continue;
    const unit = m[2] ? unitOf(m[2]) : 'Y';
    const begin = m.index + m[0].lastIndexOf(m[1]);
    if (unit === 'Y') add(begin, begin + m[1].length, n, '90+');
    else add(begin, m.index + m[0].length, n / PER_YEAR[unit], '90+ years');
  }
  for (const m of matchesOf(AGE_SEX, text)) {
    const groups: Array<string | undefined> = [m[1], m[2], m[3], m[4]];
    const digits = groups.find((g) => g !== undefined) ?? '';
    if (!digits) continue;
    const begin = m.index + m[0].indexOf(digits);
    add(begin, begin + digits.length, Number(digits), '90+');
  }
  for (const m of matchesOf(AGE_BESIDE_SEX, text)) {
    const digits = m[1] || m[2];
    const begin = m.index + m[0].indexOf(digits);
    add(begin, begin + digits.length, Number(digits), '90+');
  }
  for (const m of matchesOf(AGE_AFTER_SEX, text)) {
    const end = m.index + m[0].length;
    if (UNIT_AFTER.test(text.slice(end, end + 12)) || COUNT_AFTER.test(text.slice(end, end + 16))) continue;
    add(end - m[1].length, end, Number(m[1]), '90+');
  }
  for (const m of matchesOf(AGE_STRING, text)) {
    add(m.index, m.index + 3, Number(m[1]) / PER_YEAR[m[2] as Unit], '90+');
  }
  for (const m of matchesOf(DECADE, text)) add(m.index, m.index + m[0].length, 90, '90+');
  for (const m of matchesOf(BIRTHDAY, text)) add(m.index, m.index + m[0].indexOf(m[1]) + m[1].length + 2, Number(m[1]), '90+');
  for (const m of matchesOf(ORDINAL_BIRTHDAY, text)) {
    const words = m[1].toLowerCase().split(/[\s-]+/);
    const years = words.reduce((sum, w) => sum + (w === 'ninety' ? 90 : (ORDINAL_WORDS[w] ?? 0)), 0);
    add(m.index, m.index + m[1].length, years, '90+');
  }
  for (const m of matchesOf(ORDINAL_YEAR, text)) {
    const token = (m[1] as string | undefined) ?? m[3];
    const years = ordinalValue(token);
    if (years !== undefined) add(m.index, m.index + token.length, years, '90+');
  }
  for (const m of matchesOf(AGE_SEX_WORD, text)) add(m.index, m.index + m[1].length, Number(m[1]), '90+');
  for (const m of matchesOf(AGE_IN_PARENS, text)) {
    const begin = m.index + m[0].length - m[1].length - 1;
    add(begin, begin + m[1].length, Number(m[1]), '90+');
  }
  for (const m of matchesOf(AGE_AFTER_WORD, text)) {
    const years = parseNumber(m[2]);
    if (years === undefined || years <= 89 || years > MAX_YEARS) continue;
    const begin = m.index + m[0].length - m[2].length;
    if (readsAsAge(text, m.index, begin + m[2].length)) add(begin, begin + m[2].length, years, '90+');
  }
  for (const m of matchesOf(AGE_VERB, text)) {
    const n = parseNumber(m[1]);
    const begin = m.index + m[0].lastIndexOf(m[1]);
    if (n !== undefined) add(begin, begin + m[1].length, n, '90+');
  }
  // Other languages' units and labels of age, in any script's digits (`94 lat`, `91岁`, `อายุ 97 ปี`).
  for (const a of findLocaleAges(text)) add(a.begin, a.end, a.years, '90+');
  if (referenceYear !== undefined) {
    for (const m of matchesOf(BIRTH_YEAR, text)) {
      const begin = m.index + m[0].lastIndexOf(m[1]);
      const age = referenceYear - Number(m[1]);
      if (age > 89 && age <= MAX_YEARS + 50) spans.push({ begin, end: begin + 4, years: age, replacement: '' });
    }
  }
  // Overlaps (`aged 93 years` found twice): the first and longest wins.
  spans.sort((a, b) => a.begin - b.begin || b.end - a.end);
  const out: AgeSpan[] = [];
  let lastEnd = -1;
  for (const s of spans) {
    if (s.begin < lastEnd) continue;
    out.push(s);
    lastEnd = s.end;
  }
  return out;
}
