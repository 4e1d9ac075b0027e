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
    const file = createRequire(import.meta.url).resolve('@cspell/dict-people-names/dict/people-names.txt');
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
const STRONG_CUES = /^(?:dr|drs|doctor|mr|mrs|ms|miss|mx|prof|professor|sr|sister|nurse|rn|np|pa-c|md|name|pt\s?name|patient\s?name|surname|forename|given\s?name|family\s?name|signed|cc|attn|attention)$/i;
/** Roles and prepositions: the words after them may be a name. */
const WEAK_CUES = /^(?:for|by|per|pt|patient|physician|radiologist|technologist|tech|sonographer|attending|resident|fellow|surgeon|referrer|referring|contact|spouse|wife|husband|son|daughter|mother|father|brother|sister|nok|guardian|c\/o|informed|notified|discussed|called|paged)$/i;

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.\-/]{0,40}|[,^:;()]/gu;
interface Token {
  text: string;
  begin: number;
  end: number;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const isInitial = (w: string) => /^\p{Lu}\.?$/u.test(w);
const isAllCaps = (w: string) => w === w.toUpperCase() && /\p{Lu}{2}/u.test(w);
const bare = (w: string) => w.replace(/[.,]+$/, '');

/** True when a word may be part of a name: capitalised letters (with `'`, `-`), not vocabulary. */
function nameWord(word: string, vocabulary: Vocabulary): boolean {
  const w = bare(word);
  if (!/^\p{Lu}[\p{L}'’-]{1,40}$/u.test(w)) return false;
  return !vocabulary.has(w) && !vocabulary.has(w.replace(/['’]s$/i, ''));
}

/**
 * The names a text gives by cue words. Linear: one pass over the tokens, at most five tokens
 * looked at after each cue.
 *
 * @example findCuedNames('MR BRAIN W/WO CONTRAST for Jane Q. Doe', vocab) // one span: `Jane Q. Doe`
 */
export function findCuedNames(text: string, vocabulary: Vocabulary): NameSpan[] {
  const tokens: Token[] = [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], begin: m.index!, end: m.index! + m[0].length }));
  const people = knownPeopleNames();
  const spans: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cue = bare(tokens[i].text).replace(/:$/, '');
    const strong = STRONG_CUES.test(cue) || STRONG_CUES.test(`${bare(tokens[i - 1]?.text ?? '')} ${cue}`);
    const weak = !strong && WEAK_CUES.test(cue);
    if (!strong && !weak) continue;
    // A cue word that is itself part of a capitalised title run (`MR BRAIN`) is judged by what follows.
    let j = i + 1;
    if (tokens[j]?.text === ':') j++;
    const run: Token[] = [];
    let words = 0;
    let known = 0;
    let titleCase = 0;
    while (j < tokens.length && run.length < 5) {
      const t = tokens[j];
      if (t.text === ',' || t.text === '^') {
        // `Smith, John` and `SMITH^JOHN`: a separator inside a name, only between two name words.
        if (run.length > 0 && tokens[j + 1] && (nameWord(tokens[j + 1].text, vocabulary) || isInitial(bare(tokens[j + 1].text)))) {
          j++;
          continue;
        }
        break;
      }
      if (isInitial(bare(t.text))) {
        run.push(t);
        j++;
        continue;
      }
      if (!nameWord(t.text, vocabulary)) break;
      run.push(t);
      words++;
      if (people.has(bare(t.text).toUpperCase())) known++;
      if (!isAllCaps(bare(t.text))) titleCase++;
      j++;
    }
    // A bare letter after the name is a laterality or view marker (`Smith R`), not an initial.
    while (run.length > 0 && isInitial(run[run.length - 1].text) && !run[run.length - 1].text.endsWith('.')) run.pop();
    if (words === 0) continue;
    const accepted = strong || (words >= 2 ? titleCase > 0 || known > 0 : known > 0 && (titleCase > 0 || run.length > 1)) || (titleCase > 0 && /^(?:pt|patient)$/i.test(cue));
    if (!accepted || !isCapitalised(run[0].text)) continue;
    spans.push({ begin: run[0].begin, end: run[run.length - 1].end - (run[run.length - 1].text.endsWith(',') ? 1 : 0) });
    i = j - 1;
  }
  return spans;
}
