import type { DicomDataset, DicomDict } from '../dicom/dataset.js';
import type { Box } from '../image/types.js';
import { CannotVouchError, type ReportNote } from '../message.js';
import { redactFrames } from '../pixels/redact.js';
import { personNamePlaceholder, resolveAction } from '../rules/resolve.js';
import type { Rules } from '../rules/types.js';
import type { EvaluationPixelFinding, TagFinding } from './types.js';

/** Options of {@link redactRemainingFindings} and of the `redactRemaining` step. */
export interface RedactRemainingOptions {
  /** The rules: they say what removing an element means for its VR and name (default: remove, names get a placeholder). */
  rules?: Rules;
  /** Pixels added around each pixel box (default: 3). */
  padding?: number;
}

/** One action taken on a leaked element, for the audit record. */
export interface RemainingAction {
  path: string;
  action: 'X' | 'Z' | 'D';
  ruleId: string;
}

/** Splits `(0040,0275)[0].(0040,0007)` into the item path and the last tag. */
function locate(dataset: DicomDataset, path: string): { dict: DicomDict; tag: string } | undefined {
  const parts = [...path.matchAll(/\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)(?:\[(\d+)\])?/g)];
  if (parts.length === 0) return undefined;
  let dict: DicomDict = parts[0][1] === '0002' ? dataset.meta : dataset.dict;
  for (const [, group, element, index] of parts.slice(0, -1)) {
    const item = dict[`${group}${element}`.toUpperCase()]?.Value?.[Number(index ?? 0)];
    if (!item || typeof item !== 'object') return undefined;
    dict = item;
  }
  const last = parts[parts.length - 1];
  return { dict, tag: `${last[1]}${last[2]}`.toUpperCase() };
}

/** Decides what to do with a leaked element: names get their placeholder, others X or Z as the rules say. */
function decide(finding: TagFinding, rules?: Rules): { action: 'X' | 'Z' | 'D'; ruleId: string; placeholder?: string } {
  if (finding.vr === 'PN') {
    const placeholder = rules ? personNamePlaceholder(rules, { name: finding.name, keyword: finding.keyword }) : 'Anonymized^Person';
    return { action: 'D', ruleId: 'evaluate:name-placeholder', placeholder };
  }
  if (finding.tag.startsWith('0002') || !rules) return { action: 'X', ruleId: 'evaluate:remove' };
  const decision = resolveAction(rules, { tag: finding.tag, vr: finding.vr, keyword: finding.keyword || undefined, name: finding.name || undefined, privateCreator: finding.privateCreator });
  if (decision.action === 'X' || decision.action === 'Z') return { action: decision.action, ruleId: `evaluate:${decision.ruleId}` };
  // The rules kept or cleaned it and PHI remained: empty standard elements (the IOD may need them), remove private ones.
  return { action: /^[0-9A-F]{3}[13579BDF]/.test(finding.tag) ? 'X' : 'Z', ruleId: `evaluate:leak-after-${decision.ruleId}` };
}

/** What {@link redactRemainingFindings} did. */
export interface RemainingRedaction {
  /** One entry per leaked element redacted. */
  actions: RemainingAction[];
  /** Number of pixel boxes filled. */
  pixelBoxes: number;
  /** Whether Pixel Data was rewritten (unset when there was no box to fill). */
  pixelsModified?: boolean;
  /** The exact pixels changed per frame (after padding and clipping). */
  filled?: Map<number, Box[]>;
}

/**
 * Redacts what the evaluation found, in `dataset`: each leaked element is replaced by its
 * placeholder (names), emptied or removed as the rules say for it, and each pixel box is filled in
 * every frame it was found in. Reports every action.
 * @throws CannotVouchError (`evaluate:unredactable`, `evaluate:pixel-redaction-failed`) when a finding
 * cannot be redacted (an element path that cannot be found, a pixel finding without a box).
 */
export async function redactRemainingFindings(
  dataset: DicomDataset,
  findings: { tags: readonly TagFinding[]; pixels: readonly EvaluationPixelFinding[] },
  options: RedactRemainingOptions,
  report: ReportNote,
): Promise<RemainingRedaction> {
  const actions: RemainingAction[] = [];
  const done = new Set<string>();
  for (const finding of findings.tags) {
    if (done.has(finding.path)) continue;
    done.add(finding.path);
    const place = locate(dataset, finding.path);
    if (!place || !place.dict[place.tag]) {
      throw new CannotVouchError({ ruleId: 'evaluate:unredactable', location: finding.path, reason: 'a leaked element could not be found to redact it' });
    }
    const { action, ruleId, placeholder } = decide(finding, options.rules);
    if (action === 'X') delete place.dict[place.tag];
    else if (action === 'Z') place.dict[place.tag] = { vr: finding.vr, Value: [] };
    else place.dict[place.tag] = { vr: 'PN', Value: [{ Alphabetic: placeholder }] };
    actions.push({ path: finding.path, action, ruleId });
    report({ ruleId, location: finding.path, action, category: finding.category, reason: `${finding.name || 'element'} ${action === 'X' ? 'removed' : action === 'Z' ? 'emptied' : 'replaced by a placeholder'}: PHI remained after de-identification` });
  }

  const boxes = new Map<number, Box[]>();
  for (const finding of findings.pixels) {
    if (!finding.box) throw new CannotVouchError({ ruleId: 'evaluate:unredactable', location: `frame ${finding.frame}`, reason: 'burned-in PHI without a box cannot be redacted' });
    boxes.set(finding.frame, [...(boxes.get(finding.frame) ?? []), finding.box]);
  }
  const out: RemainingRedaction = { actions, pixelBoxes: [...boxes.values()].reduce((n, b) => n + b.length, 0) };
  if (boxes.size > 0) {
    try {
      const result = await redactFrames(dataset, boxes, { padding: options.padding ?? 3 });
      out.pixelsModified = result.changed;
      out.filled = result.filled;
      for (const [frame, filled] of result.filled) {
        for (const b of filled) report({ ruleId: 'evaluate:pixel-fill', location: `frame ${frame} [${b.left},${b.top},${b.width},${b.height}]`, action: 'fill', reason: 'burned-in PHI left after de-identification filled' });
      }
      for (const note of result.notes) report({ ruleId: 'pixel:encoding', severity: 'warning', reason: note });
    } catch (error) {
      throw new CannotVouchError({ ruleId: 'evaluate:pixel-redaction-failed', reason: `burned-in PHI could not be redacted: ${(error as Error).message}` }, { cause: error });
    }
  }
  return out;
}
