/**
 * Words that are never a person's name in a clinical description: DICOM's defined terms (vendored
 * from the standard), the curated clinical vocabulary of the rules (`clinical_vocabulary`) and the
 * function words of English. Name detection asks it before taking a capitalised word for a name.
 */
import terms from './dicom-terms.json' with { type: 'json' };
import { DEFAULT_CLINICAL_VOCABULARY } from './clinical-words.js';

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
];

function wordsOf(term: string): string[] {
  const upper = term.toUpperCase();
  return [upper, ...upper.split(/[\s_,()]+/)].filter((w) => w.length > 0);
}

const STANDARD_WORDS: readonly string[] = Object.values((terms as { terms: Record<string, string[]> }).terms).flatMap((list) => list.flatMap(wordsOf));

/** An upper-cased word set: is this word clinical vocabulary (or a function word)? */
export interface Vocabulary {
  has(word: string): boolean;
  size: number;
}

/**
 * The vocabulary of one rules file: DICOM defined terms + `clinical_vocabulary` (the curated default
 * when the rules give none) + function words. Matching ignores case and a trailing period.
 *
 * @example makeVocabulary(['WEIGHT BEARING']).has('Brain') // true
 */
export function makeVocabulary(clinical: readonly string[] = DEFAULT_CLINICAL_VOCABULARY): Vocabulary {
  const set = new Set<string>([...STANDARD_WORDS, ...FUNCTION_WORDS, ...clinical.flatMap(wordsOf)]);
  return {
    has: (word: string) => {
      const w = word.toUpperCase().replace(/\.$/, '');
      return set.has(w) || (w.endsWith('S') && set.has(w.slice(0, -1)));
    },
    get size() {
      return set.size;
    },
  };
}
