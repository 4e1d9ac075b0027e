import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DicomFile } from '../../lib/file.js';
import type { TagFinding } from '../../lib/evaluate/types.js';
import { parseTsv, toTsv, TsvError, writeEvaluationReports, TAG_REPORT_COLUMNS, reportTimestamp } from '../../lib/reports/index.js';
import { strictTsv } from '../evaluate/strict-tsv.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'deid-reports-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const nasty = 'Smith\tJohn\nline two\r\\end';

function fileWithFinding(): DicomFile {
  const file = new DicomFile('de-id/a.dcm');
  const finding: TagFinding = { path: '(0020,4000)', tag: '00204000', keyword: 'ImageComments', name: 'Image Comments', vr: 'LT', valueIndex: 0, text: nasty, scope: 'part', type: 'NAME', category: 'A', score: 0.9, engine: 'local:pattern' };
  file.data.tagFindings = [finding];
  file.data.evaluationPixelFindings = [{ text: 'DOE\tJANE', category: 'A', score: 1, type: 'header:PatientName', engine: 'local:header-name', box: { left: 1, top: 2, width: 30, height: 8 }, frame: 0 }];
  file.message({ ruleId: 'evaluate:leak-after-keep', step: 'redact-remaining', location: '(0020,4000)', action: 'Z', reason: 'emptied' });
  return file;
}

describe('TSV reports', () => {
  it('escapes tabs, newlines, CR and backslashes so every row keeps the header column count', () => {
    const text = toTsv(['a', 'b'], [{ a: nasty, b: 1 }, { a: undefined, b: 'x' }]);
    const { rows } = strictTsv(text);
    expect(rows).toEqual([{ a: nasty, b: '1' }, { a: '', b: 'x' }]);
    expect(parseTsv(text).rows[0].a).toBe(nasty);
  });

  it('rejects broken rows and unknown escapes', () => {
    expect(() => parseTsv('a\tb\n1\n')).toThrow(TsvError);
    expect(() => parseTsv('a\n\\q\n')).toThrow(/bad escape/);
  });

  it('writes tag, img and summary TSVs that load strictly, owner-only, and audit records without the text', async () => {
    const dir = path.join(tmp(), 'report');
    const when = new Date(Date.UTC(2026, 10, 27, 12, 34, 56));
    const paths = await writeEvaluationReports(dir, [{ file: fileWithFinding(), seconds: 0.5 }], { keyedHash: (t) => `h(${t.length})`, rules: { source: 'r.yaml', hash: 'ab'.repeat(32) } }, when);
    expect(path.basename(paths.tags)).toBe('tags_de_id_evaluation_report_20261127T123456Z.tsv');
    const tags = strictTsv(readFileSync(paths.tags, 'utf8'));
    expect(tags.columns).toEqual([...TAG_REPORT_COLUMNS]);
    expect(tags.rows[0]).toMatchObject({ element_path: '(0020,4000)', tag: '(0020,4000)', detected_text: nasty, safe_harbor: 'A', action: 'Z', rule: 'evaluate:leak-after-keep' });
    const img = strictTsv(readFileSync(paths.img, 'utf8'));
    expect(img.rows[0]).toMatchObject({ frame: '0', left: '1', width: '30', detected_text: 'DOE\tJANE' });
    const summary = strictTsv(readFileSync(paths.summary, 'utf8'));
    expect(summary.rows[0]).toMatchObject({ tag_findings: '1', pixel_findings: '1', A: '2', B: '0', actions: 'Z:1' });
    for (const p of [paths.tags, paths.img, paths.summary, ...paths.audit]) expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const audit = readFileSync(paths.audit[0], 'utf8');
    expect(audit).not.toContain('Smith');
    expect(audit).not.toContain('JANE');
    expect(JSON.parse(audit).pixelBoxes[0]).toMatchObject({ frame: 0, box: { left: 1 }, textHash: 'h(8)' });

    // A second run in the same second does not replace the first.
    const again = await writeEvaluationReports(dir, [{ file: fileWithFinding() }], { keyedHash: (t) => t.length.toString() }, when);
    expect(path.basename(again.tags)).toBe(`tags_de_id_evaluation_report_${reportTimestamp(when)}-2.tsv`);
    expect(readFileSync(paths.tags, 'utf8')).toContain('Image Comments');
  });
});
