/**
 * The loop: de-identify with a deliberately weakened rules YAML (one PHI tag missing, and an
 * ID format no rule names inside free text), evaluate, learn, de-identify again with the learned
 * rules, learn again. The ID in free text is cleaned by the built-in ID shapes, so only the tag leaks.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main.js';
import { parseTsv } from '../../lib/reports/tsv.js';
import { parseRules } from '../../lib/rules/index.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { projectRoot } from '../support/paths.js';
import { strictTsv } from './strict-tsv.js';

const PLANTED_ID = 'ZX-48213-Q';
const MISSING_TAG = '"(0010,1000)"'; // Other Patient IDs

let dir: string;
const run = (...args: string[]) => main(['node', 'deid', ...args]);
const reportFiles = (d: string) => readdirSync(d);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'deid-eval-'));
  mkdirSync(path.join(dir, 'in'));
  const fixture = makePhiFixture();
  // An ID format no rule knows, inside free text the rules clean (Image Comments).
  fixture.dataset.dict['00204000'] = { vr: 'LT', Value: [`Called 555-201-3344 about follow-up ${PLANTED_ID} with Horatio Quackenbush`] };
  writeFileSync(path.join(dir, 'in', 'patient.dcm'), fixture.bytes());
  const rules = readFileSync(path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml'), 'utf8');
  const weakened = rules.split('\n').filter((l) => !l.includes(MISSING_TAG));
  expect(weakened.length).toBe(rules.split('\n').length - 1);
  writeFileSync(path.join(dir, 'rules.yaml'), weakened.join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evaluate → learn → de-identify again', () => {
  it('finds the tag leak (the free-text ID is cleaned by its shape), writes strict TSVs with the right columns, owner-only', async () => {
    // Rules missing a Basic Profile attribute are refused unless explicitly allowed (and the output then says so).
    expect(await run('run', path.join(dir, 'in'), '--out', path.join(dir, 'deid'), '--state', path.join(dir, 'state'), '--rules', path.join(dir, 'rules.yaml'), '--no-pixels')).toBe(2);
    expect(await run('run', path.join(dir, 'in'), '--out', path.join(dir, 'deid'), '--state', path.join(dir, 'state'), '--rules', path.join(dir, 'rules.yaml'), '--no-pixels', '--allow-incomplete-rules')).toBe(0);
    const code = await run('evaluate', path.join(dir, 'deid'), '--original', path.join(dir, 'in'), '--report', path.join(dir, 'report'), '--out', path.join(dir, 'eval'), '--state', path.join(dir, 'state'), '--rules', path.join(dir, 'rules.yaml'), '--no-pixels');
    expect(code).toBe(0); // leaks found and redacted

    const names = reportFiles(path.join(dir, 'report'));
    const tags = names.find((n) => /^tags_de_id_evaluation_report_\d{8}T\d{6}Z\.tsv$/.test(n));
    expect(tags).toBeDefined();
    expect(names.some((n) => /^img_de_id_evaluation_report_\d{8}T\d{6}Z\.tsv$/.test(n))).toBe(true);
    const tagsPath = path.join(dir, 'report', tags!);
    expect(statSync(tagsPath).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'report')).mode & 0o777).toBe(0o700);

    const { rows } = strictTsv(readFileSync(tagsPath, 'utf8'));
    const otherIds = rows.filter((r) => r.tag === '(0010,1000)');
    expect(otherIds.length).toBeGreaterThan(0);
    expect(otherIds[0]).toMatchObject({ keyword: 'OtherPatientIDs', detected_text: 'ALT-99887766', scope: 'whole', element_path: '(0010,1000)' });
    // The ID format no rule names is cleaned from the free text by its shape: no leak to learn from.
    expect(rows.find((r) => r.detected_text === PLANTED_ID)).toBeUndefined();
    expect(rows.every((r) => r.action !== '' && r.engine !== '' && /^[A-R]$/.test(r.safe_harbor))).toBe(true);

    // The evaluated copy holds neither leak; audit records hold no PHI text.
    const evaluated = readdirSync(path.join(dir, 'eval'), { recursive: true }).map(String).filter((n) => n.endsWith('.dcm'));
    expect(evaluated).toHaveLength(1);
    const bytes = readFileSync(path.join(dir, 'eval', evaluated[0])).toString('latin1');
    expect(bytes).not.toContain('ALT-99887766');
    expect(bytes).not.toContain(PLANTED_ID);
    const auditDir = names.find((n) => n.startsWith('audit_'))!;
    const audit = readFileSync(path.join(dir, 'report', auditDir, readdirSync(path.join(dir, 'report', auditDir))[0]), 'utf8');
    expect(audit).not.toContain(PLANTED_ID);
    expect(audit).not.toContain('ALT-99887766');
    expect(JSON.parse(audit).rules.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('learn --apply adds exactly the missing tag, with a backup, and no regex', async () => {
    const rulesPath = path.join(dir, 'rules.yaml');
    const before = parseRules(readFileSync(rulesPath, 'utf8'));
    expect(await run('learn', '--report', path.join(dir, 'report'), '--rules', rulesPath, '--apply')).toBe(0);
    const after = parseRules(readFileSync(rulesPath, 'utf8'));
    expect(readdirSync(dir).some((n) => /^rules\.bak-\d{8}T\d{6}Z\.yaml$/.test(n))).toBe(true);

    expect(after.dicomTags.length).toBe(before.dicomTags.length + 1);
    expect(after.dicomTags.at(-1)).toMatchObject({ tag: '00101000', action: 'X' });
    expect(after.regex).toEqual(before.regex);
    // Every other field and the comments are kept.
    expect(after.keywords).toEqual(before.keywords);
    expect(after.pixelKeepList).toEqual(before.pixelKeepList);
    expect(readFileSync(rulesPath, 'utf8')).toContain('# Precedence, first match wins');
  });

  it('de-identifying again with the learned rules leaks nothing, and a second learn proposes nothing', async () => {
    const rulesPath = path.join(dir, 'rules.yaml');
    expect(await run('run', path.join(dir, 'in'), '--out', path.join(dir, 'deid2'), '--state', path.join(dir, 'state'), '--rules', rulesPath, '--no-pixels')).toBe(0);
    expect(await run('evaluate', path.join(dir, 'deid2'), '--original', path.join(dir, 'in'), '--report', path.join(dir, 'report2'), '--out', path.join(dir, 'eval2'), '--state', path.join(dir, 'state'), '--rules', rulesPath, '--no-pixels')).toBe(0);
    const tags = reportFiles(path.join(dir, 'report2')).find((n) => n.startsWith('tags_'))!;
    expect(strictTsv(readFileSync(path.join(dir, 'report2', tags), 'utf8')).rows).toEqual([]);

    const text = readFileSync(rulesPath, 'utf8');
    expect(await run('learn', '--report', path.join(dir, 'report'), '--rules', rulesPath, '--apply')).toBe(0);
    expect(readFileSync(rulesPath, 'utf8')).toBe(text);
    expect(parseTsv(readFileSync(path.join(dir, 'report2', tags), 'utf8')).rows).toEqual([]);
  });
});
