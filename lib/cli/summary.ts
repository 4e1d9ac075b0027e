import type { ManifestEntry } from '../pipeline/manifest.js';

/** What {@link runSummary} reports on. */
export interface RunSummaryInput {
  entries: readonly ManifestEntry[];
  ok: number;
  failed: number;
  skipped: number;
  manifestPath: string;
}

/**
 * The lines `deid run` prints at the end: counts of files (de-identified, failed, skipped, not
 * pixel-checked) and of the pixel boxes redacted, where the output went and where the manifest is.
 * @example runSummary(result, 'output/med_de_id_img')
 *   // '8 de-identified, 0 failed, 0 skipped; 23 pixel boxes redacted\noutput: output/med_de_id_img\nmanifest: …\n'
 */
export function runSummary(result: RunSummaryInput, out: string): string {
  const ok = result.entries.filter((e) => e.status === 'ok');
  const unchecked = ok.filter((e) => e.pixelsChecked === false).length;
  const boxes = ok.reduce((sum, e) => sum + (e.pixelBoxes ?? 0), 0);
  return (
    `${result.ok} de-identified, ${result.failed} failed, ${result.skipped} skipped` +
    (unchecked ? `, ${unchecked} not pixel-checked` : '') +
    `; ${boxes} pixel ${boxes === 1 ? 'box' : 'boxes'} redacted\n` +
    `output: ${out}\n` +
    `manifest: ${result.manifestPath}\n`
  );
}
