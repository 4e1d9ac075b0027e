/**
 * One input through the de-identification steps, apart from any run: bytes in, a manifest entry,
 * the encoded output and the state map entries out. The worker pool runs it in threads; a queue
 * worker or a serverless handler can run it as it is (open a context once, then one input per call),
 * writing the output and absorbing the entries where it keeps them.
 */
import type { EngineName } from '../engines/index.js';
import type { PhiDetector, TextDetector } from '../engines/types.js';
import { DicomFile, type Step } from '../file.js';
import type { DeidMessage } from '../message.js';
import type { Rules } from '../rules/types.js';
import { openStateView, type PatientConflict, type StateRecords, type StateSnapshot, type StateStore, type TaskState } from '../state/index.js';
import '../steps/save.js';
import type { ManifestEntry } from './manifest.js';
import { manifestEntry } from './manifest-entry.js';
import { processFile } from './process-file.js';
import { deidentificationSteps, recipePixelPhiDetector, recipeTextDetector, type RecipeAws, type TextEngineChoice } from './recipe.js';

/** What every input of a run is processed with; plain data, so it can be handed to worker threads. */
export interface RunSettings {
  rules: Rules;
  /** Look for burned-in text in the pixels (false: `--no-pixels`). */
  pixels: boolean;
  /** Engine for text and PHI detection. */
  engine: EngineName;
  /** With the local engine, which OCR program reads the pixels (default: tesseract.js). */
  textEngine?: TextEngineChoice;
  /** Accept rules that leave Basic Profile attributes identifying (outputs then say Patient Identity Removed = NO). */
  allowIncompleteRules?: boolean;
  /** Pixels added around each redaction box. */
  padding?: number;
}

/** One input: its bytes and how to name it. */
export interface InputDescriptor {
  /** The input's path or storage key: in the manifest, never in a log or an output name. */
  path: string;
  bytes: Uint8Array;
  /** Found by walking a folder (a stray non-DICOM file there is skipped, not failed). */
  fromFolder: boolean;
}

/** What processing one input gave. */
export interface InputOutcome {
  /** The manifest entry; for an `ok` entry, `output` is the name before numbering (see `OutputNames`). */
  entry: ManifestEntry;
  /** The de-identified file to write under `entry.output`; none when the input failed or was skipped. */
  output?: Uint8Array;
  /** UID and Patient ID map entries the input made, for the state store to absorb. */
  records: StateRecords;
  /** What the steps found and did (rule id, step, location, action; never a PHI value), for a caller's own log or audit. */
  messages?: DeidMessage[];
}

/** Detectors and steps made once, for many inputs in turn. */
export interface InputContext {
  readonly settings: RunSettings;
  /** Ends the detectors (OCR workers). */
  close(): Promise<void>;
}

interface ContextInternals {
  steps: Step[];
  current: { state?: TaskState };
  view: ReturnType<typeof openStateView>;
  queue: Promise<unknown>;
}

const internals = new WeakMap<InputContext, ContextInternals>();

/**
 * Makes the steps and detectors of a run once. `snapshot` is the state store's
 * ({@link StateStore.snapshot}): the context derives the same UIDs and pseudonyms and writes nothing.
 * `aws` (the session and Rekognition's staging) is needed only with the aws engine, in the thread that made it.
 */
export async function openInputContext(settings: RunSettings, snapshot: StateSnapshot, aws: RecipeAws = {}): Promise<InputContext> {
  // libvips keeps recent operations' results (up to 50 MB) for reuse; a run reads each image once.
  // Without pixels no image is read: sharp is not even loaded.
  if (settings.pixels) (await import('sharp')).default.cache(false);
  const view = openStateView(snapshot);
  const current: ContextInternals['current'] = {};
  const task = (): TaskState => {
    if (!current.state) throw new Error('the state of an input is used outside processInput');
    return current.state;
  };
  // The steps are made once with this state; each input gets its own behind it.
  const state: StateStore = {
    dir: snapshot.dir,
    get uidMap() {
      return task().uidMap;
    },
    get patientIdMap() {
      return task().patientIdMap;
    },
    mapUid: (uid) => task().mapUid(uid),
    pseudonymForPatient: (id) => task().pseudonymForPatient(id),
    dateShiftDays: (key, days) => task().dateShiftDays(key, days),
    keyedHash: (text) => task().keyedHash(text),
    flush: async () => {},
    compact: () => task().compact(),
    absorb: (records) => task().absorb(records),
    snapshot: () => snapshot,
  };
  let detectors: { textDetector: TextDetector; phiDetector: PhiDetector } | false = false;
  if (settings.pixels) {
    const textDetector = await recipeTextDetector(settings.engine, settings.rules, { ...aws, textEngine: settings.textEngine });
    try {
      detectors = { textDetector, phiDetector: await recipePixelPhiDetector(settings.engine, settings.rules, aws) };
    } catch (error) {
      await textDetector.close?.();
      throw error;
    }
  }
  const steps = deidentificationSteps({ rules: settings.rules, state, pixels: detectors, padding: settings.padding, allowIncompleteRules: settings.allowIncompleteRules });
  const context: InputContext = {
    settings,
    async close() {
      if (!detectors) return;
      await detectors.textDetector.close?.();
      await detectors.phiDetector.close?.();
    },
  };
  internals.set(context, { steps, current, view, queue: Promise.resolve() });
  return context;
}

/**
 * De-identifies one input: parse, inspect, metadata, verification, pixels, encode. Never writes:
 * the caller writes `output` under its name and has the state store absorb `records`. A file that
 * fails is an `error` entry with the reason; a DICOMDIR, or a stray non-DICOM file found in a
 * folder, is a `skipped` one. Inputs of one context run one at a time, in call order.
 *
 * @param conflicts what the store answered when it could not absorb a first try's records: the
 *   second try derives the pseudonyms the store accepts.
 */
export function processInput(input: InputDescriptor, context: InputContext, conflicts?: readonly PatientConflict[]): Promise<InputOutcome> {
  const own = internals.get(context);
  if (!own) throw new TypeError('processInput needs a context from openInputContext()');
  const run = async (): Promise<InputOutcome> => {
    const state = own.view.forInput(conflicts);
    own.current.state = state;
    try {
      const file = await processFile(new DicomFile(input.path, input.bytes), own.steps);
      const entry = manifestEntry(file);
      const messages = file.messages.map(plainMessage);
      if (entry.status === 'ok') return { entry, output: file.data.outputBytes, records: state.takeRecords(), messages };
      const skip = file.messages.some((m) => m.ruleId === 'parse:media-directory') ||
        // A stray non-DICOM file found while walking a folder (a README, a JSON) is skipped, not failed.
        (input.fromFolder && !looksLikeDicom(input.path, input.bytes) && file.messages.some((m) => m.ruleId === 'parse:not-dicom'));
      return { entry: skip ? { input: input.path, status: 'skipped', error: entry.error } : entry, records: { uids: [], patients: [] }, messages };
    } finally {
      own.current.state = undefined;
    }
  };
  const result = own.queue.then(run, run);
  own.queue = result.catch(() => {});
  return result;
}

/** A message as plain data (it may cross a thread or go to JSON). */
function plainMessage(m: DeidMessage): DeidMessage {
  const { ruleId, step, location, severity, reason, action, category } = m;
  return { ruleId, step, severity, reason, ...(location !== undefined ? { location } : {}), ...(action !== undefined ? { action } : {}), ...(category !== undefined ? { category } : {}) };
}

function looksLikeDicom(inputPath: string, bytes: Uint8Array): boolean {
  const marker = bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
  return marker || /\.(dcm|dicom|dic)$/i.test(inputPath);
}
