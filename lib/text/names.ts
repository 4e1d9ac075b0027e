/**
 * Person names in free text found by evidence, not by capital letters alone: a cue word (a title
 * such as `Dr.`, a label such as `Name:`, a role such as `seen by`, `referred by`, `for`, `Pt`)
 * followed by capitalised words that are not clinical vocabulary. Strong cues (titles, labels) take
 * one word; weak cues (`for`, `by`, `per`, `Pt`) need two name words, or one that a dictionary of
 * people's names knows (`@cspell/dict-people-names`, MIT). Clinical words always win: `MR BRAIN`,
 * `for CHEST PAIN` and `by AP LAT` are never names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Vocabulary } from './vocabulary.js';

/** A span of a person's name (the cue word is not part of it). */
export interface NameSpan {
  begin: number;
  end: number;
}

let peopleNames: Set<string> | undefined;
/** Given names and surnames (upper case) from the cspell people-names dictionary; empty if it is not installed. */
export function knownPeopleNames(): Set<string> {
  if (peopleNames) return peopleNames;
  peopleNames = new Set();
  try {
    // The package exports only its cspell config; the word list sits beside it.
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict/people-names.txt');
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const w = line.trim();
      if (w && !w.startsWith('#') && /^\p{Lu}/u.test(w)) peopleNames.add(w.toUpperCase());
    }
  } catch {
    // Without the dictionary weak cues need two name words: stricter, never looser.
  }
  return peopleNames;
}

/** Titles and labels: one name word after them is enough. */
const STRONG_CUES = new Set(['dr', 'drs', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sr', 'sister', 'nurse', 'rn', 'np', 'pa-c', 'md', 'name', 'surname', 'forename', 'signed', 'attn', 'attention']);
/** Two-word labels (`Patient Name`, `given name`), looked up as `previous cue`. */
const STRONG_PAIRS = new Set(['pt name', 'patient name', 'given name', 'family name', 'last name', 'first name']);
/** Roles and prepositions: the words after them may be a name (`seen by`, `referred by` end in `by`). */
const WEAK_CUES = new Set(['for', 'by', 'per', 'pt', 'patient', 'physician', 'radiologist', 'technologist', 'tech', 'sonographer', 'attending', 'resident', 'fellow', 'surgeon', 'referrer', 'referring', 'contact', 'spouse', 'wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'nok', 'guardian', 'c/o', 'cc', 'informed', 'notified', 'discussed', 'called', 'paged']);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A letter or digit: ASCII by table, the rest by Unicode property. */
const wordChar = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(text[i]);
};
const INNER = new Set(["'", '’', '.', '-', '/']);
const PUNCT = new Set([',', '^', ':', ';', '(', ')']);

/**
 * Token bounds in one pass without a match object per token (long texts stay cheap): words of a
 * letter or digit then up to 40 letters, digits, `'’.-/`, and the single marks `,^:;()`.
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
 * looked at after each cue.
 *
 * @example findCuedNames('MR BRAIN W/WO CONTRAST for Jane Q. Doe', vocab) // one span: `Jane Q. Doe`
 */
export function findCuedNames(text: string, vocabulary: Vocabulary): NameSpan[] {
  // Token bounds only (no objects per token): long texts stay cheap for the garbage collector.
  const { begins, ends } = tokenBounds(text);
  const count = begins.length;
  const tok = (k: number) => text.slice(begins[k], ends[k]);
  const people = knownPeopleNames();
  const cache = new Map<string, boolean>();
  const isName = (w: string) => nameWord(w, vocabulary, cache);
  const spans: NameSpan[] = [];
  for (let i = 0; i < count; i++) {
    if (ends[i] - begins[i] > 14) continue; // cue words are short
    const cue = bare(tok(i)).toLowerCase();
    const strong = STRONG_CUES.has(cue) || (cue === 'name' && i > 0 && STRONG_PAIRS.has(`${bare(tok(i - 1)).toLowerCase()} ${cue}`));
    const weak = !strong && WEAK_CUES.has(cue);
    if (!strong && !weak) continue;
    let j = i + 1;
    if (j < count && tok(j) === ':') j++;
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
      if (!isName(t)) break;
      run.push(j++);
      words++;
      if (people.has(bare(t).toUpperCase())) known++;
      if (!isAllCaps(bare(t))) titleCase++;
    }
    // A bare letter after the name is a laterality or view marker (`Smith R`), not an initial.
    while (run.length > 0 && isInitial(tok(run[run.length - 1])) && !tok(run[run.length - 1]).endsWith('.')) run.pop();
    if (words === 0) continue;
    const accepted = strong || (words >= 2 ? titleCase > 0 || known > 0 : known > 0 && (titleCase > 0 || run.length > 1)) || (titleCase > 0 && (cue === 'pt' || cue === 'patient'));
    if (!accepted || !isCapitalised(tok(run[0]))) continue;
    const last = run[run.length - 1];
    spans.push({ begin: begins[run[0]], end: ends[last] - (tok(last).endsWith(',') ? 1 : 0) });
    i = j - 1;
  }
  return spans;
}
