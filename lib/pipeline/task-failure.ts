/**
 * How a task says it failed, apart from the task itself (`input-task.ts`) so that the runner, which
 * only orders outcomes, does not load the steps.
 */
import { InputReadError } from './inputs.js';
import type { InputOutcome } from './process-input.js';

/** The outcome of an input that failed, saying why (`error`, without its path). */
export function failedOutcome(input: string, error: string): InputOutcome {
  return { entry: { input, status: 'error', error }, records: { uids: [], patients: [] } };
}

/** Why an input could not be read, in words, without its path. */
export function readFailure(error: unknown): string {
  if (error instanceof InputReadError) return error.message;
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return `cannot read input: ${code ?? messageOf(error)}`;
}

/** An error's message, or the thrown value in words. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
