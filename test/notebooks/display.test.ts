import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { DeidMessage } from '../../lib/message.js';
import {
  asPng, countByCategory, findingBoxes, countByKindAndCategory, countsChart, diffTagRows, headerActionsByCode, headerActionsPerTag, inNotebook,
  messageKind, pixelFillsPerFrame, plotlyChartHtml, progress, recordTableHtml, ruleEffect, safeHarborChart, safeHarborChartByKind,
  showImage, showPlotly, showTagTable, sideBySideHtml, tagTableHtml, tsvTableHtml,
} from '../../lib/notebook/index.js';
import { loadRules } from '../../lib/rules/index.js';
import type { Rules } from '../../lib/rules/types.js';
import { projectRoot } from '../support/paths.js';

const grey = { width: 4, height: 2, channels: 1 as const, data: new Uint8Array([0, 40, 80, 120, 160, 200, 240, 255]) };

describe('notebook images', () => {
  it('encodes a DisplayImage as a PNG with its size and pixels', async () => {
    const png = await asPng(grey);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([4, 2]);
    expect([...data.subarray(0, info.channels * 8)].filter((_, i) => i % info.channels === 0)).toEqual([...grey.data]);
  });

  it('rejects bytes that are not a PNG and pixel buffers of the wrong size', async () => {
    await expect(asPng(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).rejects.toThrow(/not a PNG/);
    await expect(asPng({ ...grey, width: 5 })).rejects.toThrow(/expected 5×2×1/);
  });

  it('puts before and after side by side as two inline PNGs with escaped captions', async () => {
    const html = await sideBySideHtml(grey, await asPng(grey), { labels: ['<Before>', 'After & redacted'] });
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(2);
    expect(html).toContain('&lt;Before&gt;');
    expect(html).toContain('After &amp; redacted');
    const b64 = /base64,([^"]+)"/.exec(html)![1];
    expect((await sharp(Buffer.from(b64, 'base64')).metadata()).width).toBe(4);
  });

  it('does nothing visible outside a tslab kernel', async () => {
    expect(inNotebook()).toBe(false);
    await expect(showImage(grey)).resolves.toBeUndefined();
    expect(() => showTagTable([], [])).not.toThrow();
    expect(() => showPlotly([{ type: 'bar', x: [1], y: [1] }])).not.toThrow();
  });
});

describe('tag table', () => {
  const before = [
    { tag: '(0010,0010)', keyword: 'PatientName', vr: 'PN', value: 'Doe^John' },
    { tag: '(0008,0060)', keyword: 'Modality', vr: 'CS', value: 'CT' },
    { tag: '(0010,1040)', keyword: 'PatientAddress', vr: 'LO', value: '12 Elm St' },
    { tag: '(0008,1155)', keyword: 'ReferencedSOPInstanceUID', vr: 'UI', value: '1.2.3', path: '(0008,1140)[0].(0008,1155)' },
    { tag: '(0008,1155)', keyword: 'ReferencedSOPInstanceUID', vr: 'UI', value: '1.2.4', path: '(0008,1140)[1].(0008,1155)' },
  ];
  const after = [
    { tag: '(0010,0010)', keyword: 'PatientName', vr: 'PN', value: 'The^Patient' },
    { tag: '(0008,0060)', keyword: 'Modality', vr: 'CS', value: 'CT' },
    { tag: '(0008,1155)', keyword: 'ReferencedSOPInstanceUID', vr: 'UI', value: '2.25.9', path: '(0008,1140)[0].(0008,1155)' },
    { tag: '(0008,1155)', keyword: 'ReferencedSOPInstanceUID', vr: 'UI', value: '1.2.4', path: '(0008,1140)[1].(0008,1155)' },
    { tag: '(0012,0062)', keyword: 'PatientIdentityRemoved', vr: 'CS', value: 'YES' },
  ];

  it('matches elements by path and classifies each change', () => {
    const changes = diffTagRows(before, after);
    expect(changes.map((c) => [c.keyword, c.change])).toEqual([
      ['PatientName', 'changed'],
      ['Modality', 'same'],
      ['PatientAddress', 'removed'],
      ['ReferencedSOPInstanceUID', 'changed'],
      ['ReferencedSOPInstanceUID', 'same'],
      ['PatientIdentityRemoved', 'added'],
    ]);
    expect(changes[2].after).toBeUndefined();
  });

  it('highlights changed values, summarises, and can hide unchanged rows', () => {
    const html = tagTableHtml(diffTagRows(before, after), { onlyChanged: true, caption: 'Header' });
    expect(html).toContain('2 changed, 1 removed, 1 added, 2 unchanged');
    expect(html).not.toContain('>CT<');
    expect(html).toMatch(/<td style="[^"]*background:#fff1b8[^"]*">The\^Patient<\/td>/);
    expect(html).toMatch(/line-through[^"]*">12 Elm St</);
    expect(html.match(/<tr data-change=/g)).toHaveLength(4);
  });

  it('escapes markup in values so a DICOM value cannot inject HTML', () => {
    const evil = [{ tag: '(0008,1030)', keyword: 'StudyDescription', vr: 'LO', value: '<script>alert(1)</script>"x' }];
    const html = tagTableHtml(diffTagRows(evil, []));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;x');
    const table = recordTableHtml([{ a: '<img src=x onerror=alert(1)>', b: { n: 1 } }]);
    expect(table).not.toContain('<img');
    expect(table).toContain('{&quot;n&quot;:1}');
  });

  it('cuts long values and keeps the full text in the title', () => {
    const long = 'x'.repeat(300);
    const html = tagTableHtml(diffTagRows([{ tag: 't', value: long }], [{ tag: 't', value: 'y' }]), { maxValueLength: 10 });
    expect(html).toContain(`>${'x'.repeat(10)}…<`);
    expect(html).toContain(`title="${long}"`);
  });
});

describe('plotly charts', () => {
  it('embeds the plotly.js library inline and draws with the given data', () => {
    const html = plotlyChartHtml([{ type: 'bar', x: ['A'], y: [2] }], { layout: { title: { text: 'T' } } });
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(html).toContain('plotly.js v');
    expect(html).toMatch(/window\.Plotly\.newPlot\(el,\[\{"type":"bar","x":\["A"\],"y":\[2\]\}\]/);
    expect(html).not.toMatch(/src="https?:/);
  });

  it('can leave the library out, and escapes data that could close the script', () => {
    const html = plotlyChartHtml([{ type: 'bar', x: ['</script><b>'], y: [1] }], { includeLibrary: false });
    expect(html.length).toBeLessThan(5_000);
    expect(html).not.toContain('</script><b>');
    expect(html).toContain('\\u003c/script\\u003e\\u003cb\\u003e');
  });

  it('charts all 18 Safe Harbor identifiers, counting findings per letter', () => {
    const counts = countByCategory([{ c: 'A' }, { c: 'A' }, { c: 'C' }, { c: 'nope' }], (f) => f.c);
    expect(counts).toEqual({ A: 2, C: 1 });
    const spec = safeHarborChart(counts);
    const trace = spec.traces[0] as { x: string[]; y: number[]; text: string[] };
    expect(trace.x).toHaveLength(18);
    expect(trace.y.slice(0, 4)).toEqual([2, 0, 1, 0]);
    expect(trace.text[0]).toBe('Names');
  });

  it('sorts labelled counts with the largest on top and limits them', () => {
    const spec = countsChart({ a: 1, b: 5, c: 3 }, { limit: 2 });
    expect((spec.traces[0] as { y: string[] }).y).toEqual(['c', 'b']);
  });
});

describe('progress', () => {
  it('counts, notes the current item and ends at 100%', () => {
    let t = 0;
    const p = progress('OCR <frames>', 4, { now: () => t });
    expect(p.html()).toContain('OCR &lt;frames&gt;');
    t = 1000;
    p.tick('file-1');
    p.tick('file-2', 2);
    expect(p.count).toBe(3);
    expect(p.html()).toContain('3/4 (75%, 1.0 s) · file-2');
    p.done();
    expect(p.html()).toContain('(done,');
    expect(p.html()).toContain('width:100%');
  });

  it('rejects a negative total', () => {
    expect(() => progress('x', -1)).toThrow(/total must be/);
  });
});

describe('tag rows', () => {
  it('lists nested, person-name and binary elements with their paths', async () => {
    const { tagRows } = await import('../../lib/notebook/index.js');
    const dict = {
      '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
      '00081140': { vr: 'SQ', Value: [{ '00081155': { vr: 'UI', Value: ['1.2.3'] } }] },
      '7FE00010': { vr: 'OW', Value: [new ArrayBuffer(8)] },
    };
    const rows = tagRows(dict);
    expect(rows).toEqual([
      { tag: '(0008,1140)', keyword: 'ReferencedImageSequence', vr: 'SQ', value: '<1 item>', path: '(0008,1140)' },
      { tag: '(0008,1155)', keyword: 'ReferencedSOPInstanceUID', vr: 'UI', value: '1.2.3', path: '(0008,1140)[0].(0008,1155)' },
      { tag: '(0010,0010)', keyword: 'PatientName', vr: 'PN', value: 'Doe^Jane', path: '(0010,0010)' },
      { tag: '(7FE0,0010)', keyword: 'PixelData', vr: 'OW', value: '<binary, 8 bytes>', path: '(7FE0,0010)' },
    ]);
  });
});

describe('empty tables are said in words', () => {
  it('says "no rows" instead of drawing a table without rows or columns', () => {
    const html = recordTableHtml([], { caption: 'Findings <b>', empty: 'no PHI left.' });
    expect(html).not.toContain('<table');
    expect(html).toContain('Findings &lt;b&gt;');
    expect(html).toContain('no PHI left.');
    expect(recordTableHtml([])).toContain('No rows.');
  });

  it('shows a TSV report with rows as a table, and a header-only one as a sentence naming its columns', () => {
    const full = tsvTableHtml('path\tkeyword\ttext\n(0010,0010)\tPatientName\tDoe\n', { name: 'tags.tsv' });
    expect(full).toContain('<table');
    expect(full.match(/<td /g)).toHaveLength(3);
    const empty = tsvTableHtml('path\tkeyword\ttext\n', { name: 'tags.tsv' });
    expect(empty).not.toContain('<table');
    expect(empty).toContain('tags.tsv');
    expect(empty).toContain('no rows, only the header (path, keyword, text)');
  });

  it('says so when a before/after table has nothing changed to show', () => {
    const rows = [{ tag: '(0008,0060)', keyword: 'Modality', vr: 'CS', value: 'CT' }];
    const html = tagTableHtml(diffTagRows(rows, rows), { onlyChanged: true, caption: 'Header' });
    expect(html).not.toContain('<table');
    expect(html).toContain('0 changed, 0 removed, 0 added, 1 unchanged');
    expect(html).toContain('no element changed');
  });
});

describe('charts keep header actions, pixel fills and evaluation findings apart', () => {
  const m = (step: string, extra: Partial<DeidMessage> = {}): DeidMessage => ({ ruleId: 'r', step, severity: 'info', reason: 'x', ...extra });
  const messages: DeidMessage[] = [
    m('deidentify-metadata', { action: 'D', location: '(0010,0010)', category: 'A' }),
    m('deidentify-metadata', { action: 'X', location: '(0008,1140)[0].(0008,0080)', category: 'B' }),
    m('deidentify-metadata', { location: '(0010,0020)', reason: 'a note, no action' }),
    m('clean-pixels', { action: 'fill', location: 'frame 0 [1,2,3,4]', category: 'A', severity: 'warning' }),
    m('clean-pixels', { action: 'fill', location: 'frame 2 [1,2,3,4]', category: 'C', severity: 'warning' }),
    m('evaluate-metadata', { location: '(0008,1030)', category: 'A', severity: 'warning' }),
    m('redact-remaining', { action: 'Z', location: '(0008,1030)', category: 'A' }),
  ];

  it('tells each message kind from its step and action', () => {
    expect(messages.map(messageKind)).toEqual([
      'header action', 'header action', 'note', 'pixel fill', 'pixel fill', 'evaluation finding', 'redaction after evaluation',
    ]);
  });

  it('draws one series per kind on the Safe Harbor chart, never one bar adding them up', () => {
    const counts = countByKindAndCategory(messages);
    expect(counts).toEqual({
      'header action': { A: 1, B: 1 },
      'pixel fill': { A: 1, C: 1 },
      'evaluation finding': { A: 1 },
      'redaction after evaluation': { A: 1 },
    });
    const spec = safeHarborChartByKind(counts);
    const traces = spec.traces as Array<{ name: string; x: string[]; y: number[] }>;
    expect(traces.map((t) => t.name)).toEqual(['header action', 'pixel fill', 'evaluation finding', 'redaction after evaluation']);
    expect(traces[0].y.slice(0, 3)).toEqual([1, 1, 0]);
    expect(traces[1].y.slice(0, 3)).toEqual([1, 0, 1]);
    expect(traces.every((t) => t.x.length === 18)).toBe(true);
    expect(spec.options.layout).toMatchObject({ barmode: 'group' });
  });

  it('counts header actions per element and pixel fills per frame in separate charts', () => {
    expect(headerActionsPerTag(messages)).toEqual({ 'PatientName (D)': 1, 'InstitutionName (X)': 1 });
    expect(pixelFillsPerFrame(messages)).toEqual({ 'frame 0': 1, 'frame 2': 1 });
    expect(headerActionsByCode(messages)).toEqual({ 'D replace with a dummy or placeholder value of the same VR': 1, 'X remove the element': 1 });
  });
});

describe('ruleEffect: the action after the profile options', () => {
  const rules = loadRules(path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml'));
  const rule = (tag: string) => rules.dicomTags.find((r) => r.tag === tag)!;
  const withDates = (datePolicy: Rules['profile']['datePolicy']): Rules => ({ ...rules, profile: { ...rules.profile, datePolicy } });

  it('shows a Study Date kept as its year under year_only, although the table says Z', () => {
    expect(rules.profile.datePolicy).toBe('year_only');
    const effect = ruleEffect(rule('00080020'), rules);
    expect(effect.tableAction).toBe('Z');
    expect(effect).toMatchObject({ action: 'C', before: '20240315', after: '20240101', text: '20240315 → 20240101' });
    expect(effect.summary).toBe('C 20240315 → 20240101 (table: Z)');
  });

  it('follows the other date policies: remove empties, shift moves the date', () => {
    expect(ruleEffect(rule('00080020'), withDates('remove')).text).toBe('emptied');
    const shifted = ruleEffect(rule('00080020'), withDates('shift'));
    expect(shifted.after).toMatch(/^\d{8}$/);
    expect(shifted.after).not.toBe('20240315');
    expect(shifted.after! < '20240315').toBe(true);
  });

  it('shows names getting their placeholder, IDs their pseudonym, UIDs a new UID, free text cleaned', () => {
    expect(ruleEffect(rule('00100010'), rules)).toMatchObject({ action: 'D', text: 'Doe^Jane → The^Patient' });
    expect(ruleEffect(rule('00100020'), rules).after).toMatch(/^PAT-/);
    expect(ruleEffect(rule('0020000D'), rules)).toMatchObject({ action: 'U' });
    expect(ruleEffect(rule('0020000D'), rules).after).toMatch(/^2\.25\./);
    const description = ruleEffect(rule('00081030'), rules);
    expect(description.action).toBe('C');
    expect(description.after).not.toMatch(/Jane|Doe/);
  });

  it('matches what the metadata step records for the same rule', () => {
    for (const r of rules.dicomTags.slice(0, 60)) {
      const effect = ruleEffect(r, rules);
      expect(['X', 'Z', 'D', 'U', 'K', 'C']).toContain(effect.action);
      if (effect.action === 'X') expect(effect.after).toBeUndefined();
    }
  });
});

describe('findingBoxes', () => {
  it('gives findings on the same box one label, each letter and type once with its best score, and leaves out the text', () => {
    const box = { left: 10, top: 5, width: 80, height: 12 };
    const boxes = findingBoxes([
      { box, frame: 0, category: 'C', type: 'regex', score: 0.9, text: '01/24/2023' },
      { box, frame: 0, category: 'C', type: 'header:StudyDate', score: 1, text: '01/24/2023' },
      { box: { ...box }, frame: 0, category: 'C', type: 'regex', score: 0.7, text: '01/24/2023' },
      { box: { ...box, top: 30 }, frame: 0, category: 'A', type: 'header:PatientName', score: 0.8, text: 'Doe' },
      { box, frame: 1, category: 'A', type: 'header:PatientName', score: 0.8, text: 'Doe' },
      { frame: 0, category: 'H', type: 'header:PatientID', score: 1, text: '123' },
    ] as never);
    expect(boxes).toEqual([
      { ...box, label: 'C header:StudyDate 1.00 · C regex 0.90' },
      { ...box, top: 30, label: 'A header:PatientName 0.80' },
    ]);
  });
});
