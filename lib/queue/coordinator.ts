/**
 * `deid run --queue`: the same run as on one machine, with the files de-identified by workers on a
 * BullMQ queue. The run lists the inputs, enqueues one job per file (in chunks, a bounded number
 * at a time), and gathers the results from queue events: map entries into the state folder's maps
 * and CSVs, manifest lines in input order. Output names are decided in input order too, so outputs,
 * names and manifest are those a run on one machine gives.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { lstat, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { assertCompleteRules, loadRules } from '../rules/index.js';
import { openStateStore, type StateStore } from '../state/index.js';
import { createSealer } from '../state/seal.js';
import { loadSecret } from '../state/secret-source.js';
import { createS3Storage } from '../storage/s3.js';
import { openStorageTarget, parseStorageTarget, type StorageTarget } from '../storage/target.js';
import { AwsPreflightError, startAwsRun, type AwsRunOptions } from '../pipeline/aws-run.js';
import type { RunResult } from '../pipeline/deidentify-files.js';
import type { InputEntry, StorageOpener } from '../pipeline/inputs.js';
import { ManifestInUseError, openManifestJournal, type ManifestEntry, type ManifestJournal } from '../pipeline/manifest.js';
import { capMessage } from '../pipeline/messages.js';
import { TEXT_ENGINE_CHOICES } from '../pipeline/defaults.js';
import { chooseTextEngine, DEFAULT_RULES_PATH, DEFAULT_STATE_DIR } from '../pipeline/recipe.js';
import { listRunInputs } from '../pipeline/run-inputs.js';
import { assertRunPathsApart, RunConfigurationError } from '../pipeline/run-paths.js';
import { claimFieldMaker, connectRedis, KEY_PREFIX, runKeys, type JobData, type QueueAddress, type RunKeys } from './address.js';
import { absorbRecords, type PatientConflict } from './derived-state.js';
import { withDuplicateInstance, type JobPlaces, type JobResult, type JobSpec } from './job.js';
import { openQueueLedger, type DoneInput, type QueueLedger } from './ledger.js';
import { runSettingsHash, type RunRecord } from './run-record.js';
import { tallyOf } from '../pipeline/run-tally.js';

/** Options of {@link deidentifyOnQueue}. */
export interface QueueRunOptions extends AwsRunOptions {
  /** The queue (`parseQueueAddress`). */
  queue: QueueAddress;
  /** Where de-identified files go: a folder every worker sees at the same path, or `s3://bucket/prefix`. */
  out: string;
  /** Opens the storage of `s3://bucket/prefix` inputs for listing (default: the S3 engine). */
  openInputStorage?: StorageOpener;
  /** Rules YAML (default: `configs/de-id/de_id_rules_auto.yaml`); its text goes to the workers, sealed. */
  rulesPath?: string;
  /** State folder: the secret, and the maps the workers' entries are gathered into (default: `.deid-state`). */
  stateDir?: string;
  /** Manifest path, in input order (default: `<stateDir>/manifest.jsonl`). */
  manifestPath?: string;
  pixels?: boolean;
  allowIncompleteRules?: boolean;
  /** OCR for the pixels (default `auto`: native tesseract when installed here, else tesseract.js); the workers use the same. */
  textEngine?: (typeof TEXT_ENGINE_CHOICES)[number];
  maxInputBytes?: number;
  /** Attempts per job before it fails for good and stays in the queue as a dead letter (default: 3). */
  attempts?: number;
  /** First delay before a failed job is tried again, doubled each time (default: 1 s). */
  backoffMs?: number;
  /** Jobs added per request (default: 500). */
  chunkSize?: number;
  /** Jobs in the queue at once at most (default: 5,000): a run of millions of files does not fill Redis. */
  window?: number;
  /** With no news from the queue for this long, outstanding jobs are looked up directly (default: 10 s). */
  checkEveryMs?: number;
  /** Skip inputs an earlier queue run into the same output did with the same settings, if their output is still there (default: true). */
  resume?: boolean;
  /** Stops the run: jobs not started are taken off the queue, the rest of the manifest says "not processed". */
  signal?: AbortSignal;
  /** Called after each file, in input order, once its map entries and manifest line are saved. */
  onFile?: (entry: ManifestEntry, done: number, total: number) => void;
  /** Said now and then while the run waits (no worker connected, jobs retried). */
  onStatus?: (line: string) => void;
}

/** What a queue run did. */
/** A queue run's result: the timing stats of a one-machine run are the workers' own, so not here. */
export interface QueueRunResult extends Omit<RunResult, 'stats'> {
  /** Of the skipped, inputs an earlier run into this output already did. */
  resumed: number;
  /** Jobs that failed for good (their dead letters stay in the queue). */
  deadLetters: number;
  /** Jobs taken back from a worker that stopped mid-job (its lock expired). */
  stalled: number;
}

type Entry = ManifestEntry & { resumed?: boolean };

/** One input between its listing and its manifest line. */
interface Slot {
  index: number;
  input: InputEntry;
  spec?: JobSpec;
  /** The live job id (older attempts' ids are forgotten). */
  jobId?: string;
  /** Job ids to remove from the queue once the line is written. */
  jobIds: string[];
  attempt: number;
  result?: JobResult;
  failure?: string;
  absorbed?: boolean;
  /** The output name decided in input order. */
  final?: string;
  entry?: Entry;
  earlier?: DoneInput;
}

const RESUMED = 'already de-identified into this output by an earlier run (same content, rules and options)';
/** Seconds a run's settings stay in Redis if its coordinator dies without cleaning up. */
const RECORD_TTL_SECONDS = 7 * 24 * 3600;
/** Completed jobs the coordinator did not collect are dropped after a day. */
const KEEP_COMPLETED_SECONDS = 24 * 3600;

/**
 * De-identifies files and folders into `options.out` with workers on a queue. Refused before
 * anything is created, like a local run, for missing inputs, overlapping places or incomplete rules;
 * also when Redis cannot be reached. Workers get the secret from elsewhere (a shared state folder,
 * a secret file, `DEID_SECRET`); the queue carries only sealed specs and sealed results.
 */
export async function deidentifyOnQueue(inputs: string[], options: QueueRunOptions): Promise<QueueRunResult> {
  if (inputs.length === 0) throw new RunConfigurationError('no input given');
  const attempts = options.attempts ?? 3;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100) throw new RunConfigurationError(`attempts must be a whole number from 1 to 100, not ${options.attempts}`);
  const stateDir = path.resolve(options.stateDir ?? DEFAULT_STATE_DIR);
  const target = parseStorageTarget(options.out);
  const out = target.engine === 'local' ? target.root : options.out.replace(/\/+$/, '');
  const localOut = target.engine === 'local' ? target.root : undefined;
  const manifestPath = path.resolve(options.manifestPath ?? path.join(stateDir, 'manifest.jsonl'));
  for (const [index, input] of inputs.entries()) {
    if (parseStorageTarget(input).engine === 'local' && !(await lstat(input).catch(() => undefined))) throw new RunConfigurationError(`input ${index + 1} of ${inputs.length} does not exist`);
  }
  await assertRunPathsApart({
    inputs,
    out: options.out,
    sensitive: [
      { what: 'the state folder (secret and identity maps)', path: stateDir },
      { what: 'the manifest (it names the inputs)', path: manifestPath },
    ],
  });
  const rulesPath = options.rulesPath ?? DEFAULT_RULES_PATH;
  const rules = loadRules(rulesPath);
  const rulesText = readFileSync(rulesPath, 'utf8');
  if (createHash('sha256').update(rulesText).digest('hex') !== rules.hash) throw new RunConfigurationError(`${rulesPath}: the rules file changed while it was read`);
  assertCompleteRules(rules, { allowIncomplete: options.allowIncompleteRules });

  let session: Awaited<ReturnType<typeof startAwsRun>>['session'];
  const openInput = (t: StorageTarget, s = session) => (options.openInputStorage ? options.openInputStorage(t) : openStorageTarget(t, { session: s }));
  try {
    ({ session } = await startAwsRun(
      { engine: 'local', pixels: options.pixels !== false, inputs, out: options.out, openInput, openOutput: (s) => openStorageTarget(target, { session: s, sse: options.sse, kmsKeyId: options.kmsKeyId }) },
      options,
    ));
  } catch (error) {
    if (error instanceof AwsPreflightError) throw new RunConfigurationError(error.message, { cause: error });
    throw error;
  }
  const listed = await listRunInputs(inputs, { localOut, stateDir, manifestPath, openInput: (t) => openInput(t) });

  let redis: Redis;
  try {
    redis = await connectRedis(options.queue);
  } catch (error) {
    throw new RunConfigurationError((error as Error).message, { cause: error });
  }
  let manifest: ManifestJournal;
  try {
    manifest = await openManifestJournal(manifestPath);
  } catch (error) {
    redis.disconnect();
    if (error instanceof ManifestInUseError) throw new RunConfigurationError(error.message, { cause: error });
    throw error;
  }
  const places: JobPlaces = {
    out,
    ...(session ? { aws: pick(session.options, ['region', 'endpointUrl', 's3PathStyle', 'maxAttempts']) } : {}),
    ...(options.sse ? { sse: options.sse } : {}),
    ...(options.kmsKeyId ? { kmsKeyId: options.kmsKeyId } : {}),
    ...(options.maxInputBytes ? { maxInputBytes: options.maxInputBytes } : {}),
  };
  const pixels = options.pixels !== false;
  // Resolved here, once: every worker reads with the same OCR program, so outputs match one machine's.
  const textEngine = pixels ? chooseTextEngine(options.textEngine) : undefined;
  const record: RunRecord = { v: 1, rulesText, rulesSource: rulesPath, pixels, ...(textEngine ? { textEngine } : {}), allowIncompleteRules: options.allowIncompleteRules === true, places };
  let state: StateStore | undefined;
  let ledger: QueueLedger | undefined;
  let run: QueueRun | undefined;
  try {
    state = openStateStore(stateDir);
    const outputId = localOut ? await realpath(localOut).catch(() => localOut) : out;
    ledger = await openQueueLedger(stateDir, outputId, runSettingsHash(record), state.keyedHash);
    run = new QueueRun({ listed, state, ledger, manifest, redis, record, options, attempts, target });
    await run.go();
  } finally {
    await run?.close();
    redis.disconnect();
    await ledger?.close();
    await state?.flush();
    // Fold the run's journal into the maps, as a one-machine run does.
    state?.compact();
    await manifest.close();
  }
  return run.result(manifestPath, session ? { awsUsage: session.usage.summary() } : {});
}

function pick<T extends object, K extends keyof T>(object: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]])) as Pick<T, K>;
}

/** The bookkeeping of one queue run. */
class QueueRun {
  private readonly runId = randomUUID();
  private readonly keys: RunKeys;
  private readonly sealer;
  private readonly claimField;
  private readonly slots: Slot[];
  private readonly byJobId = new Map<string, Slot>();
  private readonly names = new Set<string>();
  private readonly results: Entry[] = [];
  private queue!: Queue<JobData, string>;
  private events!: QueueEvents;
  private next = 0;
  private enqueued = 0;
  private outstanding = 0;
  private deadLetters = 0;
  private stalled = 0;
  private lastNews = Date.now();
  private pumping: Promise<void> = Promise.resolve();
  private failure: unknown;
  private finished!: () => void;
  private readonly done = new Promise<void>((resolve) => (this.finished = resolve));
  private interrupted = false;

  constructor(
    private readonly run: {
      listed: InputEntry[];
      state: StateStore;
      ledger: QueueLedger;
      manifest: ManifestJournal;
      redis: Redis;
      record: RunRecord;
      options: QueueRunOptions;
      attempts: number;
      target: StorageTarget;
    },
  ) {
    this.keys = runKeys(run.options.queue.name, this.runId);
    const { secret } = loadSecret({ stateDir: run.state.dir });
    this.sealer = createSealer(secret);
    this.claimField = claimFieldMaker(secret);
    this.slots = run.listed.map((input, index) => ({ index, input, attempt: 0, jobIds: [] }));
  }

  async go(): Promise<void> {
    const { options, redis, record } = this.run;
    const connection = { ...options.queue.connection, maxRetriesPerRequest: null };
    this.queue = new Queue<JobData, string>(options.queue.name, { connection, prefix: KEY_PREFIX });
    // Events from the stream's present end on, read before any job is added: none of ours is missed.
    const [last] = (await redis.xrevrange(`${KEY_PREFIX}:${options.queue.name}:events`, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
    this.events = new QueueEvents(options.queue.name, { connection, prefix: KEY_PREFIX, lastEventId: last?.[0] ?? '0-0' });
    this.queue.on('error', () => {});
    this.events.on('error', () => {});
    await this.events.waitUntilReady();
    this.events.on('completed', ({ jobId, returnvalue }) => this.onCompleted(jobId, returnvalue as unknown));
    this.events.on('failed', ({ jobId, failedReason }) => this.onFailed(jobId, failedReason));
    this.events.on('stalled', ({ jobId }) => {
      if (this.byJobId.has(jobId)) this.stalled++;
    });
    await redis.set(this.keys.record, this.sealer.seal(this.keys.sealRun, record), 'EX', RECORD_TTL_SECONDS);

    // Listing errors and skips need no job; the others get one, with what an earlier run recorded.
    const resume = options.resume !== false;
    const preclaims: Record<string, string> = {};
    for (const slot of this.slots) {
      const { input } = slot;
      if (input.error) slot.entry = { input: input.path, status: 'error', error: input.error };
      else if (input.skipped) slot.entry = { input: input.path, status: 'skipped', error: input.skipped };
      else {
        const absolute = input.path.startsWith('s3://') ? input.path : path.resolve(input.path);
        slot.earlier = resume ? this.run.ledger.find(input.path) : undefined;
        slot.spec = { input: absolute, fromFolder: input.fromFolder, ...(slot.earlier ? { expect: { content: slot.earlier.content, output: slot.earlier.output } } : {}) };
        // The earlier output's name stays this input's while the run lasts, so no other job writes over it.
        if (slot.earlier) preclaims[this.claimField(slot.earlier.output)] = String(slot.index);
      }
    }
    if (Object.keys(preclaims).length) await redis.multi().hset(this.keys.claims, preclaims).expire(this.keys.claims, RECORD_TTL_SECONDS).exec();

    const watch = setInterval(() => void this.checkOutstanding().catch((error: unknown) => this.fail(error)), Math.max(500, (options.checkEveryMs ?? 10_000) / 2));
    const abort = () => void this.interrupt().catch((error: unknown) => this.fail(error));
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      await this.fill();
      this.schedule();
      await this.done;
      await this.pumping;
      if (this.failure) throw this.failure;
    } finally {
      clearInterval(watch);
      options.signal?.removeEventListener('abort', abort);
    }
  }

  async close(): Promise<void> {
    // A run that stopped early takes its jobs not yet done off the queue (those running finish and are dropped).
    for (const slot of this.byJobId.values()) await this.queue?.remove(slot.jobId!).catch(() => 0);
    await this.events?.close().catch(() => {});
    await this.queue?.close().catch(() => {});
    await this.run.redis.del(this.keys.record, this.keys.claims).catch(() => {});
  }

  result(manifestPath: string, extra: Partial<Omit<RunResult, 'stats'>>): QueueRunResult {
    const entries = this.results;
    const tally = tallyOf(entries);
    return {
      entries,
      tally,
      ok: tally.ok,
      failed: tally.failed,
      skipped: tally.skipped,
      resumed: tally.resumed,
      manifestPath,
      deadLetters: this.deadLetters,
      stalled: this.stalled,
      ...(this.interrupted ? { stopped: 'the run was interrupted; the files not processed are listed as such' } : {}),
      ...extra,
    };
  }

  /** Adds jobs, in chunks, up to the window. */
  private async fill(): Promise<void> {
    const { options } = this.run;
    const chunkSize = options.chunkSize ?? 500;
    const window = options.window ?? 5000;
    while (!this.interrupted && this.enqueued < this.slots.length && this.outstanding < window) {
      const chunk: Slot[] = [];
      while (this.enqueued < this.slots.length && chunk.length < chunkSize && this.outstanding + chunk.length < window) {
        const slot = this.slots[this.enqueued++];
        if (slot.spec) chunk.push(slot);
      }
      if (chunk.length) await this.add(chunk);
    }
  }

  /** Adds the jobs of these slots (their `attempt`-th time), registered before they can complete. */
  private async add(slots: Slot[]): Promise<void> {
    const { attempts, options } = this.run;
    for (const slot of slots) {
      if (slot.jobId) this.byJobId.delete(slot.jobId);
      slot.jobId = this.keys.jobId(slot.index, slot.attempt);
      slot.jobIds.push(slot.jobId);
      slot.result = undefined;
      slot.failure = undefined;
      this.byJobId.set(slot.jobId, slot);
      this.outstanding++;
    }
    await this.queue.addBulk(
      slots.map((slot) => ({
        name: 'deidentify',
        data: { v: 1 as const, run: this.runId, n: slot.index, spec: this.sealer.seal(this.keys.sealJob(slot.index), slot.spec) },
        opts: {
          jobId: slot.jobId,
          attempts,
          backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
          removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
          removeOnFail: false,
          stackTraceLimit: 0,
        },
      })),
    );
  }

  private onCompleted(jobId: string, returnvalue: unknown): void {
    const slot = this.byJobId.get(jobId);
    if (!slot || slot.result || slot.failure) return;
    this.lastNews = Date.now();
    try {
      slot.result = this.sealer.open<JobResult>(this.keys.sealResult(slot.index), String(returnvalue));
    } catch (error) {
      slot.failure = `its result could not be opened: ${(error as Error).message}`;
    }
    this.settled(slot);
  }

  private onFailed(jobId: string, failedReason: string): void {
    const slot = this.byJobId.get(jobId);
    if (!slot || slot.result || slot.failure) return;
    this.lastNews = Date.now();
    this.deadLetters++;
    slot.failure = capMessage(failedReason || 'no reason given', 500);
    this.settled(slot);
  }

  private settled(slot: Slot): void {
    this.outstanding--;
    this.byJobId.delete(slot.jobId!);
    this.schedule();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.finished();
  }

  /** Runs the commit loop once more after the one running (events may arrive meanwhile). */
  private schedule(): void {
    this.pumping = this.pumping.then(() => this.pump()).catch((error: unknown) => this.fail(error));
  }

  /** Commits what is ready, in input order, as one group: maps flushed, then manifest lines, then ledger records. */
  private async pump(): Promise<void> {
    if (this.failure) return;
    const group: Slot[] = [];
    while (this.next < this.slots.length) {
      const slot = this.slots[this.next];
      if (!slot.entry && !(await this.decide(slot))) break;
      group.push(slot);
      this.next++;
    }
    if (group.length) await this.commit(group);
    await this.fill();
    if (this.next === this.slots.length) this.finished();
  }

  /** Makes the slot's manifest entry when its outcome is known; false while it waits (a job to finish, an input it depends on). */
  private async decide(slot: Slot): Promise<boolean> {
    const { input } = slot;
    if (this.interrupted && !slot.result && !slot.failure) {
      slot.entry = { input: input.path, status: 'error', error: 'not processed: the run was interrupted' };
      return true;
    }
    if (slot.failure) {
      slot.entry = { input: input.path, status: 'error', error: `not de-identified: the job failed for good (its dead letter stays in the queue): ${slot.failure}` };
      return true;
    }
    const result = slot.result;
    if (!result) return false;
    if (result.resumed && slot.earlier) {
      this.names.add(slot.earlier.output);
      slot.entry = { input: input.path, ...slot.earlier.entry, output: slot.earlier.output, status: 'skipped', resumed: true, error: RESUMED };
      return true;
    }
    if (result.entry.status !== 'ok' || !result.base) {
      slot.entry = { input: input.path, ...result.entry };
      return true;
    }
    if (!slot.absorbed) {
      let conflicts: PatientConflict[];
      try {
        conflicts = absorbRecords(this.run.state, result.records);
      } catch (error) {
        if (result.written) await this.removeOutput(result.written);
        slot.entry = { input: input.path, status: 'error', error: (error as Error).message };
        return true;
      }
      if (conflicts.length) {
        // The worker derived a pseudonym the maps give to another patient (a collision): do it again, told which.
        if (result.written) await this.removeOutput(result.written);
        slot.spec = { ...slot.spec!, conflicts, expect: undefined };
        await this.requeue(slot);
        return false;
      }
      slot.absorbed = true;
    }
    slot.final ??= this.claimName(result.base);
    if (result.written !== slot.final) {
      // Another input of the run has this name. Wait until the claim's owner has written (or failed),
      // so the rewrite below is the last write of that name; then write this output under its own.
      const owner = result.collision ? this.slots[result.collision.owner] : undefined;
      if (owner && owner !== slot && !owner.entry && !owner.result && !owner.failure) return false;
      slot.spec = { ...slot.spec!, outputKey: slot.final, expect: undefined };
      await this.requeue(slot);
      return false;
    }
    const warnings = slot.final !== result.base ? withDuplicateInstance(result.entry.warnings) : result.entry.warnings;
    slot.entry = { input: input.path, ...result.entry, output: slot.final, ...(warnings ? { warnings } : {}) };
    return true;
  }

  /** The name of an output in input order: `base`, or `…-2.dcm`, `…-3.dcm` when an earlier input has it (as a local run names them). */
  private claimName(base: string): string {
    let key = base;
    for (let n = 2; this.names.has(key); n++) key = base.replace(/\.dcm$/, `-${n}.dcm`);
    this.names.add(key);
    return key;
  }

  private async requeue(slot: Slot): Promise<void> {
    slot.attempt++;
    await this.add([slot]);
  }

  private async removeOutput(key: string): Promise<void> {
    const { target, options } = this.run;
    if (target.engine === 'local') await rm(path.join(target.root, ...key.split('/')), { force: true });
    else await createS3Storage({ bucket: target.bucket, prefix: target.prefix || undefined, sse: options.sse, kmsKeyId: options.kmsKeyId }).remove(key);
  }

  private async commit(group: Slot[]): Promise<void> {
    const { state, manifest, ledger, options } = this.run;
    await state.flush();
    for (const slot of group) {
      const entry = slot.entry!;
      entry.ref = state.keyedHash(slot.input.path).slice(0, 10);
      if (entry.error) entry.error = capMessage(entry.error);
      await manifest.append(entry);
    }
    const done = group.filter((s) => s.entry!.status === 'ok' && s.result?.content).map((s) => {
      const { input: _input, ref: _ref, ...kept } = s.entry!;
      return { input: s.input.path, content: s.result!.content!, output: s.entry!.output!, entry: kept };
    });
    await ledger.record(done);
    // Collected: their jobs leave the queue (dead letters stay).
    const ids = group.filter((s) => !s.failure).flatMap((s) => s.jobIds);
    for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map((id) => this.queue.remove(id).catch(() => 0)));
    for (const slot of group) {
      this.results.push(slot.entry!);
      options.onFile?.(slot.entry!, this.results.length, this.slots.length);
    }
  }

  /** With no news for a while: looks the outstanding jobs up (an event can be missed), and says when no worker is there. */
  private async checkOutstanding(): Promise<void> {
    const { options } = this.run;
    const quiet = Date.now() - this.lastNews;
    if (quiet < (options.checkEveryMs ?? 10_000) || this.byJobId.size === 0) return;
    this.lastNews = Date.now();
    const workers = await this.queue.getWorkersCount().catch(() => -1);
    if (workers === 0) options.onStatus?.(`waiting for workers: none is connected to queue "${options.queue.name}" at ${options.queue.display} (start one with deid worker --queue ${options.queue.display})`);
    for (const slot of [...this.byJobId.values()].slice(0, 500)) {
      const job = await Job.fromId<JobData, string>(this.queue, slot.jobId!);
      if (slot.result || slot.failure || !this.byJobId.has(slot.jobId!)) continue;
      if (!job) {
        // Gone without a word (removed by hand, or its event lost with the result): do it again.
        this.outstanding--;
        await this.requeue(slot);
        continue;
      }
      const jobState = await job.getState();
      if (jobState === 'completed') this.onCompleted(slot.jobId!, job.returnvalue);
      else if (jobState === 'failed') this.onFailed(slot.jobId!, job.failedReason);
    }
  }

  /** Stops: jobs not started leave the queue; what is not done is listed as not processed. */
  private async interrupt(): Promise<void> {
    this.interrupted = true;
    for (const slot of this.byJobId.values()) await this.queue.remove(slot.jobId!).catch(() => 0);
    this.schedule();
  }
}
