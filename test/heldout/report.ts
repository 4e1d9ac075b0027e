/** The held-out figures as a table, then the details (PHI values only when asked). */
import type { HeldoutResult } from './score.js';

/** The issue's bars. */
export const BARS = { headerLeft: 0, wordsKept: 1, newErrorFiles: 0, burnedGone: 0.995, harmlessIntact: 0.98, addressUrlPatterns: 3 };

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

/** The figures as a table, then the details (values only with `show`). */
export function formatResult(r: HeldoutResult, show = false): string {
  const rows: [string, string, string][] = [
    ['planted header PHI left', `${r.header.left.length} of ${r.header.planted}`, '0'],
    ['non-identifying description words kept', `${pct(r.words.kept, r.words.total)} (${r.words.kept}/${r.words.total})`, '100%'],
    ['code values and meanings kept (SR, SEG)', `${pct(r.codes.kept, r.codes.total)} (${r.codes.kept}/${r.codes.total})`, '100%'],
    ['outputs with new dciodvfy errors', `${r.conformance.newErrors.length} of ${r.conformance.outputs} (${r.conformance.newErrors.reduce((n, e) => n + e.errors.length, 0)} errors)`, '0'],
    ['burned-in PHI words gone', `${pct(r.burned.gone, r.burned.total)} (${r.burned.gone}/${r.burned.total})`, '>= 99.5%'],
    ['harmless annotation lines intact', `${pct(r.harmless.intact, r.harmless.total)} (${r.harmless.intact}/${r.harmless.total})`, '>= 98%'],
    ['files refused by the kit (left out above)', `${r.refused.length} of ${r.files}`, '0'],
    ['CR sample accession number erased', 'error' in r.crAccession ? r.crAccession.error : `${(r.crAccession.erased * 100).toFixed(1)}% of glyph pixels${r.crAccession.fullyGone ? ' (fully gone)' : ''}`, 'fully (>= 99%)'],
  ];
  if (r.learning) {
    rows.push(
      ['learning: structural/Type 1 removals proposed', String(r.learning.structural.length), '0'],
      ['learning: patterns matching harmless lines', String(r.learning.harmfulPatterns.length), '0'],
      ['learning: patterns matching kept clinical text', String(r.learning.clinicalPatterns.length), '0'],
      ['learning: address/URL patterns (of all regexes)', `${r.learning.addressUrlPatterns} (of ${r.learning.regexCount})`, `<= ${BARS.addressUrlPatterns}`],
    );
  }
  const w0 = Math.max(...rows.map((x) => x[0].length)), w1 = Math.max(...rows.map((x) => x[1].length));
  const out = [
    `held-out set: ${r.files} files (seed ${r.seed}); seconds: ${Object.entries(r.seconds).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `classes: ${Object.entries(r.classes).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `coverage: ${r.coverage.ageOver89} ages over 89 in ${r.coverage.agePhrasings} phrasings; ${r.coverage.fonts} fonts, ${r.coverage.sizes[0]}-${r.coverage.sizes[1]} px; ${r.coverage.burnedWords} burned-in PHI words, ${r.coverage.harmlessLines} harmless lines`,
    '',
    `${'figure'.padEnd(w0)}  ${'value'.padEnd(w1)}  bar`,
    ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`),
    '',
  ];
  out.push('header PHI left, by kind (left/planted):', `  ${Object.entries(r.header.byKind).map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}`);
  for (const l of r.header.left) out.push(`  ${l.file} ${l.attribute} [${l.category}, ${l.kind}]${show ? `: ${l.value}` : ''}`);
  const lostBy: Record<string, number> = {};
  for (const l of r.words.lost) lostBy[l.attribute] = (lostBy[l.attribute] ?? 0) + 1;
  for (const l of r.codes.lost) lostBy[l.attribute] = (lostBy[l.attribute] ?? 0) + 1;
  out.push('kept words lost, by attribute:', `  ${Object.entries(lostBy).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  if (show) for (const l of [...r.words.lost, ...r.codes.lost]) out.push(`  ${l.file} ${l.attribute}: ${l.word}`);
  for (const e of r.conformance.newErrors) out.push(`new dciodvfy errors in ${e.file}:`, ...e.errors.map((x) => `  ${x}`));
  out.push('burned-in PHI words gone, by kind (gone/total):', `  ${Object.entries(r.burned.byKind).map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}`);
  for (const m of r.burned.missed) out.push(`  missed in ${m.file}: ${m.kind} [${m.category}] ${m.font} ${m.size}px, ${(m.erased * 100).toFixed(0)}% erased${show ? `: ${m.text}` : ''}`);
  if (r.burned.unscorable.length) out.push(`  pixels not comparable (geometry changed or not decodable): ${r.burned.unscorable.join(', ')}`);
  for (const d of r.harmless.damaged) out.push(`  harmless line damaged in ${d.file}: ${d.font} ${d.size}px, ${d.changedPixels} px changed${show ? `: ${d.text}` : ''}`);
  for (const f of r.refused) out.push(`refused: ${f.file}: ${f.error}`);
  if (r.learning) {
    for (const s of r.learning.structural) out.push(`learning proposes ${s.action} for ${s.tag} ${s.name}`);
    for (const p of r.learning.harmfulPatterns) out.push(`learning pattern matches ${p.matches} harmless line(s): ${p.pattern}`);
    for (const p of r.learning.clinicalPatterns) out.push(`learning pattern matches ${p.matches} kept clinical text(s): ${p.pattern}`);
  }
  return out.join('\n') + '\n';
}

