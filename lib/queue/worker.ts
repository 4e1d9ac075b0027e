/**
 * `deid worker`: takes de-identification jobs from a BullMQ queue until stopped. Each job names one
 * input (sealed with a key derived from the project secret); the worker de-identifies it, writes the
 * output, and returns the manifest entry and map entries, sealed the same way. A worker killed
 * mid-job loses its lock, and once the lock expires the job goes back to the queue for another.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { createSealer, SealError } from '../state/seal.js';
import { capMessage } from '../pipeline/messages.js';
import { claimFieldMaker, connectRedis, KEY_PREFIX, runKeys, type JobData, type QueueAddress } from './address.js';
import { JobStorage, processJob, RetryableJobError, type JobSpec } from './job.js';
import { openInputContext, type InputContext } from './one-input.js';
import { runInputSettings, runSettingsHash, type RunRecord } from './run-record.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  address: QueueAddress;
  /** The project secret (from a shared state folder, a secret file or the environment; never from Redis). */
  secret: Uint8Array;
  /** Jobs processed at once by this process (default: 1; OCR runs one image at a time per process anyway). */
  concurrency?: number;
  /** How long a job's lock lasts without renewal: a killed worker's job goes back after about this long (default: 30 s). */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired (default: 30 s). */
  stalledIntervalMs?: number;
  /** Times a job may lose its worker and go back to the queue before it fails (default: 2). */
  maxStalledCount?: number;
  /** The worker's name in the queue (default: `<host>:<pid>`). */
  name?: string;
  /** Where the worker says what it does (default: nowhere). Lines carry no paths and no PHI. */
  log?: (line: string) => void;
}

/** A running worker. */
export interface QueueWorker {
  readonly name: string;
  /** Settles when the worker stopped by itself, with why (it holds another secret than the run's jobs). */
  readonly stopped: Promise<string>;
  /** Finishes the jobs in hand, then stops taking jobs and closes its connections and OCR engines. */
  close(): Promise<void>;
}

interface OpenRun {
  record: RunRecord;
  settingsHash: string;
  storage: JobStorage;
}

/** How many runs' OCR engines a worker keeps warm at once (a queue may carry jobs of several runs). */
const CONTEXTS_KEPT = 2;
/** Claims outlive a run by this long at most, if its coordinator never cleans up (seconds). */
const CLAIMS_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Starts a worker on `options.address`. It resolves once connected; jobs then run until
 * {@link QueueWorker.close}. A job whose input or output cannot be reached throws and is tried again
 * (BullMQ's attempts and backoff, set by the run); a file the kit cannot vouch for is an `error`
 * entry in the job's result, not a failed job.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { address, secret } = options;
  const log = options.log ?? (() => {});
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const sealer = createSealer(secret);
  const claimField = claimFieldMaker(secret);
  // Said at once when Redis cannot be reached; later it reconnects by itself (BullMQ's worker reports trouble).
  const redis = await connectRedis(address);
  redis.on('error', () => {});
  const runs = new Map<string, Promise<OpenRun>>();
  const contexts = new Map<string, Promise<InputContext>>();
  let stopSelf!: (reason: string) => void;
  const stopped = new Promise<string>((resolve) => (stopSelf = resolve));
  let closing: Promise<void> | undefined;

  const openRun = (runId: string): Promise<OpenRun> => {
    let open = runs.get(runId);
    if (!open) {
      open = (async () => {
        const keys = runKeys(address.name, runId);
        const sealed = await redis.get(keys.record);
        if (sealed === null) throw new UnrecoverableError('the run that made this job is over (its settings are no longer in the queue)');
        const record = sealer.open<RunRecord>(keys.sealRun, sealed);
        return { record, settingsHash: runSettingsHash(record), storage: new JobStorage(record.places) };
      })();
      runs.set(runId, open);
      open.catch(() => runs.delete(runId));
    }
    return open;
  };

  const contextFor = (run: OpenRun): Promise<InputContext> => {
    let context = contexts.get(run.settingsHash);
    if (!context) {
      context = openInputContext(runInputSettings(run.record).settings, secret);
      contexts.set(run.settingsHash, context);
      context.catch(() => contexts.delete(run.settingsHash));
      while (contexts.size > CONTEXTS_KEPT) {
        const [oldest, ready] = contexts.entries().next().value!;
        contexts.delete(oldest);
        void ready.then((c) => c.close()).catch(() => {});
      }
    }
    return context;
  };

  const processor = async (job: Job<JobData>): Promise<string> => {
    const data = job.data;
    if (data?.v !== 1 || typeof data.run !== 'string' || !Number.isInteger(data.n) || typeof data.spec !== 'string') {
      throw new UnrecoverableError('not a de-identification job of this kit');
    }
    const keys = runKeys(address.name, data.run);
    let run: OpenRun;
    let spec: JobSpec;
    try {
      run = await openRun(data.run);
      spec = sealer.open<JobSpec>(keys.sealJob(data.n), data.spec);
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      // Another secret would give other pseudonyms: stop taking jobs rather than fail them all.
      const reason = 'this worker cannot open the run\'s jobs: it holds another project secret than the run (check --state / --secret-file / DEID_SECRET)';
      stopSelf(reason);
      throw new Error(reason);
    }
    const context = await contextFor(run);
    const claim = async (base: string) => {
      const field = claimField(base);
      const [[, added]] = (await redis.multi().hsetnx(keys.claims, field, String(data.n)).expire(keys.claims, CLAIMS_TTL_SECONDS).exec()) as [[Error | null, number]];
      if (added === 1) return undefined;
      const owner = await redis.hget(keys.claims, field);
      return owner === null || Number(owner) === data.n ? undefined : { owner: Number(owner) };
    };
    try {
      const result = await processJob(spec, context, run.storage, { claim });
      return sealer.seal(keys.sealResult(data.n), result);
    } catch (error) {
      if (error instanceof RetryableJobError) throw error;
      // Anything else unexpected: say what, without the input (its path is in the sealed spec only).
      throw new Error(`the job could not be processed: ${capMessage(String((error as Error)?.message ?? error), 500).split(spec.input).join('<input>')}`);
    }
  };

  const worker = new Worker<JobData, string>(address.name, processor, {
    connection: { ...address.connection, maxRetriesPerRequest: null },
    prefix: KEY_PREFIX,
    name,
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 2,
    autorun: false,
  });
  let lastError = '';
  worker.on('error', (error) => {
    const text = capMessage(error.message, 300);
    if (text !== lastError) log(`worker ${name}: ${text}`);
    lastError = text;
  });
  worker.on('failed', (job, error) => {
    if (job) log(`worker ${name}: job ${job.id} (attempt ${job.attemptsMade}) failed: ${capMessage(error.message, 300)}`);
  });
  await worker.waitUntilReady();
  void worker.run();
  log(`worker ${name}: taking jobs from queue "${address.name}" at ${address.display}`);

  return {
    name,
    stopped,
    close() {
      closing ??= (async () => {
        await worker.close();
        for (const context of contexts.values()) await context.then((c) => c.close()).catch(() => {});
        contexts.clear();
        await redis.quit().catch(() => redis.disconnect());
      })();
      return closing;
    },
  };
}
