import type { DicomFile, Step } from '../file.js';
import { redactRemainingFindings, type RedactRemainingOptions, type RemainingAction } from '../evaluate/redact-remaining.js';
import './evaluate-metadata.js';
import './evaluate-pixels.js';
import './pixels.js';

/** Name of the step that redacts what the evaluation found, in messages (the reports read its actions). */
export const REDACT_REMAINING = 'redact-remaining';

export type { RedactRemainingOptions, RemainingAction } from '../evaluate/redact-remaining.js';

declare module '../file.js' {
  interface DicomFileDataMap {
    /** Leaked elements redacted after the evaluation, for the audit record. */
    remainingActions?: RemainingAction[];
    /** Number of pixel boxes filled after the evaluation. */
    remainingPixelBoxes?: number;
  }
}

/**
 * Makes the step that redacts what the evaluation found (`file.data.tagFindings`,
 * `file.data.evaluationPixelFindings`; {@link redactRemainingFindings}). Records every action as a
 * message (`file.data.remainingActions` too). Fails the file when a finding cannot be redacted: it
 * is not released.
 */
export function redactRemaining(options: RedactRemainingOptions = {}): Step {
  return async function redactRemainingStep(file: DicomFile) {
    const dataset = file.requireDataset(REDACT_REMAINING);
    const findings = { tags: file.data.tagFindings ?? [], pixels: file.data.evaluationPixelFindings ?? [] };
    let result;
    try {
      result = await redactRemainingFindings(dataset, findings, options, (note) => file.message({ ...note, step: REDACT_REMAINING }));
    } catch (error) {
      return file.failOn(REDACT_REMAINING, error);
    }
    if (result.pixelsModified !== undefined) file.data.pixelsModified = result.pixelsModified;
    // The boxes this step filled join those of the run, so a later reading masks them too.
    if (result.filled) {
      const all = new Map(file.data.pixelFilled ?? []);
      for (const [frame, filled] of result.filled) all.set(frame, [...(all.get(frame) ?? []), ...filled]);
      file.data.pixelFilled = all;
    }
    file.data.remainingActions = result.actions;
    file.data.remainingPixelBoxes = result.pixelBoxes;
  };
}
