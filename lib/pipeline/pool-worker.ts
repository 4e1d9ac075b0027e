/**
 * A worker thread of the pool: opens its input context (steps, a warm OCR engine) once, when the
 * thread starts, then de-identifies one input per task. Output bytes go back to the main thread
 * moved, not copied.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { PatientConflict, StateSnapshot } from '../state/index.js';
import { openInputContext, processInput, type InputDescriptor, type InputOutcome, type RunSettings } from './process-input.js';

const { settings, snapshot } = workerData as { settings: RunSettings; snapshot: StateSnapshot };
const context = openInputContext(settings, snapshot);
// A context that cannot open fails every task with its reason (awaited there), not the thread.
context.catch(() => {});

/** The pool's task: one input (its bytes moved here), and the store's answer to a first try if any. */
export default async function deidentifyInput(task: { input: InputDescriptor; conflicts?: PatientConflict[] }): Promise<unknown> {
  const outcome: InputOutcome = await processInput(task.input, await context, task.conflicts);
  // The runner reads the entry, not the messages: do not copy them across.
  delete outcome.messages;
  const output = outcome.output;
  if (!output || output.byteOffset !== 0 || output.byteLength !== output.buffer.byteLength) return outcome;
  return move({ [transferableSymbol]: [output.buffer], [valueSymbol]: outcome } as unknown as Parameters<typeof move>[0]);
}
