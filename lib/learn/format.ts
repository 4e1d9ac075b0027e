import { existsSync, readFileSync } from 'node:fs';
import { editRulesText } from './edit-yaml.js';
import { isEmptyProposal } from './propose.js';
import type { RulesProposal } from './types.js';

/** The note written on learned `dicom_tags` entries. */
export const LEARNED_NOTE = 'learned from a de-identification evaluation';

const CONTEXT = 3;

/**
 * Shows a proposal as a unified diff of the rules YAML (3 lines of context), followed by the
 * candidates rejected as too broad and the notes. Holds no PHI: only patterns, tags and counts.
 *
 * @param rulesText the current rules text (default: read from `proposal.rulesSource` when it is a file)
 */
export function formatProposal(proposal: RulesProposal, rulesText?: string): string {
  const out: string[] = [];
  const text = rulesText ?? (existsSync(proposal.rulesSource) ? readFileSync(proposal.rulesSource, 'utf8') : undefined);
  if (isEmptyProposal(proposal)) out.push(`No change proposed for ${proposal.rulesSource}.`);
  else if (text === undefined) {
    out.push(`Proposed additions to ${proposal.rulesSource}:`);
    for (const t of proposal.dicomTags) out.push(`+ dicom_tags: ${t.tag} ${t.name} action ${t.action} (Safe Harbor ${t.safeHarbor.join(', ')})`);
    for (const r of proposal.regex) out.push(`+ regex: ${r.pattern}`);
    for (const w of proposal.keepList) out.push(`+ pixel_keep_list: ${w}`);
  } else {
    const edit = editRulesText(text, proposal, LEARNED_NOTE);
    out.push(`--- ${proposal.rulesSource}`, `+++ ${proposal.rulesSource} (proposed)`);
    if (edit.mode === 'document') out.push('# a list is missing or empty: the file would be rewritten by the YAML Document API (comments kept, spacing normalised)');
    const old = text.split('\n');
    let shift = 0;
    for (const ins of [...edit.insertions].sort((a, b) => a.after - b.after)) {
      const from = Math.max(0, ins.after + 1 - CONTEXT);
      const to = Math.min(old.length, ins.after + 1 + CONTEXT);
      const before = old.slice(from, ins.after + 1);
      const after = old.slice(ins.after + 1, to);
      out.push(`@@ -${from + 1},${before.length + after.length} +${from + 1 + shift},${before.length + after.length + ins.lines.length} @@ rules.${ins.key}`);
      out.push(...before.map((l) => ` ${l}`), ...ins.lines.map((l) => `+${l}`), ...after.map((l) => ` ${l}`));
      shift += ins.lines.length;
    }
  }
  for (const t of proposal.dicomTags) out.push(`# ${t.tag} ${t.name}: leaked in ${t.findings} finding(s)`);
  for (const r of proposal.regex) out.push(`# ${r.pattern}: covers ${r.examples} finding(s)${r.alsoCovers ? ` and ${r.alsoCovers} other finding(s) of the run` : ''}; matched none of ${r.testedOn} harmless texts (the run's pixel lines and technical values, keep-list, clinical vocabulary)`);
  for (const r of proposal.rejected) out.push(`# rejected ${r.pattern}: ${r.reason}`);
  for (const n of proposal.notes) out.push(`# note: ${n}`);
  return out.join('\n') + '\n';
}
