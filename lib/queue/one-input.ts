/**
 * One input through the de-identification steps, apart from any run: bytes in; a manifest entry,
 * the encoded output and the map entries it used out; nothing written. What a queue worker and the
 * Lambda handler run per job. (Interim, over the current runner's steps: the worker-pool branch
 * exports the same function from `lib/pipeline/`; this file goes when it lands.)
 */
import type { PhiDetector, TextDetector } from '../engines/types.js';
import { DicomFile } from '../file.js';
import { manifestEntry, type ManifestEntry } from '../pipeline/manifest.js';
import { processFile } from '../pipeline/process-file.js';
import { deidentificationSteps, recipePixelPhiDetector, recipeTextDetector } from '../pipeline/recipe.js';
import type { Rules } from '../rules/types.js';
import type { ObjectStorage } from '../storage/types.js';
import { derivedInputState, type PatientConflict, type StateRecords } from './derived-state.js';

/** What every input of a run is processed with. */
export interface InputSettings {
  rules: Rules;
  /** Look for burned-in text in the pixels (false: `--no-pixels`). */
  pixels: boolean;
  /** Accept rules that leave Basic Profile attributes identifying (outputs then say Patient Identity Removed = NO). */
  allowIncompleteRules?: boolean;
}

/** One input: its bytes and how the manifest names it. */
export interface InputDescriptor {
  /** The input's path or URL: in the manifest (sealed on its way), never in a log or an output name. */
  path: string;
  bytes: Uint8Array;
  /** Found by walking a folder (a stray non-DICOM file there is skipped, not failed). */
  fromFolder: boolean;
}

/** What processing one input gave. */
export interface InputOutcome {
  /** The manifest entry; for an `ok` entry, `output` is the output name before any numbering. */
  entry: ManifestEntry;
  /** The de-identified file, for an `ok` entry. */
  output?: Uint8Array;
  /** UID and Patient ID map entries the input used. */
  records: StateRecords;
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
  let pixels: { textDetector: TextDetector; phiDetector: PhiDetector } | false = false;
  if (settings.pixels) {
    const textDetector = await recipeTextDetector('local', settings.rules);
    try {
      pixels = { textDetector, phiDetector: await recipePixelPhiDetector('local', settings.rules) };
    } catch (error) {
      await textDetector.close?.();
      throw error;
    }
  }
  return {
    settings,
    async process(input, conflicts) {
      const state = derivedInputState(secret, conflicts);
      let written: { key: string; bytes: Uint8Array } | undefined;
      // The steps' save writes here; the caller names and writes the output itself.
      const capture: ObjectStorage = {
        name: 'capture',
        async put(key, bytes) {
          written = { key, bytes };
        },
        get: () => Promise.reject(new Error('not readable')),
        list: async () => [],
      };
      const steps = deidentificationSteps({ rules: settings.rules, state, storage: capture, pixels, allowIncompleteRules: settings.allowIncompleteRules });
      const file = await processFile(new DicomFile(input.path, input.bytes), steps);
      const entry = manifestEntry(file);
      if (entry.status === 'ok' && written) return { entry: { ...entry, output: written.key }, output: written.bytes, records: state.takeRecords() };
      const skip = file.messages.some((m) => m.ruleId === 'parse:media-directory') ||
        (input.fromFolder && !looksLikeDicom(input.path, input.bytes) && file.messages.some((m) => m.ruleId === 'parse:not-dicom'));
      return { entry: skip ? { input: input.path, status: 'skipped', error: entry.error } : entry, records: { uids: [], patients: [] } };
    },
    async close() {
      if (!pixels) return;
      await pixels.textDetector.close?.();
      await pixels.phiDetector.close?.();
    },
  };
}

function looksLikeDicom(inputPath: string, bytes: Uint8Array): boolean {
  const marker = bytes.length >= 132 && Buffer.from(bytes.subarray(128, 132)).toString('latin1') === 'DICM';
  return marker || /\.(dcm|dicom|dic)$/i.test(inputPath);
}
