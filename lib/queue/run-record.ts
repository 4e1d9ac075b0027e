/**
 * A run's settings as its workers get them: the rules (their YAML text), the options that decide an
 * output, and where outputs go. Written once per run in Redis, sealed (workers check they hold the
 * run's secret by opening it, and nobody without the secret can hand workers other rules).
 */
import { createHash } from 'node:crypto';
import { assertCompleteRules, parseRules } from '../rules/index.js';
import type { TextEngineChoice } from '../pipeline/recipe.js';
import type { Rules } from '../rules/types.js';
import type { JobPlaces } from './job.js';
import type { InputSettings } from './one-input.js';

/** The sealed settings of a run. */
export interface RunRecord {
  v: 1;
  /** The rules YAML, as the run read it. */
  rulesText: string;
  /** Where the run read it (for messages). */
  rulesSource: string;
  pixels: boolean;
  /** The OCR program every worker reads pixels with (resolved by the run, never `auto`). */
  textEngine?: TextEngineChoice;
  allowIncompleteRules: boolean;
  places: JobPlaces;
}

/**
 * A hash of what decides an output (rules text, pixels on or off, incomplete rules allowed): a
 * rerun skips an input done earlier only under the same settings.
 */
export function runSettingsHash(record: Pick<RunRecord, 'rulesText' | 'pixels' | 'allowIncompleteRules' | 'textEngine'>): string {
  const settings = { rules: createHash('sha256').update(record.rulesText).digest('hex'), pixels: record.pixels, allowIncompleteRules: record.allowIncompleteRules, ...(record.pixels ? { textEngine: record.textEngine } : {}) };
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex');
}

/** The input settings a worker processes a run's jobs with (rules parsed and checked again on the worker). */
export function runInputSettings(record: RunRecord): { settings: InputSettings; rules: Rules } {
  const rules = parseRules(record.rulesText, record.rulesSource);
  assertCompleteRules(rules, { allowIncomplete: record.allowIncompleteRules });
  return { rules, settings: { rules, pixels: record.pixels, textEngine: record.textEngine, allowIncompleteRules: record.allowIncompleteRules } };
}
