/**
 * `npm run bench`: our speed against the tools users would pick instead, on one machine, in one
 * invocation. Generates a corpus with the project's generator (bench/corpus.ts), then times, each
 * as a child process under GNU time (wall time and peak memory):
 *   - a plain copy of the header-mode files (the I/O floor);
 *   - `deid run --no-pixels` with `--jobs 1`, `--jobs <cores>` and the default (no `--jobs`: in header
 *     mode one thread per 400 files, at most the cores less one; see autoThreads);
 *   - gdcmanon (Debian libgdcm-tools; PS 3.15 Basic Profile, with a throw-away certificate);
 *   - PixelMed DeidentifyAndRedact (Debian pixelmed-apps; no redaction regions);
 *   - `deid run` with pixels (OCR and redaction) on the images, `--jobs 1` and `--jobs 2`;
 *   - native tesseract (Debian tesseract-ocr) reading every frame of those images, rendered as we
 *     render them, in one process (a list file): the OCR floor per image;
 *   - one large file at two sizes in header and pixel mode: peak memory per byte of input.
 * and prints a table: files per second, time ratio to gdcmanon (header) or to native tesseract
 * (pixels), peak memory and, for our runs, the fixed base (the same command on the smallest files); then
 * the issue's targets, met or not, and `deid --help` latency.
 * A missing peer is skipped with the Debian package that provides it.
 *
 * Options: `--header N` (default 1000), `--images N` (default 100), `--dir D` (corpus folder,
 * reused between runs; default: <tmp>/deid-bench-corpus), `--only header|pixels|memory`.
 * Run it with `nice -n 10` on a shared machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDicom } from '../lib/dicom/adapter.js';
import { autoThreads } from '../lib/pipeline/pool.js';
import { decodeFrames } from '../lib/pixels/decode.js';
import { toPng } from '../lib/pixels/png.js';
import { renderFrame } from '../lib/pixels/render.js';
import { makeBenchCorpus, type CorpusStats } from './corpus.js';
import { writeLargeFile } from './large-file.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const headerFiles = Number(option('--header', '1000'));
const images = Number(option('--images', '100'));
const corpusDir = path.resolve(option('--dir', path.join(tmpdir(), 'deid-bench-corpus')));
const only = option('--only', 'all');
const cores = availableParallelism();
const work = mkdtempSync(path.join(tmpdir(), 'deid-bench-'));
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** One timed run. */
interface Row {
  group: 'header' | 'pixels';
  name: string;
  files: number;
  /** Files the tool wrote (or read, for tesseract). */
  done: number;
  seconds: number;
  /** User plus system CPU time of the process and its children. */
  cpuSeconds: number;
  peakBytes: number;
  /** Our runs: peak memory of the same command on the folder's `jobs` smallest files (the fixed base). */
  baseBytes?: number;
}

const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const PIXELMED_JAR = '/usr/share/java/pixelmed.jar';
const TIME = '/usr/bin/time';

/** Runs `command` under GNU time; throws with its last lines of stderr when it fails (unless `allowFail`). */
function timed(command: string, argv: string[], options: { allowFail?: boolean; env?: Record<string, string> } = {}): { seconds: number; cpuSeconds: number; peakBytes: number; status: number } {
  const report = path.join(work, `time-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const env = options.env ? { ...process.env, ...options.env } : process.env;
  const result = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', report, command, ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20, env });
  const [seconds, user, system, kb] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  if (result.status !== 0 && !options.allowFail) {
    throw new Error(`${path.basename(command)} ${argv.slice(0, 2).join(' ')}… exited ${result.status}: ${(result.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  }
  return { seconds, cpuSeconds: user + system, peakBytes: kb * 1024, status: result.status ?? -1 };
}

const countFiles = (dir: string): number => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

function deidRun(input: string, name: string, extra: string[]): { out: string; seconds: number; cpuSeconds: number; peakBytes: number } {
  const out = path.join(work, `${name}-out`);
  const state = path.join(work, `${name}-state`);
  const { seconds, cpuSeconds, peakBytes } = timed(process.execPath, ['bin/deid.js', 'run', input, '--out', out, '--state', state, '--no-resume', ...extra], { allowFail: true });
  return { out, seconds, cpuSeconds, peakBytes };
}

/**
 * The fixed base of a configuration: peak memory of the same command on the folder's `jobs` smallest
 * files (as many files as threads, so every worker and its OCR reader starts). It holds the runtime,
 * the library, word lists, workers and readers, plus the working set of the smallest inputs; what a
 * full run needs beyond it is what grows with input.
 */
function deidBase(input: string, name: string, jobs: number, extra: string[]): number {
  const sizes = readdirSync(input)
    .filter((f) => f.endsWith('.dcm'))
    .map((f) => ({ f, size: statSync(path.join(input, f)).size }))
    .sort((a, b) => a.size - b.size || a.f.localeCompare(b.f));
  const few = path.join(work, `${name}-base-in`);
  mkdirSync(few);
  for (const { f } of sizes.slice(0, jobs)) cpSync(path.join(input, f), path.join(few, f));
  const run = deidRun(few, `${name}-base`, extra);
  rmSync(run.out, { recursive: true, force: true });
  return run.peakBytes;
}

function headerRows(dir: string, stats: CorpusStats): Row[] {
  const rows: Row[] = [];
  const files = stats.files;
  const copyOut = path.join(work, 'copy-out');
  const copy = timed('cp', ['-r', dir, copyOut]);
  rows.push({ group: 'header', name: 'plain copy (cp -r)', files, done: countFiles(copyOut) - 1, ...copy });
  rmSync(copyOut, { recursive: true, force: true });

  // --jobs 1, a pool of one thread per core, and the default (no --jobs: threads chosen by autoThreads).
  const defaultThreads = autoThreads({ pixels: false }, files, cores);
  const configs: Array<{ label: string; jobs: number; extra: string[] }> = [
    ...[...new Set([1, cores])].map((jobs) => ({ label: `--jobs ${jobs}`, jobs, extra: ['--jobs', String(jobs)] })),
    { label: `(default: ${defaultThreads} thread${defaultThreads === 1 ? '' : 's'})`, jobs: defaultThreads, extra: [] },
  ];
  for (const { label, jobs, extra: jobsArgs } of configs) {
    const name = `deid --no-pixels ${label}`;
    log(`${name}…`);
    const extra = ['--no-pixels', ...jobsArgs];
    const key = jobsArgs.length ? `header-${jobs}` : 'header-default';
    const run = deidRun(dir, key, extra);
    // The default on a few files would choose one thread: its base is measured with the threads the run took.
    const baseBytes = deidBase(dir, key, jobs, jobsArgs.length ? extra : [...extra, '--jobs', String(jobs)]);
    rows.push({ group: 'header', name, files, done: countFiles(run.out), seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakBytes: run.peakBytes, baseBytes });
    rmSync(run.out, { recursive: true, force: true });
  }

  if (has('gdcmanon') && has('openssl')) {
    log('gdcmanon…');
    const key = path.join(work, 'key.pem');
    const cert = path.join(work, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=deid-bench', '-days', '2'], { stdio: 'ignore' });
    const out = path.join(work, 'gdcmanon-out');
    const run = timed('gdcmanon', ['-e', '-c', cert, '-r', '--continue', '-i', dir, '-o', out], { allowFail: true });
    rows.push({ group: 'header', name: 'gdcmanon -e (Basic Profile)', files, done: countFiles(out), ...run });
    rmSync(out, { recursive: true, force: true });
  } else log('gdcmanon: not installed (apt-get install libgdcm-tools openssl); skipped');

  if (existsSync(PIXELMED_JAR) && has('java')) {
    log('PixelMed DeidentifyAndRedact…');
    const out = path.join(work, 'pixelmed-out');
    mkdirSync(out);
    const control = path.join(work, 'no-regions.txt');
    writeFileSync(control, '');
    const run = timed('java', ['-cp', PIXELMED_JAR, 'com.pixelmed.apps.DeidentifyAndRedact', dir, out, control, 'BLOCK', 'KEEPSAFEPRIVATE', 'DONOTADDCONTRIBUTINGEQUIPMENT'], { allowFail: true });
    rows.push({ group: 'header', name: 'PixelMed DeidentifyAndRedact', files, done: countFiles(out), ...run });
    rmSync(out, { recursive: true, force: true });
  } else log('PixelMed: not installed (apt-get install pixelmed-apps); skipped');
  return rows;
}

async function pixelRows(dir: string, stats: CorpusStats): Promise<Row[]> {
  const rows: Row[] = [];
  const files = stats.files;
  for (const jobs of [1, 2]) {
    const name = `deid (pixels, OCR) --jobs ${jobs}`;
    log(`${name}…`);
    const extra = ['--jobs', String(jobs)];
    const run = deidRun(dir, `pixels-${jobs}`, extra);
    const baseBytes = deidBase(dir, `pixels-${jobs}`, jobs, extra);
    rows.push({ group: 'pixels', name, files, done: countFiles(run.out), seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakBytes: run.peakBytes, baseBytes });
    rmSync(run.out, { recursive: true, force: true });
  }
  if (has('tesseract')) {
    log('native tesseract: rendering every frame…');
    const pngDir = path.join(work, 'rendered');
    mkdirSync(pngDir);
    const list: string[] = [];
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.dcm')).sort()) {
      const decoded = await decodeFrames(readDicom(readFileSync(path.join(dir, name)), name));
      for (const [i, frame] of decoded.frames.entries()) {
        const png = path.join(pngDir, `${name}-${i}.png`);
        writeFileSync(png, await toPng(renderFrame(decoded.module, frame)));
        list.push(png);
      }
    }
    const listFile = path.join(work, 'rendered.txt');
    writeFileSync(listFile, `${list.join('\n')}\n`);
    log(`native tesseract: reading ${list.length} frames of ${files} images…`);
    const run = timed('tesseract', [listFile, path.join(work, 'tesseract-out'), 'tsv'], { allowFail: true });
    rows.push({ group: 'pixels', name: `tesseract CLI (${list.length} frames, one process)`, files, done: files, ...run });
    // Our readers run tesseract on one thread (OMP_THREAD_LIMIT=1); the CLI by default spreads one page over the cores.
    const single = timed('tesseract', [listFile, path.join(work, 'tesseract-out-1'), 'tsv'], { allowFail: true, env: { OMP_THREAD_LIMIT: '1' } });
    rows.push({ group: 'pixels', name: `tesseract CLI, one thread (OMP_THREAD_LIMIT=1)`, files, done: files, ...single });
  } else log('tesseract: not installed (apt-get install tesseract-ocr); skipped');
  return rows;
}

/** Peak memory against input size, for one mode: one file at two sizes. */
interface MemoryGrowth {
  mode: string;
  runs: Array<{ size: number; peakBytes: number; status: number }>;
  /** Extra peak memory per extra byte of input: the multiple of the input a run holds beyond its fixed base. */
  perInputByte: number;
}

/**
 * What peak memory costs per byte of input, in header and pixel mode: the same large native file
 * (bench/large-file.ts, 1024 x 1024 frames) at `small` and `large` MiB, one `deid run` each. The
 * difference of the peaks over the difference of the sizes is the multiple of its input a run holds;
 * what is left (the runtime, word lists, OCR reader, one frame's working set) is the fixed base.
 */
function memoryGrowth(small = 16, large = 64): MemoryGrowth[] {
  const results: MemoryGrowth[] = [];
  for (const [mode, extra] of [
    ['header mode', ['--no-pixels']],
    ['pixel mode', []],
  ] as const) {
    const runs = [small, large].map((mib) => {
      const dir = path.join(work, `large-${mib}`);
      const { size } = writeLargeFile(dir, mib);
      log(`${mode}, one ${mib} MiB file…`);
      const run = timed(process.execPath, ['bin/deid.js', 'run', dir, '--out', path.join(work, `large-${mib}-out`), '--state', path.join(work, `large-${mib}-state`), '--no-resume', ...extra], { allowFail: true });
      rmSync(path.join(work, `large-${mib}-out`), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
      return { size, peakBytes: run.peakBytes, status: run.status };
    });
    results.push({ mode, runs, perInputByte: (runs[1].peakBytes - runs[0].peakBytes) / (runs[1].size - runs[0].size) });
  }
  return results;
}

/** Median wall and CPU time of `deid --help`, in seconds, over 5 runs after one warm-up. */
function helpLatency(): { seconds: number; cpuSeconds: number } {
  const runs: Array<{ seconds: number; cpuSeconds: number }> = [];
  for (let i = 0; i < 6; i++) {
    const run = timed(process.execPath, ['bin/deid.js', '--help']);
    if (i > 0) runs.push(run);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[2];
  return { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: median(runs.map((r) => r.cpuSeconds)) };
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

function table(rows: Row[], reference: Row | undefined, referenceName: string): string {
  const lines = [
    `${pad('run', 44)}${lpad('files', 6)}${lpad('written', 8)}${lpad('wall s', 8)}${lpad('files/s', 9)}${lpad('CPU s', 8)}${lpad('files/CPU s', 12)}${lpad(`wall / ${referenceName}`, 26)}${lpad(`CPU / ${referenceName}`, 26)}${lpad('peak mem', 10)}${lpad('base', 8)}`,
  ];
  const ratio = (a: number, b: number | undefined) => (b ? (a / b).toFixed(2) : 'n/a');
  for (const r of rows) {
    lines.push(
      `${pad(r.name, 44)}${lpad(String(r.files), 6)}${lpad(String(r.done), 8)}${lpad(r.seconds.toFixed(2), 8)}${lpad((r.files / Math.max(r.seconds, 1e-3)).toFixed(1), 9)}` +
        `${lpad(r.cpuSeconds.toFixed(2), 8)}${lpad((r.files / Math.max(r.cpuSeconds, 1e-3)).toFixed(1), 12)}${lpad(ratio(r.seconds, reference?.seconds), 26)}${lpad(ratio(r.cpuSeconds, reference?.cpuSeconds), 26)}${lpad(mb(r.peakBytes), 10)}${lpad(r.baseBytes === undefined ? '' : mb(r.baseBytes), 8)}`,
    );
  }
  return lines.join('\n');
}

const mark = (ok: boolean | undefined) => (ok === undefined ? 'n/a ' : ok ? 'met ' : 'NOT ');

async function main(): Promise<void> {
  if (!existsSync(TIME)) throw new Error('GNU time is needed to measure peak memory: apt-get install time (npm run setup installs it)');
  log('building dist/ (the CLI runs the compiled library)…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const corpus = await makeBenchCorpus(corpusDir, images, headerFiles, log);
  const describe = (what: string, s: CorpusStats) =>
    `${what}: ${s.files} files, ${mb(s.bytes)} (${(s.bytes / Math.max(s.files, 1) / 1024 ** 2).toFixed(2)} MB each on average, largest ${(s.largest / 1024 ** 2).toFixed(2)} MB); ${Object.entries(s.syntaxes).map(([k, n]) => `${k} ${n}`).join(', ')}`;
  const out: string[] = [`deid bench on ${cores} cores, node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`, describe('header-mode corpus', corpus.header), describe('image corpus', corpus.images), ''];

  let header: Row[] = [];
  let pixels: Row[] = [];
  if (only === 'all' || only === 'header') header = headerRows(corpus.headerDir, corpus.header);
  if ((only === 'all' || only === 'pixels') && images > 0) pixels = await pixelRows(corpus.imagesDir, corpus.images);
  const growth = only === 'all' || only === 'memory' ? memoryGrowth() : [];
  const help = helpLatency();

  const gdcm = header.find((r) => r.name.startsWith('gdcmanon'));
  // Native tesseract's time on the images: the faster of its two runs (the CLI's default spreads a page
  // over the cores, which on a small machine can take several times longer than one thread).
  const tess = pixels.filter((r) => r.name.startsWith('tesseract')).reduce<Row | undefined>((best, r) => (!best || r.seconds < best.seconds ? r : best), undefined);
  if (header.length) out.push(table(header, gdcm, 'gdcmanon'), '');
  if (pixels.length) out.push(table(pixels, tess, 'native tesseract'), '');

  const find = (rows: Row[], prefix: string) => rows.find((r) => r.name.startsWith(prefix));
  const h1 = find(header, 'deid --no-pixels --jobs 1');
  const hDefault = header.find((r) => r.name.includes('(default'));
  const p1 = find(pixels, 'deid (pixels, OCR) --jobs 1');
  const p2 = find(pixels, 'deid (pixels, OCR) --jobs 2');
  const ratio = (a?: Row, b?: Row) => (a && b ? a.seconds / b.seconds : undefined);
  const largest = Math.max(corpus.header.largest, corpus.images.largest);
  const ours = [...header, ...pixels].filter((r) => r.baseBytes !== undefined);
  // The run whose peak grows most over its own configuration's base.
  const worst = ours.reduce<Row | undefined>((w, r) => (!w || r.peakBytes - r.baseBytes! > w.peakBytes - w.baseBytes! ? r : w), undefined);
  const fmt = (x: number | undefined, digits = 2) => (x === undefined ? 'n/a' : x.toFixed(digits));
  const hRatio = ratio(hDefault, gdcm);
  const h1Ratio = ratio(h1, gdcm);
  const speedup = ratio(p1, p2);
  const perImage = ratio(p1, tess);
  const otherTess = pixels.find((r) => r.name.startsWith('tesseract') && r !== tess);
  const perImageOther = ratio(p1, otherTess);
  out.push(
    'targets (issue 11):',
    `  ${mark(hRatio === undefined ? undefined : hRatio <= 1)} header mode, default jobs, time / gdcmanon <= 1.0: ${fmt(hRatio)}`,
    `  ${mark(h1Ratio === undefined ? undefined : h1Ratio <= 2)} header mode, --jobs 1, time / gdcmanon <= 2.0: ${fmt(h1Ratio)}`,
    `  ${mark(speedup === undefined ? undefined : speedup >= 1.7)} pixels, --jobs 2 speed-up over --jobs 1 >= 1.7: ${fmt(speedup)}`,
    `  ${mark(perImage === undefined ? undefined : perImage <= 1.3)} pixels, --jobs 1 per image / native tesseract per image <= 1.3: ${fmt(perImage)} against ${tess?.name ?? 'n/a'} (${fmt(perImageOther)} against ${otherTess?.name ?? 'n/a'})`,
    ...growth.map(
      (g) =>
        `  ${mark(g.runs.every((r) => r.status === 0) && g.perInputByte < 4)} ${g.mode}: peak memory per byte of input < 4: ${fmt(g.perInputByte)} (one file of ${g.runs.map((r) => `${mb(r.size)}: peak ${mb(r.peakBytes)}`).join('; ')})`,
    ),
    `  info peak memory over a one-file run's, across a whole run of many small files: at most ${worst ? `${mb(worst.peakBytes - worst.baseBytes!)} (${worst.name}: peak ${mb(worst.peakBytes)}, base ${mb(worst.baseBytes!)}; 4 x the largest input is ${mb(4 * largest)})` : 'n/a'}`,
    '       (base: the same command on as many of the smallest files as it has threads; the rest is bounded caches and the collector\'s heap, which settle as a run goes on)',
    `  ${mark(help.seconds < 0.3)} deid --help ${help.seconds.toFixed(3)} s wall (${help.cpuSeconds.toFixed(3)} s CPU) < 0.3 s (median of 5)`,
    `load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}: on a shared machine, wall times stretch and the CPU columns are the steadier comparison`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
