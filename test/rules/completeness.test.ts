/**
 * Rules cannot silently stop de-identifying: a rules file that would leave Basic Profile attributes
 * identifying is refused at load (exit 2), unless explicitly allowed, and then the output says so.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cloneDataset, readDicom } from '../../lib/dicom/adapter.js';
import { getString } from '../../lib/dicom/elements.js';
import { DicomFile } from '../../lib/file.js';
import { loadRules, missingProfileEntries, parseRules } from '../../lib/rules/index.js';
import { findRetainedValues } from '../../lib/metadata/verify.js';
import { verifyMetadata } from '../../lib/steps/verify-metadata.js';
import type { DicomDataset, DicomDict } from '../../lib/dicom/dataset.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid, filesUnder, manifestLines } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';

const defaultRulesPath = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
const work = mkdtempSync(path.join(tmpdir(), 'deid-rules-complete-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tagsOf = (yaml: string) => missingProfileEntries(parseRules(yaml, 'test.yaml')).map((m) => m.tag);

describe('missingProfileEntries: the Basic Profile attributes rules would leave identifying', () => {
  it('finds none in the default rules', () => {
    expect(missingProfileEntries(loadRules(defaultRulesPath))).toEqual([]);
  });

  it('finds Patient ID, addresses, phones, other IDs, accession number, institution and more in `rules: {}`', () => {
    const missing = tagsOf('rules: {}\n');
    for (const tag of ['(0010,0020)', '(0010,1040)', '(0010,2154)', '(0010,1000)', '(0008,0050)', '(0008,0080)', '(0008,0081)', '(0010,1002)', '(0008,1040)', '(0020,0010)']) {
      expect(missing, tag).toContain(tag);
    }
    expect(missing.length).toBeGreaterThan(200);
  });

  it('finds exactly the entry a weakened default file lost, and a rule that only cleans where the profile removes', () => {
    const rules = readFileSync(defaultRulesPath, 'utf8');
    expect(tagsOf(rules.split('\n').filter((l) => !l.includes('"(0010,1000)"')).join('\n'))).toEqual(['(0010,1000)']);
    expect(tagsOf(rules.replace(/(\{tag: "\(0010,1040\)", name: "Patient's Address", action: )X/, '$1C'))).toEqual(['(0010,1040)']);
    expect(tagsOf(rules.replace('private_attributes: {action: X', 'private_attributes: {action: K'))).toEqual(['(gggg,eeee) odd group', '(gggg,eeee) odd group']);
  });
});

describe('deid run with rules that remove nothing', () => {
  const inputs = path.join(work, 'in');
  mkdirSync(inputs);
  writeFileSync(path.join(inputs, 'SMITH_JOHN.dcm'), makePhiFixture().bytes());
  const emptyRules = path.join(work, 'empty.yaml');
  writeFileSync(emptyRules, 'rules: {}\n');

  it('exits 2 listing the missing entries and creates nothing', async () => {
    const out = path.join(work, 'out1');
    const state = path.join(work, 'state1');
    const result = await deid('run', inputs, '--out', out, '--state', state, '--rules', emptyRules, '--no-pixels');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/leave \d+ attribute\(s\) of the DICOM PS3\.15 Basic Profile identifying/);
    expect(result.stderr).toContain('(0010,0020) Patient ID');
    expect(result.stderr).toContain('--allow-incomplete-rules');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(state)).toBe(false);
  });

  it('with --allow-incomplete-rules never claims Patient Identity Removed, and still names outputs by pseudonym', async () => {
    const out = path.join(work, 'out2');
    const state = path.join(work, 'state2');
    const result = await deid('run', inputs, '--out', out, '--state', state, '--rules', emptyRules, '--no-pixels', '--allow-incomplete-rules');
    expect(result.code).toBe(0);
    const [file] = filesUnder(out);
    const relative = path.relative(out, file);
    expect(relative).not.toContain('MRN-4455667');
    expect(relative).toMatch(/^PAT-[A-Z2-9]{10}\/2\.25\.\d+\/2\.25\.\d+\/2\.25\.\d+\.dcm$/);
    const output = readDicom(readFileSync(file));
    expect(getString(output.dict, 'PatientID')).toBe('MRN-4455667'); // the rules kept it: allowed, and said so
    expect(getString(output.dict, 'PatientIdentityRemoved')).toBe('NO');
    expect(output.dict['00120064']).toBeUndefined();
    expect(getString(output.dict, 'DeidentificationMethod')).toMatch(/^INCOMPLETE/);
    const [line] = manifestLines(path.join(state, 'manifest.jsonl'));
    expect((line.warnings as Array<{ id: string }>).map((w) => w.id)).toContain('deid:incomplete-rules');
  });
});

describe('verifyMetadata: the check after the metadata step', () => {
  const rules = loadRules(defaultRulesPath);
  const fixture = makePhiFixture();
  const header = () => {
    const file = new DicomFile('SMITH_JOHN.dcm', fixture.bytes());
    file.original = readDicom(fixture.bytes());
    file.dataset = cloneDataset(file.original);
    return file;
  };

  it('fails a file whose header still holds a value the profile removes, naming the attribute, never the value', async () => {
    const file = header(); // as if the metadata step had let everything through
    await expect(Promise.resolve().then(() => verifyMetadata({ rules })(file))).rejects.toThrow();
    const [fatal] = file.messages.filter((m) => m.severity === 'fatal');
    expect(fatal.ruleId).toBe('verify:retained-value');
    expect(fatal.reason).toMatch(/^\d+ attribute\(s\) the Basic Profile removes or replaces still hold a value/);
    expect(fatal.reason).toContain('(0008,0050) Accession Number');
    for (const { value } of fixture.phi) expect(fatal.reason).not.toContain(value);
  });

  it('with incomplete rules allowed, marks the file Patient Identity Removed = NO instead', async () => {
    const file = header();
    await verifyMetadata({ rules, allowIncompleteRules: true })(file);
    expect(file.failed).toBe(false);
    expect(getString(file.dataset!.dict, 'PatientIdentityRemoved')).toBe('NO');
    expect(file.messages.some((m) => m.ruleId === 'verify:retained-value' && m.severity === 'warning')).toBe(true);
  });

  it('compares each value inside sequence items with the original at the same place: a UID kept in the second item is found there', () => {
    const references = (uids: string[]): DicomDict => ({ '00081140': { vr: 'SQ', Value: uids.map((uid) => ({ '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] }, '00081155': { vr: 'UI', Value: [uid] } })) } });
    const dataset = (dict: DicomDict): DicomDataset => ({ meta: {}, dict, transferSyntaxUID: '1.2.840.10008.1.2.1' });
    const original = dataset(references(['1.2.3.4.1', '1.2.3.4.2']));
    // The first reference replaced, the second kept as it was.
    const kept = findRetainedValues(original, dataset(references(['2.25.11', '1.2.3.4.2'])), rules);
    expect(kept.map((r) => r.path)).toEqual(['(0008,1140)[1].(0008,1155)']);
    expect(kept[0].why).toBe('UID kept; the profile replaces it');
    expect(findRetainedValues(original, dataset(references(['2.25.11', '2.25.12'])), rules)).toEqual([]);
  });
});
