/**
 * A run's counts come from a tally kept as each manifest line is committed, so the CLI need not hold every
 * file's entry (`keepEntries: false`): memory stays flat over millions of files, and the summary is the same.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStatsLines } from '../../lib/cli/run-stats.js';
import { deidentifyFiles, type RunResult } from '../../lib/pipeline/deidentify-files.js';
import type { ManifestEntry } from '../../lib/pipeline/manifest.js';
import { tallyOf } from '../../lib/pipeline/run-tally.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { manifestLines } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';
import { tempDir } from '../support/temp-dir.js';

const rulesPath = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');

describe('the run tally', () => {
  const work = tempDir('deid-tally-');
  const inputs = path.join(work, 'in');
  const run = (name: string, keepEntries?: boolean) =>
    deidentifyFiles([inputs], { out: path.join(work, `out-${name}`), stateDir: path.join(work, `state-${name}`), rulesPath, pixels: false, keepEntries });
  let kept: RunResult;
  let flat: RunResult;

  beforeAll(async () => {
    mkdirSync(inputs, { recursive: true });
    // Two good files, one that claims to be DICOM and is not (fails), one that is not DICOM at all (skipped).
    writeFileSync(path.join(inputs, 'a.dcm'), makePhiFixture({ instance: 1 }).bytes());
    writeFileSync(path.join(inputs, 'b.dcm'), makePhiFixture({ instance: 2 }).bytes());
    writeFileSync(path.join(inputs, 'c.dcm'), Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from([0x02, 0x00, 0x10, 0x00, 0x55, 0x49, 0xff])]));
    writeFileSync(path.join(inputs, 'notes.txt'), 'not an image');
    kept = await run('kept');
    flat = await run('flat', false);
  }, 120_000);

  it('counts every file by outcome and what was found, as the manifest says', () => {
    const lines = manifestLines(path.join(work, 'state-flat', 'manifest.jsonl')) as unknown as ManifestEntry[];
    expect(flat.tally).toEqual(tallyOf(lines));
    expect(flat.tally).toMatchObject({ files: 4, ok: 2, failed: 1, skipped: 1, notPixelChecked: 2, pixelsChecked: 0, pixelBoxes: 0 });
    expect(flat.tally.identifiers.A).toBeGreaterThan(0);
    expect([flat.ok, flat.failed, flat.skipped]).toEqual([2, 1, 1]);
    expect(runStatsLines(flat)).toContain(`findings by Safe Harbor identifier: A (names) ${flat.tally.identifiers.A}`);
  });

  it('holds no entries when asked not to, and gives the same counts as a run that keeps them', () => {
    expect(flat.entries).toEqual([]);
    expect(kept.entries).toHaveLength(4);
    expect(kept.tally).toEqual(tallyOf(kept.entries));
    expect(flat.tally).toEqual(kept.tally);
  });
});
