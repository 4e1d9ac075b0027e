import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalTextDetector, defaultLangPath } from '../../lib/engines/local/tesseract.js';
import { editDistance, foldOcr } from '../../lib/engines/local/text-fold.js';
import { imageTextToSpans } from '../../lib/engines/local/phi.js';
import type { DetectedText, DisplayImage } from '../../lib/engines/types.js';
import type { PageRecognizer } from '../../lib/engines/local/page.js';
import { coveredBy, renderScene, type Scene } from './synthetic-text.js';
import { tempDir } from '../support/temp-dir.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const statuses: string[] = [];
const ocr = createLocalTextDetector({ logger: (m) => statuses.push(`${m.status}:${m.progress}`) });
afterAll(() => ocr.close());

const scenes: Array<{ name: string; scene: Scene; rgb?: boolean }> = [
  {
    name: 'CT scout, 12 px DejaVu Sans, white on black',
    scene: {
      width: 394, height: 552, polarity: 'light-on-dark',
      texts: [
        { text: 'ROE JANE [F] 04.11.2019', x: 3, y: 14, size: 12, font: 'DejaVu Sans' },
        { text: 'DOB: 02.28.1951', x: 3, y: 30, size: 12, font: 'DejaVu Sans' },
        { text: 'SUPINE', x: 390, y: 14, size: 12, font: 'DejaVu Sans', anchor: 'end' },
        { text: '120 kV', x: 3, y: 545, size: 12, font: 'DejaVu Sans' },
      ],
    },
  },
  {
    name: 'MR, 11 px Liberation Mono, white on black',
    scene: {
      width: 512, height: 512, polarity: 'light-on-dark',
      texts: [
        { text: 'PATIENT: MORALES ANA', x: 4, y: 14, size: 11, font: 'Liberation Mono' },
        { text: 'ID 4471902', x: 4, y: 28, size: 11, font: 'Liberation Mono' },
        { text: 'AXIAL', x: 508, y: 14, size: 11, font: 'Liberation Mono', anchor: 'end' },
      ],
    },
  },
  {
    name: 'US, 13 px Nimbus Sans, yellow on black RGB',
    rgb: true,
    scene: {
      width: 640, height: 480, polarity: 'light-on-dark',
      texts: [
        { text: 'OKAFOR CHIDI', x: 6, y: 16, size: 13, font: 'Nimbus Sans' },
        { text: '11/23/2020 14:02', x: 634, y: 16, size: 13, font: 'Nimbus Sans', anchor: 'end' },
      ],
    },
  },
  {
    name: 'secondary capture, 14 px Liberation Serif, black on white',
    scene: {
      width: 800, height: 600, polarity: 'dark-on-light',
      texts: [
        { text: 'Name: Lindqvist, Maja', x: 20, y: 30, size: 14, font: 'Liberation Serif' },
        { text: 'MRN: XK20931', x: 20, y: 52, size: 14, font: 'Liberation Serif' },
      ],
    },
  },
  {
    name: 'CR, 36 px bold DejaVu Sans, white on black, 2000 px wide',
    scene: {
      width: 2000, height: 1600, polarity: 'light-on-dark',
      texts: [
        { text: 'HARTMANN PETRA 07.03.2015', x: 10, y: 40, size: 36, font: 'DejaVu Sans', weight: 'bold' },
        { text: 'PORTABLE', x: 1990, y: 40, size: 36, font: 'DejaVu Sans', anchor: 'end', weight: 'bold' },
      ],
    },
  },
];

function words(found: DetectedText[]): DetectedText[] {
  return found.filter((t) => t.kind === 'word');
}

/** The OCR word matching an expected word: same text after OCR folding, or one edit away for long words. */
function match(found: DetectedText[], expected: string): DetectedText | undefined {
  const e = foldOcr(expected);
  return words(found).find((w) => {
    const f = foldOcr(w.text);
    return f === e || (e.length >= 6 && editDistance(f, e, 1) <= 1);
  });
}

describe('local tesseract text detector', () => {
  it('uses the traineddata of @tesseract.js-data/eng from node_modules', () => {
    const path = defaultLangPath();
    expect(path.startsWith(join(root, 'node_modules'))).toBe(true);
    expect(existsSync(join(path, 'eng.traineddata.gz'))).toBe(true);
  });

  for (const { name, scene, rgb } of scenes) {
    it(`reads every word of a ${name}, boxed in original pixel coordinates`, async () => {
      const { image, boxes } = await renderScene(scene, rgb);
      const found = await ocr.detect(image);
      scene.texts.forEach((t, i) => {
        // Each expected word is found, and the words of the line together cover the line's glyphs.
        const expected = t.text.split(' ');
        const hits = expected.map((w) => match(found, w));
        expect(hits.map((h) => h?.text ?? `<missing ${expected[hits.indexOf(h)]}>`)).toHaveLength(expected.length);
        for (const [j, h] of hits.entries()) expect(h, `"${expected[j]}" of "${t.text}" in ${JSON.stringify(words(found).map((w) => w.text))}`).toBeDefined();
        const union = hits.reduce(
          (u, h) => ({
            left: Math.min(u.left, h!.box.left), top: Math.min(u.top, h!.box.top),
            right: Math.max(u.right, h!.box.left + h!.box.width), bottom: Math.max(u.bottom, h!.box.top + h!.box.height),
          }),
          { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity },
        );
        const box = { left: union.left, top: union.top, width: union.right - union.left, height: union.bottom - union.top };
        expect(coveredBy(boxes[i], box), `glyphs of "${t.text}" covered`).toBeGreaterThanOrEqual(0.9);
        // Not a box around the whole image: at most a few pixels of slack around the glyphs.
        expect(box.width).toBeLessThanOrEqual(boxes[i].width + 8);
        expect(box.height).toBeLessThanOrEqual(boxes[i].height + 8);
        for (const h of hits) {
          expect(h!.confidence).toBeGreaterThanOrEqual(0);
          expect(h!.confidence).toBeLessThanOrEqual(100);
        }
      });
      // Words point at a line that holds them.
      for (const w of words(found)) {
        const line = found.find((l) => l.kind === 'line' && l.lineIndex === w.lineIndex);
        expect(line?.text.split(' ')).toContain(w.text);
      }
    });
  }

  it('keeps its workers for every image and answers a frame already read from memory', async () => {
    const { image } = await renderScene(scenes[0].scene);
    const starts = () => statuses.filter((s) => s === 'initializing api:0').length;
    const recognitions = () => statuses.filter((s) => s.startsWith('recognizing text')).length;
    const first = await ocr.detect(image);
    const before = starts();
    const read = recognitions();
    expect(read).toBeGreaterThan(0);
    // The same pixels in a new buffer: answered from memory, no page goes to the recognizer.
    const again = await ocr.detect({ ...image, data: new Uint8Array(image.data) });
    expect(recognitions()).toBe(read);
    expect(again).toEqual(first);
    // Mutating a returned result does not poison the cache.
    again[0].box.left = -1;
    expect((await ocr.detect(image))[0].box.left).toBe(first[0].box.left);
    // One sparse-text worker, and at most one more reading short crops as single lines, for all the
    // images this file reads; none started again.
    expect(before).toBeGreaterThanOrEqual(1);
    expect(before).toBeLessThanOrEqual(2);
    expect(starts()).toBe(before);
  });

  it('reads low-contrast text that no text region holds, in the whole-frame safety net', async () => {
    // Grey 58 on grey 40: under the region finder's contrast, faint pass included, so only the whole-frame reading sees it.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><rect width="100%" height="100%" fill="#282828"/><text x="10" y="60" font-family="DejaVu Sans" font-size="22" fill="#3a3a3a">WHITLOCK 55102</text></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const image: DisplayImage = { width: info.width, height: info.height, channels: 1, data: new Uint8Array(data) };
    const words = (await ocr.detect(image)).filter((t) => t.kind === 'word').map((t) => foldOcr(t.text));
    expect(words).toContain(foldOcr('WHITLOCK'));
    const regionsOnly = createLocalTextDetector({ fullFrame: 'never' });
    try {
      expect((await regionsOnly.detect(image)).map((t) => foldOcr(t.text))).not.toContain(foldOcr('WHITLOCK'));
    } finally {
      await regionsOnly.close();
    }
  });

  it('reads a coloured line whole where it runs into grey speckle', async () => {
    const width = 400;
    const height = 120;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#000"/><text x="6" y="60" font-family="DejaVu Sans Mono" font-size="16" fill="#7ec8e3">Northgate Imaging</text></svg>`;
    const { data } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    // Speckle from x = 100 on: grey dots over and around the second word.
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let y = 0; y < height; y++) {
      for (let x = 100; x < width; x++) {
        const i = (y * width + x) * 3;
        if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0 && rand() < 0.45) data[i] = data[i + 1] = data[i + 2] = 90 + Math.floor(rand() * 165);
      }
    }
    const image: DisplayImage = { width, height, channels: 3, data: new Uint8Array(data) };
    const words = (await ocr.detect(image)).filter((t) => t.kind === 'word').map((t) => t.text);
    expect(words).toContain('Imaging');
  });

  it('reads one line of white text over grey speckle on a second look, its ink alone, boxed in the image\'s coordinates', async () => {
    const width = 240;
    const height = 60;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#000"/><text x="40" y="34" font-family="DejaVu Sans Mono" font-size="13" fill="#fff">Helical 0.984:1</text></svg>`;
    const { data } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    // Speckle under and around the line, darker than the text (soft tissue on a CT): grey dots of 70 to 160.
    let seed = 777;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < data.length; i++) if (data[i] < 60 && i % width < 120 && rand() < 0.5) data[i] = 70 + Math.floor(rand() * 90);
    const image: DisplayImage = { width, height, channels: 1, data: new Uint8Array(data) };
    const box = { left: 30, top: 20, width: 150, height: 20 };
    const read = await ocr.readLine!(image, box);
    const text = read.filter((t) => t.kind === 'word').map((t) => t.text).join(' ');
    expect(text).toMatch(/^Helical /);
    expect(editDistance(foldOcr(text), foldOcr('Helical 0.984:1'), 3), text).toBeLessThanOrEqual(2);
    for (const t of read) expect(t.box.left >= box.left && t.box.top >= box.top && t.box.left + t.box.width <= box.left + box.width && t.box.top + t.box.height <= box.top + box.height).toBe(true);
    // What lies in the boxes to ignore is left out of the look.
    expect((await ocr.readLine!(image, box, [box])).filter((t) => t.kind === 'word')).toEqual([]);
  });

  it('rejects a malformed image with an engine-prefixed error', async () => {
    const bad: DisplayImage = { width: 10, height: 10, channels: 1, data: new Uint8Array(5) };
    await expect(ocr.detect(bad)).rejects.toThrow(/^\[deid\] \[tesseract\] not a DisplayImage/);
  });

  it('refuses to work after close() and closes twice safely', async () => {
    const own = createLocalTextDetector();
    const { image } = await renderScene(scenes[1].scene);
    await own.detect(image);
    await own.close();
    await own.close();
    await expect(own.detect(image)).rejects.toThrow(/after close/);
  });

  const canIsolate = spawnSync('unshare', ['-rn', 'true']).status === 0;
  it.skipIf(!canIsolate)('reads text with the network unavailable (nothing is fetched)', async () => {
    const dir = tempDir('deid-offline-');
    const { image } = await renderScene({
      width: 300, height: 160, polarity: 'light-on-dark',
      texts: [{ text: 'OFFLINE 12345', x: 5, y: 20, size: 14, font: 'DejaVu Sans' }],
    });
    writeFileSync(join(dir, 'image.raw'), image.data);
    const script = `
      import { readFileSync } from 'node:fs';
      import { createLocalTextDetector } from ${JSON.stringify(join(root, 'lib/engines/local/tesseract.ts'))};
      const ocr = createLocalTextDetector();
      const data = new Uint8Array(readFileSync(${JSON.stringify(join(dir, 'image.raw'))}));
      const found = await ocr.detect({ width: ${image.width}, height: ${image.height}, channels: 1, data });
      await ocr.close();
      console.log(JSON.stringify(found.filter((t) => t.kind === 'word').map((t) => t.text)));
    `;
    const file = join(dir, 'offline.mts');
    writeFileSync(file, script);
    const run = spawnSync('unshare', ['-rn', join(root, 'node_modules', '.bin', 'tsx'), file], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/fetch|ENOTFOUND|EAI_AGAIN|network/i);
    expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual(['OFFLINE', '12345']);
  });
});

describe('local text detector: text turned a quarter', () => {
  it('reads labels running up and down the side edges, each word boxed over its glyphs where they stand', async () => {
    const scene: Scene = {
      width: 320,
      height: 320,
      polarity: 'light-on-dark',
      texts: [
        { text: 'WHITCOMBE Adeline', x: 16, y: 250, size: 13, font: 'DejaVu Sans', turn: 'up' },
        { text: 'ID 4471902', x: 304, y: 90, size: 13, font: 'DejaVu Sans Mono', turn: 'down' },
      ],
    };
    const { image, boxes } = await renderScene(scene);
    const found = await ocr.detect(image);
    scene.texts.forEach((t, i) => {
      const hits = t.text.split(' ').map((w) => match(found, w));
      for (const [j, h] of hits.entries()) expect(h, `"${t.text.split(' ')[j]}" in ${JSON.stringify(words(found).map((w) => w.text))}`).toBeDefined();
      for (const h of hits) {
        expect(h!.turn).toBe(t.turn);
        // A tall narrow box on the label, not across the frame.
        expect(h!.box.height).toBeGreaterThan(h!.box.width);
        expect(coveredBy(h!.box, boxes[i])).toBeGreaterThanOrEqual(0.6);
      }
      const union = { left: Math.min(...hits.map((h) => h!.box.left)), top: Math.min(...hits.map((h) => h!.box.top)) };
      const right = Math.max(...hits.map((h) => h!.box.left + h!.box.width));
      const bottom = Math.max(...hits.map((h) => h!.box.top + h!.box.height));
      expect(coveredBy(boxes[i], { ...union, width: right - union.left, height: bottom - union.top }), `glyphs of "${t.text}" covered`).toBeGreaterThanOrEqual(0.9);
    });
    // Its words follow each other in reading order, up the frame for the label that runs up.
    const spans = imageTextToSpans(found);
    expect(spans.some((s) => /WHITCOMBE\s+Adeline/.test(s.text))).toBe(true);
  });
});

describe('local text detector: page orientation', () => {
  it('marks the crops it stretched and oriented, and not the whole frame, whose lines tesseract may read inverted', async () => {
    // Light text on dark and dark text on a light label: both crops are handed over as dark on light.
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><rect width="100%" height="100%" fill="#101010"/>` +
      `<text x="10" y="30" font-family="DejaVu Sans" font-size="14" fill="#f0f0f0">ROE JANE 04.11.2019</text>` +
      `<rect x="6" y="66" width="200" height="34" fill="#e8e8e8"/><text x="12" y="90" font-family="DejaVu Sans" font-size="14" fill="#101010">Acc A43206797</text></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const image: DisplayImage = { width: info.width, height: info.height, channels: 1, data: new Uint8Array(data) };
    const pages: Array<{ width: number; height: number; oriented?: boolean }> = [];
    const recognizer = (): PageRecognizer => ({
      recognize(read) {
        pages.push(...read);
        return Promise.resolve(read.map(() => ({ blocks: [] })));
      },
      close: () => Promise.resolve(),
    });
    const reader = createLocalTextDetector({ recognizer });
    try {
      await reader.detect(image);
    } finally {
      await reader.close();
    }
    // The whole frame is the page at 2x plus a 10 px border; every other page is a crop.
    const isWhole = (p: { width: number; height: number }) => p.width === 2 * info.width + 20 && p.height === 2 * info.height + 20;
    expect(pages.filter(isWhole).map((p) => p.oriented ?? false)).toEqual([false]);
    const crops = pages.filter((p) => !isWhole(p));
    expect(crops.length).toBeGreaterThanOrEqual(2);
    expect(crops.every((p) => p.oriented === true)).toBe(true);
  });
});

describe('local text detector: crops read short', () => {
  it('reads a lone short word that sparse-text reading drops again as one line', async () => {
    // 9 px narrow dark text on a light label patch in a dark corner, as a two-line institution's second line.
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120"><rect width="100%" height="100%" fill="#0a0a0a"/>` +
      `<rect x="186" y="88" width="26" height="15" fill="#e0e0e0"/>` +
      `<text x="209" y="99" text-anchor="end" font-family="Nimbus Sans Narrow" font-size="9" fill="#101010">Hosp.</text></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const image: DisplayImage = { width: info.width, height: info.height, channels: 1, data: new Uint8Array(data) };
    const reader = createLocalTextDetector({ fullFrame: 'never' });
    try {
      const words = (await reader.detect(image)).filter((t) => t.kind === 'word').map((t) => t.text.toUpperCase());
      expect(words.some((w) => w.startsWith('HOSP'))).toBe(true);
    } finally {
      await reader.close();
    }
  });
});

describe('local text detector: light text with a dark halo', () => {
  /**
   * White 12 px bitmap lines (each glyph pixel inked fully or not at all) with a 1 px black outline round every glyph, as
   * angiography consoles draw them, on a ground of grey `ground`.
   */
  async function outlined(ground: number, lines: string[]): Promise<DisplayImage> {
    const width = 240;
    const height = 16 + lines.length * 17;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#000"/>` +
      lines.map((l, i) => `<text x="8" y="${20 + i * 17}" font-family="DejaVu Sans Mono" font-size="12" fill="#fff">${l}</text>`).join('') +
      `</svg>`;
    const { data } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const glyph = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && data[y * width + x] >= 64;
    const out = new Uint8Array(width * height).fill(ground);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let rim = false;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) rim ||= glyph(x + dx, y + dy);
        if (rim) out[y * width + x] = glyph(x, y) ? 255 : 0;
      }
    }
    return { width, height, channels: 1, data: out };
  }

  it('reads white bitmap text outlined in black over bright anatomy and over grey: identity and technical lines alike', async () => {
    const identity = ['WHITMORE EDITH', 'DOB 1948-03-12'];
    const technical = ['LAO 32 CRA 18', 'DAP 14.8 Gycm2'];
    const reader = createLocalTextDetector({ fullFrame: 'never' });
    try {
      for (const ground of [255, 200, 130]) {
        const found = await reader.detect(await outlined(ground, [...identity, ...technical]));
        const read = found.filter((t) => t.kind === 'line').map((t) => t.text);
        // Every identity word, to be matched and filled; every technical line nearly whole, to be vouched for and kept.
        for (const word of identity.join(' ').split(' ')) expect(match(found, word), `${word} on ${ground}: ${read.join(' | ')}`).toBeDefined();
        for (const line of technical) expect(read.some((r) => editDistance(foldOcr(r), foldOcr(line), 3) <= 2), `${line} on ${ground}: ${read.join(' | ')}`).toBe(true);
      }
    } finally {
      await reader.close();
    }
  });
});

describe('local text detector: small glyphs read with doubt', () => {
  // 9 px narrow light text on a dark frame: its crop is read at the largest scale (4x).
  async function smallLine(): Promise<DisplayImage> {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="100%" height="100%" fill="#080808"/>` +
      `<text x="20" y="30" font-family="Liberation Sans Narrow" font-size="9" fill="#f0f0f0">Acc A43206797 Exam</text></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, channels: 1, data: new Uint8Array(data) };
  }
  /** A recognizer answering each page with one word over its content: `first` on the first call, `later` after. */
  function scriptedRecognizer(first: { text: string; confidence: number }, later: { text: string; confidence: number }) {
    const calls: Array<Array<{ width: number; height: number }>> = [];
    const recognizer = (): PageRecognizer => ({
      recognize(pages) {
        calls.push(pages.map(({ width, height }) => ({ width, height })));
        const word = calls.length === 1 ? first : later;
        return Promise.resolve(pages.map((p) => ({ blocks: [{ paragraphs: [{ lines: [{ words: [{ ...word, bbox: { x0: 16, y0: 16, x1: p.width - 16, y1: p.height - 16 } }] }] }] }] })));
      },
      close: () => Promise.resolve(),
    });
    return { calls, recognizer };
  }

  it('reads a line of small glyphs read with doubt at 4x again at 3x, and keeps both readings', async () => {
    const { calls, recognizer } = scriptedRecognizer({ text: 'AL3206T97', confidence: 48 }, { text: 'A43206797', confidence: 85 });
    const reader = createLocalTextDetector({ fullFrame: 'never', recognizer });
    try {
      const words = (await reader.detect(await smallLine())).filter((t) => t.kind === 'word').map((t) => t.text);
      expect(words).toContain('A43206797');
      expect(words).toContain('AL3206T97');
      expect(calls).toHaveLength(2);
      // The same crop at 3x instead of 4x (pages padded by 16 px on each side).
      expect(calls[1][0].height - 32).toBeCloseTo(((calls[0][0].height - 32) * 3) / 4, 0);
    } finally {
      await reader.close();
    }
  });

  it('reads a confident line once, and a doubtful one once when the caller fixed the scale', async () => {
    for (const [word, scale] of [[{ text: 'A43206797', confidence: 91 }, 'auto'], [{ text: 'AL3206T97', confidence: 48 }, 4]] as const) {
      const { calls, recognizer } = scriptedRecognizer(word, { text: 'other', confidence: 90 });
      const reader = createLocalTextDetector({ fullFrame: 'never', recognizer, scale });
      try {
        await reader.detect(await smallLine());
        expect(calls).toHaveLength(1);
      } finally {
        await reader.close();
      }
    }
  });
});
