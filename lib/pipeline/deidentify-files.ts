import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { EngineName } from '../engines/index.js';
import type { PhiDetector, TextDetector } from '../engines/types.js';
import { DicomFile, type Step } from '../file.js';
import type { AwsUsageSummary } from '../engines/aws/usage.js';
import { assertCompleteRules, loadRules, type Rules } from '../rules/index.js';
import { removeLeftoverTemporaries } from '../safe-files.js';
import { openStateStore, type StateStore } from '../state/index.js';
import { openStorageTarget, parseStorageTarget, type StorageTarget } from '../storage/target.js';
import { AwsPreflightError, startAwsRun, type AwsRunOptions } from './aws-run.js';
import type { ObjectStorage } from '../storage/types.js';
import { expandInputs, InputReadError, readRegularFile, realPaths, type InputEntry, type StorageOpener } from './inputs.js';
import { manifestEntry, ManifestInUseError, openManifestJournal, type ManifestEntry, type ManifestJournal } from './manifest.js';
import { capMessage } from './messages.js';
import { processFile } from './process-file.js';
import { DEFAULT_ENGINE, DEFAULT_RULES_PATH, DEFAULT_STATE_DIR, deidentificationSteps, recipePixelPhiDetector, recipeTextDetector } from './recipe.js';
import { assertRunPathsApart, linksInto, RunConfigurationError } from './run-paths.js';

export { RunConfigurationError } from './run-paths.js';

/** Options of {@link deidentifyFiles}. The AWS ones (`aws`, `sse`, `onNotice`, …) matter only when the run touches AWS. */
export interface DeidentifyFilesOptions extends AwsRunOptions {
  /** Where de-identified files go (`<patient>/<study>/<series>/<sop>.dcm`): a folder or `s3://bucket/prefix`. */
  out: string;
  /** Storage to write to instead of the one `out` names (tests, custom engines). */
  outStorage?: ObjectStorage;
  /** Opens the storage of `s3://bucket/prefix` inputs (default: the S3 engine; injectable for tests). */
  openInputStorage?: StorageOpener;
  /** Rules YAML (default: `configs/de-id/de_id_rules_auto.yaml`). */
  rulesPath?: string;
  /** Already loaded rules; wins over `rulesPath`. */
  rules?: Rules;
  /** State folder holding the secret and the UID / patient-ID maps (default: `.deid-state`). */
  stateDir?: string;
  /**
   * Manifest path, one JSON line per input, appended and flushed per file (default:
   * `<stateDir>/manifest.jsonl`: it names inputs, so it is kept with the sensitive state, owner-only).
   */
  manifestPath?: string;
  /** Look for burned-in text in the pixels (default: true). */
  pixels?: boolean;
  /** Engine for text and PHI detection (default: `local`, fully offline). */
  engine?: EngineName;
  /**
   * Accept rules that leave Basic Profile attributes identifying (default: false: the run is refused
   * with an `IncompleteRulesError` listing them). The outputs are then marked Patient Identity Removed = NO.
   */
  allowIncompleteRules?: boolean;
  /** Largest input file read, in bytes (default: 2 GiB); larger ones fail with a clear error. */
  maxInputBytes?: number;
  /** Called after each file, e.g. for a progress bar. */
  onFile?: (entry: ManifestEntry, done: number, total: number) => void;
}

/** What a run did. */
export interface RunResult {
  entries: ManifestEntry[];
  ok: number;
  failed: number;
  skipped: number;
  manifestPath: string;
  /** What was sent to AWS and its estimated cost, when the run touched AWS. */
  awsUsage?: AwsUsageSummary;
  /** Why the run stopped before its last file (an AWS credential, region or permission error, said once). */
  stopped?: string;
}

/**
 * De-identifies files and folders into `options.out`: parse, metadata, verification, pixels, save,
 * for each file in turn. A file that fails is reported in the manifest and the batch goes on.
 * Inputs are never modified or overwritten.
 *
 * Before anything is created, the run is refused (a {@link RunConfigurationError} or a `RulesError`)
 * when an input is missing, no input file is found, the places overlap ({@link assertRunPathsApart})
 * or the rules leave Basic Profile attributes identifying (unless `allowIncompleteRules`).
 */
export async function deidentifyFiles(inputs: string[], options: DeidentifyFilesOptions): Promise<RunResult> {
  if (inputs.length === 0) throw new RunConfigurationError('no input given');
  const stateDir = path.resolve(options.stateDir ?? DEFAULT_STATE_DIR);
  const target = parseStorageTarget(options.out);
  const localOut = target.engine === 'local' ? target.root : undefined;
  const manifestPath = path.resolve(options.manifestPath ?? path.join(stateDir, 'manifest.jsonl'));
  await assertInputsExist(inputs);
  await assertRunPathsApart({
    inputs,
    out: options.out,
    sensitive: [
      { what: 'the state folder (secret and identity maps)', path: stateDir },
      { what: 'the manifest (it names the inputs)', path: manifestPath },
    ],
  });
  const rules = options.rules ?? loadRules(options.rulesPath ?? DEFAULT_RULES_PATH);
  assertCompleteRules(rules, { allowIncomplete: options.allowIncompleteRules });
  const engine = options.engine ?? DEFAULT_ENGINE;

  // Before anything is read, listed or sent: the egress notice and one check of region, credentials and buckets.
  let session: Awaited<ReturnType<typeof startAwsRun>>['session'];
  let staging: Awaited<ReturnType<typeof startAwsRun>>['staging'];
  const openInput = (t: StorageTarget, s = session) => (options.openInputStorage ? options.openInputStorage(t) : openStorageTarget(t, { session: s }));
  const openOutput = (s = session) => options.outStorage ?? openStorageTarget(target, { session: s, sse: options.sse, kmsKeyId: options.kmsKeyId });
  try {
    ({ session, staging } = await startAwsRun({ engine, pixels: options.pixels !== false, inputs, out: options.out, openInput, openOutput }, options));
  } catch (error) {
    if (error instanceof AwsPreflightError) throw new RunConfigurationError(error.message, { cause: error });
    throw error;
  }

  const entries = await expandInputs(inputs, { exclude: localOut ? [localOut, stateDir] : [stateDir], openStorage: (t) => openInput(t) });
  if (entries.length === 0) throw new RunConfigurationError(`no input file found in the ${inputs.length} input(s) given (hidden files are not taken)`);
  if (localOut) {
    const links = await linksInto(localOut, [stateDir, manifestPath]);
    if (links.length) throw new RunConfigurationError(`the output folder holds ${links.length} link(s) into the state folder or the manifest (e.g. ${links[0]}): remove them, a copy of the output would release the identity maps`);
    await removeLeftoverTemporaries(localOut);
  }

  // The manifest first: a second run writing it is refused before detectors start or the state is touched.
  let manifest: ManifestJournal;
  try {
    manifest = await openManifestJournal(manifestPath);
  } catch (error) {
    if (error instanceof ManifestInUseError) throw new RunConfigurationError(error.message, { cause: error });
    throw error;
  }
  const results: ManifestEntry[] = [];
  let close = async () => {};
  let state: StateStore | undefined;
  let stopped: string | undefined;
  try {
    state = openStateStore(stateDir);
    const storage = target.engine === 's3' ? openOutput() : (options.outStorage ?? openStorageTarget(target, { protectedPaths: await realPaths(entries) }));
    let pixels: { textDetector: TextDetector; phiDetector: PhiDetector } | false = false;
    if (options.pixels !== false) {
      const textDetector = await recipeTextDetector(engine, rules, { session, staging });
      close = async () => textDetector.close?.();
      const phiDetector = await recipePixelPhiDetector(engine, rules, { session });
      pixels = { textDetector, phiDetector };
      close = async () => {
        await textDetector.close?.();
        await phiDetector.close?.();
      };
    }
    const steps = deidentificationSteps({ rules, state, storage, pixels, allowIncompleteRules: options.allowIncompleteRules });
    for (const [index, input] of entries.entries()) {
      session?.usage.startFile(String(index));
      const entry: ManifestEntry = stopped
        ? { input: input.path, status: 'error', error: `not processed: ${stopped}` }
        : input.error
          ? { input: input.path, status: 'error', error: input.error }
          : input.skipped
            ? { input: input.path, status: 'skipped', error: input.skipped }
            : await processOne(input, steps, options.maxInputBytes);
      entry.ref = state.keyedHash(input.path).slice(0, 10);
      if (entry.error) entry.error = capMessage(entry.error);
      results.push(entry);
      await manifest.append(entry);
      if (stopped) continue; // said once, in the summary, not per file
      // A credential, region or permission error would fail every later file the same way: stop, and say it once.
      if (session?.stopped) stopped = `the run stopped at file ${index + 1}: AWS refused the session (${session.stopped.name}: ${capMessage(session.stopped.message)})`;
      options.onFile?.(entry, index + 1, entries.length);
    }
  } finally {
    await close();
    state?.flush();
    await manifest.close();
  }
  return {
    entries: results,
    ok: results.filter((e) => e.status === 'ok').length,
    failed: results.filter((e) => e.status === 'error').length,
    skipped: results.filter((e) => e.status === 'skipped').length,
    manifestPath,
    ...(session ? { awsUsage: session.usage.summary() } : {}),
    ...(stopped ? { stopped } : {}),
  };
}

/** Every local input must exist: a missing one is a usage error, found before anything is created. */
async function assertInputsExist(inputs: string[]): Promise<void> {
  for (const [index, input] of inputs.entries()) {
    if (parseStorageTarget(input).engine !== 'local') continue;
    // lstat: a link is there even if it leads nowhere; the walk reports that per path.
    if (!(await lstat(input).catch(() => undefined))) throw new RunConfigurationError(`input ${index + 1} of ${inputs.length} does not exist`);
  }
}

async function processOne(input: InputEntry, steps: Step[], maxInputBytes?: number): Promise<ManifestEntry> {
  const { path: inputPath, fromFolder } = input;
  let bytes: Uint8Array;
  try {
    bytes = input.read ? await input.read() : await readRegularFile(inputPath, maxInputBytes);
  } catch (error) {
    if (error instanceof InputReadError) return { input: inputPath, status: 'error', error: error.message };
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
    return { input: inputPath, status: 'error', error: `cannot read input: ${reason}` };
  }
  const file = await processFile(new DicomFile(inputPath, bytes), steps);
  const entry = manifestEntry(file);
  if (file.messages.some((m) => m.ruleId === 'parse:media-directory')) return { input: inputPath, status: 'skipped', error: entry.error };
  // A stray non-DICOM file found while walking a folder (a README, a JSON) is skipped, not failed.
  if (entry.status === 'error' && fromFolder && !looksLikeDicom(inputPath, bytes) && file.messages.some((m) => m.ruleId === 'parse:not-dicom')) {
    return { input: inputPath, status: 'skipped', error: entry.error };
  }
  return entry;
}

function looksLikeDicom(inputPath: string, bytes: Uint8Array): boolean {
  const marker = bytes.length >= 132 && Buffer.from(bytes.subarray(128, 132)).toString('latin1') === 'DICM';
  return marker || /\.(dcm|dicom|dic)$/i.test(inputPath);
}
