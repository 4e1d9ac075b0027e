/**
 * Reading an age the AWS services flag (`93`, `93-year-old`, `ninety-three`, `one hundred and two`,
 * `in her nineties`), so the Safe Harbor rule "ages over 89 are identifiers" can be applied to it.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** Decades said as a plural (`nineties`) mean that decade or later within it. */
const DECADES: Record<string, number> = Object.fromEntries(Object.entries(TENS).map(([w, n]) => [w.replace(/y$/, 'ies'), n]));

/** A number written in English words (`ninety-three`, `one hundred and two`), or undefined. */
export function wordsToNumber(text: string): number | undefined {
  const words = text.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((w) => w && w !== 'and');
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (UNITS[w] !== undefined) current += UNITS[w];
    else if (TENS[w] !== undefined) current += TENS[w];
    else if (DECADES[w] !== undefined) current += DECADES[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (seen) break; // "ninety three year old": the number ends at "year"
    else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

/**
 * The age in years an AGE entity states, or undefined when it cannot be read (callers keep those:
 * an age that cannot be ruled out is treated as over 89). Months, weeks and days count as under a year.
 */
export function ageInYears(text: string): number | undefined {
  const t = text.toLowerCase().trim();
  const underAYear = /\b(?:months?|mos?|weeks?|wks?|days?|hours?)\b|\d\s*(?:m|mo|w|d)\b/.test(t) && !/\b(?:years?|yrs?|y\/?o)\b/.test(t);
  const digits = /\d+(?:\.\d+)?/.exec(t);
  if (digits) return underAYear ? Number(digits[0]) / 12 : Number(digits[0]);
  const written = /[a-z]+(?:[\s-]+(?:and\s+)?[a-z]+)*/.exec(t);
  if (!written) return undefined;
  // Drop leading words that are not numbers ("in her nineties", "aged ninety-three").
  const words = written[0].split(/[\s-]+/);
  for (let i = 0; i < words.length; i++) {
    const n = wordsToNumber(words.slice(i).join(' '));
    if (n !== undefined) return underAYear ? n / 12 : n;
  }
  return undefined;
}

/** Safe Harbor: an age is an identifier over 89; one that cannot be read is kept as one (fail closed). */
export function isIdentifyingAge(text: string): boolean {
  const age = ageInYears(text);
  return age === undefined || age > 89;
}
