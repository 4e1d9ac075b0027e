/**
 * Built-in text patterns on 300 KB of adversarial free text (issue 9: the old e-mail pattern took a
 * minute). Prints, per adversarial kind, the time of the metadata cleaner and of the local PHI
 * detector on 300 KB, and the old unbounded e-mail pattern on 30 and 60 KB as the baseline.
 * Run: `npx tsx bench/text-patterns.bench.ts` (use `nice -n 10` on a shared machine).
 */
import { createLocalPhiDetector } from '../lib/engines/local/phi.js';
import { makeTextCleaner } from '../lib/metadata/clean-text.js';
import { DEFAULT_REGEX } from '../lib/rules/default-rules.js';
import { ADVERSARIAL_UNITS, adversarialText } from '../lib/text/adversarial.js';

const SIZE = 300_000;
const identity = { values: [{ value: 'Smith^John', category: 'A' as const, source: 'PatientName', vr: 'PN' }] };
const clean = makeTextCleaner(identity, DEFAULT_REGEX);
const detector = createLocalPhiDetector({ regex: DEFAULT_REGEX });

let worstClean = { unit: '', ms: 0 };
let worstDetect = { unit: '', ms: 0 };
let total = 0;
for (const unit of ADVERSARIAL_UNITS) {
  const text = adversarialText(unit, SIZE);
  let start = performance.now();
  clean(text);
  const c = performance.now() - start;
  start = performance.now();
  await detector.detect([{ text }], identity);
  const d = performance.now() - start;
  total += c;
  if (c > worstClean.ms) worstClean = { unit, ms: c };
  if (d > worstDetect.ms) worstDetect = { unit, ms: d };
}
console.log(`metadata cleaner, 300 KB: worst ${worstClean.ms.toFixed(0)} ms (unit ${JSON.stringify(worstClean.unit)}), all ${ADVERSARIAL_UNITS.length} kinds ${total.toFixed(0)} ms`);
console.log(`local PHI detector, 300 KB: worst ${worstDetect.ms.toFixed(0)} ms (unit ${JSON.stringify(worstDetect.unit)})`);

const OLD_EMAIL = /(?<![\p{L}\p{N}])(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+)(?![\p{L}\p{N}])/giu;
for (const n of [30_000, 60_000]) {
  const start = performance.now();
  [...adversarialText('a.', n).matchAll(OLD_EMAIL)];
  console.log(`baseline: old e-mail pattern on ${n / 1000} KB of "a.a.a…": ${(performance.now() - start).toFixed(0)} ms (quadratic: ×${((SIZE / n) ** 2).toFixed(0)} at 300 KB)`);
}
