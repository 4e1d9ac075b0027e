import type { RunTally } from '../pipeline/run-tally.js';

/** What {@link runSummary} reports on. */
export interface RunSummaryInput {
  tally: RunTally;
  manifestPath: string;
}

/**
 * The lines `deid run` prints at the end: counts of files (de-identified, failed, skipped, not
 * pixel-checked) and of the pixel boxes redacted, where the output went and where the manifest is.
 * @example runSummary(result, 'output/med_de_id_img')
 *   // '8 de-identified, 0 failed, 0 skipped; 23 pixel boxes redacted\noutput: output/med_de_id_img\nmanifest: …\n'
 */
export function runSummary(result: RunSummaryInput, out: string): string {
  const { ok, failed, skipped, notPixelChecked: unchecked, pixelBoxes: boxes } = result.tally;
  return (
    `${ok} de-identified, ${failed} failed, ${skipped} skipped` +
    (unchecked ? `, ${unchecked} not pixel-checked` : '') +
    `; ${boxes} pixel ${boxes === 1 ? 'box' : 'boxes'} redacted\n` +
    `output: ${out}\n` +
    `manifest: ${result.manifestPath}\n`
  );
}
