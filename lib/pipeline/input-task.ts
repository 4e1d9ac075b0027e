/**
 * One input of a run, from its path to its staged output, where it is processed (this thread or a
 * pool worker): read, hash, de-identify, write the output where no reader sees it yet. The runner
 * then only orders: it names and publishes outputs, absorbs map entries and appends the manifest
 * in input order, so reading, hashing and writing scale with the threads.
 */
import type { PatientConflict } from '../state/index.js';
import type { ObjectStorage, StagedObject } from '../storage/types.js';
import { readRegularFile } from './inputs.js';
import { processInput, type InputContext, type InputOutcome } from './process-input.js';
import { contentHashOffThread } from './resume.js';
import { failedOutcome, messageOf, readFailure } from './task-failure.js';
import { releaseBytes } from './release-bytes.js';

/** What to do with one input. */
export interface InputTask {
  /** The input's path or storage key (in the manifest only, never in a log). */
  path: string;
  fromFolder: boolean;
  /** The bytes, when the runner read them itself (object-storage inputs); else the file at `path` is read here. */
  bytes?: Uint8Array;
  /** The sha256 the bytes must have: a second try of an input already read once. */
  expectContent?: string;
  /** Process the input even when an earlier run did its content (the runner found that output gone). */
  force?: boolean;
  /** The store's answer to a first try whose pseudonyms collided. */
  conflicts?: PatientConflict[];
}

/** Where a task reads from and writes to. */
export interface TaskIo {
  /** Largest input read, in bytes (default: {@link readRegularFile}'s). */
  maxInputBytes?: number;
  /** Content hashes an earlier run into this output did: such an input comes back unprocessed, marked `earlier`. */
  done?: ReadonlySet<string>;
  /** The output storage, when it can stage objects: ok outputs are staged, not sent back. */
  storage?: ObjectStorage;
}

/** What a task gave. */
export interface TaskOutcome extends InputOutcome {
  /** sha256 of the input's bytes, when they were read. */
  content?: string;
  /** Bytes read. */
  bytesRead?: number;
  /** The content is one an earlier run did: not processed (see {@link TaskIo.done}). */
  earlier?: boolean;
  /** The output, written under `entry.output` but not yet published (instead of `output`). */
  staged?: StagedObject;
}

/** Reads, processes and stages one input. Never rejects: a failure is an `error` entry saying why. */
export async function runInputTask(task: InputTask, context: InputContext, io: TaskIo): Promise<TaskOutcome> {
  const failed = (error: string) => failedOutcome(task.path, error);
  let bytes: Uint8Array;
  try {
    bytes = task.bytes ?? (await readRegularFile(task.path, io.maxInputBytes));
  } catch (error) {
    return failed(readFailure(error));
  }
  const bytesRead = bytes.byteLength;
  // The hash is made in another thread while this one de-identifies; it is awaited first only when
  // it decides whether to process at all (an input to compare, or contents done by an earlier run).
  const hashing = contentHashOffThread(bytes).catch(() => undefined);
  const unhashed = () => ({ ...failed('the file could not be hashed'), bytesRead });
  let content: string | undefined;
  if (task.expectContent !== undefined || (!task.force && io.done?.size)) {
    content = await hashing;
    if (content === undefined) return unhashed();
    if (task.expectContent !== undefined && content !== task.expectContent) return { ...failed('the file changed while the run read it'), bytesRead };
    if (!task.force && io.done?.has(content)) return { entry: { input: task.path, status: 'skipped' }, records: { uids: [], patients: [] }, content, bytesRead, earlier: true };
  }
  let outcome: InputOutcome;
  try {
    outcome = await processInput({ path: task.path, bytes, fromFolder: task.fromFolder }, context, task.conflicts);
  } catch (error) {
    return { ...failed(`the file could not be processed: ${messageOf(error)}`), content: content ?? (await hashing), bytesRead };
  }
  content ??= await hashing;
  // Read here, processed and hashed: nothing reads these bytes again (bytes given with the task are the caller's).
  if (!task.bytes) releaseBytes(bytes);
  if (content === undefined) return unhashed();
  const { storage } = io;
  if (outcome.entry.status === 'ok' && outcome.output && outcome.entry.output && storage?.stage) {
    try {
      const staged = await storage.stage(outcome.entry.output, outcome.output);
      return { ...outcome, output: undefined, staged, content, bytesRead };
    } catch (error) {
      return { ...failed(`the output could not be written: ${(error as Error).message}`), content, bytesRead };
    } finally {
      // Staged on disk (or failed): the encoded output is this task's own, and no longer needed.
      releaseBytes(outcome.output);
    }
  }
  return { ...outcome, content, bytesRead };
}
