import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cloneDataset, readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import type { DicomDict } from '../../lib/dicom/dataset.js';
import { getString, getStrings, personNameToString } from '../../lib/dicom/elements.js';
import { DicomFile } from '../../lib/file.js';
import { deidentifyDataset } from '../../lib/metadata/deidentify.js';
import { gatherIdentity, makeTextCleaner } from '../../lib/metadata/index.js';
import { IncompleteRulesError, loadRules, type Rules } from '../../lib/rules/index.js';
import { openStateStore } from '../../lib/state/index.js';
import { deidentifyMetadata } from '../../lib/steps/deidentify-metadata.js';
import { corpusFile, projectRoot } from '../support/paths.js';
import {
  FIXTURE_SERIES_DESCRIPTION_CLEAN,
  FIXTURE_STUDY_DESCRIPTION_CLEAN,
  TECHNICAL_TAGS,
  makePhiFixture,
  type PhiFixtureOptions,
} from '../fixtures/phi-fixture.js';

const rules = loadRules(join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml'));
const withProfile = (changes: Partial<Rules['profile']>): Rules => ({ ...rules, profile: { ...rules.profile, ...changes } });
const tmp = mkdtempSync(join(tmpdir(), 'deid-meta-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let stateCount = 0;
const newStateDir = () => join(tmp, `state-${++stateCount}`);

/** Reads fixture bytes, runs the step on a clone, writes and re-reads the output. */
async function deidentify(fixtureOptions: PhiFixtureOptions = {}, stateDir = newStateDir(), useRules = rules, allowIncompleteRules = false) {
  const fixture = makePhiFixture(fixtureOptions);
  const input = fixture.bytes();
  const file = new DicomFile('fixture.dcm', input);
  file.original = readDicom(input, 'fixture.dcm');
  file.dataset = cloneDataset(file.original);
  const state = openStateStore(stateDir);
  await deidentifyMetadata({ rules: useRules, state, now: () => new Date('2024-06-01'), allowIncompleteRules })(file);
  state.compact(); // what a runner does at the end of a run: the maps and their CSV exports
  const output = writeDicom(file.dataset);
  return { fixture, input, file, output, result: readDicom(output, 'output.dcm'), stateDir };
}

/** dcmjs reads an empty value back as `['']`. */
const isEmpty = (dict: DicomDict, tag: string) => (dict[tag]?.Value ?? []).every((v) => v === '' || v === null);
const item = (dict: DicomDict, tag: string, index = 0) => (dict[tag]?.Value?.[index] as DicomDict | undefined) ?? {};

describe('deidentifyMetadata on the PHI fixture', async () => {
  const run = await deidentify();
  const { fixture, output, result, file } = run;
  const text = Buffer.from(output).toString('utf8');
  const latin1 = Buffer.from(output).toString('latin1');

  it('plants PHI in at least 40 places', () => {
    expect(fixture.phi.length).toBeGreaterThanOrEqual(40);
    const inputText = Buffer.from(run.input).toString('utf8');
    for (const { value, where } of fixture.phi) expect(inputText.includes(value), `${where} planted`).toBe(true);
  });

  it('leaves no planted PHI string anywhere in the written bytes', () => {
    const leaks = fixture.phi.filter(({ value }) => text.includes(value) || latin1.includes(value));
    expect(leaks.map((l) => `${l.where}: ${l.value}`)).toEqual([]);
    expect(text).not.toMatch(/Smith|Quackenbush|Madeup/i);
  });

  it('keeps the technical attributes and the pixel data unchanged', () => {
    for (const [keyword, tag] of Object.entries(TECHNICAL_TAGS)) {
      expect(JSON.stringify(result.dict[tag]?.Value), keyword).toBe(JSON.stringify(file.original!.dict[tag]?.Value));
    }
    const before = new Uint8Array(file.original!.dict['7FE00010']!.Value![0] as ArrayBuffer);
    const after = new Uint8Array(result.dict['7FE00010']!.Value![0] as ArrayBuffer);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    expect(getString(result.dict, 'Manufacturer')).toBe('ACME Medical');
    expect(getString(result.dict, 'PatientSex')).toBe('M');
  });

  it('keeps the non-identifying words of descriptions, at top level and in nested sequences', () => {
    expect(getString(result.dict, 'StudyDescription')).toBe(FIXTURE_STUDY_DESCRIPTION_CLEAN);
    expect(getString(result.dict, 'SeriesDescription')).toBe(FIXTURE_SERIES_DESCRIPTION_CLEAN);
    expect(getString(result.dict, 'ProtocolName')).toBe('CHEST ROUTINE');
    const request = item(result.dict, '00400275');
    expect(getString(request, 'RequestedProcedureDescription')).toBe('CT CHEST W/O CONTRAST');
    expect(getString(request, 'ScheduledProcedureStepDescription')).toBe('CT chest');
    expect(request['00401001']).toBeUndefined(); // Requested Procedure ID: X
  });

  it('replaces names with role placeholders and the Patient ID with its pseudonym', () => {
    expect(personNameToString(result.dict['00100010']!.Value![0])).toBe('The^Patient');
    expect(personNameToString(result.dict['00080090']!.Value![0])).toBe('Dr.^Physician');
    expect(personNameToString(result.dict['00081070']!.Value![0])).toBe('Mr.^Operator');
    expect(result.dict['00081050']).toBeUndefined(); // Performing Physician's Name: X
    expect(getString(result.dict, 'PatientID')).toMatch(/^PAT-[A-Z2-9]{10}$/);
  });

  it('aggregates an age over 89 and removes the birth date that would reveal it', () => {
    expect(getString(result.dict, 'PatientAge')).toBe('090Y');
    expect(result.dict['00100030']).toBeDefined();
    expect(isEmpty(result.dict, '00100030')).toBe(true);
    expect(file.messages.some((m) => m.ruleId === 'guard:birth-date-age-over-89')).toBe(true);
  });

  it('keeps dates to their year (year_only) and removes times', () => {
    expect(getString(result.dict, 'StudyDate')).toBe('20240101');
    expect(getString(result.dict, 'InstanceCreationDate')).toBe('20240101');
    expect(getString(result.dict, 'AcquisitionDateTime')).toBe('20240101');
    expect(isEmpty(result.dict, '00080030')).toBe(true);
  });

  it('remaps every UID except standard ones, in the meta header too, so references resolve', () => {
    const sop = getString(result.dict, 'SOPInstanceUID')!;
    expect(sop).toMatch(/^2\.25\.\d+$/);
    expect(sop.length).toBeLessThanOrEqual(64);
    expect(getString(result.meta, 'MediaStorageSOPInstanceUID')).toBe(sop);
    expect(getString(result.dict, 'SOPClassUID')).toBe('1.2.840.10008.5.1.4.1.1.2');
    const referenced = item(result.dict, '00081140');
    expect(getString(referenced, 'ReferencedSOPClassUID')).toBe('1.2.840.10008.5.1.4.1.1.2');
    expect(getString(referenced, 'ReferencedSOPInstanceUID')).toMatch(/^2\.25\./);
    // The same original UID in two places maps to one new UID.
    expect(getString(item(result.dict, '00082112'), 'ReferencedSOPInstanceUID')).toBe(getString(referenced, 'ReferencedSOPInstanceUID'));
    // Referenced Study Sequence is X/Z: kept for conformance, without items.
    expect(result.dict['00081110']?.Value ?? []).toEqual([]);
  });

  it('removes private elements except the safe list, overlays and the icon', () => {
    expect(result.dict['00091001']).toBeUndefined();
    expect(result.dict['00090010']).toBeUndefined();
    expect(getString(result.dict, '0019100C')).toBe('1000');
    expect(getString(result.dict, '00190010')).toBe('SIEMENS MR HEADER');
    expect(Object.keys(result.dict).filter((t) => t.startsWith('6000'))).toEqual([]);
    expect(result.dict['00880200']).toBeUndefined();
  });

  it('marks the file de-identified with CID 7050 codes for the options applied', () => {
    expect(getString(result.dict, 'PatientIdentityRemoved')).toBe('YES');
    expect(getStrings(result.dict, 'DeidentificationMethod').join(' ')).toMatch(/Basic Application Confidentiality Profile/);
    const codes = ((result.dict['00120064']!.Value ?? []) as DicomDict[]).map((i) => getString(i, 'CodeValue'));
    expect(codes).toEqual(expect.arrayContaining(['113100', '113105', '113107', '113108', '113111']));
    expect(codes).not.toContain('113101'); // Clean Pixel Data: only the pixel step may claim it
    expect(codes).not.toContain('113109');
    expect(getString(result.dict, 'BurnedInAnnotation')).toBe('NO');
  });

  it('records every action as a message without the PHI value', () => {
    const ours = file.messages.filter((m) => m.step === 'deidentify-metadata');
    expect(ours.length).toBeGreaterThan(60);
    for (const m of ours) {
      expect(m.ruleId).toBeTruthy();
      for (const { value } of fixture.phi) expect(m.reason.includes(value), `${m.ruleId} reason holds ${value}`).toBe(false);
    }
    const name = ours.find((m) => m.location === '(0010,0010)')!;
    expect(name).toMatchObject({ ruleId: 'tag:(0010,0010)', action: 'D', category: 'A' });
    expect(ours.find((m) => m.location === '(0010,1002)')).toMatchObject({ action: 'X', category: 'H' });
  });

  it('writes a file dcmdump reads', () => {
    const path = join(tmp, 'out.dcm');
    writeFileSync(path, output);
    const dump = spawnSync('dcmdump', ['-q', path], { encoding: 'utf8' });
    if (dump.error) throw new Error(`dcmdump is needed (Debian package dcmtk): ${dump.error.message}`);
    expect(dump.status, dump.stderr).toBe(0);
    expect(dump.stdout).toContain('The^Patient');
  });
});

describe('consistency across files and runs', () => {
  it('maps one input UID to one output UID across files and across two openings of the state', async () => {
    const stateDir = newStateDir();
    const first = await deidentify({ instance: 1 }, stateDir);
    const second = await deidentify({ instance: 2 }, stateDir);
    const referenced = await deidentify({ instance: 1001 }, stateDir); // the instance file 1 references
    const again = await deidentify({ instance: 1 }, stateDir); // a new run: the store is opened again
    const uid = (r: typeof first, k: string) => getString(r.result.dict, k);
    expect(uid(second, 'StudyInstanceUID')).toBe(uid(first, 'StudyInstanceUID'));
    expect(uid(second, 'SeriesInstanceUID')).toBe(uid(first, 'SeriesInstanceUID'));
    expect(uid(second, 'SOPInstanceUID')).not.toBe(uid(first, 'SOPInstanceUID'));
    expect(getString(item(first.result.dict, '00081140'), 'ReferencedSOPInstanceUID')).toBe(uid(referenced, 'SOPInstanceUID'));
    expect(uid(again, 'SOPInstanceUID')).toBe(uid(first, 'SOPInstanceUID'));
    expect(uid(again, 'PatientID')).toBe(uid(first, 'PatientID'));

    const elsewhere = await deidentify({ instance: 1 }); // another project secret
    expect(uid(elsewhere, 'SOPInstanceUID')).not.toBe(uid(first, 'SOPInstanceUID'));
  });

  it('keeps the state owner-only and exports the maps as CSV', async () => {
    const { stateDir, fixture } = await deidentify({ patientId: 'MRN-CSV-1' });
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);
    for (const name of ['secret.key', 'uid_map.json', 'patid_map.json', 'uid_mapping.csv', 'patid_mapping.csv']) {
      expect(statSync(join(stateDir, name)).mode & 0o777, name).toBe(0o600);
    }
    const patients = readFileSync(join(stateDir, 'patid_mapping.csv'), 'utf8').trim().split('\n');
    expect(patients[0]).toBe('id_old,id_new');
    expect(patients[1]).toMatch(/^MRN-CSV-1,PAT-[A-Z2-9]{10}$/);
    const uids = readFileSync(join(stateDir, 'uid_mapping.csv'), 'utf8');
    expect(uids).toContain(`${fixture.phi.find((p) => p.where === 'Study Instance UID')!.value},2.25.`);
  });

  it('gives different patients different pseudonyms and one patient one', () => {
    const state = openStateStore(newStateDir());
    const a = state.pseudonymForPatient('A-1');
    expect(state.pseudonymForPatient('A-1')).toBe(a);
    expect(state.pseudonymForPatient('A-2')).not.toBe(a);
  });
});

describe('date policies and ages', () => {
  it('year_only keeps the year of a birth date that reveals no age over 89', async () => {
    const { result } = await deidentify({ birthDate: '19760616', age: '047Y' });
    expect(getString(result.dict, 'PatientBirthDate')).toBe('19760101');
    expect(getString(result.dict, 'PatientAge')).toBe('047Y');
  });

  it('shift moves every date of one patient by the same per-patient offset, within the limit', async () => {
    const shift = withProfile({ datePolicy: 'shift', maxShiftDays: 30 });
    const stateDir = newStateDir();
    const a = await deidentify({ birthDate: '19760616', age: '047Y' }, stateDir, shift);
    const b = await deidentify({ birthDate: '19760616', age: '047Y', instance: 2 }, stateDir, shift);
    const study = getString(a.result.dict, 'StudyDate')!;
    expect(study).not.toBe('20240311');
    const days = (Date.UTC(2024, 2, 11) - Date.UTC(+study.slice(0, 4), +study.slice(4, 6) - 1, +study.slice(6))) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(30);
    expect(getString(b.result.dict, 'StudyDate')).toBe(study);
    expect(getString(a.result.dict, 'AcquisitionDateTime')).toMatch(new RegExp(`^${study}101502`));
    expect(getString(a.result.dict, 'StudyTime')).toBe('101500');
  });

  it('remove empties dates and times', async () => {
    const { result } = await deidentify({ birthDate: '19760616', age: '047Y' }, newStateDir(), withProfile({ datePolicy: 'remove' }));
    expect(result.dict['00080020']).toBeDefined();
    expect(isEmpty(result.dict, '00080020')).toBe(true);
    const codes = ((result.dict['00120064']!.Value ?? []) as DicomDict[]).map((i) => getString(i, 'CodeValue'));
    expect(codes).not.toContain('113107');
  });
});

describe('identity and free-text cleaning', () => {
  it('gathers the identifying values of the original header with their Safe Harbor letters', () => {
    const identity = gatherIdentity(makePhiFixture().dataset);
    const find = (v: string) => identity.values.find((x) => x.value === v);
    expect(find('Smith^John^Quincy')).toMatchObject({ category: 'A', vr: 'PN' });
    expect(find('MRN-4455667')).toMatchObject({ category: 'H' });
    expect(find('19300616')).toMatchObject({ category: 'C' });
    expect(find('OPI-5544332')).toBeDefined(); // nested
    expect(find('VIP-WARD-9')).toBeDefined(); // private text
    expect(find('093Y')).toMatchObject({ category: 'C' });
    expect(identity.values.some((v) => v.value.startsWith('1.2.840.10008.'))).toBe(false);
    expect(find('CT')).toBeUndefined();
  });

  it('takes no description the Clean Descriptors option cleans for an identity value, so it is cleaned, not removed by itself', () => {
    const dataset = makePhiFixture().dataset;
    dataset.dict['00180010'] = { vr: 'LO', Value: ['Gadobutrol 7.5 mL (Gadovist)'] };
    dataset.dict['30100077'] = { vr: 'LO', Value: ['Left Breast Tumour Bed'] };
    const identity = gatherIdentity(dataset);
    expect(identity.values.some((v) => v.value.includes('Gadobutrol') || v.value.includes('Tumour Bed'))).toBe(false);
    const clean = makeTextCleaner(identity, rules.regex);
    expect(clean('Gadobutrol 7.5 mL (Gadovist)').text).toBe('Gadobutrol 7.5 mL (Gadovist)');
    expect(clean('Left Breast Tumour Bed').text).toBe('Left Breast Tumour Bed');
  });

  it("removes the patient's occupation, and the Responsible Person Role that may not stand without its person", () => {
    const dataset = makePhiFixture().dataset;
    dataset.dict['00102180'] = { vr: 'SH', Value: ['Lighthouse keeper'] };
    dataset.dict['00102297'] = { vr: 'PN', Value: [{ Alphabetic: 'Quennell^Ada' }] };
    dataset.dict['00102298'] = { vr: 'CS', Value: ['GUARDIAN'] };
    const original = cloneDataset(dataset);
    deidentifyDataset(dataset, original, { rules, state: openStateStore(newStateDir()), now: () => new Date('2024-06-01') }, () => {});
    for (const tag of ['00102180', '00102297', '00102298']) expect(dataset.dict[tag]).toBeUndefined();
  });

  it("replaces a staff member's identification code (an employee number) and an institution code by dummies, and keeps concept codes", () => {
    const dataset = makePhiFixture().dataset;
    const code = (value: string, scheme: string, meaning: string): DicomDict => ({
      '00080100': { vr: 'SH', Value: [value] },
      '00080102': { vr: 'SH', Value: [scheme] },
      '00080104': { vr: 'LO', Value: [meaning] },
    });
    dataset.dict['00081072'] = {
      vr: 'SQ',
      Value: [{ '00401101': { vr: 'SQ', Value: [code('STF-40917', 'L-HR', 'Staff number of R. Okonkwo-Vale')] } }],
    };
    dataset.dict['00080082'] = { vr: 'SQ', Value: [code('INST-2281', 'L-SITES', 'Brackenfield Infirmary')] };
    dataset.dict['00081032'] = { vr: 'SQ', Value: [code('RPID16', 'RADLEX', 'CT HEAD WO IV CONTRAST')] };
    const original = cloneDataset(dataset);
    deidentifyDataset(dataset, original, { rules, state: openStateStore(newStateDir()), now: () => new Date('2024-06-01') }, () => {});
    const text = JSON.stringify(dataset.dict);
    for (const leaked of ['STF-40917', 'L-HR', 'Okonkwo', 'INST-2281', 'L-SITES', 'Brackenfield']) expect(text).not.toContain(leaked);
    const staffCode = item(item(dataset.dict, '00081072'), '00401101');
    // Type 1 in the Code Sequence Macro: replaced, never emptied.
    expect(getString(staffCode, 'CodeValue')).not.toBe('');
    expect(getString(staffCode, 'CodingSchemeDesignator')).not.toBe('');
    const procedure = item(dataset.dict, '00081032');
    expect([getString(procedure, 'CodeValue'), getString(procedure, 'CodingSchemeDesignator'), getString(procedure, 'CodeMeaning')]).toEqual(['RPID16', 'RADLEX', 'CT HEAD WO IV CONTRAST']);
  });

  it('removes only identifying words from free text', () => {
    const clean = makeTextCleaner(gatherIdentity(makePhiFixture().dataset), rules.regex);
    expect(clean('CT CHEST W/O CONTRAST for John Smith 555-201-3344').text).toBe('CT CHEST W/O CONTRAST');
    expect(clean('MRI BRAIN per Dr. Horatio Quackenbush, e-mail h.q@example.invalid').text).toBe('MRI BRAIN');
    expect(clean('Seen by Dr. Quackenbush').text).toBe('Seen');
    expect(clean('QUINCY SMITH KNEE LEFT').text).toBe('KNEE LEFT');
    expect(clean('LUNG NODULE FOLLOW-UP 6 MM').removed).toBe(0);
    expect(clean('Contrast 100 ml IV, 120 kVp').text).toBe('Contrast 100 ml IV, 120 kVp');
  });

  it("removes the file's own phone and ID numbers from free text however they are grouped", () => {
    const header = [
      { value: '+1 555 201 3344', category: 'D' as const, source: 'PatientTelephoneNumbers', vr: 'SH' },
      { value: '88442211', category: 'R' as const, source: 'PatientID', vr: 'LO' },
    ];
    const clean = makeTextCleaner({ values: header }, rules.regex);
    expect(clean('ph 5 5 5 2 0 1 3 3 4 4').text).toBe('');
    expect(clean('daughter on 201 33 44').text).toBe('daughter');
    expect(clean('ID 8844 2211 on wristband').text).toBe('on wristband');
    // numbers that hold no header value stay
    expect(clean('series 3 image 45-67, 120 kVp, DLP 3344').text).toBe('series 3 image 45-67, 120 kVp, DLP 3344');
  });

  it('cleans free text by shape wherever it is, with no header value behind it: SR text at any depth, comments, request items, text in a kept sequence', () => {
    // Each text holds its own phone; no header attribute carries any of them.
    const texts = new Map<string, string>();
    const text = (vr: string, where: string) => {
      const phone = `(555) 201-${String(4100 + texts.size)}`;
      texts.set(phone, where);
      return { vr, Value: [`No acute findings. Call ${phone} with questions.`] };
    };
    const textItem = (depth: number): DicomDict => ({
      '0040A040': { vr: 'CS', Value: ['TEXT'] },
      '0040A160': text('UT', `SR Text Value at depth ${depth}`),
      ...(depth < 4 ? { '0040A730': { vr: 'SQ', Value: [textItem(depth + 1)] } } : {}),
    });
    const dict: DicomDict = {
      '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.88.22'] },
      '00100020': { vr: 'LO', Value: ['PID-1'] },
      '00104000': text('LT', 'Patient Comments'),
      '00204000': text('LT', 'Image Comments'),
      '001021B0': text('LT', 'Additional Patient History'),
      '00400275': { vr: 'SQ', Value: [{ '00321060': text('LO', 'Requested Procedure Description in a request item'), '00401400': text('LT', 'Requested Procedure Comments in a request item') }] },
      '0040A730': { vr: 'SQ', Value: [textItem(1)] },
      // Sequences no rule cleans: their running text is cleaned by its VR.
      '0040A504': { vr: 'SQ', Value: [{ '0040A160': text('UT', 'Text Value in Content Template Sequence') }] },
      '0040B020': { vr: 'SQ', Value: [{ '00700006': text('ST', 'Unformatted Text Value in Waveform Annotation Sequence') }] },
    };
    const original = { meta: {}, dict, transferSyntaxUID: '1.2.840.10008.1.2.1' };
    const dataset = cloneDataset(original);
    deidentifyDataset(dataset, original, { rules, state: openStateStore(newStateDir()), now: () => new Date('2024-06-01') }, () => {});
    const out = JSON.stringify(dataset.dict);
    expect([...texts].filter(([phone]) => out.includes(phone.slice(-8))).map(([, where]) => where)).toEqual([]);
    expect(out.split('No acute findings.').length - 1).toBe(texts.size);
  });
});

describe('the shared corpus of real pseudo-PHI files', () => {
  const corpus = ['davidson_cr_rle.dcm', 'davidson_no_pixels.dcm', 'kaufman_ct.dcm', 'rodgers_pt_rgb.dcm'];
  const state = openStateStore(newStateDir());
  const step = deidentifyMetadata({ rules, state });

  it.each(corpus)('%s: no identifying header value of the original remains in the output', async (name) => {
    const input = readFileSync(corpusFile(name));
    const file = new DicomFile(name, input);
    file.original = readDicom(input, name);
    file.dataset = cloneDataset(file.original);
    await step(file);
    const output = Buffer.from(writeDicom(file.dataset));
    const identity = gatherIdentity(file.original);
    expect(identity.values.some((v) => v.category === 'A')).toBe(true);
    const leaks = identity.values.filter((v) => output.toString('latin1').includes(v.value) || output.toString('utf8').includes(v.value));
    expect(leaks.map((l) => `${l.source}: ${l.category}`)).toEqual([]);
    const result = readDicom(output, `${name} (de-identified)`);
    expect(getString(result.dict, 'PatientIdentityRemoved')).toBe('YES');
    expect(getString(result.dict, 'Modality')).toBe(getString(file.original.dict, 'Modality'));
  });
});

describe('rules in the source workflow format', () => {
  it('refuses the source example rules, which leave Basic Profile attributes identifying, unless allowed', async () => {
    const source = loadRules(join(projectRoot, '../shared/seed/example_rules_source_format.yaml'));
    await expect(deidentify({}, newStateDir(), source)).rejects.toThrow(IncompleteRulesError);
    const { result } = await deidentify({}, newStateDir(), source, true);
    expect(getString(result.dict, 'PatientIdentityRemoved')).toBe('NO');
    expect(result.dict['00120064']).toBeUndefined(); // no CID 7050 code claims a profile was applied
  });

  it('de-identifies the fixture with the source example rules: tags, keywords, condition_remove, UIDs', async () => {
    const source = loadRules(join(projectRoot, '../shared/seed/example_rules_source_format.yaml'));
    const { result } = await deidentify({}, newStateDir(), source, true);
    expect(result.dict['00080080']).toBeUndefined(); // Institution Name: X
    expect(isEmpty(result.dict, '00100010')).toBe(true); // Patient's Name: Z
    expect(getString(result.dict, 'PatientID')).toMatch(/^PAT-/); // D: the persistent pseudonym
    expect(isEmpty(result.dict, '00101040')).toBe(true); // keyword Address: Z
    expect(getString(result.dict, 'StudyDescription')).toBe(FIXTURE_STUDY_DESCRIPTION_CLEAN); // condition_remove
    expect(getString(result.dict, 'StudyInstanceUID')).toMatch(/^2\.25\./);
    expect(getString(result.dict, 'SOPClassUID')).toBe('1.2.840.10008.5.1.4.1.1.2'); // skip_uid
    expect(result.dict['00091001']).toBeUndefined(); // private: removed
  });
});
