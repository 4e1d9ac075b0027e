/**
 * Output names of a run and the warning a numbered one carries, apart from the save step so that a
 * runner claiming names in input order does not load the DICOM writer (see `save.ts`).
 */

/** Name of the save step in messages. */
export const SAVE = 'save';

/**
 * Output names of one run. Two inputs can share a SOP Instance UID (a copy with and without pixels,
 * say): the later one gets a numbered name rather than replacing the earlier one's output. Claimed
 * in input order, the names are the same however many threads made the files.
 */
export class OutputNames {
  private readonly taken = new Set<string>();

  /** The name for `base`: `base` itself, or `…-2.dcm`, `…-3.dcm` when it is taken. */
  claim(base: string): string {
    let key = base;
    for (let n = 2; this.taken.has(key); n++) key = base.replace(/\.dcm$/, `-${n}.dcm`);
    this.taken.add(key);
    return key;
  }
}

/** Why an output got a numbered name (a warning on the file). */
export const DUPLICATE_INSTANCE = {
  ruleId: 'save:duplicate-instance',
  step: SAVE,
  severity: 'warning',
  reason: 'another input of this run has the same SOP Instance UID; written under a numbered name',
} as const;
