/**
 * The learning check: `deid evaluate` on the raw (unredacted) held-out files, then the proposal
 * `deid learn` would make from that report, tested for harm: removing structural or Type 1
 * attributes, patterns that match harmless screen text or kept clinical text, and one pattern per
 * street or host where a general one would do.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { byTag } from './dictionary.js';
import type { FileTruth } from './truth.js';

export interface LearningFigures {
  regexCount: number;
  structural: { tag: string; name: string; action: string }[];
  harmfulPatterns: { pattern: string; matches: number }[];
  clinicalPatterns: { pattern: string; matches: number }[];
  addressUrlPatterns: number;
}

/** Codes, the SR tree and the syntax: structural wherever they appear. */
const STRUCTURAL_EXTRA = new Set([0x00080100, 0x00080102, 0x00080104, 0x0040a040, 0x0040a010, 0x0040a730, 0x0040a043, 0x00020010]);

/** `deid evaluate` on the raw files, then learning as `deid learn` does it, and what the proposal would harm. */
export async function scoreLearning(
  inputs: string, work: string, truths: FileTruth[], rules: string, runDeid: (args: string[]) => Promise<number>, reuse: boolean,
): Promise<LearningFigures> {
  const report = path.join(work, 'learn-report');
  if (!reuse || !existsSync(report)) await runDeid(['evaluate', inputs, '--report', report, '--out', path.join(work, 'learn-evaluated'), '--state', path.join(work, 'learn-state'), '--rules', rules]);
  // The kit's public API, as `deid learn` uses it (loaded only for this check).
  const kit = await import('../../lib/index.js');
  const read = kit.readReportFindings([report]);
  const proposal = kit.proposeRules(read.findings, kit.loadRules(rules), { harmless: kit.judgedHarmless(read) });
  const structural = proposal.dicomTags
    .filter((t) => {
      const m = /^\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)$/.exec(t.tag);
      const tag = m ? parseInt(m[1] + m[2], 16) : undefined;
      const removes = t.action === 'X' || t.action === 'Z';
      return removes && tag !== undefined && (byTag(tag)?.protected || STRUCTURAL_EXTRA.has(tag));
    })
    .map((t) => ({ tag: t.tag, name: t.name, action: t.action }));
  const harmlessTexts = truths.flatMap((t) => t.pixels.harmless.filter((l) => l.text !== '[graphic]').map((l) => l.text));
  const forms = (s: string) => [s, s.toUpperCase(), s.replace(/\s+/g, ''), s.toUpperCase().replace(/[\s.]+/g, '')];
  const clinical = truths.flatMap((t) => t.header.keep.map((k) => k.words.join(' ')));
  const matching = (texts: string[]) =>
    proposal.regex
      .map((r) => {
        let re: RegExp;
        try {
          re = new RegExp(r.pattern, 'iu');
        } catch {
          return { pattern: r.pattern, matches: 0 };
        }
        return { pattern: r.pattern, matches: texts.filter((t) => forms(t).some((f) => re.test(f))).length };
      })
      .filter((m) => m.matches > 0);
  return {
    regexCount: proposal.regex.length,
    structural,
    harmfulPatterns: matching(harmlessTexts),
    clinicalPatterns: matching(clinical),
    addressUrlPatterns: proposal.regex.filter((r) => r.safeHarbor.includes('B') || r.safeHarbor.includes('N')).length,
  };
}

