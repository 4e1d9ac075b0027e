/**
 * What queue runs into one output did, so a later run skips it: per input (a keyed hash of its
 * path), the content hash of the bytes done, the settings they were done with, and the entry. Kept
 * in the state folder (owner-only), appended and flushed per group of files.
 */
import { constants } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { makeFolders } from '../safe-files.js';
import type { ManifestEntry } from '../pipeline/manifest.js';

const LEDGER_DIR = 'done';

/** An input an earlier run did: its content, output and entry (without the input path). */
export interface DoneInput {
  content: string;
  output: string;
  entry: Omit<ManifestEntry, 'input' | 'ref'>;
}

/** The ledger of one output. */
export interface QueueLedger {
  /** What an earlier run did with this input under these settings, if anything. */
  find(input: string): DoneInput | undefined;
  /** Records inputs done, in one write and one flush. */
  record(done: ReadonlyArray<{ input: string } & DoneInput>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the ledger of `outputId` (the resolved output folder or its S3 URL) for `settings` (a hash
 * of the rules and options) in `<stateDir>/done/`. `keyedHash` is the state's: the ledger holds no
 * input path or output path in clear.
 */
export async function openQueueLedger(stateDir: string, outputId: string, settings: string, keyedHash: (text: string) => string): Promise<QueueLedger> {
  const dir = path.join(stateDir, LEDGER_DIR);
  await makeFolders(dir, 0o700);
  const file = path.join(dir, `queue-${keyedHash(`output:${outputId}`).slice(0, 24)}.jsonl`);
  const key = (input: string) => keyedHash(`input:${input}`).slice(0, 32);
  const earlier = new Map<string, DoneInput>();
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  // A line cut short by a killed run, or damaged, only means that input is done again.
  for (const line of text.split('\n')) {
    let record: { p?: unknown; s?: unknown; c?: unknown; o?: unknown; e?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      continue;
    }
    if (record.s !== settings || typeof record.p !== 'string' || typeof record.c !== 'string' || typeof record.o !== 'string' || typeof record.e !== 'object' || record.e === null) continue;
    earlier.set(record.p, { content: record.c, output: record.o, entry: record.e as DoneInput['entry'] });
  }
  let handle: FileHandle | undefined;
  return {
    find: (input) => earlier.get(key(input)),
    async record(done) {
      if (done.length === 0) return;
      handle ??= await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW, 0o600);
      await handle.write(done.map((d) => `${JSON.stringify({ p: key(d.input), s: settings, c: d.content, o: d.output, e: d.entry })}\n`).join(''));
      await handle.datasync();
    },
    async close() {
      await handle?.close();
      handle = undefined;
    },
  };
}
