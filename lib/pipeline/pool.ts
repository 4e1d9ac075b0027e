/**
 * Where inputs are de-identified: in this thread, or in a pool of worker threads (piscina), each
 * with its own steps and warm OCR engine. Either way an input gives the same outcome: the workers
 * derive the state's values from its snapshot, and the runner commits outcomes in input order.
 */
import { Piscina } from 'piscina';
import type { PatientConflict, StateSnapshot } from '../state/index.js';
import type { RecipeAws } from './recipe.js';
import { openInputContext, processInput, type InputDescriptor, type InputOutcome, type RunSettings } from './process-input.js';

/** Runs {@link processInput} somewhere. */
export interface InputExecutor {
  /** Threads processing inputs at once. */
  readonly threads: number;
  /** De-identifies one input; its bytes may be moved to another thread (do not use them after). */
  run(input: InputDescriptor, conflicts?: readonly PatientConflict[]): Promise<InputOutcome>;
  /** Ends the threads and their OCR engines. */
  close(): Promise<void>;
}

/** One input at a time in this thread. */
export async function openInProcessExecutor(settings: RunSettings, snapshot: StateSnapshot, aws?: RecipeAws): Promise<InputExecutor> {
  const context = await openInputContext(settings, snapshot, aws);
  return {
    threads: 1,
    run: (input, conflicts) => processInput(input, context, conflicts),
    close: () => context.close(),
  };
}

/**
 * A pool of `threads` worker threads, each opening its context when it starts. Run from the
 * TypeScript sources (tests, `tsx`), the workers load them through tsx too.
 */
export function openPoolExecutor(settings: RunSettings, snapshot: StateSnapshot, threads: number): InputExecutor {
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(fromSource ? './pool-worker.ts' : './pool-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: { settings, snapshot },
    ...(fromSource ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
  });
  return {
    threads,
    run(input, conflicts) {
      const bytes = input.bytes;
      // Move the bytes when they own their buffer whole; a view into a shared buffer is copied.
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer);
      const moved = owned ? bytes : bytes.slice();
      return pool.run({ input: { ...input, bytes: moved }, conflicts }, { transferList: [moved.buffer as ArrayBuffer] }) as Promise<InputOutcome>;
    },
    close: () => pool.destroy(),
  };
}
