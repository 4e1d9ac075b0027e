import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import type { DicomDict } from '../../lib/dicom/dataset.js';
import { getString } from '../../lib/dicom/elements.js';
import { FIXTURE_STUDY_DESCRIPTION_CLEAN, TECHNICAL_TAGS, makePhiFixture } from '../fixtures/phi-fixture.js';
import { projectRoot } from '../support/paths.js';
import type { ManifestEntry } from '../../lib/pipeline/manifest.js';
import { deid, filesUnder, manifestLines } from '../support/cli.js';
import { run } from '../support/tools.js';
import { tempDir } from '../support/temp-dir.js';

const rulesPath = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const manifest = (file: string) => manifestLines(file) as unknown as ManifestEntry[];

describe('deid run', () => {
  const work = tempDir('deid-run-');
  const inputs = path.join(work, 'in');
  const out = path.join(work, 'out');
  const state = path.join(work, 'state');
  // Three files of one study (instance 1 references instance 1001), one of another patient.
  const fixtures = [
    { name: 'SMITH_JOHN_1.dcm', fixture: makePhiFixture({ instance: 1 }) },
    { name: 'SMITH_JOHN_2.dcm', fixture: makePhiFixture({ instance: 1001 }) },
    { name: 'SMITH_JOHN_3.dcm', fixture: makePhiFixture({ instance: 7 }) },
    { name: 'other.dcm', fixture: makePhiFixture({ uidRoot: '1.2.826.0.1.3680043.8.498.99', patientId: 'MRN-0001112' }) },
  ];
  const phi = [...new Set(fixtures.flatMap((f) => f.fixture.phi.map((p) => p.value)))];
  let inputHashes: Map<string, string>;
  let first: { code: number; stdout: string };
  let outputs: string[];

  beforeAll(async () => {
    mkdirSync(inputs, { recursive: true });
    for (const { name, fixture } of fixtures) writeFileSync(path.join(inputs, name), fixture.bytes());
    inputHashes = new Map(filesUnder(inputs).map((f) => [f, sha(f)]));
    first = await deid('run', inputs, '--out', out, '--state', state, '--rules', rulesPath);
    outputs = filesUnder(out);
  });

  it('de-identifies every file and exits 0', () => {
    expect(first.code).toBe(0);
    expect(outputs).toHaveLength(fixtures.length);
    const lines = manifest(path.join(state, 'manifest.jsonl'));
    expect(lines.map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(lines.every((l) => l.pixelsChecked === true)).toBe(true);
  });

  it(`leaves none of the ${phi.length}+ planted PHI strings anywhere in the output bytes or names`, () => {
    expect(phi.length).toBeGreaterThanOrEqual(40);
    for (const file of outputs) {
      const bytes = readFileSync(file);
      const texts = [bytes.toString('latin1'), bytes.toString('utf8')];
      for (const value of phi) {
        expect(texts.some((t) => t.includes(value)), `${value} in ${path.basename(file)}`).toBe(false);
        expect(path.relative(out, file)).not.toContain(value);
      }
      expect(path.relative(out, file)).not.toMatch(/SMITH|JOHN/i);
    }
  });

  it('keeps technical attributes, pixel bytes, and the non-identifying words of descriptions', () => {
    for (const file of outputs) {
      const output = readDicom(readFileSync(file), file);
      const instance = Number(getString(output.dict, 'InstanceNumber'));
      const match = fixtures.find((f) => Number(getString(f.fixture.dataset.dict, 'InstanceNumber')) === instance)!;
      const input = readDicom(match.fixture.bytes());
      for (const [keyword, tag] of Object.entries(TECHNICAL_TAGS)) {
        expect(output.dict[tag]?.Value, keyword).toEqual(input.dict[tag]?.Value);
      }
      const before = Buffer.from(input.dict['7FE00010']!.Value![0] as ArrayBuffer);
      const after = Buffer.from(output.dict['7FE00010']!.Value![0] as ArrayBuffer);
      expect(after.equals(before)).toBe(true);
      expect(getString(output.dict, 'StudyDescription')).toBe(FIXTURE_STUDY_DESCRIPTION_CLEAN);
      expect(getString(output.dict, 'PatientIdentityRemoved')).toBe('YES');
    }
  });

  it('maps UIDs consistently across files, so one study stays one study and references resolve', () => {
    const datasets = outputs.map((f) => readDicom(readFileSync(f), f).dict);
    const byPatient = new Map<string | undefined, DicomDict[]>();
    for (const d of datasets) byPatient.set(getString(d, 'PatientID'), [...(byPatient.get(getString(d, 'PatientID')) ?? []), d]);
    expect([...byPatient.values()].map((group) => group.length).sort()).toEqual([1, 3]);
    const study = [...byPatient.values()].find((group) => group.length === 3)!;
    expect(new Set(study.map((d) => getString(d, 'StudyInstanceUID'))).size).toBe(1);
    expect(new Set(study.map((d) => getString(d, 'SeriesInstanceUID'))).size).toBe(1);
    const other = [...byPatient.values()].find((group) => group.length === 1)![0];
    expect(getString(other, 'StudyInstanceUID')).not.toBe(getString(study[0], 'StudyInstanceUID'));
    const instance1 = study.find((d) => getString(d, 'InstanceNumber') === '1')!;
    const instance1001 = datasets.find((d) => getString(d, 'InstanceNumber') === '1001')!;
    const reference = ((instance1['00081140']!.Value![0] as DicomDict)['00081155']!.Value![0]) as string;
    expect(reference).toBe(getString(instance1001, 'SOPInstanceUID'));
    for (const d of datasets) expect(getString(d, 'SOPInstanceUID')).toMatch(/^2\.25\.\d+$/);
  });

  it('gives the same outputs when run again with the same state', async () => {
    const again = path.join(work, 'out-again');
    expect((await deid('run', inputs, '--out', again, '--state', state, '--rules', rulesPath)).code).toBe(0);
    expect(filesUnder(again).map((f) => path.relative(again, f))).toEqual(outputs.map((f) => path.relative(out, f)));
  });

  it('never modifies its inputs', () => {
    for (const [file, hash] of inputHashes) expect(sha(file)).toBe(hash);
  });

  it('keeps the secret and the identity maps owner-only, with CSV exports', () => {
    expect(statSync(state).mode & 0o777).toBe(0o700);
    const csv = readFileSync(path.join(state, 'patid_mapping.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('id_old,id_new');
    expect(csv.some((l) => l.startsWith('MRN-4455667,'))).toBe(true);
    expect(readFileSync(path.join(state, 'uid_mapping.csv'), 'utf8').startsWith('id_old,id_new')).toBe(true);
    for (const file of filesUnder(state)) expect(statSync(file).mode & 0o077).toBe(0);
  });
});

describe('deid run with bad input', () => {
  const work = tempDir('deid-bad-');
  const good = path.join(work, 'good.dcm');
  const text = path.join(work, 'notes.txt');
  const truncated = path.join(work, 'cut.dcm');
  writeFileSync(good, makePhiFixture().bytes());
  writeFileSync(text, 'Patient John Smith, not an image\n');
  writeFileSync(truncated, makePhiFixture({ instance: 2 }).bytes().subarray(0, 900));

  it('reports each bad file with a clear error, goes on with the others, and exits 1', async () => {
    const manifestPath = path.join(work, 'state', 'run.jsonl');
    const result = await deid('run', text, truncated, good, '--out', path.join(work, 'out'), '--state', path.join(work, 'state'), '--manifest', manifestPath, '--rules', rulesPath);
    expect(result.code).toBe(1);
    const lines = manifest(manifestPath);
    expect(lines.map((l) => [path.basename(l.input), l.status])).toEqual([
      ['notes.txt', 'error'],
      ['cut.dcm', 'error'],
      ['good.dcm', 'ok'],
    ]);
    expect(lines[0].error).toMatch(/not a DICOM file/);
    expect(lines[1].error).toMatch(/truncated/);
    // Logs name a file by its position and a keyed hash, never by its path (names often hold patients' names).
    expect(result.stderr).toMatch(/error: file 2 of 3 \[[0-9a-f]{10}\]: .*truncated/);
    expect(result.stderr).not.toContain('cut.dcm');
    expect(result.stderr).not.toContain(work);
    expect(lines[1].ref).toMatch(/^[0-9a-f]{10}$/);
    expect(filesUnder(path.join(work, 'out'))).toHaveLength(1);
  });

  it('skips a DICOMDIR (it indexes old file names and repeats identities) and de-identifies the files beside it', async () => {
    const media = path.join(work, 'media');
    mkdirSync(media);
    writeFileSync(path.join(media, 'IM0001'), makePhiFixture({ instance: 3 }).bytes());
    expect(run('dcmmkdir', ['-Pgp', '+I', '+D', path.join(media, 'DICOMDIR'), '+id', media, 'IM0001']).status).toBe(0);
    const manifestPath = path.join(work, 'state5', 'm.jsonl');
    const result = await deid('run', media, '--out', path.join(work, 'out5'), '--state', path.join(work, 'state5'), '--manifest', manifestPath, '--rules', rulesPath);
    expect(result.code).toBe(0);
    expect(manifest(manifestPath).map((l) => [path.basename(l.input), l.status])).toEqual([
      ['DICOMDIR', 'skipped'],
      ['IM0001', 'ok'],
    ]);
    expect(filesUnder(path.join(work, 'out5'))).toHaveLength(1);
  });

  it('exits 2 with a message naming the key for a malformed rules YAML', async () => {
    const badRules = path.join(work, 'bad.yaml');
    writeFileSync(badRules, 'rules:\n  dicom_tags:\n    - tag: [0x0010, 0x0010]\n      name: "Patient\'s Name"\n      action: Q\n');
    const result = await deid('run', good, '--out', path.join(work, 'out2'), '--state', path.join(work, 'state2'), '--rules', badRules);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/dicom_tags\[0\]\.action/);
    expect(filesUnder(path.join(work, 'out2'))).toHaveLength(0);
  });

  it('exits 2 when the state folder would sit inside the shareable output', async () => {
    const result = await deid('run', good, '--out', path.join(work, 'out3'), '--state', path.join(work, 'out3', 'state'), '--rules', rulesPath);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/state folder/);
  });

  it('with --no-pixels reports files with pixel data as not pixel-checked', async () => {
    const manifestPath = path.join(work, 'state4', 'm.jsonl');
    const result = await deid('run', good, '--no-pixels', '--out', path.join(work, 'out4'), '--state', path.join(work, 'state4'), '--manifest', manifestPath, '--rules', rulesPath);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 not pixel-checked');
    const [line] = manifest(manifestPath);
    expect(line.pixelsChecked).toBe(false);
    const output = readDicom(readFileSync(path.join(work, 'out4', line.output!)));
    expect(getString(output.dict, 'BurnedInAnnotation')).toBe(getString(makePhiFixture().dataset.dict, 'BurnedInAnnotation'));
  });
});
