/**
 * The held-out measuring stick of issue 8: generates the held-out set, runs the kit on it through
 * its public CLI (`deid run`, `deid evaluate`) and learning API, and prints the "Done when" figures.
 *
 *   npm run heldout                 # table of figures (no PHI values)
 *   npm run heldout -- --show       # also the planted values that leaked and the words lost
 *   npm run heldout -- --no-learn   # skip the learning check (saves one OCR pass)
 *   npm run heldout -- --keep DIR   # keep the work folder (inputs, outputs, reports) in DIR
 *   npm run heldout -- --keep DIR --reuse   # score what is in DIR again, without generating or running
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEFAULT_SEED, generateHeldout } from './generate.js';
import { scoreLearning, type LearningFigures } from './learning-check.js';
import { countWord } from './match.js';
import { normalize, pixelsOf, textsByPath, type Pixels } from './normalize.js';
import { changedInBox, erasedFraction, glyphPixels, sameGeometry, tolerances, WORD_GONE } from './pixel-score.js';
import { formatResult } from './report.js';
import type { FileTruth } from './truth.js';

export { BARS, formatResult } from './report.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CR_SAMPLE = path.join(projectRoot, 'images/med_phi_img/cr_chest_rle.dcm');
const RULES = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
const execFileAsync = promisify(execFile);

export interface HeldoutOptions {
  seed?: number;
  /** Run `deid evaluate` on the raw files and learning on its report (default: true). */
  learning?: boolean;
  /** Keep the work folder here instead of a temporary one that is removed. */
  keepDir?: string;
  /** With `keepDir`: score the files and outputs already there (no generation, no kit run). */
  reuse?: boolean;
  log?: (line: string) => void;
}

export interface HeaderLeak { file: string; attribute: string; path: string; category: string; kind: string; value: string }
export interface LostWord { file: string; attribute: string; word: string }
export interface PixelMiss { file: string; category: string; kind: string; font: string; size: number; erased: number; text: string }
export interface LineDamage { file: string; font: string; size: number; changedPixels: number; text: string }

export interface HeldoutResult {
  seed: number;
  files: number;
  classes: Record<string, number>;
  /** Breadth of the set (no values): distinct age phrasings, fonts and text sizes drawn. */
  coverage: { agePhrasings: number; ageOver89: number; fonts: number; sizes: [number, number]; burnedWords: number; harmlessLines: number };
  seconds: Record<string, number>;
  refused: { file: string; error: string }[];
  header: { planted: number; left: HeaderLeak[]; byKind: Record<string, [left: number, planted: number]> };
  words: { total: number; kept: number; lost: LostWord[] };
  codes: { total: number; kept: number; lost: LostWord[] };
  conformance: { outputs: number; inputErrors: number; newErrors: { file: string; errors: string[] }[] };
  burned: { total: number; gone: number; missed: PixelMiss[]; byKind: Record<string, [gone: number, total: number]>; unscorable: string[] };
  harmless: { total: number; intact: number; damaged: LineDamage[] };
  crAccession: { erased: number; fullyGone: boolean } | { error: string };
  learning?: LearningFigures;
}

function runDeid(args: string[], log: (s: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/deid.js'), ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.on('data', (d) => log(String(d).trimEnd()));
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`deid ${args[0]} exited with ${code}: ${err.slice(-2000)}`));
      else resolve(code ?? 0);
    });
  });
}

/** dciodvfy's error lines, with quoted values blanked so that only the kind of error and the attribute remain. */
async function dciodvfyErrors(file: string): Promise<string[]> {
  let out: string;
  try {
    const { stdout, stderr } = await execFileAsync('dciodvfy', [file], { encoding: 'utf8', maxBuffer: 16 << 20 });
    out = `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  return [...new Set(out.split('\n').filter((l) => l.startsWith('Error')).map((l) => l.replace(/= <[^>]*>/g, '= <…>').replace(/\s+$/, '')))];
}

/** The manifest by input path; outputs resolved against the output folder. */
function readManifest(file: string, outDir: string): Map<string, { output?: string; status: string; error?: string }> {
  const out = new Map<string, { output?: string; status: string; error?: string }>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as { input: string; output?: string; status: string; error?: string };
    out.set(path.resolve(e.input), { ...e, output: e.output ? path.resolve(outDir, e.output) : undefined });
  }
  return out;
}

const bump = (m: Record<string, [number, number]>, k: string, a: number, b: number) => {
  const v = (m[k] ??= [0, 0]);
  v[0] += a;
  v[1] += b;
};

/** Header: planted PHI left (per planted value) and description words kept (per word occurrence). */
function scoreHeader(truth: FileTruth, out: Map<string, string>, r: HeldoutResult): void {
  for (const p of truth.header.phi) {
    const text = out.get(p.path) ?? '';
    const left = p.probes.some((probe, i) => countWord(text, probe) > p.allowed[i]);
    r.header.planted++;
    bump(r.header.byKind, p.kind, left ? 1 : 0, 1);
    if (left) r.header.left.push({ file: truth.file, attribute: p.attribute, path: p.path, category: p.category, kind: p.kind, value: p.text });
  }
  for (const k of truth.header.keep) {
    const tally = k.kind === 'code' ? r.codes : r.words;
    const text = out.get(k.path) ?? '';
    const need = new Map<string, number>();
    for (const w of k.words) need.set(w, (need.get(w) ?? 0) + 1);
    for (const [w, n] of need) {
      const have = Math.min(n, countWord(text, w, true));
      tally.total += n;
      tally.kept += have;
      for (let i = have; i < n; i++) tally.lost.push({ file: truth.file, attribute: k.attribute, word: w });
    }
  }
}

function scorePixels(truth: FileTruth, input: Pixels | undefined, output: Pixels | undefined, r: HeldoutResult): void {
  const items = truth.pixels;
  if (!items.phi.length && !items.harmless.length) return;
  const scorable = input && output && sameGeometry(input, output);
  if (!scorable) r.burned.unscorable.push(truth.file);
  const tol = input ? tolerances(input, truth.lossy) : { change: 0, flat: 0 };
  for (const w of items.phi) {
    const glyph = glyphPixels(w.box, w.mask);
    const erased = scorable ? Math.min(...w.frames.map((f) => erasedFraction(input, output, f, glyph, tol))) : 0;
    const gone = erased >= WORD_GONE;
    r.burned.total++;
    bump(r.burned.byKind, w.kind, gone ? 1 : 0, 1);
    if (gone) r.burned.gone++;
    else r.burned.missed.push({ file: truth.file, category: w.category, kind: w.kind, font: w.font, size: w.size, erased, text: w.text });
  }
  for (const l of items.harmless) {
    const changed = scorable ? Math.max(...l.frames.map((f) => changedInBox(input, output, f, l.box, tol.change))) : l.box.width * l.box.height;
    r.harmless.total++;
    if (changed === 0) r.harmless.intact++;
    else r.harmless.damaged.push({ file: truth.file, font: l.font, size: l.size, changedPixels: changed, text: l.text });
  }
}

/** The project's own CR sample: how much of its burned-in accession number is erased. */
async function scoreCrAccession(output: string | undefined, work: string): Promise<HeldoutResult['crAccession']> {
  if (!output) return { error: 'the kit did not release the CR sample' };
  const truth = JSON.parse(readFileSync(path.join(path.dirname(CR_SAMPLE), 'truth.json'), 'utf8')) as { samples: { file: string; phi: { text: string; box: FileTruth['pixels']['phi'][0]['box']; mask: string; category: string }[] }[] };
  const sample = truth.samples.find((s) => s.file === path.basename(CR_SAMPLE));
  const words = sample?.phi.filter((p) => p.category === 'R') ?? [];
  if (!words.length) return { error: 'no accession number in the CR sample truth' };
  const input = pixelsOf(await normalize(CR_SAMPLE, path.join(work, 'cr-in.dcm')));
  const out = pixelsOf(await normalize(output, path.join(work, 'cr-out.dcm')));
  if (!input || !out || !sameGeometry(input, out)) return { error: 'CR sample pixels could not be compared' };
  const tol = tolerances(input, false);
  const glyph = words.flatMap((w) => glyphPixels(w.box, w.mask));
  const erased = erasedFraction(input, out, 0, glyph, tol);
  return { erased, fullyGone: erased >= 0.99 };
}

/** Where the kit put each input's output (absolute), or why it did not release it. */
export type OutputOf = (truth: FileTruth) => { output: string } | { error: string };

/** Maps over items two at a time (dcmtk and dciodvfy are separate processes; two cores). */
async function inPairs<T, R>(items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(f))));
  return out;
}

/** A result with nothing counted yet. */
export function emptyResult(seed: number, truths: FileTruth[]): HeldoutResult {
  const classes: Record<string, number> = {};
  for (const t of truths) for (const c of t.classes) classes[c] = (classes[c] ?? 0) + 1;
  const ages = truths.flatMap((t) => t.header.phi.filter((p) => p.kind === 'age>89').map((p) => p.text));
  const shape = (a: string) => a.replace(/\d+/g, '#').replace(/\b(one|two|three|four|five|six|seven|eight|nine|ninety|hundred|and)\b/gi, 'W').replace(/W([- ]W)+/g, 'W');
  const words = truths.flatMap((t) => [...t.pixels.phi, ...t.pixels.harmless]).filter((w) => w.font !== 'graphic');
  const coverage = {
    agePhrasings: new Set(ages.map(shape)).size, ageOver89: ages.length,
    fonts: new Set(words.map((w) => w.font)).size,
    sizes: [Math.min(...words.map((w) => w.size)), Math.max(...words.map((w) => w.size))] as [number, number],
    burnedWords: truths.reduce((n, t) => n + t.pixels.phi.length, 0), harmlessLines: truths.reduce((n, t) => n + t.pixels.harmless.length, 0),
  };
  return {
    seed, files: truths.length, classes, coverage, seconds: {}, refused: [],
    header: { planted: 0, left: [], byKind: {} }, words: { total: 0, kept: 0, lost: [] }, codes: { total: 0, kept: 0, lost: [] },
    conformance: { outputs: 0, inputErrors: 0, newErrors: [] },
    burned: { total: 0, gone: 0, missed: [], byKind: {}, unscorable: [] }, harmless: { total: 0, intact: 0, damaged: [] },
    crAccession: { error: 'not run' },
  };
}

/**
 * Scores the outputs of a run against the truth: header PHI left, kept words, new dciodvfy errors,
 * burned-in PHI words gone and harmless lines intact. A refused file releases nothing: it is
 * counted under `refused` and left out of the other figures.
 */
export async function scoreOutputs(r: HeldoutResult, truths: FileTruth[], inputDir: string, outputOf: OutputOf, scratch: string): Promise<void> {
  mkdirSync(scratch, { recursive: true });
  const scored = await inPairs(truths, async (truth) => {
    const input = path.join(inputDir, truth.file);
    const where = outputOf(truth);
    if ('error' in where) return { truth, refused: where.error };
    try {
      const [inRead, outRead] = await Promise.all([normalize(input, path.join(scratch, `in-${truth.file}`)), normalize(where.output, path.join(scratch, `out-${truth.file}`))]);
      const [before, after] = await Promise.all([dciodvfyErrors(input), dciodvfyErrors(where.output)]);
      return { truth, inRead, outRead, before, after };
    } catch (error) {
      return { truth, refused: `output unreadable by dcmtk: ${(error as Error).message.split('\n')[0]}` };
    }
  });
  for (const s of scored) {
    if ('refused' in s) {
      r.refused.push({ file: s.truth.file, error: s.refused ?? 'refused' });
      continue;
    }
    scoreHeader(s.truth, textsByPath(s.outRead), r);
    scorePixels(s.truth, pixelsOf(s.inRead), pixelsOf(s.outRead), r);
    r.conformance.outputs++;
    const before = new Set(s.before);
    r.conformance.inputErrors += before.size;
    const added = s.after.filter((e) => !before.has(e));
    if (added.length) r.conformance.newErrors.push({ file: s.truth.file, errors: added });
  }
}

/** Generates the set, runs the kit, scores. */
export async function runHeldout(options: HeldoutOptions = {}): Promise<HeldoutResult> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? DEFAULT_SEED;
  const work = options.keepDir ? path.resolve(options.keepDir) : mkdtempSync(path.join(os.tmpdir(), 'deid-heldout-'));
  const reuse = Boolean(options.keepDir && options.reuse && existsSync(path.join(work, 'state', 'manifest.jsonl')));
  if (options.keepDir && !reuse) rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = Date.now();
    try {
      return await f();
    } finally {
      seconds[name] = Math.round((Date.now() - t0) / 100) / 10;
    }
  };
  try {
    const inputs = path.join(work, 'in');
    const truthDir = path.join(work, 'truth');
    const truths = reuse
      ? readdirSync(truthDir).sort().map((f) => JSON.parse(readFileSync(path.join(truthDir, f), 'utf8')) as FileTruth)
      : (await timed('generate', () => generateHeldout(inputs, truthDir, seed))).truths;
    const crInput = path.join(work, 'cr', path.basename(CR_SAMPLE));
    const manifestPath = path.join(work, 'state', 'manifest.jsonl');
    const outDir = path.join(work, 'out');
    if (!reuse) {
      mkdirSync(path.dirname(crInput), { recursive: true });
      copyFileSync(CR_SAMPLE, crInput);
      await timed('deid run', () => runDeid(['run', inputs, crInput, '--out', outDir, '--state', path.join(work, 'state'), '--manifest', manifestPath, '--rules', RULES], log));
    }
    const manifest = readManifest(manifestPath, outDir);
    const outputOf: OutputOf = (truth) => {
      const input = path.join(inputs, truth.file);
      const entry = manifest.get(path.resolve(input));
      if (entry?.status === 'ok' && entry.output) return { output: entry.output };
      return { error: entry?.status === 'error' ? (entry.error ?? 'error').replace(input, '<input>') : 'no output' };
    };
    const r = emptyResult(seed, truths);
    r.seconds = seconds;
    const norm = path.join(work, 'normalized');
    await timed('score', async () => {
      await scoreOutputs(r, truths, inputs, outputOf, norm);
      const cr = manifest.get(path.resolve(crInput));
      r.crAccession = await scoreCrAccession(cr?.status === 'ok' ? cr.output : undefined, norm);
    });
    if (options.learning !== false) r.learning = await timed('learning', () => scoreLearning(inputs, work, truths, RULES, (args) => runDeid(args, log), reuse));
    return r;
  } finally {
    if (!options.keepDir) rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const keepAt = args.indexOf('--keep');
  const seedAt = args.indexOf('--seed');
  for (const tool of ['dciodvfy', 'dcmconv', 'dcmcrle', 'dcmcjpeg']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      process.stderr.write(`heldout: ${tool} is missing; run npm run setup\n`);
      process.exit(2);
    }
  }
  if (!existsSync(CR_SAMPLE)) process.stderr.write(`heldout: ${CR_SAMPLE} is missing; run npm run samples\n`);
  const result = await runHeldout({
    learning: !args.includes('--no-learn'),
    keepDir: keepAt >= 0 ? args[keepAt + 1] : undefined,
    reuse: args.includes('--reuse'),
    seed: seedAt >= 0 ? Number(args[seedAt + 1]) : undefined,
    log: args.includes('--verbose') ? (l) => process.stderr.write(`${l}\n`) : undefined,
  });
  process.stdout.write(formatResult(result, args.includes('--show')));
}
