import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgram } from '../../lib/cli/main.js';
import { runSummary } from '../../lib/cli/summary.js';
import type { ManifestEntry } from '../../lib/pipeline/manifest.js';
import { tallyOf } from '../../lib/pipeline/run-tally.js';
import { deid } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';

describe('deid --version and --help', () => {
  it('prints the version of package.json and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await deid(flag);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  const commands = createProgram(() => {}).commands as Command[];

  it('has the sub-commands the README documents', () => {
    expect(commands.map((c) => c.name())).toEqual(['run', 'evaluate', 'learn', 'worker']);
  });

  it.each(commands.map((c) => [c.name(), c] as const))('%s --help marks every required option and argument, and only those', async (name, command) => {
    const { code, stdout } = await deid(name, '--help');
    expect(code).toBe(0);
    const usage = stdout.split('\n')[0];
    const lineOf = (term: string) => stdout.split('\n').find((l) => l.trimStart().startsWith(`${term} `)) ?? '';
    for (const option of command.options) {
      const line = lineOf(option.flags);
      expect(line, `${option.flags} is listed`).not.toBe('');
      if (option.mandatory) {
        expect(line).toContain('(required)');
        expect(usage).toContain(option.flags);
      } else {
        expect(line).not.toContain('(required)');
      }
    }
    for (const argument of command.registeredArguments) {
      expect(lineOf(argument.name())).toContain(argument.required ? '(required)' : '');
      if (argument.required) expect(usage).toContain(`<${argument.name()}`);
    }
    // The usage line names what is required before the optional rest.
    expect(usage).toMatch(/\[options\]$/);
  });

  it('tells a missing required option in words, with the usage line, and exits 2', async () => {
    const r = await deid('run', 'x.dcm');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--out <dir>' not specified");
    expect(r.stderr).toContain('Usage: deid run <inputs...> --out <dir> [options]');
  });
});

describe('the run summary', () => {
  const entry = (e: Partial<ManifestEntry>): ManifestEntry => ({ input: 'x', status: 'ok', pixelsChecked: true, pixelBoxes: 0, ...e });

  it('counts files and pixel boxes, and names the output folder and the manifest', () => {
    const entries = [entry({ pixelBoxes: 3 }), entry({ pixelBoxes: 1 }), entry({ pixelsChecked: false }), entry({ status: 'error', pixelBoxes: undefined })];
    const text = runSummary({ tally: tallyOf(entries), manifestPath: '/s/manifest.jsonl' }, 'output/x');
    expect(text).toBe('3 de-identified, 1 failed, 0 skipped, 1 not pixel-checked; 4 pixel boxes redacted\noutput: output/x\nmanifest: /s/manifest.jsonl\n');
    expect(runSummary({ tally: tallyOf([entry({ pixelBoxes: 1 })]), manifestPath: 'm' }, 's3://b/p')).toContain('1 pixel box redacted\noutput: s3://b/p\n');
  });

  describe('of a real run over a sample with burned-in text', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'deid-summary-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('prints the boxes the manifest counts and the output folder, and the manifest says its warnings in words', async () => {
      const out = path.join(work, 'out');
      const sample = path.join(projectRoot, 'images/med_phi_img/us_abdomen_jpeg_baseline.dcm');
      const r = await deid('run', sample, '--out', out, '--state', path.join(work, 'state'));
      expect(r.code, r.stderr).toBe(0);
      const [line] = readFileSync(path.join(work, 'state', 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ManifestEntry);
      expect(line.pixelBoxes).toBeGreaterThan(0);
      expect(r.stdout).toContain(`1 de-identified, 0 failed, 0 skipped; ${line.pixelBoxes} pixel boxes redacted\n`);
      expect(r.stdout).toContain(`output: ${out}\n`);
      const filled = line.warnings?.find((w) => w.id === 'pixel:phi-filled');
      expect(filled, JSON.stringify(line.warnings)).toBeDefined();
      expect(filled!.text).toMatch(/^\d+ findings? of burned-in PHI text, filled in the pixels; found by /);
      expect(filled!.text).not.toMatch(/pixel:|local:/);
      expect(filled!.count).toBeGreaterThan(0);
      for (const w of line.warnings!) expect(w.text.length, w.id).toBeGreaterThan(20);
    });
  });
});
