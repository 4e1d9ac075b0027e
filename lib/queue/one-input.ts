/**
 * One input as a queue worker and the Lambda handler process it: the pipeline's own
 * {@link processInput} (the steps and detectors a run on one machine uses), over a state derived
 * from the secret alone, so a worker needs no state folder. Bytes in; a manifest entry, the encoded
 * output and the map entries it used out; nothing written.
 */
import { openInputContext as openPipelineContext, processInput, type InputDescriptor, type InputOutcome } from '../pipeline/process-input.js';
import type { TextEngineChoice } from '../pipeline/recipe.js';
import type { Rules } from '../rules/types.js';
import type { PatientConflict } from './derived-state.js';

export type { InputDescriptor, InputOutcome };

/** What every input of a run is processed with (the local engine). */
export interface InputSettings {
  rules: Rules;
  /** Look for burned-in text in the pixels (false: `--no-pixels`). */
  pixels: boolean;
  /** Which OCR program reads the pixels; the run decides it, so every worker gives the same bytes. */
  textEngine?: TextEngineChoice;
  /** Accept rules that leave Basic Profile attributes identifying (outputs then say Patient Identity Removed = NO). */
  allowIncompleteRules?: boolean;
}

/** Detectors made once (a warm OCR engine), for many inputs. */
export interface InputContext {
  readonly settings: InputSettings;
  /** Processes one input (see {@link openInputContext}). */
  process(input: InputDescriptor, conflicts?: readonly PatientConflict[]): Promise<InputOutcome>;
  /** Ends the detectors. */
  close(): Promise<void>;
}

/**
 * Makes the detectors of a run once, with the local engine. `secret` is the project secret: each
 * input derives the same UIDs and pseudonyms a run's state store would, and hands back the entries.
 * A DICOMDIR, or a stray non-DICOM file found in a folder, is a `skipped` entry.
 */
export async function openInputContext(settings: InputSettings, secret: Uint8Array): Promise<InputContext> {
  const snapshot = { dir: '', secret: Buffer.from(secret).toString('hex'), patients: [] };
  const context = await openPipelineContext({ ...settings, engine: 'local' }, snapshot);
  return {
    settings,
    process: (input, conflicts) => processInput(input, context, conflicts),
    close: () => context.close(),
  };
}
