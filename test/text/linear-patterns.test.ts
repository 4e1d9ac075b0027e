/**
 * The built-in text patterns take time linear in the text's length on adversarial input (a pattern
 * that scans to the end from every start, like the old e-mail pattern, is quadratic: 300 KB took a
 * minute). Each target runs on every adversarial unit at two sizes in the same process; quadratic work
 * would grow 16 times for 4 times the text, linear work 4 times. The 300 KB figures are in
 * `bench/text-patterns.bench.ts`.
 */
import { describe, expect, it } from 'vitest';
import { PHI_PATTERNS } from '../../lib/engines/local/phi-patterns.js';
import { createLocalPhiDetector } from '../../lib/engines/local/phi.js';
import { makeTextCleaner } from '../../lib/metadata/clean-text.js';
import { DEFAULT_REGEX } from '../../lib/rules/default-rules.js';
import { ADVERSARIAL_UNITS, adversarialText } from '../../lib/text/adversarial.js';
import { findAgesOver89 } from '../../lib/text/ages.js';
import { findCuedNames, findUncuedNames } from '../../lib/text/names.js';
import { INSTITUTION_PREFIX_SHAPE, INSTITUTION_SHAPE, INSTITUTION_WEAK_SHAPE, SAINT_SHAPE, TEXT_SHAPES, findShapes } from '../../lib/text/shapes.js';
import { makeVocabulary } from '../../lib/text/vocabulary.js';

const SMALL = 10_000;
const LARGE = 40_000;

/** One timing of `run` over every adversarial unit at `length`. */
function timeOnce(run: (text: string) => unknown, texts: string[]): number {
  const start = performance.now();
  for (const t of texts) run(t);
  return performance.now() - start;
}

/**
 * Asserts linear growth: 4× the text may cost at most 8× the time (plus a constant for noise); quadratic work costs 16×.
 * The two sizes are timed in alternating rounds and the best of each kept, so a busy spell on a shared machine
 * slows one round of both, not one size.
 */
function expectLinear(run: (text: string) => unknown): void {
  run(adversarialText('warm up a.b', 1000));
  const small = ADVERSARIAL_UNITS.map((u) => adversarialText(u, SMALL));
  const large = ADVERSARIAL_UNITS.map((u) => adversarialText(u, LARGE));
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < 5; round++) {
    bestSmall = Math.min(bestSmall, timeOnce(run, small));
    bestLarge = Math.min(bestLarge, timeOnce(run, large));
    if (bestLarge > 2000) break; // already far too slow: no need to repeat
  }
  expect(bestLarge, `small ${bestSmall.toFixed(1)} ms, large ${bestLarge.toFixed(1)} ms`).toBeLessThan(8 * bestSmall + 300);
}

const vocabulary = makeVocabulary();
const identity = { values: [{ value: 'Smith^John', category: 'A' as const, source: 'PatientName', vr: 'PN' }, { value: '12 Oak Street', category: 'B' as const, source: 'PatientAddress', vr: 'LO' }, { value: '555-201-3344', category: 'D' as const, source: 'PatientTelephoneNumbers', vr: 'SH' }] };

describe('built-in text patterns are linear on adversarial input', () => {
  it('the metadata cleaner with the default rules regexes', () => expectLinear(makeTextCleaner(identity, DEFAULT_REGEX)));
  it('each text shape', () => {
    for (const shape of [...TEXT_SHAPES, INSTITUTION_SHAPE, INSTITUTION_WEAK_SHAPE, INSTITUTION_PREFIX_SHAPE, SAINT_SHAPE]) expectLinear((t) => findShapes(t, [shape]));
  });
  it('ages and names, cued or not', () => {
    expectLinear((t) => findAgesOver89(t, 2024));
    expectLinear((t) => findCuedNames(t, vocabulary));
    expectLinear((t) => findUncuedNames(t, vocabulary));
  });
  it('each generic pattern of the local PHI detector', () => {
    for (const p of PHI_PATTERNS) expectLinear((t) => [...t.toUpperCase().matchAll(p.regex)].length);
  });
  it('the local PHI detector on one long span', async () => {
    const detector = createLocalPhiDetector({ regex: DEFAULT_REGEX });
    const units = ['a.', '1-', 'A1-', '555-201-3344 ', 'John Smith '];
    const timeAt = async (n: number) => {
      const start = performance.now();
      for (const u of units) await detector.detect([{ text: adversarialText(u, n) }], identity);
      return performance.now() - start;
    };
    let small = Infinity;
    let large = Infinity;
    for (let round = 0; round < 3; round++) {
      small = Math.min(small, await timeAt(SMALL));
      large = Math.min(large, await timeAt(LARGE));
    }
    expect(large, `small ${small.toFixed(1)} ms, large ${large.toFixed(1)} ms`).toBeLessThan(8 * small + 300);
  });
});

describe('what the rewritten patterns still find', () => {
  it('e-mails, URLs and IDs inside the adversarial noise', () => {
    const clean = makeTextCleaner({ values: [] }, DEFAULT_REGEX);
    const noise = adversarialText('a.', 5000);
    const out = clean(`${noise} mail j.doe@example.org or see https://x.example.com/p?id=1 MRN 8844221 ${noise}`).text;
    expect(out).not.toMatch(/j\.doe|example\.(org|com)|8844221/);
    expect(out.length).toBeGreaterThan(9000);
  });
});
