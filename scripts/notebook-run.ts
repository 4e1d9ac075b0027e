// Execute notebooks headless, check their outputs, export them to HTML and check a
// headless Chromium screenshot of the export. Used by `npm run test:notebooks` and test/notebooks/.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { EXECUTE_SCRIPT, KERNEL_NAME, NOTEBOOKS_DIR, OUTPUT_DIR, PROJECT_ROOT, jupyterEnv } from './notebook-env.ts';

/** The parts of nbformat v4 the checks read. */
export interface NotebookJson {
  cells: Array<{
    cell_type: string;
    source: string | string[];
    metadata?: { tags?: string[] };
    outputs?: Array<{ output_type: string; name?: string; text?: string | string[]; data?: Record<string, string | string[]>; ename?: string; evalue?: string }>;
    execution_count?: number | null;
  }>;
  metadata?: { kernelspec?: { name?: string } };
}

/** Cell tags that say what an executed cell must show. */
export const EXPECT_TAGS = {
  png: 'expect-png',
  table: 'expect-table',
  plotly: 'expect-plotly',
} as const;

const joinText = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join('') : (t ?? ''));

/** The committed notebooks, sorted by name. */
export function listNotebooks(dir = NOTEBOOKS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads a notebook file. */
export function readNotebook(path: string): NotebookJson {
  return JSON.parse(readFileSync(path, 'utf8')) as NotebookJson;
}

/** Outcome of running one notebook. */
export interface ExecuteResult {
  ok: boolean;
  /** Where the executed copy was written (also on failure). */
  output: string;
  cell?: number;
  source?: string;
  error?: string;
  seconds: number;
}

/** Runs a command, resolving with its exit code and output (never rejects for a non-zero exit). */
function run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** What a notebook reads from the project, linked into a workspace (read-only use; the library, samples, rules). */
const WORKSPACE_LINKS = ['node_modules', 'notebooks/node_modules', 'configs', 'images/med_phi_img'] as const;

/**
 * A temporary copy of the project's layout for running notebooks: `notebooks/` holds copies of the
 * notebooks, the folders they read are linked to the project's ({@link WORKSPACE_LINKS}), and
 * everything they write (`images/med_de_id_img/`, `output/…`, `.deid-state/`) lands in the
 * workspace, which {@link executeNotebook} removes afterwards: a run leaves the project as it was,
 * while the notebooks keep the source workflow's relative paths (`../images/…`) analysts use.
 */
export function notebookWorkspace(): { root: string; notebooksDir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'deid-nb-workspace-'));
  for (const dir of ['notebooks', 'images', 'output']) mkdirSync(join(root, dir), { recursive: true });
  for (const link of WORKSPACE_LINKS) symlinkSync(join(PROJECT_ROOT, link), join(root, link));
  return { root, notebooksDir: join(root, 'notebooks'), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Executes a notebook with nbclient and the project's tslab kernel, writing the executed copy to
 * `<outDir>/<name>.ipynb`. The kernel runs a copy of the notebook in a {@link notebookWorkspace}, so
 * what the notebook writes goes there and is removed; the source notebook is never modified.
 */
export async function executeNotebook(python: string, notebook: string, options: { outDir?: string; cellTimeoutSec?: number } = {}): Promise<ExecuteResult> {
  const outDir = options.outDir ?? OUTPUT_DIR;
  mkdirSync(outDir, { recursive: true });
  const output = join(outDir, basename(notebook));
  const workspace = notebookWorkspace();
  const copy = join(workspace.notebooksDir, basename(notebook));
  copyFileSync(notebook, copy);
  const started = Date.now();
  let r: { code: number | null; stdout: string; stderr: string };
  try {
    r = await run(python, [EXECUTE_SCRIPT, copy, output, '--timeout', String(options.cellTimeoutSec ?? 600), '--kernel', KERNEL_NAME], {
      env: jupyterEnv(),
    });
  } finally {
    workspace.remove();
  }
  const seconds = (Date.now() - started) / 1000;
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(line) as { ok: boolean; cell?: number; source?: string; error?: string };
    return { ...parsed, output, seconds };
  } catch {
    return { ok: false, output, seconds, error: `nbclient runner failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().slice(-3000)}` };
  }
}

/** What an executed notebook shows, counted over its outputs. */
export interface OutputSummary {
  png: number;
  htmlTables: number;
  plotlyCharts: number;
  plotlyLibraryEmbedded: boolean;
}

/** Counts images, HTML tables and plotly charts among a notebook's outputs. */
export function summarizeOutputs(nb: NotebookJson): OutputSummary {
  const s: OutputSummary = { png: 0, htmlTables: 0, plotlyCharts: 0, plotlyLibraryEmbedded: false };
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      if (o.data?.['image/png']) s.png += 1;
      const html = joinText(o.data?.['text/html']);
      s.png += (html.match(/<img src="data:image\/png;base64,/g) ?? []).length;
      s.htmlTables += (html.match(/<table[\s>]/g) ?? []).length;
      s.plotlyCharts += (html.match(/Plotly\.newPlot\(/g) ?? []).length;
      if (/plotly\.js v\d/.test(html)) s.plotlyLibraryEmbedded = true;
    }
  }
  return s;
}

/**
 * Problems in an executed notebook: error outputs, crash reports on stderr, code cells that did
 * not run, tables without rows (an empty result is said in words), and tagged cells (`expect-png`,
 * `expect-table`, `expect-plotly`) without that output.
 */
export function checkExecuted(nb: NotebookJson): string[] {
  const problems: string[] = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code') return;
    const where = `cell ${i} (${joinText(cell.source).split('\n')[0].slice(0, 60)})`;
    if (joinText(cell.source).trim() && cell.execution_count == null) problems.push(`${where} did not run`);
    const outputs = cell.outputs ?? [];
    for (const o of outputs) {
      if (o.output_type === 'error') problems.push(`${where} raised ${o.ename}: ${o.evalue}`);
      if (o.output_type === 'stream' && o.name === 'stderr' && /UnhandledPromiseRejection|UncaughtException|^\d+:\d+ - /m.test(joinText(o.text))) {
        problems.push(`${where} reported on stderr: ${joinText(o.text).slice(0, 300)}`);
      }
    }
    for (const o of outputs) {
      const html = joinText(o.data?.['text/html']);
      for (const table of html.match(/<table[\s>][\s\S]*?<\/table>/g) ?? []) {
        if (!/<td[\s>]/.test(table)) problems.push(`${where} shows a table without rows (say an empty result in words)`);
      }
    }
    const tags = cell.metadata?.tags ?? [];
    const one = summarizeOutputs({ cells: [cell] });
    if (tags.includes(EXPECT_TAGS.png) && one.png === 0) problems.push(`${where} is tagged ${EXPECT_TAGS.png} but shows no PNG image`);
    if (tags.includes(EXPECT_TAGS.table) && one.htmlTables === 0) problems.push(`${where} is tagged ${EXPECT_TAGS.table} but shows no HTML table`);
    if (tags.includes(EXPECT_TAGS.plotly) && one.plotlyCharts === 0) problems.push(`${where} is tagged ${EXPECT_TAGS.plotly} but shows no plotly chart`);
  });
  const all = summarizeOutputs(nb);
  if (all.plotlyCharts > 0 && !all.plotlyLibraryEmbedded) problems.push('plotly charts are shown but the plotly.js library is not embedded in any output');
  return problems;
}

/** The tags of expectations present anywhere in a notebook. */
export function expectationsOf(nb: NotebookJson): Set<string> {
  return new Set(nb.cells.flatMap((c) => c.metadata?.tags ?? []).filter((t) => t.startsWith('expect-')));
}

/** Exports an executed notebook to HTML with nbconvert; `noInput` hides code cells. */
export async function exportHtml(python: string, executed: string, options: { noInput?: boolean; outDir?: string } = {}): Promise<string> {
  const outDir = options.outDir ?? OUTPUT_DIR;
  const name = basename(executed, '.ipynb') + (options.noInput ? '.outputs' : '');
  const args = ['-m', 'nbconvert', '--to', 'html', '--output-dir', outDir, '--output', name, ...(options.noInput ? ['--no-input'] : []), executed];
  const r = await run(python, args, { env: jupyterEnv(), timeoutMs: 300_000 });
  if (r.code !== 0) throw new Error(`[notebooks] nbconvert --to html failed for ${executed}: ${r.stderr.trim().slice(-2000)}`);
  return join(outDir, `${name}.html`);
}

/** The Chromium binary (Debian's package), or `$CHROMIUM`. */
export function chromiumPath(): string | null {
  for (const c of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p)) {
    if (spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0) return c;
  }
  return null;
}

function chromiumArgs(profile: string): string[] {
  return [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${profile}`,
    // Lets the page's scripts (plotly) finish before the capture.
    '--virtual-time-budget=20000',
  ];
}

/** Screenshots an HTML file with headless Chromium and returns the rendered DOM as well. */
export async function screenshot(chromium: string, html: string, png: string, size: { width: number; height: number } = { width: 1280, height: 10000 }): Promise<{ dom: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'deid-chromium-'));
  try {
    const url = pathToFileURL(html).href;
    const shot = await run(chromium, [...chromiumArgs(profile), `--window-size=${size.width},${size.height}`, `--screenshot=${png}`, url], { timeoutMs: 180_000 });
    if (shot.code !== 0) throw new Error(`[notebooks] chromium screenshot of ${html} failed (exit ${shot.code}): ${shot.stderr.trim().slice(-1500)}`);
    const dom = await run(chromium, [...chromiumArgs(profile), '--dump-dom', url], { timeoutMs: 180_000 });
    if (dom.code !== 0) throw new Error(`[notebooks] chromium --dump-dom of ${html} failed (exit ${dom.code}): ${dom.stderr.trim().slice(-1500)}`);
    return { dom: dom.stdout };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Pixel statistics of a screenshot. */
export interface ScreenshotStats {
  width: number;
  height: number;
  /** Share of pixels that are not (near) white. */
  nonWhite: number;
  /** 16×16 tiles almost entirely covered by grey, non-white pixels: a drawn greyscale image. */
  imageTiles: number;
  /** Strongly coloured pixels (max−min channel > 80): chart marks, not text or greyscale images. */
  colouredPixels: number;
}

/** Measures a screenshot: how much is drawn, how much looks like a greyscale image, how much is coloured. */
export async function analyzeScreenshot(png: string | Uint8Array): Promise<ScreenshotStats> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const T = 16;
  let nonWhite = 0;
  let coloured = 0;
  let imageTiles = 0;
  for (let ty = 0; ty + T <= height; ty += T) {
    for (let tx = 0; tx + T <= width; tx += T) {
      let dark = 0;
      let grey = 0;
      for (let y = ty; y < ty + T; y++) {
        for (let x = tx; x < tx + T; x++) {
          const i = (y * width + x) * channels;
          const r = data[i], g = data[i + 1], b = data[i + 2];
          const spread = Math.max(r, g, b) - Math.min(r, g, b);
          const lum = 0.299 * r + 0.587 * g + 0.114 * b;
          if (lum < 235) nonWhite += 1;
          if (lum < 230) dark += 1;
          if (spread < 30) grey += 1;
          if (spread > 80) coloured += 1;
        }
      }
      if (dark >= 0.9 * T * T && grey >= 0.9 * T * T) imageTiles += 1;
    }
  }
  return { width, height, nonWhite: nonWhite / (width * height), imageTiles, colouredPixels: coloured };
}

/**
 * Problems with a rendered export: blank page, missing image, chart not drawn by plotly
 * (checked in the DOM: plotly's `main-svg` per chart, no "library not loaded" notice).
 */
export function checkRendering(stats: ScreenshotStats, dom: string, expect: { image: boolean; charts: number }): string[] {
  const problems: string[] = [];
  if (stats.nonWhite < 0.005) problems.push(`the page is blank (${(stats.nonWhite * 100).toFixed(2)}% of pixels drawn)`);
  if (expect.image && stats.imageTiles < 40) problems.push(`no image drawn (${stats.imageTiles} image-like 16×16 tiles, expected ≥ 40)`);
  if (expect.charts > 0) {
    const drawn = (dom.match(/<svg class="main-svg"/g) ?? []).length;
    if (drawn < expect.charts) problems.push(`plotly drew ${drawn} chart surfaces, expected at least ${expect.charts}`);
    if (dom.includes('data-plotly-missing="true"')) problems.push('a chart says the plotly library was not loaded');
    if (stats.colouredPixels < 1500) problems.push(`no chart visible (${stats.colouredPixels} coloured pixels, expected ≥ 1500)`);
  }
  return problems;
}
