// `npm run notebooks:strip [-- --check] [files…]`: remove outputs and execution counts from the
// committed notebooks (notebooks/*.ipynb), keeping sources, tags and kernel metadata.
// With --check nothing is written; the exit code is 1 when a notebook still holds outputs.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PROJECT_ROOT } from './notebook-env.ts';
import { listNotebooks, type NotebookJson } from './notebook-run.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  }
  return value;
}

/** A copy of the notebook without outputs, execution counts or run-time metadata. */
export function stripNotebook(nb: NotebookJson): NotebookJson {
  const copy = structuredClone(nb) as NotebookJson & { metadata?: Record<string, unknown> };
  for (const cell of copy.cells) {
    if (cell.cell_type === 'code') {
      cell.outputs = [];
      cell.execution_count = null;
    }
    const meta = cell.metadata as Record<string, unknown> | undefined;
    if (meta) for (const k of ['execution', 'collapsed', 'scrolled']) delete meta[k];
  }
  if (copy.metadata) delete (copy.metadata as Record<string, unknown>).widgets;
  return copy;
}

/** The notebook as Jupyter writes it: sorted keys, one-space indent, final newline. */
export function formatNotebook(nb: NotebookJson): string {
  return `${JSON.stringify(sortKeys(nb as unknown as Json), null, 1)}\n`;
}

/** True when the notebook holds any output or execution count. */
export function hasOutputs(nb: NotebookJson): boolean {
  return nb.cells.some((c) => c.cell_type === 'code' && ((c.outputs?.length ?? 0) > 0 || c.execution_count != null));
}

function main(): number {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const files = args.filter((a) => !a.startsWith('--'));
  let dirty = 0;
  for (const file of files.length ? files : listNotebooks()) {
    const text = readFileSync(file, 'utf8');
    const stripped = formatNotebook(stripNotebook(JSON.parse(text) as NotebookJson));
    if (stripped === text) continue;
    dirty += 1;
    const name = relative(PROJECT_ROOT, file);
    if (check) {
      console.error(`${name}: holds outputs or is not in stripped form (run: npm run notebooks:strip)`);
    } else {
      writeFileSync(`${file}.tmp`, stripped);
      renameSync(`${file}.tmp`, file);
      console.log(`stripped ${name}`);
    }
  }
  return check && dirty ? 1 : 0;
}

if (process.argv[1] && /notebook-strip\.ts$/.test(process.argv[1])) process.exitCode = main();
