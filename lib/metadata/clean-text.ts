import type { IdentityContext } from '../engines/types.js';
import { compileLinearPattern, type LinearPattern } from '../linear-regex.js';
import type { SafeHarborCategory } from '../safe-harbor.js';

/** A compiled matcher for one kind of identifying text (rule regexes run on the linear-time engine). */
interface Matcher {
  re: RegExp | LinearPattern;
  category: SafeHarborCategory;
}

/** What `cleanFreeText` removed (counts and letters only: never the text). */
export interface CleanResult {
  text: string;
  removed: number;
  categories: SafeHarborCategory[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bounded = (source: string, flags = 'giu') => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);

const HONORIFICS = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR', 'PROF', 'JR', 'SR', 'II', 'III', 'MD', 'PHD']);
const NAME = "\\p{Lu}[\\p{Ll}'’-]+";

/** Patterns that do not depend on the file: names after cue words, phones, e-mails, dates, IDs, URLs, IPs. */
const BUILT_IN: Matcher[] = [
  { re: new RegExp(`\\b(?:for|by|patient|pt\\.?|name:?)\\s+${NAME}(?:\\s+\\p{Lu}\\.?)?(?:\\s+${NAME})+`, 'gu'), category: 'A' },
  { re: new RegExp(`\\b(?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+${NAME}(?:\\s+${NAME})?`, 'gu'), category: 'A' },
  { re: new RegExp(`\\b(?:DR|MR|MRS|MS)\\.?\\s+\\p{Lu}{2,}(?:[\\s^,]+\\p{Lu}{2,})?`, 'gu'), category: 'A' },
  { re: bounded('[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+'), category: 'F' },
  { re: bounded('https?://\\S+|www\\.\\S+'), category: 'N' },
  { re: bounded('\\d{1,3}(?:\\.\\d{1,3}){3}'), category: 'O' },
  { re: bounded('\\d{3}-\\d{2}-\\d{4}'), category: 'G' },
  { re: bounded('(?:\\+?1[-. ]?)?\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]\\d{4}'), category: 'D' },
  { re: bounded('\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])'), category: 'C' },
  { re: bounded('\\d{1,2}[- ]?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-z]*\\.?[- ,]+\\d{2,4}|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-z]*\\.? \\d{1,2},? \\d{4}', 'giu'), category: 'C' },
  // Month and day without a year are still "elements of dates" under Safe Harbor.
  { re: bounded('(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\\d|3[01])(?![/\\d])'), category: 'C' },
  { re: bounded('(?:on|seen|dated?|DOS|since|from|until)\\s+\\d{1,2}[/-]\\d{1,2}(?![/\\d-])', 'giu'), category: 'C' },
  { re: bounded('(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-z]*\\.? \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-z]*', 'giu'), category: 'C' },
  { re: bounded('(?:MRN|DOB|SSN|ACC|ID)\\s*[:#]?\\s*[A-Z0-9-]*\\d[A-Z0-9-]*', 'giu'), category: 'R' },
  { re: bounded('[A-Z]{0,4}[-#]?\\d{6,}'), category: 'R' },
];

/** Forms in which a header date may appear in text. */
function dateForms(value: string): string[] {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  if (!m) return [value];
  const [, y, mo, d] = m;
  const nm = String(Number(mo));
  const nd = String(Number(d));
  return [`${y}${mo}${d}`, `${mo}/${d}/${y}`, `${nm}/${nd}/${y}`, `${y}-${mo}-${d}`, `${d}.${mo}.${y}`, `${mo}-${d}-${y}`, `${d}/${mo}/${y}`, `${y}/${mo}/${d}`];
}

/** The file's own identifying values, in the forms free text uses. */
export function identityTerms(identity: IdentityContext): Array<{ term: string; category: SafeHarborCategory }> {
  const terms = new Map<string, SafeHarborCategory>();
  const add = (term: string, category: SafeHarborCategory) => {
    const t = term.trim();
    if (t.length < 2 || terms.has(t.toUpperCase())) return;
    terms.set(t.toUpperCase(), category);
  };
  for (const { value, category, vr } of identity.values) {
    if (vr === 'UI' || vr === 'AS') continue;
    if (vr === 'PN') {
      const parts = value.split(/[\^=\s,]+/).filter((p) => p.length >= 2 && !HONORIFICS.has(p.replace(/\./g, '').toUpperCase()));
      parts.forEach((p) => add(p, 'A'));
      if (parts.length >= 2) add(parts.join(' '), 'A');
      continue;
    }
    if (vr === 'DA' || vr === 'DT') {
      dateForms(value).forEach((f) => add(f, 'C'));
      continue;
    }
    add(value.replace(/\^/g, ' '), category);
    // Addresses and institutions: each part names a place on its own.
    if (category === 'B') value.split(/[\^,;\n]+/).filter((p) => p.trim().length >= 3).forEach((p) => add(p, 'B'));
  }
  return [...terms].map(([term, category]) => ({ term, category })).sort((a, b) => b.term.length - a.term.length);
}

/** A reusable cleaner for one file: its identity terms plus the rules' regexes and the built-in patterns. */
export function makeTextCleaner(identity: IdentityContext, ruleRegex: readonly string[]): (text: string) => CleanResult {
  // Cue-word patterns first, so `Dr. First Last` goes as a whole before the deny-list takes the name alone.
  const matchers: Matcher[] = [...BUILT_IN];
  const terms = identityTerms(identity);
  // One alternation per category keeps this fast on files with many values.
  const byCategory = new Map<SafeHarborCategory, string[]>();
  for (const { term, category } of terms) byCategory.set(category, [...(byCategory.get(category) ?? []), escape(term).replace(/\s+/g, '[\\s^,]+')]);
  for (const [category, list] of byCategory) matchers.push({ re: bounded(list.join('|')), category });
  for (const pattern of ruleRegex) matchers.push({ re: compileLinearPattern(pattern, 'letters'), category: 'R' });

  return (text: string): CleanResult => {
    let out = text;
    let removed = 0;
    const categories = new Set<SafeHarborCategory>();
    for (const { re, category } of matchers) {
      const remove = () => {
        removed++;
        categories.add(category);
        return ' ';
      };
      out = re instanceof RegExp ? out.replace(re, remove) : re.replace(out, remove);
    }
    if (removed === 0) return { text, removed, categories: [] };
    out = out
      // Labels and titles left without their value.
      .replace(/(?<![\p{L}\p{N}])(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?(?=\s*(?:[,;:]|$))/giu, ' ')
      .replace(/(?<![\p{L}\p{N}])(?:e-?mail|tel|phone|fax|DOB|MRN|SSN)\s*:?(?=\s*(?:[,;]|$))/giu, ' ')
      // Brackets emptied by a removal: `( )`, `[ ]`.
      .replace(/[([{]\s*[)\]}]/g, ' ')
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/\s+([,;:.])/g, '$1')
      .replace(/(?:^|\s)(?:for|by|of|and|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|DOB:?|MRN:?|tel:?|phone:?)\s*$/i, '')
      .replace(/[\s,;:\-–/^]+$/g, '')
      .replace(/^[\s,;:\-–/^]+/g, '')
      .trim();
    return { text: out, removed, categories: [...categories] };
  };
}
