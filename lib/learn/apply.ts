import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseRules } from '../rules/parse.js';
import type { Rules } from '../rules/types.js';
import { reportTimestamp } from '../reports/write.js';
import { editRulesText } from './edit-yaml.js';
import { LEARNED_NOTE } from './format.js';
import { isEmptyProposal } from './propose.js';
import type { RulesProposal } from './types.js';

/** What {@link applyProposal} did. */
export interface ApplyResult {
  /** False when the proposal was empty: nothing written, no backup. */
  written: boolean;
  /** The backup of the previous file (`<name>.bak-<timestamp>.yaml`). */
  backupPath?: string;
  /** `append` (items inserted, every other byte kept) or `document` (rewritten by the yaml Document API: comments kept, spacing normalised). */
  mode: 'append' | 'document' | 'none';
}

/** A proposal that cannot be applied (rules changed since, the result would not validate). */
export class LearnError extends Error {
  override name = 'LearnError';
}

/**
 * Applies a proposal to the rules YAML at `rulesPath`: appends the new entries at the end of their
 * lists (every other line and comment kept), validates the result with `parseRules` (and checks
 * every addition is there), backs the previous file up as `<name>.bak-<timestamp>.yaml` beside it,
 * then replaces the file atomically, keeping its mode. Refuses when the file changed since the
 * proposal was made.
 *
 * @example applyProposal('configs/de-id/de_id_rules_auto.yaml', proposal)
 */
export function applyProposal(rulesPath: string, proposal: RulesProposal, date = new Date()): ApplyResult {
  if (isEmptyProposal(proposal)) return { written: false, mode: 'none' };
  const text = readFileSync(rulesPath, 'utf8');
  const before = parseRules(text, rulesPath);
  if (before.hash !== proposal.rulesHash) {
    throw new LearnError(`${rulesPath}: the rules changed since the proposal was made; learn again`);
  }
  const edit = editRulesText(text, proposal, LEARNED_NOTE);
  let after: Rules;
  try {
    after = parseRules(edit.text, rulesPath);
  } catch (error) {
    throw new LearnError(`${rulesPath}: the learned rules would not be valid, nothing written: ${(error as Error).message}`, { cause: error });
  }
  const missing = [
    ...proposal.regex.filter((r) => !after.regex.includes(r.pattern)).map((r) => `regex ${r.pattern}`),
    ...proposal.keepList.filter((w) => !after.pixelKeepList.includes(w)).map((w) => `keep-list word ${w}`),
  ];
  if (after.dicomTags.length !== before.dicomTags.length + proposal.dicomTags.length) missing.push('dicom_tags entries');
  if (missing.length) throw new LearnError(`${rulesPath}: the edited file does not hold ${missing.join(', ')}; nothing written`);

  const dir = path.dirname(rulesPath);
  const base = path.basename(rulesPath).replace(/\.ya?ml$/i, '');
  const stamp = reportTimestamp(date);
  let backupPath = path.join(dir, `${base}.bak-${stamp}.yaml`);
  for (let n = 2; existsSync(backupPath); n++) backupPath = path.join(dir, `${base}.bak-${stamp}-${n}.yaml`);
  copyFileSync(rulesPath, backupPath);

  const mode = statSync(rulesPath).mode & 0o777;
  const temporary = `${rulesPath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, edit.text, { mode, flag: 'wx' });
    renameSync(temporary, rulesPath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new LearnError(`${rulesPath}: cannot write the learned rules: ${(error as Error).message}`, { cause: error });
  }
  return { written: true, backupPath, mode: edit.mode };
}
