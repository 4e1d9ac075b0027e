/**
 * Where inputs are de-identified: in this thread, or in a pool of worker threads (piscina), each
 * with its own steps and warm OCR engine. Either way an input gives the same outcome: the workers
 * derive the state's values from its snapshot, and the runner commits outcomes in input order.
 * Each task reads its input, hashes it and stages its output itself (see `input-task.ts`), so the
 * thread running the runner only orders; header only, it de-identifies inputs too (see
 * {@link openSharedExecutor}).
 */
import type { StateSnapshot } from '../state/index.js';
import type { RecipeAws } from './recipe.js';
import type { RunSettings } from './process-input.js';
import type { InputTask, TaskIo, TaskOutcome } from './input-task.js';

/** Node options a worker thread refuses in its `execArgv` (heap sizes are the process's). */
const V8_HEAP_OPTION = /^--(?:max-old-space-size|max-semi-space-size|max-young-generation-size|stack-size)(?:=|$)/;

/** Young generation of each pool thread's heap (megabytes). */
const YOUNG_GENERATION_MB = 8;

/**
 * Tasks a pool thread holds at once when inputs are quick (header only): one is read or flushed to
 * disk while the other is processed (a context processes its inputs one at a time).
 */
export const TASKS_PER_THREAD = 2;

/**
 * Tasks a pool thread holds at once in a run: {@link TASKS_PER_THREAD}, or one when pixels are read.
 * An image takes seconds (a multi-frame one tens), its reading and writing milliseconds: a second
 * task given to a busy thread would wait behind it while another thread goes idle at the end of the run.
 */
export function tasksPerThread(settings: Pick<RunSettings, 'pixels'>): number {
  return settings.pixels ? 1 : TASKS_PER_THREAD;
}

/**
 * Header-only files each thread should have, at least, for a thread to pay. A worker thread spends
 * ~0.5 s of CPU starting (modules, word lists, regexes) and warms its own code and memories: a
 * second thread on 1,000 header files costs ~40% more CPU (one worker beside this thread, see
 * {@link openSharedExecutor}), which a free core pays back in time; on 200 it costs ~50% more for
 * a run of ~2 s. Measured on the bench's header corpus (`npm run bench -- --only header`).
 */
export const HEADER_FILES_PER_THREAD = 400;

/**
 * The threads a run takes when the user did not say (`jobs: 'auto'`): with pixels, one per core (an
 * image takes seconds, a thread's start-up is paid back by its first image); header only, one per
 * {@link HEADER_FILES_PER_THREAD} files, at most the cores less one, at least one (then no pool). A
 * header-only pool counts the runner's thread as one (it processes inputs too). One header thread
 * already keeps ~1.3 cores busy (reading, hashing and writing in libuv's threads, V8's collector): on
 * a quiet 2-core machine a second gave no speed (1,000 files: 4.38 s against 4.34, `npm run bench`)
 * for ~40% more CPU.
 *
 * @example autoThreads({ pixels: false }, 1000, 2) // 1
 * @example autoThreads({ pixels: false }, 1000, 8) // 2
 */
export function autoThreads(settings: Pick<RunSettings, 'pixels'>, files: number, cores: number): number {
  if (settings.pixels) return Math.max(1, cores);
  return Math.max(1, Math.min(cores - 1, Math.floor(files / HEADER_FILES_PER_THREAD)));
}

/** Runs {@link runInputTask} somewhere. */
export interface InputExecutor {
  /** Threads processing inputs at once. */
  readonly threads: number;
  /** Inputs it holds at once (reading and writing overlap processing). */
  readonly tasks: number;
  /** De-identifies one input; bytes given with it may be moved to another thread (do not use them after). */
  run(task: InputTask): Promise<TaskOutcome>;
  /** Ends the threads and their OCR engines. */
  close(): Promise<void>;
}

/** A pool's {@link TaskIo}, as plain data for its threads. */
export interface PoolIo {
  maxInputBytes?: number;
  /** Content hashes an earlier run into this output did. */
  done: string[];
  /** A local output folder the threads stage outputs in, and the real paths of inputs never written over. */
  output?: { root: string; protectedPaths: string[] };
}

/** One input at a time in this thread (which then loads the steps; a pool's runner never does). */
export async function openInProcessExecutor(settings: RunSettings, snapshot: StateSnapshot, io: TaskIo, aws?: RecipeAws): Promise<InputExecutor> {
  const [{ openInputContext }, { runInputTask }] = await Promise.all([import('./process-input.js'), import('./input-task.js')]);
  const context = await openInputContext(settings, snapshot, aws);
  return {
    threads: 1,
    tasks: 1,
    run: (task) => runInputTask(task, context, io),
    close: () => context.close(),
  };
}

/**
 * Inputs this thread and each worker hold at once in a header-only pool (see {@link openSharedExecutor}).
 * This thread also orders, and a worker's finished input waits while this thread de-identifies one of
 * its own (~7 ms): a worker holding four has work meanwhile, and this thread, taking one at a time,
 * leaves the workers the larger share. With two and two this thread did 55-63% of 1,000 header files
 * (one worker); with four and one, 47-53%.
 */
const LOCAL_TASKS = 1;
const SHARED_TASKS_PER_WORKER = 4;

/**
 * A header-only run in `threads` threads: this one (which also orders outputs and writes the
 * manifest) and a pool of `threads - 1` workers. Ordering a header file costs ~1 ms here against
 * ~7 ms to de-identify it, so a thread that only ordered sat mostly idle while the workers took the
 * cores; every worker costs ~0.5 s of CPU to start and warms its own code and memories. Inputs wait
 * in one queue and go to whichever side has room first (the pool before this thread, which has the
 * ordering to do too), so a slow input never holds others back behind it. Outputs of inputs
 * processed here are written by the runner, the workers stage theirs (see `PoolIo.output`).
 */
export async function openSharedExecutor(settings: RunSettings, snapshot: StateSnapshot, threads: number, poolIo: PoolIo, localIo: TaskIo): Promise<InputExecutor> {
  const [local, pool] = await Promise.all([openInProcessExecutor(settings, snapshot, localIo), openPoolExecutor(settings, snapshot, threads - 1, poolIo, SHARED_TASKS_PER_WORKER)]);
  const waiting: Array<{ task: InputTask; resolve: (outcome: Promise<TaskOutcome>) => void }> = [];
  let inLocal = 0;
  let inPool = 0;
  const dispatch = () => {
    while (inPool < pool.tasks || inLocal < LOCAL_TASKS) {
      const next = waiting.shift();
      if (!next) return;
      const toPool = inPool < pool.tasks;
      const { task, resolve } = next;
      if (toPool) inPool++;
      else inLocal++;
      const running = (toPool ? pool : local).run(task);
      resolve(running);
      void running
        .catch(() => {})
        .then(() => {
          if (toPool) inPool--;
          else inLocal--;
          dispatch();
        });
    }
  };
  return {
    threads,
    tasks: pool.tasks + LOCAL_TASKS,
    run(task) {
      const outcome = new Promise<TaskOutcome>((resolve) => waiting.push({ task, resolve }));
      dispatch();
      return outcome;
    },
    async close() {
      await Promise.all([pool.close(), local.close()]);
    },
  };
}

/**
 * A pool of `threads` worker threads, each opening its context when it starts. Run from the
 * TypeScript sources (tests, `tsx`), the workers load them through tsx too.
 */
export async function openPoolExecutor(settings: RunSettings, snapshot: StateSnapshot, threads: number, io: PoolIo, perThread = tasksPerThread(settings)): Promise<InputExecutor> {
  // Loaded only for a pool: a run with one job never starts a thread (piscina takes ~15 ms CPU to load).
  const { Piscina } = await import('piscina');
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(fromSource ? './pool-worker.ts' : './pool-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    concurrentTasksPerWorker: perThread,
    workerData: { settings, snapshot, io, closing: new SharedArrayBuffer(4) },
    // A thread's short-lived objects are small (pixels live outside the heap): a young generation of
    // 8 MB instead of V8's default (up to 48 MB) lowers each thread's footprint at no measurable CPU cost.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    // Threads inherit this process's options, but refuse V8 heap sizes given to them again explicitly.
    ...(fromSource ? { execArgv: [...process.execArgv.filter((a) => !V8_HEAP_OPTION.test(a)), '--import', 'tsx'] } : {}),
  });
  return {
    threads,
    tasks: threads * perThread,
    run(task) {
      const bytes = task.bytes;
      if (!bytes) return pool.run(task) as Promise<TaskOutcome>;
      // Move the bytes when they own their buffer whole; a view into a shared buffer is copied.
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer);
      const moved = owned ? bytes : bytes.slice();
      return pool.run({ ...task, bytes: moved }, { transferList: [moved.buffer as ArrayBuffer] }) as Promise<TaskOutcome>;
    },
    async close() {
      // Each thread ends its OCR reader first (see closeContext), then the threads end.
      await Promise.allSettled(Array.from({ length: threads }, () => pool.run(threads, { name: 'closeContext' })));
      await pool.destroy();
    },
  };
}
