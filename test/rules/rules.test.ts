import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  PROFILE_TABLE,
  RulesError,
  loadRules,
  parseRules,
  resolveAction,
  resolveCompoundCode,
  type Rules,
} from '../../lib/rules/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rulesPath = resolve(root, 'configs/de-id/de_id_rules_auto.yaml');
const sourceExample = resolve(root, '../shared/seed/example_rules_source_format.yaml');

function errorOf(fn: () => unknown): RulesError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RulesError) return error;
    throw error;
  }
  throw new Error('expected a RulesError');
}

describe('the default rules file', () => {
  it('is what lib/rules/default-rules.ts renders, so a change made in code reaches the file users run (npx tsx lib/rules/write-default-rules.ts --force)', async () => {
    const { renderDefaultRulesYaml } = await import('../../lib/rules/default-rules.js');
    expect(readFileSync(rulesPath, 'utf8')).toBe(renderDefaultRulesYaml());
  });
});

describe('parseRules: validation', () => {
  it('rejects an unknown action naming the key path and the vocabulary', () => {
    const text = 'rules:\n  dicom_tags:\n    - {tag: [0x0010, 0x0010], name: x, action: Z}\n    - {tag: "(0010,0020)", name: y, action: Q}\n';
    const error = errorOf(() => parseRules(text, 'bad.yaml'));
    expect(error.keyPath).toBe('rules.dicom_tags[1].action');
    expect(error.message).toBe('bad.yaml: rules.dicom_tags[1].action: unknown action "Q" (expected one of X, Z, D, U, K, C)');
  });

  it('names the key of a malformed tag, a missing action and an unknown top-level key', () => {
    expect(errorOf(() => parseRules('rules:\n  dicom_tags:\n    - {tag: "(0010,00ZZ)", action: X}\n')).keyPath).toBe('rules.dicom_tags[0].tag');
    expect(errorOf(() => parseRules('rules:\n  dicom_tags:\n    - {tag: "00100010"}\n')).message).toMatch(/rules\.dicom_tags\[0\]\.action: missing/);
    expect(errorOf(() => parseRules('rules:\n  dicom_tag: []\n')).keyPath).toBe('rules.dicom_tag');
    expect(errorOf(() => parseRules('rules:\n  regex: ["(unclosed"]\n')).keyPath).toBe('rules.regex[0]');
    expect(errorOf(() => parseRules('rules:\n  profile_options: {date_policy: month_only}\n')).keyPath).toBe('rules.profile_options.date_policy');
    expect(errorOf(() => parseRules('rules:\n  precedence: [keep, dicom_tags]\n')).message).toMatch(/rules\.precedence: must list each rule kind once \(missing/);
    expect(errorOf(() => parseRules('rules:\n  dicom_tags:\n    - {tag: "00100010", action: X, safe_harbor: [Z]}\n')).keyPath).toBe('rules.dicom_tags[0].safe_harbor[0]');
  });

  it('reads what becomes of unread lines beside identity: fill by default, keep on request, nothing else', () => {
    expect(parseRules('rules:\n  regex: []\n').pixelUnreadLines).toBe('fill');
    expect(parseRules('rules:\n  pixel_unread_lines: keep\n').pixelUnreadLines).toBe('keep');
    expect(loadRules(rulesPath).pixelUnreadLines).toBe('fill');
    const error = errorOf(() => parseRules('rules:\n  pixel_unread_lines: blur\n'));
    expect(error.keyPath).toBe('rules.pixel_unread_lines');
    expect(error.message).toMatch(/expected one of fill, keep \(got .*blur/);
  });

  it('reads the kinship cues: the curated default, a site list in lower case, one word each', () => {
    expect(parseRules('rules:\n  regex: []\n').kinshipCues).toEqual(expect.arrayContaining(['daughter', 'guardian', 'neighbour']));
    expect(loadRules(rulesPath).kinshipCues).toContain('nephew');
    expect(parseRules('rules:\n  kinship_cues: [Daughter, godson]\n').kinshipCues).toEqual(['daughter', 'godson']);
    expect(errorOf(() => parseRules('rules:\n  kinship_cues: ["next of kin"]\n')).keyPath).toBe('rules.kinship_cues[0]');
  });

  it("reads the staff roles: the curated default, a site list in upper case, one word each", () => {
    expect(parseRules('rules:\n  regex: []\n').staffRoles).toEqual(expect.arrayContaining(['SONOGRAPHER', 'TECH', 'ATTG']));
    expect(loadRules(rulesPath).staffRoles).toContain('RADIOGRAPHER');
    expect(parseRules('rules:\n  staff_roles: [Perfusionist, tech]\n').staffRoles).toEqual(['PERFUSIONIST', 'TECH']);
    expect(errorOf(() => parseRules('rules:\n  staff_roles: ["scrub nurse"]\n')).keyPath).toBe('rules.staff_roles[0]');
  });

  it('reports YAML syntax errors with the line', () => {
    const error = errorOf(() => parseRules('rules:\n  keywords: [a, b\n  regex: x\n', 'broken.yaml'));
    expect(error.message).toMatch(/^broken\.yaml: not valid YAML at line \d+/);
  });

  it('reads the source workflow format', () => {
    const rules = loadRules(sourceExample);
    expect(rules.format).toBe('source');
    expect(rules.dicomTags.map((t) => [t.tag, t.action])).toContainEqual(['00100010', 'Z']);
    expect(rules.keywords.map((k) => k.match)).toEqual(['Address', 'Telephone', 'Physician']);
    expect(rules.skipUid).toContain('SOP Class UID');
    expect(rules.confidenceThreshold).toBe(60);
    expect(rules.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the default rules file', () => {
  const rules = loadRules(rulesPath);

  it('holds every attribute of PS3.15 Table E.1-1 with its Basic code and Safe Harbor letters', () => {
    expect(PROFILE_TABLE.length).toBeGreaterThan(400);
    for (const [tag, name, basic] of PROFILE_TABLE) {
      const rule = rules.dicomTags.find((r) => r.tag === tag.toUpperCase());
      expect(rule, `${tag} ${name}`).toBeDefined();
      expect(rule!.basic).toBe(basic);
      expect(rule!.safeHarbor.length, `${name} has Safe Harbor letters`).toBeGreaterThan(0);
    }
  });

  it('resolves compound codes to the alternative that keeps the IOD conformant', () => {
    expect(resolveCompoundCode('X/Z')).toBe('Z');
    expect(resolveCompoundCode('X/Z/D')).toBe('D');
    expect(resolveCompoundCode('X/Z/U*')).toBe('U');
    expect(() => resolveCompoundCode('X/Q')).toThrow(/unknown Basic Profile code/);
  });

  it('keeps the precedence as data through a YAML re-dump', () => {
    const text = readFileSync(rulesPath, 'utf8');
    const redumped = dump(load(text));
    const again = parseRules(redumped, 'redumped');
    expect(again.precedence).toEqual(rules.precedence);
    expect(again.dicomTags).toEqual(rules.dicomTags);
    expect(again.profile).toEqual(rules.profile);
  });

  it('has a pixel keep-list and a safe private list', () => {
    expect(rules.pixelKeepList).toEqual(expect.arrayContaining(['L', 'R', 'AP', 'PA', 'LAT', 'PORTABLE', 'SUPINE', 'SEMI-UPRIGHT', 'kVp', 'mAs', 'W/L']));
    expect(rules.safePrivate.length).toBeGreaterThan(0);
  });
});

describe('resolveAction', () => {
  const rules = loadRules(rulesPath);
  const withProfile = (changes: Partial<Rules['profile']>): Rules => ({ ...rules, profile: { ...rules.profile, ...changes } });

  it('decides by tag first and names the rule', () => {
    expect(resolveAction(rules, { tag: '00100010', vr: 'PN', keyword: 'PatientName', name: "Patient's Name" })).toMatchObject({ action: 'D', ruleId: 'tag:(0010,0010)', value: 'The^Patient', categories: ['A'] });
    expect(resolveAction(rules, { tag: '00080018', vr: 'UI', keyword: 'SOPInstanceUID', name: 'SOP Instance UID' })).toMatchObject({ action: 'U', ruleId: 'tag:(0008,0018)' });
  });

  it('applies profile options over the basic action', () => {
    const seriesDescription = { tag: '0008103E', vr: 'LO', name: 'Series Description' };
    expect(resolveAction(rules, seriesDescription).action).toBe('C');
    expect(resolveAction(withProfile({ cleanDescriptors: false }), seriesDescription).action).toBe('X');
    const serial = { tag: '00181000', vr: 'LO', name: 'Device Serial Number' };
    expect(resolveAction(rules, serial).action).toBe('D');
    expect(resolveAction(withProfile({ retainDeviceIdentity: true }), serial).action).toBe('K');
    const studyDate = { tag: '00080020', vr: 'DA', name: 'Study Date' };
    expect(resolveAction(rules, studyDate).action).toBe('C');
    expect(resolveAction(withProfile({ datePolicy: 'remove' }), studyDate).action).toBe('Z');
  });

  it('matches repeating groups and private blocks', () => {
    expect(resolveAction(rules, { tag: '60023000', vr: 'OW', name: 'Overlay Data' })).toMatchObject({ action: 'X', ruleId: 'tag:(60XX,3000)' });
    expect(resolveAction(rules, { tag: '50000010', vr: 'US', name: 'Number of Points' })).toMatchObject({ action: 'X', ruleId: 'tag:(50XX,XXXX)' });
    expect(resolveAction(rules, { tag: '0019100C', vr: 'IS', privateCreator: 'SIEMENS MR HEADER' })).toMatchObject({ action: 'K' });
    expect(resolveAction(rules, { tag: '0019100C', vr: 'IS', privateCreator: 'ACME PATIENT DATA' })).toMatchObject({ action: 'X', ruleId: 'private:default' });
    expect(resolveAction(withProfile({ retainSafePrivate: false }), { tag: '0019100C', vr: 'IS', privateCreator: 'SIEMENS MR HEADER' }).action).toBe('X');
  });

  it('removes elements in the odd groups PS3.5 forbids for private data (0001-0007, FFFF) as private, never keeps them as standard', () => {
    for (const tag of ['00031010', '00071000', 'FFFF1000']) {
      expect(resolveAction(rules, { tag, vr: 'LO' })).toMatchObject({ action: 'X', ruleId: 'private:default' });
    }
  });

  it('falls through keywords, condition_remove, UID and VR defaults to keep', () => {
    expect(resolveAction(rules, { tag: '00081150', vr: 'UI', name: 'Referenced SOP Class UID' })).toMatchObject({ action: 'K', ruleId: 'skip_uid:SOP Class UID' });
    expect(resolveAction(rules, { tag: '00400295', vr: 'UI', name: 'Some Other UID' })).toMatchObject({ action: 'U', ruleId: 'uid_default' });
    expect(resolveAction(rules, { tag: '00321034', vr: 'SQ', name: 'Requesting Service Code Sequence' }).action).toBe('K');
    expect(resolveAction(rules, { tag: '00400556', vr: 'ST', name: 'Acquisition Context Description' })).toMatchObject({ action: 'C', ruleId: 'condition_remove:Description' });
    expect(resolveAction(rules, { tag: '00080012', vr: 'DA', name: 'Instance Creation Date' })).toMatchObject({ action: 'C', ruleId: 'vr_default:DA' });
    expect(resolveAction(rules, { tag: '00080060', vr: 'CS', name: 'Modality' })).toMatchObject({ action: 'K', ruleId: 'keep' });
    // Running text no rule names is cleaned wherever it is (an SR Text Value outside a Content Sequence).
    expect(resolveAction(rules, { tag: '0040A160', vr: 'UT', name: 'Text Value' })).toMatchObject({ action: 'C', ruleId: 'vr_default:UT' });
    expect(resolveAction(rules, { tag: '00700006', vr: 'ST', name: 'Unformatted Text Value' })).toMatchObject({ action: 'C', ruleId: 'vr_default:ST' });
  });

  it('follows the precedence written in the file', () => {
    const base = readFileSync(sourceExample, 'utf8').replace('  dicom_tags:\n', '  dicom_tags:\n    - {tag: "(0008,0090)", name: "Referring Physician\'s Name", action: K}\n');
    const referring = { tag: '00080090', vr: 'PN', name: "Referring Physician's Name" };
    expect(resolveAction(parseRules(base, 'default order'), referring).ruleId).toBe('tag:(0008,0090)');
    const reordered = parseRules(base.replace('rules:\n', 'rules:\n  precedence: [keywords, skip_uid, dicom_tags, private_attributes, condition_remove, uid_default, vr_default, keep]\n'), 'reordered');
    // "Physician" is a keyword; with keywords first it wins over the tag rule.
    expect(resolveAction(reordered, referring)).toMatchObject({ ruleId: 'keyword:Physician', action: 'Z' });
  });
});
