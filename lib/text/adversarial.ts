/**
 * Adversarial free text for the built-in patterns: long runs of the pieces a pattern may start on and
 * scan over without matching (`a.a.a.…` with no `@`, `www.www.…`, digit and dash runs, cue words
 * without names). Used by the linear-time test and the text-pattern benchmark.
 */
export const ADVERSARIAL_UNITS: readonly string[] = [
  'a.', 'a', 'A', '1', '1 ', '1-', '1.', '1/', 'A-', 'A1-', 'Aa ', 'AA ', 'a@', '@a', '.', '-', ' ', ',', '^', '+', 'www.', 'http://a',
  'Dr ', 'Dr. Aa ', 'for Aa ', 'MRN', 'MRN ', 'ID#', 'JAN', 'Jan ', '+1 ', '(0', '0 ', '00', 'age ', '9', '99 ', '12 Aa ', '1 Aa ',
  'tel ', 'Tel: 1 ', 'Margaret ', 'A. ', 'Aa^', 'Aa, ', 'University of ', 'Hospital de ', 'St. Aa', 'Aa Health ', 'turned ', '91 ', 'her 90', '9th ', 'a-', 'A.', '1a', 'Pt Aa ', 'ninety ', 'one hundred ', 'born ', 'p.o. ', 'Apt ', 'St ', '1:1', 'T', '1T',
];

/** `unit` repeated to `length` characters, with a final character that spoils any match at the end. */
export function adversarialText(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + '!';
}
