/**
 * The benchmark's corpus, made by the project's own generator (lib/samples): images with burned-in
 * text (the sample specs in turn, a new seed each: every transfer syntax the samples use), and
 * header-mode files that reuse those images' pixel data under a new fake identity each (new names,
 * IDs, dates and UIDs: no two files alike). Written once per size into a folder and reused.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readDicom, writeDicom } from '../lib/dicom/adapter.js';
import type { DicomDataset, DicomDict } from '../lib/dicom/dataset.js';
import { syntaxInfo } from '../lib/dicom/transfer-syntaxes.js';
import { buildHeader } from '../lib/samples/header.js';
import { createRng, formatFor, makeFakeIdentity, makeSample, SAMPLE_SPECS } from '../lib/samples/index.js';

/** What {@link makeBenchCorpus} made. */
export interface BenchCorpus {
  /** Images with burned-in text (full pipeline, OCR). */
  imagesDir: string;
  /** Files for header mode. */
  headerDir: string;
  images: CorpusStats;
  header: CorpusStats;
}

/** Sizes of one part of the corpus. */
export interface CorpusStats {
  files: number;
  bytes: number;
  largest: number;
  /** Files per transfer syntax name. */
  syntaxes: Record<string, number>;
}

const VERSION = 1;

/** Makes (or reuses) `images` sample images and `headerFiles` header-mode files under `dir`. */
export async function makeBenchCorpus(dir: string, requestedImages: number, headerFiles: number, log: (line: string) => void = () => {}): Promise<BenchCorpus> {
  // Header files take their pixel module from the images: `--images 0` still makes one image of each sample kind.
  const images = requestedImages > 0 || headerFiles === 0 ? requestedImages : SAMPLE_SPECS.length;
  const imagesDir = path.join(dir, `images-${images}`);
  const headerDir = path.join(dir, `header-${headerFiles}-from-${images}`);
  if (!complete(imagesDir)) {
    rmSync(imagesDir, { recursive: true, force: true });
    mkdirSync(imagesDir, { recursive: true });
    const started = performance.now();
    for (let i = 0; i < images; i++) {
      const spec = SAMPLE_SPECS[i % SAMPLE_SPECS.length];
      const { dataset } = await makeSample(spec, `bench-${i}`);
      writeFileSync(path.join(imagesDir, `${String(i).padStart(4, '0')}_${spec.name}.dcm`), writeDicom(dataset));
      if ((i + 1) % 25 === 0) log(`corpus: ${i + 1}/${images} images (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    markComplete(imagesDir);
  }
  if (!complete(headerDir)) {
    rmSync(headerDir, { recursive: true, force: true });
    mkdirSync(headerDir, { recursive: true });
    const bases = readdirSync(imagesDir).filter((f) => f.endsWith('.dcm')).sort();
    for (let i = 0; i < headerFiles; i++) {
      const name = bases[i % bases.length];
      const spec = SAMPLE_SPECS.find((s) => name.endsWith(`_${s.name}.dcm`))!;
      const base = readDicom(readFileSync(path.join(imagesDir, name)), name);
      writeFileSync(path.join(headerDir, `${String(i).padStart(5, '0')}_${spec.name}.dcm`), writeDicom(withNewIdentity(base, spec, i)));
    }
    markComplete(headerDir);
  }
  return { imagesDir, headerDir, images: stats(imagesDir), header: stats(headerDir) };
}

/** The image's pixel module and pixel data under a new header of a new fake identity. */
function withNewIdentity(base: DicomDataset, spec: (typeof SAMPLE_SPECS)[number], index: number): DicomDataset {
  const rng = createRng(`bench-header:${index}`);
  const header = buildHeader(
    { modality: spec.modality, width: spec.width, height: spec.height, frames: spec.frames ?? 1, bodyPart: spec.bodyPart, studyDescription: spec.studyDescription },
    makeFakeIdentity(rng.fork('identity')),
    formatFor(spec.modality),
    rng.fork('header'),
  );
  const dict: DicomDict = { ...header };
  for (const [tag, element] of Object.entries(base.dict)) if (tag.startsWith('0028') || tag.startsWith('7FE0')) dict[tag] = element;
  return { meta: {}, dict, transferSyntaxUID: base.transferSyntaxUID };
}

const STAMP = '.complete';

function complete(dir: string): boolean {
  return existsSync(path.join(dir, STAMP)) && readFileSync(path.join(dir, STAMP), 'utf8').trim() === String(VERSION);
}

function markComplete(dir: string): void {
  writeFileSync(path.join(dir, STAMP), `${VERSION}\n`);
}

function stats(dir: string): CorpusStats {
  const files = readdirSync(dir).filter((f) => f.endsWith('.dcm'));
  const out: CorpusStats = { files: files.length, bytes: 0, largest: 0, syntaxes: {} };
  for (const file of files) {
    const size = statSync(path.join(dir, file)).size;
    out.bytes += size;
    out.largest = Math.max(out.largest, size);
    // The sample spec's name ends the file name; its syntax is in the spec table.
    const spec = SAMPLE_SPECS.find((s) => file.endsWith(`_${s.name}.dcm`));
    const name = spec ? (syntaxInfo(spec.transferSyntaxUID)?.name ?? spec.transferSyntaxUID) : 'unknown';
    out.syntaxes[name] = (out.syntaxes[name] ?? 0) + 1;
  }
  return out;
}
