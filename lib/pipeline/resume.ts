/**
 * Resuming runs: a ledger in the state folder, one per output, of the inputs done — by the sha256
 * of their bytes and a hash of what decides their output (rules file, engine, pixels on or off, the
 * kit's version). A later run into the same output skips an input whose content and settings match
 * and whose output is still there, and does the rest.
 */
import { createHash, webcrypto } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { IMPLEMENTATION_VERSION_NAME } from '../dicom/implementation.js';
import { DURABLE_WRITES, makeFolders, writeDurably } from '../safe-files.js';
import type { ManifestEntry } from './manifest.js';
import type { RunSettings } from './process-input.js';

const LEDGER_DIR = 'done';

/** sha256 (hex) of an input's bytes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Inputs from this size up are hashed in the calling thread: WebCrypto's digest copies the bytes it
 * is given, and a copy of a large input held while the input is processed raises the run's peak
 * memory by the input's size (`npx tsx bench/read-memory.ts 128`: 4.92 times the file with the copy, 3.92 without).
 */
const HASH_IN_THREAD_BYTES = 16 * 1024 * 1024;

/**
 * {@link contentHash}, computed in libuv's thread pool, so the calling thread goes on
 * de-identifying meanwhile; large inputs (see {@link HASH_IN_THREAD_BYTES}) in this thread, uncopied.
 */
export async function contentHashOffThread(bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength >= HASH_IN_THREAD_BYTES) return contentHash(bytes);
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/** A hash of every setting that changes an output: the rules file, engines, pixels on or off, padding, the kit's version. */
export function settingsHash(settings: RunSettings): string {
  const decisive = {
    kit: IMPLEMENTATION_VERSION_NAME,
    rules: settings.rules.hash,
    pixels: settings.pixels,
    engine: settings.engine,
    textEngine: settings.pixels && settings.engine === 'local' ? (settings.textEngine ?? 'tesseract.js') : null,
    allowIncompleteRules: settings.allowIncompleteRules === true,
    padding: settings.padding ?? null,
  };
  return createHash('sha256').update(JSON.stringify(decisive)).digest('hex');
}

/** The inputs an earlier run into one output did, and the record of this run's. */
export interface ResumeLedger {
  /**
   * The entry of an earlier run for this content, if any (taken: two inputs with the same bytes get
   * the earlier run's entries in turn).
   */
  take(content: string): ManifestEntry | undefined;
  /** The contents an earlier run did (those {@link ResumeLedger.take} may still answer). */
  contents(): string[];
  /** Records inputs done (their outputs written and their map entries saved), in one write and one flush. */
  record(done: ReadonlyArray<{ content: string; entry: ManifestEntry }>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the ledger of `outputId` (what names the output: its resolved folder, or its S3 URL) for
 * these settings, in `<stateDir>/done/` (owner-only: it links content hashes to outputs).
 * @param keyedHash the state's keyed hash, so the ledger's name does not show the output path.
 */
export async function openResumeLedger(stateDir: string, outputId: string, settings: string, keyedHash: (text: string) => string): Promise<ResumeLedger> {
  const dir = path.join(stateDir, LEDGER_DIR);
  await makeFolders(dir, 0o700);
  const file = path.join(dir, `${keyedHash(`output:${outputId}`).slice(0, 24)}.jsonl`);
  const earlier = new Map<string, ManifestEntry[]>();
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  // A line cut short by a killed run, or damaged, only means that input is done again.
  for (const line of text.split('\n')) {
    let record: { s?: unknown; c?: unknown; e?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      continue;
    }
    if (record.s !== settings || typeof record.c !== 'string' || typeof record.e !== 'object' || record.e === null) continue;
    earlier.set(record.c, [...(earlier.get(record.c) ?? []), record.e as ManifestEntry]);
  }
  let handle: FileHandle | undefined;
  return {
    take(content) {
      const list = earlier.get(content);
      return list?.shift();
    },
    contents: () => [...earlier.keys()],
    async record(done) {
      if (done.length === 0) return;
      // Durable writes: the records are on disk when writeDurably returns (one write, no separate flush).
      handle ??= await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW | DURABLE_WRITES, 0o600);
      const lines = done.map(({ content, entry }) => {
        const { input: _input, ref: _ref, resumed: _resumed, ...kept } = entry;
        return `${JSON.stringify({ s: settings, c: content, e: kept })}\n`;
      });
      await writeDurably(handle.fd, Buffer.from(lines.join('')));
    },
    async close() {
      await handle?.close();
      handle = undefined;
    },
  };
}
