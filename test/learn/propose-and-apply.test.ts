import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyProposal, formatProposal, proposeRules, shapeOf, shapeToRegex, type LearnFinding } from '../../lib/learn/index.js';
import { parseRules } from '../../lib/rules/index.js';

const SOURCE_RULES = `# my rules: keep this comment
rules:
  confidence_threshold: 60
  dicom_tags:
    - tag: [0x0010, 0x0010]
      name: "Patient's Name"
      action: Z   # names go
  keywords:
    - Address
  regex:
    - '\\d{3}-\\d{2}-\\d{4}'
  # trailing comment
`;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const rulesFile = (text = SOURCE_RULES) => {
  const d = mkdtempSync(path.join(tmpdir(), 'deid-learn-'));
  dirs.push(d);
  const p = path.join(d, 'rules.yaml');
  writeFileSync(p, text);
  return p;
};
const part = (text: string, category: LearnFinding['category'] = 'R'): LearnFinding => ({ source: 'tag', tag: '00204000', vr: 'LT', text, scope: 'part', type: 'ID', category });

describe('regex shapes', () => {
  it('generalises IDs to their shape', () => {
    expect(shapeToRegex(shapeOf('MRN-123456')!)).toBe('\\bMRN-\\d{6}\\b');
    expect(shapeToRegex(shapeOf('AB12-3456')!)).toBe('\\b[A-Z]{2}\\d{2}-\\d{4}\\b');
    expect(shapeToRegex(shapeOf('ZX-48213-Q')!)).toBe('\\b[A-Z]{2}-\\d{5}-[A-Z]\\b');
    expect(shapeOf('Smith')).toBeUndefined();
  });
});

describe('proposeRules', () => {
  it('rejects candidates that match harmless text or are too short, and merges shapes', () => {
    const rules = parseRules(SOURCE_RULES, 'rules.yaml');
    const proposal = proposeRules([part('120'), part('W 400'), part('KP-1234567'), part('KP-123456'), part('12345678')], rules, { harmless: ['Acme Model 12345678'] });
    expect(proposal.regex.map((r) => r.pattern)).toEqual(['\\b[A-Z]{2}-\\d{6,7}\\b']);
    const rejected = proposal.rejected.map((r) => r.pattern);
    expect(rejected).toContain('\\b\\d{3}\\b');
    expect(proposal.rejected.find((r) => r.pattern === '\\b\\d{8}\\b')?.reason).toMatch(/harmless/);
  });

  it('does not add a regex an existing one already covers, nor a tag an existing rule removes', () => {
    const rules = parseRules(SOURCE_RULES, 'rules.yaml');
    const proposal = proposeRules([part('123-45-6789', 'G'), { source: 'tag', tag: '00100010', vr: 'PN', text: 'DOE^JANE', scope: 'whole', type: 'NAME', category: 'A' }], rules);
    expect(proposal.regex).toEqual([]);
    expect(proposal.dicomTags).toEqual([]);
  });

  it('proposes keep-list words for repeated reviewed false positives, and ignores them as PHI', () => {
    const rules = parseRules(SOURCE_RULES, 'rules.yaml');
    const fp = (text: string): LearnFinding => ({ source: 'pixel', text, scope: 'part', type: 'NAME', category: 'A', verdict: 'harmless' });
    const proposal = proposeRules([fp('Weight Bearing'), fp('WEIGHT BEARING'), fp('Once 12345-66')], rules);
    expect(proposal.keepList).toEqual(['WEIGHT BEARING']);
    expect(proposal.regex).toEqual([]);
  });
});

describe('applyProposal', () => {
  it('appends to the lists in the file own style, keeps comments, backs up, validates, and is idempotent', () => {
    const p = rulesFile();
    const rules = parseRules(readFileSync(p, 'utf8'), p);
    const findings: LearnFinding[] = [
      { source: 'tag', tag: '00101000', keyword: 'OtherPatientIDs', name: 'Other Patient IDs', vr: 'LO', text: 'ALT-99887766', scope: 'whole', type: 'ID', category: 'H' },
      { source: 'tag', tag: '00091001', name: 'Private (0009,1001)', vr: 'LO', text: 'VIP', scope: 'whole', type: 'known', category: 'R' },
      part('ZX-48213-Q'),
    ];
    const proposal = proposeRules(findings, rules);
    const diff = formatProposal(proposal);
    expect(diff).toContain('+    - tag: [0x0010, 0x1000]');
    expect(diff).toContain("+    - '\\b[A-Z]{2}-\\d{5}-[A-Z]\\b'");
    expect(diff).not.toContain('ALT-99887766');

    const result = applyProposal(p, proposal);
    expect(result).toMatchObject({ written: true, mode: 'append' });
    expect(readdirSync(path.dirname(p)).filter((n) => n.startsWith('rules.bak-'))).toHaveLength(1);
    const text = readFileSync(p, 'utf8');
    expect(text).toContain('# my rules: keep this comment');
    expect(text).toContain('action: Z   # names go');
    expect(text).toContain('# trailing comment');
    const after = parseRules(text, p);
    expect(after.dicomTags.map((t) => t.tag)).toEqual(['00100010', '00101000', '0009XX01']);
    expect(after.regex).toEqual(['\\d{3}-\\d{2}-\\d{4}', '\\b[A-Z]{2}-\\d{5}-[A-Z]\\b']);
    expect(after.keywords).toEqual(rules.keywords);

    const second = proposeRules(findings, after);
    expect(formatProposal(second)).toMatch(/^No change proposed/);
    expect(applyProposal(p, second)).toMatchObject({ written: false });
    expect(readFileSync(p, 'utf8')).toBe(text);
  });

  it('refuses a proposal made from rules that changed since', () => {
    const p = rulesFile();
    const proposal = proposeRules([part('ZX-48213-Q')], parseRules(SOURCE_RULES, p));
    writeFileSync(p, SOURCE_RULES.replace('60', '70'));
    expect(() => applyProposal(p, proposal)).toThrow(/changed since/);
  });
});
