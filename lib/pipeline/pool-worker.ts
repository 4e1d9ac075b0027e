/**
 * A worker thread of the pool: opens its input context (steps, a warm OCR engine) once, when the
 * thread starts, then reads, de-identifies and stages one input per task. Output bytes that cannot
 * be staged here go back to the main thread moved, not copied.
 */
import { setTimeout } from 'node:timers/promises';
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { StateSnapshot } from '../state/index.js';
import { createLocalStorage } from '../storage/local.js';
import { runInputTask, type InputTask, type TaskIo } from './input-task.js';
import type { PoolIo } from './pool.js';
import { openInputContext, type RunSettings } from './process-input.js';

const { settings, snapshot, io, closing } = workerData as { settings: RunSettings; snapshot: StateSnapshot; io: PoolIo; closing: SharedArrayBuffer };
const context = openInputContext(settings, snapshot);
// A context that cannot open fails every task with its reason (awaited there), not the thread.
context.catch(() => {});
const taskIo: TaskIo = {
  maxInputBytes: io.maxInputBytes,
  done: new Set(io.done),
  storage: io.output ? createLocalStorage({ root: io.output.root, protectedPaths: new Set(io.output.protectedPaths) }) : undefined,
};

/** The pool's task: one input (its path, or its bytes moved here). */
export default async function deidentifyInput(task: InputTask): Promise<unknown> {
  const outcome = await runInputTask(task, await context, taskIo);
  // The runner reads the entry, not the messages: do not copy them across.
  delete outcome.messages;
  const output = outcome.output;
  if (!output || output.byteOffset !== 0 || output.byteLength !== output.buffer.byteLength) return outcome;
  return move({ [transferableSymbol]: [output.buffer], [valueSymbol]: outcome } as unknown as Parameters<typeof move>[0]);
}

/**
 * The pool's closing task, one per thread: ends this thread's context (its OCR reader process), so
 * the readers exit while the run waits for them rather than after it. Each closing task waits until
 * every thread holds one (a counter shared by the threads), so that no thread takes two while
 * another takes none; after a while it closes anyway.
 */
export async function closeContext(threads: number): Promise<void> {
  const arrived = new Int32Array(closing);
  Atomics.add(arrived, 0, 1);
  const deadline = Date.now() + CLOSE_BARRIER_MS;
  while (Atomics.load(arrived, 0) < threads && Date.now() < deadline) await setTimeout(5);
  await (await context.catch(() => undefined))?.close();
}

/** How long a closing task waits for the other threads' (milliseconds). */
const CLOSE_BARRIER_MS = 2000;
