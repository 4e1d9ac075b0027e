/**
 * A scan for the PHI values known from the ORIGINAL file (its gathered identity) in de-identified
 * text: case-insensitive, across separators (`SMITH^JOHN`, `John Smith`, `SMITH, JOHN`), dates in
 * the forms text uses, each name part on its own. Only whole tokens match: `12345` is not found
 * inside `9912345`.
 */
import type { IdentityContext } from '../engines/types.js';
import type { SafeHarborCategory } from '../safe-harbor.js';

/** A known value found in a text. */
export interface KnownValueHit {
  begin: number;
  end: number;
  category: SafeHarborCategory;
  /** Which original attribute the value came from (keyword or private path). */
  source: string;
}

interface Needle {
  compact: string;
  category: SafeHarborCategory;
  source: string;
}

/** Compiled needles for one identity; build once per file. */
export interface KnownValueMatcher {
  readonly size: number;
  find(text: string): KnownValueHit[];
}

const HONORIFICS = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR', 'PROF', 'JR', 'SR', 'II', 'III', 'IV', 'MD', 'PHD']);
/** Shorter needles match too much unrelated text (`12`, `CT`). */
const MIN_COMPACT = 4;
const MIN_NAME_PART = 3;

/** Upper-case letters and digits of `text`, with the offset of each in `text`. */
export function compactText(text: string): { value: string; offsets: number[] } {
  let value = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      const up = ch.toUpperCase();
      value += up;
      for (let k = 0; k < up.length; k++) offsets.push(i);
    }
    i += ch.length;
  }
  return { value, offsets };
}

const compactOf = (s: string) => compactText(s).value;

function dateForms(value: string): string[] {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.replace(/[-./]/g, ''));
  if (!m) return [];
  const [, y, mo, d] = m;
  // Compact forms of YYYYMMDD, MM/DD/YYYY, DD.MM.YYYY and two-digit years.
  return [`${y}${mo}${d}`, `${mo}${d}${y}`, `${d}${mo}${y}`, `${mo}${d}${y.slice(2)}`, `${d}${mo}${y.slice(2)}`];
}

/**
 * Compiles the identity's values into needles.
 * @example knownValueMatcher(gatherIdentity(original)).find('seen by john smith') // one hit, category A
 */
export function knownValueMatcher(identity: IdentityContext | undefined): KnownValueMatcher {
  const needles = new Map<string, Needle>();
  const add = (text: string, category: SafeHarborCategory, source: string, min = MIN_COMPACT) => {
    const compact = compactOf(text);
    if (compact.length < min || needles.has(compact)) return;
    // Year-only and bare small numbers are not identifying on their own.
    if (/^\d{1,4}$/.test(compact)) return;
    needles.set(compact, { compact, category, source });
  };
  for (const { value, category, source, vr } of identity?.values ?? []) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (vr === 'AS') continue; // ages are judged by their number, not matched as text
    if (vr === 'DA' || vr === 'DT') {
      for (const form of dateForms(value)) add(form, 'C', source);
      continue;
    }
    if (vr === 'PN' || category === 'A') {
      const parts = value.split(/[\^=,\s]+/).filter((p) => p !== '' && !HONORIFICS.has(p.replace(/\./g, '').toUpperCase()));
      for (const part of parts) add(part, category, source, MIN_NAME_PART);
      if (parts.length >= 2) {
        add(parts.join(' '), category, source);
        add([...parts.slice(1), parts[0]].join(' '), category, source);
      }
      continue;
    }
    add(value, category, source);
    // Addresses and institutions: each component names a place on its own.
    for (const part of value.split(/[\^,;\n]+/)) if (part.trim() !== value.trim()) add(part, category, source, 5);
  }
  const list = [...needles.values()].sort((a, b) => b.compact.length - a.compact.length);

  return {
    size: list.length,
    find(text: string): KnownValueHit[] {
      const c = compactText(text);
      const hits: KnownValueHit[] = [];
      for (const needle of list) {
        for (let from = 0; ; ) {
          const at = c.value.indexOf(needle.compact, from);
          if (at < 0) break;
          from = at + 1;
          const begin = c.offsets[at];
          const end = c.offsets[at + needle.compact.length - 1] + 1;
          if (/[\p{L}\p{N}]/u.test(text[begin - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
          if (hits.some((h) => h.begin <= begin && h.end >= end)) continue;
          hits.push({ begin, end, category: needle.category, source: needle.source });
        }
      }
      return hits.sort((a, b) => a.begin - b.begin);
    },
  };
}
