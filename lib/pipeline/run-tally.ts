/**
 * The counts a run's summary prints, kept as each file's manifest line is committed: a run of millions
 * of files needs them, not every entry in memory (the manifest on disk holds the entries).
 */
import type { SafeHarborCategory } from '../safe-harbor.js';
import type { ManifestEntry } from './manifest.js';

/** Counts of a run's files by outcome, and of what was found and redacted in those de-identified. */
export interface RunTally {
  /** Files with a manifest line. */
  files: number;
  ok: number;
  failed: number;
  /** Inputs not de-identified by design (non-DICOM files in folders, DICOMDIRs, link repeats, those done earlier). */
  skipped: number;
  /** Of the skipped, inputs an earlier run into this output already did. */
  resumed: number;
  /** De-identified files whose pixels were looked at for burned-in text… */
  pixelsChecked: number;
  /** …and those whose pixels were not (`--no-pixels`, or no pixels to check). */
  notPixelChecked: number;
  /** Pixel boxes redacted, over the de-identified files. */
  pixelBoxes: number;
  /** De-identified files with at least one pixel box redacted. */
  pixelsRedacted: number;
  /** Findings (header actions and burned-in text) by Safe Harbor identifier, over the de-identified files. */
  identifiers: Partial<Record<SafeHarborCategory, number>>;
}

/** A tally of no files. */
export function emptyTally(): RunTally {
  return { files: 0, ok: 0, failed: 0, skipped: 0, resumed: 0, pixelsChecked: 0, notPixelChecked: 0, pixelBoxes: 0, pixelsRedacted: 0, identifiers: {} };
}

/** Adds one file's manifest entry to `tally` (in place). */
export function countEntry(tally: RunTally, entry: ManifestEntry): void {
  tally.files++;
  if (entry.resumed) tally.resumed++;
  if (entry.status === 'error') tally.failed++;
  else if (entry.status === 'skipped') tally.skipped++;
  else {
    tally.ok++;
    if (entry.pixelsChecked) tally.pixelsChecked++;
    else if (entry.pixelsChecked === false) tally.notPixelChecked++;
    const boxes = entry.pixelBoxes ?? 0;
    tally.pixelBoxes += boxes;
    if (boxes > 0) tally.pixelsRedacted++;
    for (const [category, n] of Object.entries(entry.identifiers ?? {}) as Array<[SafeHarborCategory, number]>) tally.identifiers[category] = (tally.identifiers[category] ?? 0) + n;
  }
}

/**
 * The tally of `entries`.
 * @example tallyOf(result.entries).pixelBoxes // boxes redacted over the run
 */
export function tallyOf(entries: Iterable<ManifestEntry>): RunTally {
  const tally = emptyTally();
  for (const entry of entries) countEntry(tally, entry);
  return tally;
}
