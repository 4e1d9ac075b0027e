/**
 * Pixel pipeline benchmark (`npm run bench`): for each sample image (images/med_phi_img) and each
 * corpus file with pixels (../shared/corpus), prints the time of decode, OCR, PHI detection,
 * redaction and write, beside native `tesseract` (Debian's tesseract-ocr CLI) on the same rendered
 * image in the same run. For samples with ground truth it also prints the redaction score.
 * A script printing figures, not a timed test. Options: `--only <substring>`, `--no-cli`,
 * `--verbose` (list the PHI words missed and the harmless words damaged).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { cloneDataset, readDicom, writeDicom } from '../lib/dicom/adapter.js';
import type { DicomDataset } from '../lib/dicom/dataset.js';
import type { Box, DisplayImage, PhiDetector, TextDetector } from '../lib/engines/types.js';
import type { SampleTruth } from '../lib/samples/make-sample.js';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const withCli = !args.includes('--no-cli');
const verbose = args.includes('--verbose');

/** Loads a module of the kit, or explains why a phase cannot be measured. */
async function load<T>(path: string): Promise<T | undefined> {
  try {
    return (await import(path)) as T;
  } catch (error) {
    console.warn(`[bench] ${path} not available (${(error as Error).message.split('\n')[0]}); its phase is shown as n/a`);
    return undefined;
  }
}

type Pixels = typeof import('../lib/pixels/index.js');
type Engines = typeof import('../lib/engines/index.js');
type Metadata = typeof import('../lib/metadata/index.js');
type Scorer = typeof import('../test/fixtures/synthetic/score.js');

const pixels = await load<Pixels>('../lib/pixels/index.js');
const engines = await load<Engines>('../lib/engines/index.js');
const metadata = await load<Metadata>('../lib/metadata/index.js');
const scorer = await load<Scorer>('../test/fixtures/synthetic/score.js');
const pixelStep = await load<typeof import('../lib/steps/pixels.js')>('../lib/steps/pixels.js');

interface Input {
  label: string;
  path: string;
  truth?: SampleTruth;
}

function inputs(): Input[] {
  const list: Input[] = [];
  const samplesDir = join(root, 'images/med_phi_img');
  const truthPath = join(samplesDir, 'truth.json');
  const truths = existsSync(truthPath) ? (JSON.parse(readFileSync(truthPath, 'utf8')).samples as Array<SampleTruth & { file: string }>) : [];
  if (existsSync(samplesDir)) {
    for (const file of readdirSync(samplesDir).filter((f) => f.endsWith('.dcm')).sort()) {
      list.push({ label: file, path: join(samplesDir, file), truth: truths.find((t) => t.file === file) });
    }
  }
  const corpus = resolve(root, '../shared/corpus');
  if (existsSync(corpus)) for (const file of readdirSync(corpus).filter((f) => f.endsWith('.dcm')).sort()) list.push({ label: `corpus/${file}`, path: join(corpus, file) });
  return only ? list.filter((i) => i.label.includes(only)) : list;
}

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (v: number | undefined | string): string => (typeof v === 'number' ? v.toFixed(0) : (v ?? 'n/a'));

interface Row {
  image: string;
  size: string;
  syntax: string;
  decode?: number;
  ocr?: number;
  detect?: number;
  redact?: number;
  write?: number;
  cli?: number;
  words?: number;
  cliWords?: number;
  findings?: number;
  score?: string;
  error?: string;
}

/** The images the pixel step reads for a frame: as displayed, and min..max stretched for deep grey data when it shows more text. */
function renderings(p: Pixels, module: import('../lib/pixels/index.js').PixelModule, frame: import('../lib/pixels/index.js').PixelFrame): DisplayImage[] {
  // The step's own choice (it skips the stretched rendering when it shows no more text).
  if (pixelStep?.frameRenderings) return pixelStep.frameRenderings(module, frame);
  const shown = p.renderFrame(module, frame);
  const grey = module.photometric.startsWith('MONOCHROME');
  if (!grey || module.bitsStored <= 8) return [shown];
  const stretched = p.renderFrame(module, frame, { minMax: true });
  return Buffer.from(stretched.data).equals(Buffer.from(shown.data)) ? [shown] : [shown, stretched];
}

async function benchOne(input: Input, text: TextDetector | undefined, phi: PhiDetector | undefined, tmp: string): Promise<Row> {
  const bytes = readFileSync(input.path);
  let dataset: DicomDataset;
  try {
    dataset = readDicom(bytes, input.path);
  } catch (error) {
    return { image: input.label, size: '', syntax: '', error: (error as Error).message };
  }
  const row: Row = { image: input.label, size: '', syntax: dataset.transferSyntaxUID };
  if (!dataset.dict['7FE00010']) return { ...row, error: 'no pixel data' };
  if (!pixels) return row;
  try {
    let t0 = process.hrtime.bigint();
    const decoded = await pixels.decodeFrames(dataset);
    row.decode = ms(t0);
    const m = decoded.module;
    row.size = `${m.columns}x${m.rows}x${m.samplesPerPixel}${decoded.frames.length > 1 ? ` ${decoded.frames.length}f` : ''}`;

    // OCR and detection on every distinct frame, as the pixel step does.
    const boxes = new Map<number, Box[]>();
    const seen = new Map<string, Box[]>();
    const identity = metadata ? metadata.gatherIdentity(dataset) : { values: [] };
    row.ocr = 0;
    row.detect = 0;
    row.words = 0;
    row.findings = 0;
    let firstImage: DisplayImage | undefined;
    for (const [index, frame] of decoded.frames.entries()) {
      const digest = pixels.frameDigest(frame);
      let found = seen.get(digest);
      if (!found) {
        found = [];
        for (const image of renderings(pixels, m, frame)) {
          firstImage ??= image;
          if (!text || !engines) continue;
          t0 = process.hrtime.bigint();
          const texts = await text.detect(image);
          row.ocr += ms(t0);
          row.words += texts.filter((t) => t.kind === 'word').length;
          if (!phi) continue;
          t0 = process.hrtime.bigint();
          const findings = await engines.detectPhiInImageText(texts, phi, identity, `frame ${index}`);
          row.detect += ms(t0);
          for (const f of findings) if (f.box) found.push(f.box);
        }
        seen.set(digest, found);
      }
      if (found.length) boxes.set(index, found);
      row.findings += found.length;
    }

    const redacted = cloneDataset(dataset);
    t0 = process.hrtime.bigint();
    const result = boxes.size ? await pixels.redactFrames(redacted, boxes, { padding: 3 }) : undefined;
    row.redact = ms(t0);
    t0 = process.hrtime.bigint();
    const written = writeDicom(redacted);
    row.write = ms(t0);

    if (input.truth && scorer) {
      const after = await pixels.decodeFrames(readDicom(written, 'redacted'));
      const s = scorer.scoreRedaction(decoded, after, input.truth);
      // Also check against the redactor's own filled boxes: nothing may change outside them.
      const own = scorer.scoreRedaction(decoded, after, input.truth, { allowedBoxes: (f) => result?.filled.get(f) ?? [] });
      row.score = `${s.phiRemoved}/${s.phiTotal} PHI, ${s.harmlessKeptCount}/${s.harmlessTotal} kept, ${s.changedOutsideBoxes}/${own.changedOutsideBoxes} px outside truth/own boxes`;
      if (verbose) {
        for (const miss of s.missed) console.log(`    ${input.label}: missed PHI ${JSON.stringify(miss.text)} frame ${miss.frame} (${(miss.erased * 100).toFixed(0)}% erased)`);
        for (const d of s.damaged) console.log(`    ${input.label}: damaged ${JSON.stringify(d.text)} frame ${d.frame} (${(d.changed * 100).toFixed(0)}% changed)`);
      }
    }

    if (withCli && firstImage) {
      const png = join(tmp, `${basename(input.path)}.png`);
      const img = firstImage;
      writeFileSync(png, await sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: img.channels } }).png().toBuffer());
      t0 = process.hrtime.bigint();
      try {
        const { stdout } = await run('tesseract', [png, 'stdout'], { maxBuffer: 16 << 20 });
        row.cli = ms(t0);
        row.cliWords = stdout.split(/\s+/).filter(Boolean).length;
      } catch (error) {
        row.cli = undefined;
        row.error = `tesseract CLI: ${(error as Error).message.split('\n')[0]}`;
      }
    }
  } catch (error) {
    row.error = (error as Error).message.split('\n')[0];
  }
  return row;
}

const list = inputs();
if (list.length === 0) {
  console.log('no inputs: run `npm run samples` first');
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-pixels-'));
  let text: TextDetector | undefined;
  let phi: PhiDetector | undefined;
  let init: number | undefined;
  if (engines) {
    const t0 = process.hrtime.bigint();
    text = await engines.createTextDetector({});
    phi = await engines.createPhiDetector({});
    // Warm the OCR worker so the first image does not carry its start-up.
    await text.detect({ width: 64, height: 32, channels: 1, data: new Uint8Array(64 * 32) });
    init = ms(t0);
  }
  console.log(`pixel pipeline benchmark — ${list.length} images, node ${process.version}; OCR worker start-up ${fmt(init)} ms`);
  const rows: Row[] = [];
  for (const input of list) {
    const row = await benchOne(input, text, phi, tmp);
    rows.push(row);
    process.stderr.write(`  ${row.image}\n`);
  }
  await text?.close?.();
  await phi?.close?.();
  rmSync(tmp, { recursive: true, force: true });

  const header = ['image', 'size', 'decode', 'OCR', 'detect', 'redact', 'write', 'total', 'tesseract CLI', 'words (js/cli)', 'boxes', 'score vs truth'];
  const table = rows.map((r) => {
    const parts = [r.decode, r.ocr, r.detect, r.redact, r.write];
    const total = parts.every((p) => typeof p === 'number') ? parts.reduce((a, b) => a + b, 0) : undefined;
    return [r.image, r.size, fmt(r.decode), fmt(r.ocr), fmt(r.detect), fmt(r.redact), fmt(r.write), fmt(total), withCli ? fmt(r.cli) : 'off', `${r.words ?? '-'}/${r.cliWords ?? '-'}`, String(r.findings ?? '-'), r.error ? `ERROR ${r.error}` : (r.score ?? '')];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('times in ms; OCR covers every distinct frame and rendering; tesseract CLI reads the first rendering as PNG with default settings');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const t of table) console.log(line(t));
}
