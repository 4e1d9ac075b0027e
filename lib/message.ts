/**
 * What steps and the domain functions under them report: messages with a rule id, a location and a
 * severity (after vfile's messages). Domain folders report {@link Note}s; the step that calls them
 * adds its name and records them on the file.
 */
import type { SafeHarborCategory } from './safe-harbor.js';

/** How serious a message is; only `fatal` stops a file. */
export type Severity = 'info' | 'warning' | 'fatal';

/**
 * One finding or action recorded while a file goes through the steps.
 * Reports, audit records and the manifest are built from these, never from log lines.
 */
export interface DeidMessage {
  /** Stable id of the rule or check, e.g. `tag:(0010,0010)`, `keyword:Address`, `pixel:ocr-failed`. */
  ruleId: string;
  /** The step that produced it, e.g. `deidentify-metadata`, `detect-pixel-phi`. */
  step: string;
  /** Where: an element path like `(0008,1110)[0].(0008,1155)`, or `frame 0 [x,y,w,h]` for pixels. */
  location?: string;
  severity: Severity;
  /** Human-readable reason. Must not contain PHI values. */
  reason: string;
  /** Action taken, from the rules vocabulary (`X`, `Z`, `D`, `U`, `K`, `C`) or a pixel action. */
  action?: string;
  category?: SafeHarborCategory;
}

/** A message as a domain function reports it: the calling step adds its name (severity default: `info`). */
export type Note = Omit<DeidMessage, 'step' | 'severity'> & { severity?: Severity };

/** Where a domain function sends its notes, in order. */
export type ReportNote = (note: Note) => void;

/**
 * Thrown by a domain function for a file it cannot vouch for (pixels that cannot be decoded, a leak
 * that cannot be redacted): the calling step records the note as fatal and the file is not released.
 */
export class CannotVouchError extends Error {
  constructor(
    readonly note: Omit<Note, 'severity'>,
    options?: { cause?: unknown },
  ) {
    super(note.reason, options);
    this.name = 'CannotVouchError';
  }
}
