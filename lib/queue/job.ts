/**
 * One de-identification job, as a queue worker or the Lambda handler runs it: read the input (a
 * local path on a shared file system, or `s3://bucket/key`), de-identify it, write the output
 * atomically under its pseudonymous name, and hand back the manifest entry and the map entries.
 * A job is idempotent: its output name and bytes derive from the input and the secret alone, so a
 * retried job writes the same bytes under the same name.
 */
import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { AwsSession, type AwsSessionOptions } from '../engines/aws/session.js';
import { InputReadError, readRegularFile } from '../pipeline/inputs.js';
import type { ManifestEntry } from '../pipeline/manifest.js';
import { capMessage } from '../pipeline/messages.js';
import { manifestWarnings, type ManifestWarning } from '../pipeline/warnings.js';
import { StorageError } from '../storage/errors.js';
import { createLocalStorage } from '../storage/local.js';
import { createS3Storage, type S3ServerSideEncryption } from '../storage/s3.js';
import { parseStorageTarget } from '../storage/target.js';
import type { ObjectStorage } from '../storage/types.js';
import type { PatientConflict, StateRecords } from './derived-state.js';
import type { InputContext } from './one-input.js';

/** Where a run's jobs write, and how to reach S3 (credentials come from each worker's own environment, never from the run). */
export interface JobPlaces {
  /** The output: an absolute folder path every worker sees at the same place, or `s3://bucket/prefix`. */
  out: string;
  /** Region, S3 endpoint, addressing and retries for `s3://` inputs and outputs. */
  aws?: Pick<AwsSessionOptions, 'region' | 'endpointUrl' | 's3PathStyle' | 'maxAttempts'>;
  sse?: S3ServerSideEncryption;
  kmsKeyId?: string;
  /** Largest input read, in bytes. */
  maxInputBytes?: number;
}

/** One job: one input of a run. */
export interface JobSpec {
  /** An absolute local path or `s3://bucket/key`. */
  input: string;
  /** Found by walking a folder (a stray non-DICOM file there is skipped, not failed). */
  fromFolder: boolean;
  /** The name the run gave this output (another input of the run has its name); written without claiming. */
  outputKey?: string;
  /** What an earlier run recorded for this input: when its content and output still match, it is not done again. */
  expect?: { content: string; output: string };
  /** The run's answer to a first try whose patient pseudonym the maps give otherwise. */
  conflicts?: PatientConflict[];
}

/** What a job gives back (sealed on its way through the queue: it holds map entries). */
export interface JobResult {
  /** The manifest entry without the input path (the run knows it); `output` is the name written. */
  entry: Omit<ManifestEntry, 'input'>;
  records: StateRecords;
  /** sha256 of the input's bytes. */
  content?: string;
  /** The output's name before any numbering. */
  base?: string;
  /** The name the output was written under. */
  written?: string;
  /** sha256 of the output's bytes. */
  outputHash?: string;
  /** The name is claimed by another input of the run (its index): nothing was written. */
  collision?: { owner: number };
  /** The earlier run's output is still there for the same content: nothing was done. */
  resumed?: true;
}

/** What a job needs from the run around it. */
export interface JobRunAccess {
  /**
   * Claims `base` for this input within the run; resolves to the owner's index when another input of
   * the run holds it (nothing is written then). Without it (the Lambda), names are not claimed.
   */
  claim?(base: string): Promise<{ owner: number } | undefined>;
}

/** Input reads that may succeed when tried again (a network file system's hiccup). */
const TRANSIENT_READ_CODES = new Set(['EIO', 'ESTALE', 'EAGAIN', 'EBUSY', 'ETIMEDOUT', 'EMFILE', 'ENFILE', 'ECONNRESET']);

/** A job that may succeed when tried again (an input or output the storage could not reach); its message names no input path. */
export class RetryableJobError extends Error {
  override name = 'RetryableJobError';
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Opens and caches the storages of a run's places (one S3 client per bucket). */
export class JobStorage {
  private session?: AwsSession;
  private readonly buckets = new Map<string, ObjectStorage>();
  private s3Out?: ObjectStorage;

  /** `session`: an AWS session to use instead of one made from `places.aws` (credentials of its own, a usage meter). */
  constructor(readonly places: JobPlaces, session?: AwsSession) {
    this.session = session;
  }

  private aws(): AwsSession {
    this.session ??= new AwsSession(this.places.aws ?? {});
    return this.session;
  }

  /** Reads an input: a regular local file (within the size limit) or an S3 object. */
  async read(input: string): Promise<Uint8Array> {
    const target = /^s3:\/\/([^/]+)\/(.+)$/.exec(input);
    if (!target) return readRegularFile(input, this.places.maxInputBytes);
    let bucket = this.buckets.get(target[1]);
    if (!bucket) {
      bucket = createS3Storage({ bucket: target[1], session: this.aws() });
      this.buckets.set(target[1], bucket);
    }
    return bucket.get(target[2]);
  }

  /** The output storage; a local folder never writes over `input`. */
  async output(input: string): Promise<ObjectStorage> {
    const target = parseStorageTarget(this.places.out);
    if (target.engine === 's3') {
      this.s3Out ??= createS3Storage({ bucket: target.bucket, prefix: target.prefix || undefined, session: this.aws(), sse: this.places.sse, kmsKeyId: this.places.kmsKeyId });
      return this.s3Out;
    }
    const protectedPaths = new Set<string>();
    if (!input.startsWith('s3://')) {
      protectedPaths.add(path.resolve(input));
      const real = await realpath(input).catch(() => undefined);
      if (real) protectedPaths.add(real);
    }
    return createLocalStorage({ root: target.root, protectedPaths });
  }
}

/**
 * Runs one job: read, de-identify (`context`), claim the output name within the run, write it.
 * A file the kit cannot vouch for is an `error` entry (not retried: it would fail the same way);
 * an input or output the storage cannot reach throws {@link RetryableJobError}, to be tried again.
 */
export async function processJob(spec: JobSpec, context: InputContext, storage: JobStorage, run: JobRunAccess = {}): Promise<JobResult> {
  const none: StateRecords = { uids: [], patients: [] };
  let bytes: Uint8Array;
  try {
    bytes = await storage.read(spec.input);
  } catch (error) {
    const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
    if (error instanceof InputReadError && !(code && TRANSIENT_READ_CODES.has(code))) return { entry: { status: 'error', error: error.message }, records: none };
    if (error instanceof StorageError && error.notFound) return { entry: { status: 'error', error: 'cannot read input: no such object' }, records: none };
    throw new RetryableJobError(`cannot read input: ${code ?? safeStorageMessage(error, spec.input)}`, { cause: error });
  }
  const content = sha256(bytes);
  if (spec.expect && spec.expect.content === content) {
    const out = await storage.output(spec.input);
    if (await out.has?.(spec.expect.output).catch(() => false)) return { entry: { status: 'skipped', output: spec.expect.output }, records: none, content, resumed: true };
  }
  const outcome = await context.process({ path: spec.input, bytes, fromFolder: spec.fromFolder }, spec.conflicts);
  const { input: _input, ...entry } = outcome.entry;
  if (entry.status !== 'ok' || !outcome.output || !entry.output) return { entry, records: outcome.records, content };
  const base = entry.output;
  let key = spec.outputKey;
  if (!key) {
    const owner = await run.claim?.(base);
    if (owner) return { entry, records: outcome.records, content, base, collision: owner };
    key = base;
  }
  const out = await storage.output(spec.input);
  try {
    await out.put(key, outcome.output);
  } catch (error) {
    // Not even the output's name goes in the message: it holds pseudonyms and new UIDs, and failed jobs stay in the queue.
    throw new RetryableJobError(`cannot write the output: ${safeStorageMessage(error, spec.input, [key, ...key.split('/')])}`, { cause: error });
  }
  return { entry: { ...entry, output: key }, records: outcome.records, content, base, written: key, outputHash: sha256(outcome.output) };
}

/**
 * A storage error's message without the input's path or name (they often hold patient names), without
 * quoted file paths, and without the `hidden` parts (an output key: pseudonyms and new UIDs).
 */
function safeStorageMessage(error: unknown, input: string, hidden: string[] = []): string {
  let text = String((error as Error)?.message ?? error).replace(/'\/[^']*'/g, '<path>');
  const name = input.split(/[\\/]/).pop() ?? '';
  for (const part of [input, ...(name.length >= 4 ? [name] : [])]) text = text.split(part).join('<input>');
  for (const part of hidden.filter((p) => p.length >= 4).sort((a, b) => b.length - a.length)) text = text.split(part).join('<output>');
  return capMessage(text, 500);
}

/**
 * An entry's warnings with the save step's `save:duplicate-instance` added, worded as a run on one
 * machine words it (the job wrote under a name that a run, not the job, numbered).
 */
export function withDuplicateInstance(warnings: readonly ManifestWarning[] | undefined): ManifestWarning[] {
  const duplicate = manifestWarnings([{ ruleId: 'save:duplicate-instance', step: 'save', severity: 'warning', reason: 'another input of this run has the same SOP Instance UID' }]);
  return [...(warnings ?? []).filter((w) => w.id !== 'save:duplicate-instance'), ...duplicate];
}
