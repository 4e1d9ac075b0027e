/**
 * `processInput`, the one-input API a queue worker or a serverless handler calls: bytes in; the
 * manifest entry, the de-identified bytes, the map entries and the findings out; nothing written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import { loadRules, openInputContext, openStateStore, parseRules, processInput } from '../../lib/index.js';
import { DEFAULT_RULES_PATH } from '../../lib/pipeline/defaults.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { projectRoot } from '../support/paths.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-process-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('processInput', () => {
  it('de-identifies one input in memory and returns what the caller must write and absorb', async () => {
    const stateDir = path.join(work, 'state');
    const store = openStateStore(stateDir);
    const rules = loadRules(path.join(projectRoot, DEFAULT_RULES_PATH));
    const context = await openInputContext({ rules, pixels: false, engine: 'local' }, store.snapshot());
    try {
      const fixture = makePhiFixture();
      const outcome = await processInput({ path: 'in/scan.dcm', bytes: fixture.bytes(), fromFolder: false }, context);
      expect(outcome.entry.status, outcome.entry.error).toBe('ok');
      expect(outcome.entry.output).toMatch(/\.dcm$/);
      const out = readDicom(outcome.output!, 'output');
      const names = JSON.stringify(out.dict['00100010'] ?? null);
      expect(names).not.toContain('Smith');
      expect(out.dict['00100020']?.Value?.[0]).not.toBe('MRN-4455667');
      // The new UIDs and the patient pseudonym are handed back for the store, not written by the call.
      expect(outcome.records.uids.length).toBeGreaterThan(0);
      expect(outcome.records.patients.length).toBe(1);
      expect(store.absorb(outcome.records)).toEqual([]);
      // Findings name rules and places, never the values they removed.
      expect(outcome.messages?.some((m) => m.step === 'deidentify-metadata' && m.ruleId.length > 0)).toBe(true);
      expect(JSON.stringify(outcome.messages)).not.toMatch(/Smith|4455667|Quackenbush/);
      // Nothing was written beside the state the caller opened.
      expect(existsSync(path.join(work, 'in'))).toBe(false);

      const bad = await processInput({ path: 'in/broken.dcm', bytes: new Uint8Array(200), fromFolder: false }, context);
      expect(bad.entry.status).toBe('error');
      expect(bad.entry.error).toBeTruthy();
      expect(bad.output).toBeUndefined();
      expect(bad.messages?.some((m) => m.severity === 'fatal')).toBe(true);
    } finally {
      await context.close();
      store.compact();
    }
    expect(readdirSync(work)).toEqual(['state']);
  });

  it('fills unread lines beside identity by the rules default, and keeps them when the rules say pixel_unread_lines: keep', async () => {
    const text = readFileSync(path.join(projectRoot, DEFAULT_RULES_PATH), 'utf8');
    expect(text).toContain('pixel_unread_lines: fill');
    const bytes = readFileSync(path.join(projectRoot, 'images/med_phi_img/us_abdomen_jpeg_baseline.dcm'));
    const blockFindings = async (rulesText: string) => {
      const store = openStateStore(path.join(work, 'state-unread'));
      const context = await openInputContext({ rules: parseRules(rulesText, 'rules.yaml'), pixels: true, engine: 'local' }, store.snapshot());
      try {
        const outcome = await processInput({ path: 'in/us.dcm', bytes: new Uint8Array(bytes), fromFolder: false }, context);
        expect(outcome.entry.status, outcome.entry.error).toBe('ok');
        return (outcome.messages ?? []).filter((m) => m.ruleId.startsWith('pixel:local:block:')).length;
      } finally {
        await context.close();
      }
    };
    expect(await blockFindings(text)).toBeGreaterThan(0);
    expect(await blockFindings(text.replace('pixel_unread_lines: fill', 'pixel_unread_lines: keep'))).toBe(0);
  });
});
