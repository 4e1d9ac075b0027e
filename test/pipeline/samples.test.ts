import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import { gatherIdentity } from '../../lib/metadata/index.js';
import { deidentifyFiles, type RunResult } from '../../lib/pipeline/deidentify-files.js';
import { projectRoot } from '../support/paths.js';
import { dciodvfyErrors, run } from '../support/tools.js';
import { tempDir } from '../support/temp-dir.js';

const samplesDir = path.join(projectRoot, 'images/med_phi_img');
const samples = readdirSync(samplesDir).filter((n) => n.endsWith('.dcm'));

describe('de-identifying the synthetic samples (the README demo)', () => {
  const work = tempDir('deid-samples-');
  const out = path.join(work, 'out');
  let result: RunResult;

  beforeAll(async () => {
    result = await deidentifyFiles([samplesDir], { out, stateDir: path.join(work, 'state'), rulesPath: path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml') });
  });

  it('de-identifies every sample and skips the truth file', () => {
    expect(result.ok).toBe(samples.length);
    expect(result.failed).toBe(0);
    expect(result.entries.filter((e) => e.status === 'skipped').map((e) => path.basename(e.input))).toEqual(['truth.json']);
    expect(result.entries.filter((e) => e.status === 'ok').every((e) => e.pixelsChecked && (e.pixelBoxes ?? 0) > 0)).toBe(true);
  });

  it.each(samples)('writes %s readable by dcmdump, with no new dciodvfy errors and none of its header identity', (name) => {
    const input = path.join(samplesDir, name);
    const entry = result.entries.find((e) => e.input.endsWith(name))!;
    const output = path.join(out, entry.output!);
    expect(run('dcmdump', ['-q', output]).status).toBe(0);
    expect(dciodvfyErrors(output)).toBeLessThanOrEqual(dciodvfyErrors(input));
    const original = readDicom(readFileSync(input), input);
    const text = readFileSync(output).toString('utf8').toUpperCase();
    const identifying = gatherIdentity(original).values.filter((v) => ['A', 'D', 'F', 'G', 'H'].includes(v.category) && v.value.length >= 4);
    expect(identifying.length).toBeGreaterThan(3);
    for (const { value } of identifying) {
      for (const part of value.toUpperCase().split(/[\^,]/).filter((p) => p.trim().length >= 4)) expect(text, part).not.toContain(part.trim());
    }
  });
});
