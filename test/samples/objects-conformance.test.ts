/**
 * De-identified SR, SEG (1-bit), RT Structure Set and multi-frame objects stay conformant: dciodvfy
 * reports no error that the input did not have, and none of the planted identity survives.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../lib/cli/main.js';
import { cloneDataset, readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import { getString } from '../../lib/dicom/elements.js';
import { DicomFile } from '../../lib/file.js';
import { deidentifyMetadata } from '../../lib/steps/index.js';
import { loadRules } from '../../lib/rules/index.js';
import { makeObjectSample, OBJECT_KINDS, type ObjectKind, type ObjectSample } from '../../lib/samples/objects.js';
import { openStateStore } from '../../lib/state/index.js';
import { projectRoot } from '../support/paths.js';
import { dciodvfyErrorLines } from '../support/tools.js';

const rulesPath = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
const tmp = mkdtempSync(path.join(tmpdir(), 'deid-objects-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const samples = new Map<ObjectKind, ObjectSample>(OBJECT_KINDS.map((k) => [k, makeObjectSample(k, 'conformance')]));
const inputDir = path.join(tmp, 'in');
const inputFile = (kind: ObjectKind) => path.join(inputDir, `${kind}.dcm`);

/** Errors of the output that the input did not have. */
const newErrors = (input: string, output: string) => {
  const before = new Set(dciodvfyErrorLines(input));
  return dciodvfyErrorLines(output).filter((line) => !before.has(line));
};
const leaks = (bytes: Uint8Array, sample: ObjectSample) => {
  const text = Buffer.from(bytes).toString('latin1').toUpperCase();
  return sample.phi.filter((p) => text.includes(p.toUpperCase()));
};

beforeAll(() => {
  mkdirSync(inputDir, { recursive: true });
  for (const [kind, sample] of samples) writeFileSync(inputFile(kind), writeDicom(sample.dataset));
});

describe('the object makers', () => {
  it.each(OBJECT_KINDS)('make a %s that dciodvfy finds no error in, with identity planted', (kind) => {
    expect(dciodvfyErrorLines(inputFile(kind))).toEqual([]);
    expect(leaks(readFileSync(inputFile(kind)), samples.get(kind)!).length).toBeGreaterThanOrEqual(8);
  });
});

describe('deid run on SR, SEG, RT Structure Set and multi-frame inputs', () => {
  const outputs = new Map<string, string>();
  beforeAll(async () => {
    const out = path.join(tmp, 'out');
    const state = path.join(tmp, 'state');
    const quiet = [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(process.stderr, 'write').mockImplementation(() => true)];
    try {
      await main(['node', 'deid', 'run', inputDir, '--out', out, '--state', state, '--manifest', path.join(state, 'manifest.jsonl'), '--rules', rulesPath]);
    } finally {
      quiet.forEach((s) => s.mockRestore());
    }
    for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      outputs.set(getString(readDicom(new Uint8Array(readFileSync(file)), 'out').dict, 'SOPClassUID') ?? '', file);
    }
  }, 240_000);

  // SEG's 1-bit pixels are read by the pixel step only once it supports Bits Allocated 1; until then it fails closed.
  it.each(['sr', 'rtstruct', 'multiframe'] as const)('writes the %s', (kind) => {
    expect(outputs.has(getString(samples.get(kind)!.dataset.dict, 'SOPClassUID')!)).toBe(true);
  });

  it.each(OBJECT_KINDS)('adds no dciodvfy error to the %s and leaves none of its identity', (kind) => {
    const output = outputs.get(getString(samples.get(kind)!.dataset.dict, 'SOPClassUID')!);
    if (!output) { expect(kind).toBe('seg'); return; } // only SEG may be refused (see above)
    expect(newErrors(inputFile(kind), output)).toEqual([]);
    expect(leaks(readFileSync(output), samples.get(kind)!)).toEqual([]);
  });
});

describe('deid evaluate on the de-identified objects', () => {
  it('finds no PHI left (codes are not IDs) and its evaluated copies stay conformant', async () => {
    const run = path.join(tmp, 'eval-run');
    const state = path.join(tmp, 'eval-state');
    const quiet = [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(process.stderr, 'write').mockImplementation(() => true)];
    try {
      await main(['node', 'deid', 'run', inputDir, '--out', path.join(run, 'out'), '--state', state, '--manifest', path.join(state, 'manifest.jsonl'), '--rules', rulesPath, '--no-pixels']);
      await main(['node', 'deid', 'evaluate', path.join(run, 'out'), '--original', inputDir, '--report', path.join(run, 'report'), '--out', path.join(run, 'evaluated'), '--state', state, '--rules', rulesPath, '--no-pixels']);
    } finally {
      quiet.forEach((s) => s.mockRestore());
    }
    const tags = readdirSync(path.join(run, 'report')).find((n) => n.startsWith('tags_'))!;
    const rows = readFileSync(path.join(run, 'report', tags), 'utf8').trim().split('\n').slice(1);
    expect(rows).toEqual([]);
    const evaluated = readdirSync(path.join(run, 'evaluated'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(evaluated.length).toBeGreaterThanOrEqual(3);
    for (const e of evaluated) {
      const file = path.join(e.parentPath, e.name);
      const kind = OBJECT_KINDS.find((k) => getString(samples.get(k)!.dataset.dict, 'SOPClassUID') === getString(readDicom(new Uint8Array(readFileSync(file)), 'e').dict, 'SOPClassUID'))!;
      expect(newErrors(inputFile(kind), file)).toEqual([]);
    }
  }, 240_000);
});

describe('the metadata step alone on each object', () => {
  const rules = loadRules(rulesPath);
  it.each(OBJECT_KINDS)('keeps the %s conformant: Type 1 values never emptied, code values kept', async (kind) => {
    const input = readFileSync(inputFile(kind));
    const file = new DicomFile(`${kind}.dcm`, new Uint8Array(input));
    file.original = readDicom(new Uint8Array(input), kind);
    file.dataset = cloneDataset(file.original);
    await deidentifyMetadata({ rules, state: openStateStore(path.join(tmp, `state-${kind}`)) })(file);
    const output = path.join(tmp, `meta-${kind}.dcm`);
    writeFileSync(output, writeDicom(file.dataset));
    expect(newErrors(inputFile(kind), output)).toEqual([]);
    expect(leaks(readFileSync(output), samples.get(kind)!)).toEqual([]);
    const text = readFileSync(output).toString('latin1');
    if (kind === 'sr') {
      // Coded concepts stay (they name findings, not people); the Type 1 Content Time gets a dummy, not an empty value.
      for (const code of ['121071', '18748-4', '52988006']) expect(text).toContain(code);
      expect(getString(file.dataset.dict, 'ContentTime')).toMatch(/^\d{6}/);
      expect(text).toContain('No acute infarct. Small T2 FLAIR foci, LT frontal.');
    }
  });
});
