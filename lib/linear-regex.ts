/**
 * Rule regexes (the rules YAML's `regex` list) run on a linear-time engine, RE2 (the `re2js`
 * port, pure JavaScript): a pattern such as `(a+)+$` cannot hang a run, whatever text it meets.
 * RE2 has no lookaround and no backreference; such patterns are refused when the rules are loaded.
 */
import { RE2JS, RE2Set } from 're2js';

/** One match: where it starts and its text. */
export interface LinearMatch {
  index: number;
  text: string;
}

/** A compiled rule pattern, searched in time linear in the text's length. */
export interface LinearPattern {
  readonly source: string;
  /** Every match, left to right, not overlapping. */
  matchAll(text: string): LinearMatch[];
  /** True when the pattern matches somewhere in the text (one search, nothing collected). */
  test(text: string): boolean;
  /** `text` with every match replaced by what `replacer` returns for it. */
  replace(text: string, replacer: (match: string) => string): string;
}

/** How a match must be delimited from what is around it. */
export type PatternBoundary =
  /** ASCII word boundaries, as `\b(?:pattern)\b` (OCR text). */
  | 'word'
  /** No letter or digit of any script right before or after (free text in headers). */
  | 'letters';

/** Why RE2 cannot run a pattern, in words; undefined when it can. */
export function linearPatternProblem(source: string): string | undefined {
  try {
    RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    return undefined;
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '').slice(0, 120);
    return `the linear-time engine (RE2) cannot run it: ${detail} (lookarounds and backreferences are not supported)`;
  }
}

/**
 * Compiles a rule pattern, case-insensitive, delimited by `boundary`.
 * @throws Error when RE2 cannot run it ({@link linearPatternProblem}).
 */
export function compileLinearPattern(source: string, boundary: PatternBoundary): LinearPattern {
  const key = `${boundary}\u0000${source}`;
  let pattern = compiledPatterns.get(key);
  if (!pattern) {
    pattern = compileUncached(source, boundary);
    const oldest = compiledPatterns.keys().next();
    if (compiledPatterns.size >= MAX_CACHED && !oldest.done) compiledPatterns.delete(oldest.value);
    compiledPatterns.set(key, pattern);
  }
  return pattern;
}

/** Which of several rule patterns match a text ({@link compileLinearSet}). */
export interface LinearPatternSet {
  /**
   * The indexes (ascending, in the order the patterns were given) of the patterns that match
   * somewhere in `text`: exactly those whose {@link LinearPattern.test} is true.
   */
  matching(text: string): number[];
}

/**
 * The patterns `sources`, each delimited by `boundary` as {@link compileLinearPattern} delimits it,
 * as one RE2 set: one pass of RE2's DFA over the text tells which of them match, whatever their
 * number. Most header texts match none, and a text that matches some needs only those run; the
 * DFA keeps the states it has built from text to text, so a set costs far less than one search
 * of their alternation. Undefined when fewer than two are given or RE2 cannot compile them as a set.
 */
export function compileLinearSet(sources: readonly string[], boundary: PatternBoundary): LinearPatternSet | undefined {
  if (sources.length < 2) return undefined;
  try {
    const set = new RE2Set(RE2Set.UNANCHORED, RE2JS.CASE_INSENSITIVE);
    for (const source of sources) set.add(delimited(source, boundary));
    set.compile();
    return { matching: (text) => set.match(text) };
  } catch {
    return undefined;
  }
}

/**
 * Compiled patterns, by boundary and source: the text cleaner is built per file with the same
 * rule patterns, and compiling them with RE2 costs more than running them. Bounded, oldest out.
 */
const compiledPatterns = new Map<string, LinearPattern>();
const MAX_CACHED = 512;

/**
 * A pattern inside its boundaries, as group 1. The boundaries are consumed around group 1 (RE2 has
 * no lookaround); the next search starts where group 1 ended, so a shared delimiter serves both neighbours.
 */
function delimited(source: string, boundary: PatternBoundary): string {
  return boundary === 'word' ? `\\b((?:${source}))\\b` : `(?:^|[^\\p{L}\\p{N}])((?:${source}))(?:[^\\p{L}\\p{N}]|$)`;
}

function compileUncached(source: string, boundary: PatternBoundary): LinearPattern {
  const compiled = RE2JS.compile(delimited(source, boundary), RE2JS.CASE_INSENSITIVE);
  const matchAll = (text: string): LinearMatch[] => {
    const matches: LinearMatch[] = [];
    const matcher = compiled.matcher(text);
    for (let from = 0; from <= text.length && matcher.find(from); ) {
      const start = matcher.start(1);
      const end = matcher.end(1);
      if (end > start) matches.push({ index: start, text: text.slice(start, end) });
      from = end > from ? end : from + 1;
    }
    return matches;
  };
  return {
    source,
    matchAll,
    test: (text) => compiled.matcher(text).find(0),
    replace(text, replacer) {
      let out = '';
      let last = 0;
      for (const m of matchAll(text)) {
        out += text.slice(last, m.index) + replacer(m.text);
        last = m.index + m.text.length;
      }
      return out + text.slice(last);
    },
  };
}
