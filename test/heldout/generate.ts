/**
 * The held-out set: a seeded, deterministic list of files (images with burned-in text in several
 * syntaxes, damaged headers, structured reports, a segmentation, an RT structure set), each with
 * its ground truth. Run `tsx test/heldout/generate.ts <dir>` to write it out and look at it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPLICIT_LE, IMPLICIT_LE, writeDicomFile, type Dataset } from './dicom-writer.js';
import { buildRtStruct, buildSeg, buildSr, type SrKind } from './documents.js';
import { resetAgeCycle } from './identity.js';
import { buildImage, type ImageSpec, type Transfer } from './images.js';
import { Rng } from './rng.js';
import type { FileTruth } from './truth.js';

export const DEFAULT_SEED = 80851;

type Plan =
  | ({ type: 'image' } & ImageSpec)
  | { type: 'sr'; name: string; kind: SrKind; damaged: boolean; transfer: Transfer }
  | { type: 'seg' | 'rt'; name: string; transfer: Transfer };

const img = (name: string, modality: ImageSpec['modality'], width: number, height: number, transfer: Transfer, extra: Partial<ImageSpec> = {}): Plan => {
  const spec: ImageSpec = { name, modality, width, height, frames: 1, color: false, transfer, damaged: false, burned: true, classes: [], ...extra };
  spec.classes = [
    `${modality.toLowerCase()}${spec.color ? '-rgb' : '-mono'}`, `syntax-${transfer}`,
    ...(spec.frames > 1 ? ['multi-frame'] : []), ...(spec.burned ? ['burned-in-text'] : ['no-burned-text']), ...(spec.damaged ? ['damaged-header'] : []),
    ...(spec.signed ? ['signed-pixels'] : []), ...(spec.charset === 'ISO_IR 192' ? ['utf-8'] : []), ...spec.classes,
  ];
  return { type: 'image', ...spec };
};

/** The files of the set, in order. */
export const PLAN: Plan[] = [
  img('ct_a', 'CT', 256, 256, 'explicit'),
  img('ct_b', 'CT', 256, 256, 'implicit', { signed: true }),
  img('ct_c', 'CT', 320, 320, 'rle'),
  img('ct_d', 'CT', 384, 384, 'explicit', { signed: true }),
  img('mr_a', 'MR', 256, 256, 'explicit'),
  img('mr_b', 'MR', 256, 256, 'implicit'),
  img('mr_c', 'MR', 320, 320, 'rle', { charset: 'ISO_IR 192' }),
  img('cr_a', 'CR', 256, 320, 'explicit'),
  img('cr_b', 'CR', 288, 352, 'rle'),
  img('dx_a', 'DX', 256, 320, 'explicit'),
  img('dx_b', 'DX', 288, 352, 'implicit'),
  img('dx_c', 'DX', 256, 320, 'rle'),
  img('us_a', 'US', 320, 240, 'explicit', { color: true }),
  img('us_b', 'US', 320, 240, 'rle', { color: true }),
  img('us_c', 'US', 320, 240, 'jpeg', { color: true }),
  img('us_d', 'US', 320, 240, 'explicit'),
  img('us_e', 'US', 288, 224, 'implicit'),
  img('us_f', 'US', 256, 192, 'explicit', { color: true, frames: 4 }),
  img('sc_a', 'SC', 320, 256, 'explicit', { color: true }),
  img('sc_b', 'SC', 320, 256, 'implicit'),
  img('sc_c', 'SC', 256, 192, 'explicit', { frames: 3 }),
  img('sc_d', 'SC', 320, 256, 'jpeg', { color: true }),
  img('hd_ct', 'CT', 64, 64, 'explicit', { burned: false, damaged: true }),
  img('hd_mr', 'MR', 64, 64, 'implicit', { burned: false, damaged: true }),
  img('hd_us', 'US', 64, 64, 'explicit', { burned: false, damaged: true }),
  img('hd_cr', 'CR', 64, 64, 'explicit', { burned: false, damaged: true }),
  img('hx_ct', 'CT', 64, 64, 'implicit', { burned: false }),
  img('hx_mr', 'MR', 64, 64, 'explicit', { burned: false, charset: 'ISO_IR 192' }),
  img('hx_sc', 'SC', 64, 64, 'explicit', { burned: false }),
  img('hx_dx', 'DX', 64, 64, 'explicit', { burned: false }),
  { type: 'sr', name: 'sr_basic_a', kind: 'basic', damaged: false, transfer: 'explicit' },
  { type: 'sr', name: 'sr_basic_b', kind: 'basic', damaged: true, transfer: 'implicit' },
  { type: 'sr', name: 'sr_enh_a', kind: 'enhanced', damaged: false, transfer: 'explicit' },
  { type: 'sr', name: 'sr_enh_b', kind: 'enhanced', damaged: true, transfer: 'explicit' },
  { type: 'sr', name: 'sr_comp_a', kind: 'comprehensive', damaged: false, transfer: 'implicit' },
  { type: 'sr', name: 'sr_comp_b', kind: 'comprehensive', damaged: false, transfer: 'explicit' },
  { type: 'seg', name: 'seg_a', transfer: 'explicit' },
  { type: 'rt', name: 'rt_a', transfer: 'explicit' },
];

const SYNTAX: Record<Transfer, string> = {
  explicit: EXPLICIT_LE,
  implicit: IMPLICIT_LE,
  rle: '1.2.840.10008.1.2.5',
  jpeg: '1.2.840.10008.1.2.4.50',
};

/** Writes a data set in the wanted syntax: our own writer, then dcmtk's encoders for RLE and JPEG baseline. */
function writeAs(dataset: Dataset, transfer: Transfer, file: string): void {
  if (transfer === 'explicit' || transfer === 'implicit') {
    writeFileSync(file, writeDicomFile(dataset, SYNTAX[transfer]));
    return;
  }
  const plain = `${file}.plain`;
  writeFileSync(plain, writeDicomFile(dataset, EXPLICIT_LE));
  execFileSync(transfer === 'rle' ? 'dcmcrle' : 'dcmcjpeg', [plain, file], { stdio: 'pipe' });
  unlinkSync(plain);
}

export interface GeneratedSet {
  dir: string;
  truthDir: string;
  truths: FileTruth[];
  /** Screen lines left out because they would not fit (layouts are random; should stay small). */
  droppedLines: number;
}

/**
 * Writes the held-out files into `dir` (`<name>.dcm`) and their truth into `truthDir` (`<name>.json`).
 * The same seed always gives the same files.
 */
export async function generateHeldout(dir: string, truthDir: string, seed = DEFAULT_SEED, only?: (name: string) => boolean): Promise<GeneratedSet> {
  mkdirSync(dir, { recursive: true });
  mkdirSync(truthDir, { recursive: true });
  // Ages over 89 cycle through every phrasing across the set (so a subset differs from the same files in the full set).
  resetAgeCycle();
  const root = new Rng(seed);
  const truths: FileTruth[] = [];
  let droppedLines = 0;
  for (const plan of PLAN) {
    const rng = root.fork(plan.name);
    if (only && !only(plan.name)) continue;
    const built: { dataset: Dataset; truth: FileTruth; dropped?: number } =
      plan.type === 'image' ? await buildImage(rng, plan)
      : plan.type === 'sr' ? buildSr(rng, plan.kind, plan.name, plan.damaged)
      : plan.type === 'seg' ? buildSeg(rng, plan.name)
      : buildRtStruct(rng, plan.name);
    droppedLines += built.dropped ?? 0;
    const file = `${plan.name}.dcm`;
    writeAs(built.dataset, plan.transfer, path.join(dir, file));
    const truth = { ...built.truth, file, transferSyntaxUID: SYNTAX[plan.transfer] };
    if (plan.type === 'sr' && plan.transfer !== 'explicit') truth.classes.push(`syntax-${plan.transfer}`);
    writeFileSync(path.join(truthDir, `${plan.name}.json`), JSON.stringify(truth, null, 1));
    truths.push(truth);
  }
  return { dir, truthDir, truths, droppedLines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: tsx test/heldout/generate.ts <dir> [seed]\n');
    process.exitCode = 2;
  } else {
    const set = await generateHeldout(path.join(dir, 'files'), path.join(dir, 'truth'), Number(process.argv[3] ?? DEFAULT_SEED));
    process.stdout.write(`${set.truths.length} files in ${set.dir}, truth in ${set.truthDir}; ${set.droppedLines} screen line(s) did not fit\n`);
  }
}
