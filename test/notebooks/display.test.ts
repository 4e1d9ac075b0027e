import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  asPng, countByCategory, countsChart, diffTagRows, inNotebook, plotlyChartHtml, progress,
  recordTableHtml, safeHarborChart, showImage, showPlotly, showTagTable, sideBySideHtml, tagTableHtml,
} from '../../lib/notebook/index.js';

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
    const rows = tagRows(dict as never);
    expect(rows).toEqual([
      { tag: '(0008,1140)', keyword: 'ReferencedImageSequence', vr: 'SQ', value: '<1 item>', path: '(0008,1140)' },
      { tag: '(0008,1155)', keyword: 'ReferencedSOPInstanceUID', vr: 'UI', value: '1.2.3', path: '(0008,1140)[0].(0008,1155)' },
      { tag: '(0010,0010)', keyword: 'PatientName', vr: 'PN', value: 'Doe^Jane', path: '(0010,0010)' },
      { tag: '(7FE0,0010)', keyword: 'PixelData', vr: 'OW', value: '<binary, 8 bytes>', path: '(7FE0,0010)' },
    ]);
  });
});
