import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyProposal, formatProposal, proposeRules, shapeOf, shapeToRegex, type LearnFinding } from '../../lib/learn/index.js';
import { GENERAL_PATTERNS } from '../../lib/learn/general-patterns.js';
import { compileLinearPattern } from '../../lib/linear-regex.js';
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

  it('edits lists through the YAML document: flow lists in place, missing lists with every comment kept', () => {
    const flow = rulesFile(`# top comment\nrules:\n  regex: ['\\d{3}-\\d{2}-\\d{4}']   # one pattern\n  keywords: [Address]\n`);
    const rulesFlow = parseRules(readFileSync(flow, 'utf8'), flow);
    const proposal = proposeRules([part('ZX-48213-Q'), { source: 'tag', tag: '00101000', keyword: 'OtherPatientIDs', name: 'Other Patient IDs', vr: 'LO', text: 'ALT-99887766', scope: 'whole', type: 'ID', category: 'H' }], rulesFlow);
    const result = applyProposal(flow, proposal);
    expect(result.mode).toBe('document'); // dicom_tags was missing
    const text = readFileSync(flow, 'utf8');
    expect(text).toContain('# top comment');
    expect(text).toContain('# one pattern');
    const after = parseRules(text, flow);
    expect(after.regex).toEqual(['\\d{3}-\\d{2}-\\d{4}', '\\b[A-Z]{2}-\\d{5}-[A-Z]\\b']);
    expect(after.dicomTags.map((t) => t.tag)).toEqual(['00101000']);
  });

  it('changes no line of the default rules file but the inserted ones', () => {
    const p = rulesFile(readFileSync(path.join(__dirname, '../../configs/de-id/de_id_rules_auto.yaml'), 'utf8'));
    const before = readFileSync(p, 'utf8');
    const rules = parseRules(before, p);
    const proposal = proposeRules([part('ZX-48213-Q'), { source: 'tag', tag: '00091001', name: 'Private (0009,1001)', vr: 'LO', text: 'VIP', scope: 'whole', type: 'known', category: 'R' }], rules);
    expect(applyProposal(p, proposal).mode).toBe('append');
    const after = readFileSync(p, 'utf8').split('\n');
    const old = before.split('\n');
    expect(after.length).toBe(old.length + 2);
    expect(after.filter((l) => !old.includes(l))).toEqual([
      expect.stringMatching(/^ {4}- \{tag: "\(0009,xx01\)", name: .*note: "learned from a de-identification evaluation"\}$/),
      "    - '\\b[A-Z]{2}-\\d{5}-[A-Z]\\b'",
    ]);
  });

  it('refuses a proposal made from rules that changed since', () => {
    const p = rulesFile();
    const proposal = proposeRules([part('ZX-48213-Q')], parseRules(SOURCE_RULES, p));
    writeFileSync(p, SOURCE_RULES.replace('60', '70'));
    expect(() => applyProposal(p, proposal)).toThrow(/changed since/);
  });
});

describe('learning that generalises and never harms', () => {
  const rules = parseRules(SOURCE_RULES, 'rules.yaml');
  const whole = (tag: string, vr: string, text: string, category: LearnFinding['category'] = 'R'): LearnFinding => ({ source: 'tag', tag, vr, text, scope: 'whole', type: 'ID', category });
  const pixel = (text: string, category: LearnFinding['category'] = 'R'): LearnFinding => ({ source: 'pixel', text, scope: 'part', type: 'ID', category });

  it('never proposes removing a code value or a Type 1 or 2 attribute: a dummy, an empty value or nothing instead', () => {
    const proposal = proposeRules(
      [whole('00080100', 'SH', '121071'), whole('00080100', 'SH', '113100'), whole('0040A030', 'DT', '20190304101010', 'C'), whole('00200010', 'SH', 'S4455', 'R'), whole('00181000', 'LO', 'SN8812345', 'M'), whole('00080050', 'SH', 'A88112233', 'R')],
      rules,
    );
    const byTag = new Map(proposal.dicomTags.map((t) => [t.tag, t.action]));
    expect(byTag.has('(0008,0100)')).toBe(false);
    expect(byTag.get('(0040,A030)')).toBe('D'); // Verification DateTime: Type 1 in the verifying observer item
    expect(byTag.get('(0020,0010)')).toBe('D'); // Study ID: Type 2 here, Type 1 in some IOD: a dummy
    expect(byTag.get('(0008,0050)')).toBe('Z'); // Accession Number: at most Type 2, emptied
    expect(proposal.notes.join('\n')).toMatch(/coded entry \(structural\)/);
    expect(byTag.get('(0018,1000)')).toBe('D'); // Device Serial Number: Type 1 in Enhanced General Equipment, a dummy
  });

  it('learns nothing from an ultrasound probe line or other technique annotation read as PHI', () => {
    const proposal = proposeRules([pixel('C5-1 17Hz MI 1.2'), pixel('C5-117HzMI1.2'), pixel('L12-5 9Hz MI 0.8'), pixel('kVp 120 mAs 250')], rules);
    expect(proposal.regex).toEqual([]);
    expect(proposal.notes.join('\n')).toMatch(/technical annotation/);
  });

  it('turns many streets, hosts, phones and dates into one general pattern each, covering them all', () => {
    const streets = ['1234 Pendleford Way', '88 HARROWGATE ROAD', '7 Bellamy Blvd.', '4410 N Juniper Court', '19 Osgood Way', '2020 Wexford Lane', '301 Pinecrest Avenue'];
    const hosts = ['www.pendleford-hospital.org', 'https://portal.lakeshore.example.com/p/77', 'stmary.health/records', 'http://10.1.2.3/x'];
    const phones = ['(555) 201-3344', '+44 20 7946 0958', '555.867.5309', '+33 1 2345 6789'];
    const dates = ['03/04/2019', '2019-03-04', '4 March 2019', 'Mar 4, 2019', '20190304'];
    const findings = [...streets.map((t) => pixel(t, 'B')), ...hosts.map((t) => pixel(t, 'N')), ...phones.map((t) => pixel(t, 'D')), ...dates.map((t) => pixel(t, 'C'))];
    const proposal = proposeRules(findings, rules);
    expect(proposal.regex.length).toBeLessThanOrEqual(5);
    const covers = (texts: string[]) => proposal.regex.some((r) => texts.every((t) => compileLinearPattern(r.pattern, 'word').matchAll(t).length > 0));
    expect(covers(streets)).toBe(true);
    expect(covers(dates)).toBe(true);
    expect(covers(phones)).toBe(true);
    expect(covers(hosts.slice(0, 3))).toBe(true);
    // No pattern names one street or host.
    expect(proposal.regex.map((r) => r.pattern).join(' ')).not.toMatch(/PENDLEFORD|HARROWGATE|LAKESHORE/i);
    const address = proposal.regex.find((r) => compileLinearPattern(r.pattern, 'word').matchAll('1234 Pendleford Way').length > 0)!;
    expect(address.examples).toBe(streets.length);
    expect(formatProposal(proposal, SOURCE_RULES)).toMatch(/covers 7 finding\(s\)/);
  });

  it('leaves street suffixes that are clinical words out of the general address pattern, whatever text the run kept', () => {
    const streets = ['1234 Pendleford Way', '7 Bellamy Ct', '88 Harrowgate Road'];
    // `CT` and `DR` are street suffixes and modalities. The run kept none of these texts: the pattern must stay off them anyway.
    const clinical = ['Series 2 CHEST ABDOMEN CT', 'views 3 PORTABLE DR', 'follow-up in 3 months with CT', 'a 5 mm subdural crescent'];
    const proposal = proposeRules(streets.map((t) => pixel(t, 'B')), rules);
    const address = proposal.regex.find((r) => compileLinearPattern(r.pattern, 'word').matchAll('1234 Pendleford Way').length > 0);
    expect(address).toBeDefined();
    const re = compileLinearPattern(address!.pattern, 'word');
    for (const text of clinical) expect(re.matchAll(text)).toEqual([]);
    expect(re.matchAll('88 Harrowgate Road')).toHaveLength(1);
    expect(address!.examples).toBe(2); // `7 Bellamy Ct` shares its suffix with CT, so it is not covered
    expect(proposal.notes.join('\n')).toMatch(/address pattern leaves out .*\bDR\b.*\bCT\b.*clinical words/);
  });

  it('keeps the general address pattern off clinical phrasing that ends in a street word (ST elevation, tubes in place, LN, SQ)', () => {
    const streets = ['1234 Pendleford Way', '88 Harrowgate Road', '7 Bellamy St', '12 Orchard Pl', '40 Tamsin Close'];
    const clinical = ['1.5 mm ST elevation', 'two chest tubes, 2 drains in place', '4 enlarged LN', 'enoxaparin 40 mg SQ', '7 mm aneurysm near the circle', 'the 3 month close interval', 'scaphoid, 1st carpal row', 'C5-6: 2 mm right PL protrusion'];
    const proposal = proposeRules(streets.map((t) => pixel(t, 'B')), rules);
    const address = proposal.regex.find((r) => compileLinearPattern(r.pattern, 'word').matchAll('1234 Pendleford Way').length > 0);
    expect(address).toBeDefined();
    for (const boundary of ['word', 'letters'] as const) {
      const re = compileLinearPattern(address!.pattern, boundary);
      for (const text of clinical) expect(re.matchAll(text), `${boundary}: ${text}`).toEqual([]);
      expect(re.matchAll('88 Harrowgate Road')).toHaveLength(1);
    }
    expect(proposal.notes.join('\n')).toMatch(/leaves out .*\bST\b.*\bPLACE\b.*clinical phrases/);
  });

  it('narrows the general address pattern further when a street suffix matches text the run kept', () => {
    const streets = ['1234 Pendleford Way', '7 Bellamy Rd', '88 Harrowgate Road'];
    const kept = ['films of series 3 sent to RD', 'MR BRAIN W/WO CONTRAST for'];
    const proposal = proposeRules(streets.map((t) => pixel(t, 'B')), rules, { harmless: kept });
    const address = proposal.regex.find((r) => compileLinearPattern(r.pattern, 'word').matchAll('1234 Pendleford Way').length > 0);
    expect(address).toBeDefined();
    const re = compileLinearPattern(address!.pattern, 'word');
    for (const text of kept) expect(re.matchAll(text)).toEqual([]);
    expect(address!.examples).toBe(2);
    expect(proposal.notes.join('\n')).toMatch(/narrowed: RD left out/);
  });

  it('keeps a proposed pattern off harmless text however the kit runs it: the cleaner between non-letters as well as the detector between word boundaries', () => {
    const streets = ['1234 Pendleford Way', '7 Bellamy St', '88 Harrowgate Road', '19 Osgood Drive'];
    // Series names with underscores and accented words: `\b` and the cleaner's letter boundary disagree beside them.
    const kept = ['SE_2 AXIAL ST', 'Série 3 THORAX PL_A', 'é4 CHEST ROAD', 'Q_12 KNEE LN'];
    const proposal = proposeRules(streets.map((t) => pixel(t, 'B')), rules, { harmless: kept });
    expect(proposal.regex.length).toBeGreaterThan(0);
    for (const { pattern } of proposal.regex) {
      for (const boundary of ['word', 'letters'] as const) {
        const re = compileLinearPattern(pattern, boundary);
        for (const text of kept) expect(re.matchAll(text), `${boundary}: ${text}`).toEqual([]);
      }
    }
    const address = proposal.regex.find((r) => compileLinearPattern(r.pattern, 'letters').matchAll('1234 Pendleford Way').length > 0);
    expect(address?.examples).toBeGreaterThanOrEqual(2);
    expect(proposal.notes.join('\n')).toMatch(/narrowed: .*\bROAD\b/);
  });

  it('ends every street suffix of the address pattern at a word boundary, even run without the kit boundaries', () => {
    const streets = ['1234 Pendleford Way', '88 Harrowgate Road', '12 Larkspur Cir', '9 Tamsin Pkwy'];
    const proposal = proposeRules(streets.map((t) => pixel(t, 'B')), rules, { harmless: ['films of series 3 sent to RD'] });
    const address = proposal.regex.find((r) => compileLinearPattern(r.pattern, 'word').matchAll('1234 Pendleford Way').length > 0);
    expect(address).toBeDefined();
    // As written, with no boundary added around it: `CIR` must not take the start of `CIRCLE`, nor `ST` of `STENOSIS`.
    const raw = new RegExp(address!.pattern, 'i');
    for (const text of ['2 mm aneurysm at the CIRCLE OF WILLIS', '3 mm aneurysm, circle of Willis', '2 VESSEL STENOSIS', '4 LEVEL PLACEMENT', '3 VIEWS WAYS']) expect(raw.test(text), text).toBe(false);
    expect(raw.test('12 Larkspur Cir')).toBe(true);
    expect(raw.test('9 Tamsin Pkwy.')).toBe(true);
    for (const kind of ['phone', 'date', 'email'] as const) expect(GENERAL_PATTERNS[kind].endsWith('\\b'), kind).toBe(true);
  });

  it('tests an ID pattern learned from accession numbers against the run harmless texts like every other', () => {
    const accessions = [pixel('A12345678'), pixel('K87654321'), pixel('Q55501234')];
    const kept = proposeRules(accessions, rules, { harmless: ['Probe S/N X00012345 rev 2'] });
    expect(kept.regex).toEqual([]);
    expect(kept.rejected.find((r) => r.pattern === '\\b[A-Z]\\d{8}\\b')?.reason).toMatch(/harmless text "Probe S\/N X00012345 rev 2"/);
    const clean = proposeRules(accessions, rules, { harmless: ['CHEST PA AND LATERAL', 'Probe S/N 12345 rev 2'] });
    const learned = clean.regex.find((r) => r.pattern === '\\b[A-Z]\\d{8}\\b');
    expect(learned?.examples).toBe(3);
    // Tried on the run's two texts as well as the built-in samples and the vocabulary.
    expect(learned!.testedOn).toBe(proposeRules(accessions, rules).regex[0].testedOn + 2);
  });

  it('rejects a candidate that matches text the run judged harmless, or clinical vocabulary', () => {
    const proposal = proposeRules([pixel('ZX-48213-Q'), pixel('ZX-99812-Q')], rules, { harmless: ['Probe ZX-11111-Q'] });
    expect(proposal.regex).toEqual([]);
    expect(proposal.rejected[0].reason).toMatch(/harmless text "Probe ZX-11111-Q"/);
    const vocab = proposeRules([pixel('T1W-0042'), pixel('T2W-0043')], { ...rules, clinicalVocabulary: [...rules.clinicalVocabulary, 'T1W-1234'] });
    expect(vocab.regex).toEqual([]);
  });
});
