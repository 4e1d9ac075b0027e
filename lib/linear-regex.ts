/**
 * Rule regexes (the rules YAML's `regex` list) run on a linear-time engine, RE2 (the `re2js`
 * port, pure JavaScript): a pattern such as `(a+)+$` cannot hang a run, whatever text it meets.
 * RE2 has no lookaround and no backreference; such patterns are refused when the rules are loaded.
 */
import { RE2JS } from 're2js';

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

/**
 * One pattern that matches wherever any of `sources` matches (their alternation, delimited by
 * `boundary` as each would be): its {@link LinearPattern.test} says in one search whether any of
 * them matches a text at all. Undefined when fewer than two are given or they cannot be joined
 * (two groups of the same name).
 */
export function compileLinearAlternation(sources: readonly string[], boundary: PatternBoundary): LinearPattern | undefined {
  if (sources.length < 2) return undefined;
  try {
    return compileLinearPattern(sources.map((source) => `(?:${source})`).join('|'), boundary);
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

function compileUncached(source: string, boundary: PatternBoundary): LinearPattern {
  // The boundaries are consumed around group 1 (RE2 has no lookaround); the next search starts
  // where group 1 ended, so a shared delimiter serves both neighbours.
  const wrapped = boundary === 'word' ? `\\b((?:${source}))\\b` : `(?:^|[^\\p{L}\\p{N}])((?:${source}))(?:[^\\p{L}\\p{N}]|$)`;
  const compiled = RE2JS.compile(wrapped, RE2JS.CASE_INSENSITIVE);
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
