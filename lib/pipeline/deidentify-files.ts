import { readFile, writeFile, rename, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { EngineName } from '../engines/index.js';
import type { PhiDetector, TextDetector } from '../engines/types.js';
import { DicomFile, type Step } from '../file.js';
import { loadRules } from '../rules/index.js';
import type { Rules } from '../rules/index.js';
import { openStateStore } from '../state/index.js';
import type { AwsUsageSummary } from '../engines/aws/usage.js';
import { openStorageTarget, parseStorageTarget, type StorageTarget } from '../storage/target.js';
import { AwsPreflightError, startAwsRun, type AwsRunOptions } from './aws-run.js';
import type { ObjectStorage } from '../storage/types.js';
import { expandInputs, realPaths, type InputEntry, type StorageOpener } from './inputs.js';
import { manifestEntry, type ManifestEntry } from './manifest.js';
import { processFile } from './process-file.js';
import { DEFAULT_ENGINE, DEFAULT_RULES_PATH, DEFAULT_STATE_DIR, deidentificationSteps, recipePixelPhiDetector, recipeTextDetector } from './recipe.js';


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
  /** Manifest path, one JSON line per input (default: `<stateDir>/manifest.jsonl`: it names inputs, so it is kept with the sensitive state). */
  manifestPath?: string;
  /** Look for burned-in text in the pixels (default: true). */
  pixels?: boolean;
  /** Engine for text and PHI detection (default: `local`, fully offline). */
  engine?: EngineName;
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
 * De-identifies files and folders into `options.out`: parse, metadata, pixels, save, for each
 * file in turn. A file that fails is reported in the manifest and the batch goes on.
 * Inputs are never modified or overwritten.
 */
export async function deidentifyFiles(inputs: string[], options: DeidentifyFilesOptions): Promise<RunResult> {
  const stateDir = path.resolve(options.stateDir ?? DEFAULT_STATE_DIR);
  const target = parseStorageTarget(options.out);
  const localOut = target.engine === 'local' ? target.root : undefined;
  if (localOut) assertApart(stateDir, localOut);
  const manifestPath = path.resolve(options.manifestPath ?? path.join(stateDir, 'manifest.jsonl'));
  const rules = options.rules ?? loadRules(options.rulesPath ?? DEFAULT_RULES_PATH);
  if (target.engine === 's3') assertS3Apart(inputs, target);
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

  const state = openStateStore(stateDir);
  const entries = await expandInputs(inputs, localOut ? [localOut, stateDir] : [stateDir], (t) => openInput(t));
  const storage = target.engine === 's3' ? openOutput() : (options.outStorage ?? openStorageTarget(target, { protectedPaths: await realPaths(entries) }));

  let pixels: { textDetector: TextDetector; phiDetector: PhiDetector } | false = false;
  let close = async () => {};
  if (options.pixels !== false) {
    const textDetector = await recipeTextDetector(engine, rules, { session, staging });
    const phiDetector = await recipePixelPhiDetector(engine, rules, { session });
    pixels = { textDetector, phiDetector };
    close = async () => {
      await textDetector.close?.();
      await phiDetector.close?.();
    };
  }
  const steps = deidentificationSteps({ rules, state, storage, pixels });

  const results: ManifestEntry[] = [];
  let stopped: string | undefined;
  try {
    for (const [index, input] of entries.entries()) {
      if (stopped) {
        results.push({ input: input.path, status: 'error', error: `not processed: ${stopped}` });
        continue;
      }
      session?.usage.startFile(String(index));
      const entry = input.error
        ? { input: input.path, status: 'error' as const, error: input.error }
        : await processOne(input, steps);
      results.push(entry);
      // A credential, region or permission error would fail every later file the same way: stop, and say it once.
      if (session?.stopped) stopped = `the run stopped at file ${index + 1}: AWS refused the session (${session.stopped.name}: ${session.stopped.message})`;
      options.onFile?.(entry, index + 1, entries.length);
    }
  } finally {
    await close();
    state.flush();
  }
  await writeAtomically(manifestPath, results.map((e) => JSON.stringify(e)).join('\n') + (results.length ? '\n' : ''));
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

async function processOne(input: InputEntry, steps: Step[]): Promise<ManifestEntry> {
  const { path: inputPath, fromFolder } = input;
  let bytes: Uint8Array;
  try {
    bytes = input.read ? await input.read() : new Uint8Array(await readFile(inputPath));
  } catch (error) {
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

/** A run that cannot start because its options do not fit together (the CLI exits with 2). */
export class RunConfigurationError extends Error {
  override name = 'RunConfigurationError';
}

/** An S3 destination must not be an input's bucket and prefix (or inside it, or contain it): inputs are never overwritten. */
function assertS3Apart(inputs: string[], out: StorageTarget & { engine: 's3' }): void {
  const nested = (a: string, b: string) => a === b || b === '' || a.startsWith(`${b}/`);
  for (const input of inputs) {
    const source = parseStorageTarget(input);
    if (source.engine !== 's3' || source.bucket !== out.bucket) continue;
    if (nested(out.prefix, source.prefix) || nested(source.prefix, out.prefix)) {
      throw new RunConfigurationError(`the destination s3://${out.bucket}/${out.prefix} overlaps the input ${input}: inputs are never overwritten`);
    }
  }
}

/** The state (secret, identity maps) must never end up inside shareable output, nor the other way round. */
function assertApart(stateDir: string, out: string): void {
  const inside = (a: string, b: string) => a === b || a.startsWith(b + path.sep);
  if (inside(stateDir, out) || inside(out, stateDir)) {
    throw new RunConfigurationError(`the state folder (${stateDir}) holds the identity maps and must not be inside the output folder (${out}) or contain it`);
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, file);
}
