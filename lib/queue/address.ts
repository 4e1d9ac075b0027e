/**
 * A de-identification queue on Redis: where it is (`redis://host:port`), its name, and the names of
 * the keys a run keeps beside BullMQ's own (the run's sealed settings, its output-name claims).
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { Redis } from 'ioredis';

/** The queue's name when none is given. */
export const DEFAULT_QUEUE_NAME = 'deid';
/** The prefix of every key the kit's queues use in Redis (BullMQ's `prefix`). */
export const KEY_PREFIX = 'deid';

/** A parsed `--queue` address. */
export interface QueueAddress {
  /** `redis://host:port/db` without credentials: safe to print. */
  display: string;
  /** Connection options for ioredis / BullMQ. */
  connection: { host: string; port: number; db?: number; username?: string; password?: string; tls?: Record<string, never> };
  /** The queue's name. */
  name: string;
}

/** A `--queue` value that is not a Redis address (the CLI exits with 2). */
export class QueueAddressError extends Error {
  override name = 'QueueAddressError';
}

/**
 * Reads `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS). A password may also
 * come from `DEID_REDIS_PASSWORD`, so it need not show in a process list.
 */
export function parseQueueAddress(address: string, name = DEFAULT_QUEUE_NAME, env: Readonly<Record<string, string | undefined>> = {}): QueueAddress {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new QueueAddressError(`--queue must be a Redis address such as redis://127.0.0.1:6379, not ${JSON.stringify(address)}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new QueueAddressError(`--queue must start with redis:// or rediss://, not ${JSON.stringify(`${url.protocol}//`)}`);
  if (!url.hostname) throw new QueueAddressError('--queue names no host');
  const port = url.port ? Number(url.port) : 6379;
  const dbText = url.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d{1,3}$/.test(dbText)) throw new QueueAddressError(`--queue: the path must be a database number, not ${JSON.stringify(url.pathname)}`);
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) throw new QueueAddressError(`the queue name must be 1 to 64 letters, digits, "_", "." or "-", not ${JSON.stringify(name)}`);
  const password = url.password ? decodeURIComponent(url.password) : env.DEID_REDIS_PASSWORD || undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    display: `${url.protocol}//${url.hostname}:${port}${dbText ? `/${dbText}` : ''}`,
    connection: {
      host,
      port,
      ...(dbText ? { db: Number(dbText) } : {}),
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(password ? { password } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
    name,
  };
}

/** The keys and seal contexts of one run on a queue. */
export interface RunKeys {
  /** The run's sealed settings (rules, options, places). */
  record: string;
  /** Output names claimed by inputs of the run (field: a keyed hash of the name; value: the input's index). */
  claims: string;
  /** BullMQ job id of input `index`, the `attempt`-th time the run enqueues it. */
  jobId(index: number, attempt: number): string;
  /** Seal contexts: the run's settings, a job's spec, a job's result. */
  sealRun: string;
  sealJob(index: number): string;
  sealResult(index: number): string;
}

/** The keys of run `runId` on queue `queue`. */
export function runKeys(queue: string, runId: string): RunKeys {
  const base = `${KEY_PREFIX}:${queue}`;
  return {
    record: `${base}:deid-run:${runId}`,
    claims: `${base}:deid-claims:${runId}`,
    jobId: (index, attempt) => `${runId}-${index}${attempt > 0 ? `-r${attempt}` : ''}`,
    sealRun: `run:${queue}/${runId}`,
    sealJob: (index) => `job:${queue}/${runId}/${index}`,
    sealResult: (index) => `result:${queue}/${runId}/${index}`,
  };
}

/** The claim field of an output name: a keyed hash, so Redis holds no output names. */
export function claimFieldMaker(secret: Uint8Array): (name: string) => string {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'deid-kit output claims v1', 32));
  return (name) => createHmac('sha256', key).update(name).digest('base64url').slice(0, 22);
}

/** What a job's data holds in Redis: the run, the input's index, and its sealed spec. */
export interface JobData {
  v: 1;
  run: string;
  n: number;
  spec: string;
}

/** Redis could not be reached at the queue's address. */
export class QueueUnreachableError extends Error {
  override name = 'QueueUnreachableError';
}

/**
 * Connects to the queue's Redis once, with a short timeout, so an unreachable queue is said at once
 * (then reconnects by itself, as long as the process runs).
 * @throws QueueUnreachableError
 */
export async function connectRedis(queue: QueueAddress): Promise<Redis> {
  const redis = new Redis({ ...queue.connection, maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: 5000, retryStrategy: () => null });
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => (lastError = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = (lastError ?? (error as Error)).message;
    throw new QueueUnreachableError(`cannot reach the queue at ${queue.display}: ${reason.slice(0, 300)}`, { cause: error });
  }
  redis.options.retryStrategy = (times: number) => Math.min(times * 200, 2000);
  return redis;
}
