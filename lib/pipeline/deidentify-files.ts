import { lstat, realpath } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { EngineName } from '../engines/index.js';
import type { AwsSession } from '../engines/aws/session.js';
import type { AwsUsageSummary } from '../engines/aws/usage.js';
import { assertCompleteRules, loadRules, type Rules } from '../rules/index.js';
import { openStateStore, type StateStore } from '../state/index.js';
import { DUPLICATE_INSTANCE, OutputNames } from '../steps/output-names.js';
import { openStorageTarget, parseStorageTarget, type StorageTarget } from '../storage/target.js';
import { AwsPreflightError, startAwsRun, type AwsRunOptions } from './aws-run.js';
import type { ObjectStorage } from '../storage/types.js';
import { realPaths, type InputEntry, type StorageOpener } from './inputs.js';
import type { InputTask, TaskOutcome } from './input-task.js';
import { failedOutcome, messageOf, readFailure } from './task-failure.js';
import { ManifestInUseError, openManifestJournal, type ManifestEntry, type ManifestJournal } from './manifest.js';
import { capMessage } from './messages.js';
import { manifestWarnings } from './warnings.js';
import { autoThreads, openInProcessExecutor, openPoolExecutor, openSharedExecutor, type InputExecutor } from './pool.js';
import type { RunSettings } from './process-input.js';
import { DEFAULT_ENGINE, DEFAULT_RULES_PATH, DEFAULT_STATE_DIR, type TEXT_ENGINE_CHOICES } from './defaults.js';
import { openResumeLedger, settingsHash, type ResumeLedger } from './resume.js';
import { listRunInputs } from './run-inputs.js';
import { assertRunPathsApart, RunConfigurationError } from './run-paths.js';
import { countEntry, emptyTally, type RunTally } from './run-tally.js';
import { releaseBytes } from './release-bytes.js';

export { RunConfigurationError } from './run-paths.js';

/** Options of {@link deidentifyFiles}. The AWS ones (`aws`, `sse`, `onNotice`, …) matter only when the run touches AWS. */
export interface DeidentifyFilesOptions extends AwsRunOptions {
  /** Where de-identified files go (`<patient>/<study>/<series>/<sop>.dcm`): a folder or `s3://bucket/prefix`. */
  out: string;
  /** Storage to write to instead of the one `out` names (tests, custom engines). */
  outStorage?: ObjectStorage;
  /** Opens the storage of `s3://bucket/prefix` inputs (default: the S3 engine; injectable for tests). */
  openInputStorage?: StorageOpener;
  /** Rules YAML (default: `configs/de-id/de_id_rules_auto.yaml`). */
  rulesPath?: string;
  /** Already loaded rules; wins over `rulesPath`. */
  rules?: Rules;
  /** State folder holding the secret and the UID / patient-ID maps (default: `.deid-state`). */
  stateDir?: string;
  /**
   * Manifest path, one JSON line per input, in input order, appended and flushed as files are done
   * (default: `<stateDir>/manifest.jsonl`: it names inputs, so it is kept with the sensitive state, owner-only).
   */
  manifestPath?: string;
  /** Look for burned-in text in the pixels (default: true). */
  pixels?: boolean;
  /** Engine for text and PHI detection (default: `local`, fully offline). */
  engine?: EngineName;
  /** With the local engine, the OCR program (default: `auto`, native tesseract when installed, else tesseract.js). */
  textEngine?: (typeof TEXT_ENGINE_CHOICES)[number];
  /**
   * Accept rules that leave Basic Profile attributes identifying (default: false: the run is refused
   * with an `IncompleteRulesError` listing them). The outputs are then marked Patient Identity Removed = NO.
   */
  allowIncompleteRules?: boolean;
  /** Largest input file read, in bytes (default: 2 GiB); larger ones fail with a clear error. */
  maxInputBytes?: number;
  /**
   * Worker threads de-identifying inputs at once (default: 1, in this thread; the CLI's default is
   * `auto`: chosen from the cores and the run's work, see {@link autoThreads}). The outputs, their names
   * and the manifest are the same whatever the number. The `aws` engine runs in this thread.
   */
  jobs?: number | 'auto';
  /**
   * Skip inputs an earlier run into the same output and state already did with the same rules and
   * options, when their output is still there (default: true); false does every input again.
   */
  resume?: boolean;
  /** Called after each file, in input order, once its output and manifest line are saved (e.g. for a progress bar). */
  onFile?: (entry: ManifestEntry, done: number, total: number) => void;
  /**
   * Keep every file's manifest entry in the result's `entries` (default: true). False keeps memory flat over
   * millions of files: `entries` is then empty, and the counts are in `tally` (the manifest holds the entries).
   */
  keepEntries?: boolean;
}

/** Time, throughput and machine of a run, for its summary (its counts are in {@link RunResult.tally}). */
export interface RunStats {
  /** Wall-clock seconds from the first input read to the last manifest line. */
  seconds: number;
  /** Bytes of the inputs read. */
  bytesRead: number;
  /** Worker threads used. */
  threads: number;
  /** The OCR program that read the pixels (local engine with pixels only). */
  textEngine?: string;
  /** Largest resident set size of the process so far, in bytes. */
  peakMemoryBytes: number;
}

/** What a run did. */
export interface RunResult {
  /** Every file's manifest entry, in input order (empty with `keepEntries: false`). */
  entries: ManifestEntry[];
  /** Counts of the files by outcome, and of what was found and redacted. */
  tally: RunTally;
  ok: number;
  failed: number;
  /** Inputs not de-identified by design: non-DICOM files in folders, DICOMDIRs, link repeats, and those done earlier. */
  skipped: number;
  /** Of the skipped, inputs an earlier run into this output already did (see `resume`). */
  resumed: number;
  manifestPath: string;
  stats: RunStats;
  /** What was sent to AWS and its estimated cost, when the run touched AWS. */
  awsUsage?: AwsUsageSummary;
  /** Why the run stopped before its last file (an AWS credential, region or permission error, said once). */
  stopped?: string;
}

/** Inputs (or their outputs) in flight beyond those the executor holds, so reading and writing overlap processing. */
const EXTRA_IN_FLIGHT = 4;
/** Bytes of inputs and outputs held at once (an input larger than this still goes, alone). */
const BYTES_IN_FLIGHT = 256 * 1024 ** 2;
/** Files committed but not yet in the manifest before the run waits for the disk. */
const MAX_PENDING_LINES = 256;
/**
 * Outputs written (or published) at once. Each write ends with a flush to disk that holds one of
 * libuv's threads: more at once queue on the disk and starve the reads of the next inputs.
 */
const WRITES_AT_ONCE = 8;

/**
 * De-identifies files and folders into `options.out`: parse, metadata, verification, pixels, save,
 * for each file, in `jobs` worker threads. Outputs are written and manifest lines appended in input
 * order, so the result is the same whatever `jobs` is. A file that fails is reported in the manifest
 * and the batch goes on. Inputs are never modified or overwritten.
 *
 * Before anything is created, the run is refused (a {@link RunConfigurationError} or a `RulesError`)
 * when an input is missing, no input file is found, the places overlap ({@link assertRunPathsApart})
 * or the rules leave Basic Profile attributes identifying (unless `allowIncompleteRules`).
 */
export async function deidentifyFiles(inputs: string[], options: DeidentifyFilesOptions): Promise<RunResult> {
  if (inputs.length === 0) throw new RunConfigurationError('no input given');
  const asked = options.jobs ?? 1;
  if (asked !== 'auto' && (!Number.isInteger(asked) || asked < 1)) throw new RunConfigurationError(`jobs must be a whole number of at least 1 or "auto", not ${options.jobs}`);
  const stateDir = path.resolve(options.stateDir ?? DEFAULT_STATE_DIR);
  const target = parseStorageTarget(options.out);
  const localOut = target.engine === 'local' ? target.root : undefined;
  const manifestPath = path.resolve(options.manifestPath ?? path.join(stateDir, 'manifest.jsonl'));
  await assertInputsExist(inputs);
  await assertRunPathsApart({
    inputs,
    out: options.out,
    sensitive: [
      { what: 'the state folder (secret and identity maps)', path: stateDir },
      { what: 'the manifest (it names the inputs)', path: manifestPath },
    ],
  });
  const rules = options.rules ?? loadRules(options.rulesPath ?? DEFAULT_RULES_PATH);
  assertCompleteRules(rules, { allowIncomplete: options.allowIncompleteRules });
  const engine = options.engine ?? DEFAULT_ENGINE;

  // Before anything is read, listed or sent: the egress notice and one check of region, credentials and buckets.
  let session: Awaited<ReturnType<typeof startAwsRun>>['session'];
  let staging: Awaited<ReturnType<typeof startAwsRun>>['staging'];
  const openInput = (t: StorageTarget, s = session) => (options.openInputStorage ? options.openInputStorage(t) : openStorageTarget(t, { session: s }));
  const openOutput = (s = session) => options.outStorage ?? openStorageTarget(target, { session: s, sse: options.sse, kmsKeyId: options.kmsKeyId });
  try {
    ({ session, staging } = await startAwsRun({ engine, pixels: options.pixels !== false, inputs, out: options.out, openInput, openOutput }, options));
  } catch (error) {
    if (error instanceof AwsPreflightError) throw new RunConfigurationError(error.message, { cause: error });
    throw error;
  }

  const entries = await listRunInputs(inputs, { localOut, stateDir, manifestPath, openInput: (t) => openInput(t) });

  // The manifest first: a second run writing it is refused before detectors start or the state is touched.
  let manifest: ManifestJournal;
  try {
    manifest = await openManifestJournal(manifestPath);
  } catch (error) {
    if (error instanceof ManifestInUseError) throw new RunConfigurationError(error.message, { cause: error });
    throw error;
  }
  const pixels = options.pixels !== false;
  const jobs = asked === 'auto' ? autoThreads({ pixels }, entries.length, availableParallelism()) : asked;
  const settings: RunSettings = {
    rules,
    pixels,
    engine,
    // The recipe (steps and detectors) is loaded where inputs are processed: here only to choose the OCR program.
    textEngine: pixels && engine === 'local' ? (await import('./recipe.js')).chooseTextEngine(options.textEngine) : undefined,
    allowIncompleteRules: options.allowIncompleteRules,
  };
  let state: StateStore | undefined;
  let executor: InputExecutor | undefined;
  let ledger: ResumeLedger | undefined;
  let run: OrderedRun | undefined;
  try {
    state = openStateStore(stateDir);
    const protectedPaths = localOut && !options.outStorage ? realPaths(entries) : undefined;
    const storage = target.engine === 's3' ? openOutput() : (options.outStorage ?? openStorageTarget(target, { protectedPaths }));
    const outputId = localOut ? await realpath(localOut).catch(() => localOut) : options.out.replace(/\/+$/, '');
    ledger = await openResumeLedger(stateDir, outputId, settingsHash(settings), state.keyedHash);
    const snapshot = state.snapshot();
    const done = options.resume !== false ? ledger.contents() : [];
    // The aws engine shares one session (usage, stop on a refused credential) and runs in this thread.
    const poolIo = {
      maxInputBytes: options.maxInputBytes,
      done,
      // The threads stage outputs in a local folder themselves; other storage is written from here.
      ...(localOut && protectedPaths ? { output: { root: localOut, protectedPaths: [...protectedPaths] } } : {}),
    };
    // Outputs of inputs processed in this thread are written by the runner, not staged by the task: a
    // task then ends when its input is processed, and the disk's flushes never hold the inputs read ahead.
    const localIo = { maxInputBytes: options.maxInputBytes, done: new Set(done) };
    executor =
      jobs > 1 && engine === 'local'
        ? // Header only, this thread processes inputs too (see openSharedExecutor); an image takes
          // seconds, which would hold up the ordering and the workers waiting for their next input.
          pixels
          ? await openPoolExecutor(settings, snapshot, jobs, poolIo)
          : await openSharedExecutor(settings, snapshot, jobs, poolIo, localIo)
        : await openInProcessExecutor(settings, snapshot, localIo, { session, staging });
    const ownsWrittenBytes = target.engine === 'local' && !options.outStorage;
    run = new OrderedRun({ entries, state, storage, executor, ledger, manifest, settings, options, session, ownsWrittenBytes });
    await run.go();
  } finally {
    await executor?.close();
    await ledger?.close();
    state?.compact();
    await manifest.close();
  }
  return { ...run.result(manifestPath), ...(session ? { awsUsage: session.usage.summary() } : {}) };
}

/** One input between its reading and its manifest line. */
interface Slot {
  input: InputEntry;
  /** Not processed: the run had stopped before it (no progress callback, the summary says why). */
  notProcessed?: boolean;
  /** The manifest entry once known. */
  entry?: ManifestEntry;
  content?: string;
  /** Bytes held for it (input, then output). */
  bytes: number;
  /** The write of its output, when it has one (never rejects: a failed write makes the entry an error). */
  written?: Promise<void>;
  /** False while that write runs. */
  writtenDone?: boolean;
  /** What the executor gave. */
  outcome?: TaskOutcome;
}

/**
 * The run's bookkeeping: reads inputs ahead (within a window of inputs and bytes), hands them to the
 * executor, and commits outcomes strictly in input order: state entries absorbed, output named and
 * written, then — for a group of files at a time — map entries flushed, manifest lines and resume
 * records appended with one flush each.
 */
class OrderedRun {
  private readonly slots = new Map<number, Promise<Slot>>();
  private readonly results: ManifestEntry[] = [];
  private readonly tally = emptyTally();
  private readonly names = new OutputNames();
  private readonly settingsRulesHash: string;
  private next = 0;
  private durable = 0;
  private bytesInFlight = 0;
  private bytesRead = 0;
  private started = 0;
  private finished = 0;
  /** Committed in input order, waiting for their outputs to be written and their lines flushed. */
  private pending: Slot[] = [];
  private committing: Promise<void> = Promise.resolve();
  private failure: unknown;
  /** Why the run stopped early (an AWS session error), said once. */
  private stopped?: string;
  /** Outputs being written, and the commits waiting for one of them to end (see {@link WRITES_AT_ONCE}). */
  private writing = 0;
  private readonly writeWaiters: Array<() => void> = [];

  constructor(
    private readonly run: {
      entries: InputEntry[];
      state: StateStore;
      storage: ObjectStorage;
      executor: InputExecutor;
      ledger: ResumeLedger;
      manifest: ManifestJournal;
      settings: RunSettings;
      options: DeidentifyFilesOptions;
      /** The AWS session of an aws run: its usage is counted per file, and a refused credential stops the run. */
      session?: AwsSession;
      /** `storage` is a local folder the run opened itself: bytes it has written are no one else's. */
      ownsWrittenBytes: boolean;
    },
  ) {
    this.settingsRulesHash = run.settings.rules.hash;
  }

  async go(): Promise<void> {
    const { entries, executor } = this.run;
    this.started = performance.now();
    // An AWS run goes one file at a time, as its usage is counted per file and a refused session stops it.
    const window = this.run.session ? 1 : executor.tasks + EXTRA_IN_FLIGHT;
    try {
      for (let index = 0; index < entries.length; index++) {
        while (this.next < entries.length && this.next - index < window && (this.bytesInFlight < BYTES_IN_FLIGHT || this.next === index)) this.start(this.next++);
        const slot = await this.slots.get(index)!;
        this.slots.delete(index);
        await this.commit(slot, index);
        if (this.failure) throw this.failure;
      }
    } catch (error) {
      // Outputs staged ahead of a failure are never published: remove them.
      for (const slot of await Promise.all(this.slots.values())) await this.release(slot);
      this.slots.clear();
      throw error;
    }
    await this.drain();
    this.finished = performance.now();
    if (this.failure) throw this.failure;
  }

  result(manifestPath: string): RunResult {
    const { tally } = this;
    return {
      entries: this.results,
      tally,
      ok: tally.ok,
      failed: tally.failed,
      skipped: tally.skipped,
      resumed: tally.resumed,
      manifestPath,
      ...(this.stopped ? { stopped: this.stopped } : {}),
      stats: {
        seconds: (this.finished - this.started) / 1000,
        bytesRead: this.bytesRead,
        threads: this.run.executor.threads,
        textEngine: this.run.settings.textEngine,
        peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
      },
    };
  }

  /** Reads input `index` and sends it off; the promise settles with its slot (never rejects). */
  private start(index: number): void {
    const input = this.run.entries[index];
    const slot: Slot = { input, bytes: 0 };
    if (this.stopped) {
      slot.entry = { input: input.path, status: 'error', error: `not processed: ${this.stopped}` };
      slot.notProcessed = true;
      this.slots.set(index, Promise.resolve(slot));
      return;
    }
    this.run.session?.usage.startFile(String(index));
    this.slots.set(index, this.prepare(slot).then(() => slot));
  }

  private async prepare(slot: Slot): Promise<void> {
    const { input } = slot;
    if (input.error) return void (slot.entry = { input: input.path, status: 'error', error: input.error });
    if (input.skipped) return void (slot.entry = { input: input.path, status: 'skipped', error: input.skipped });
    let outcome = await this.process(slot, {});
    if (outcome.earlier && outcome.content) {
      const earlier = this.run.ledger.take(outcome.content);
      if (earlier?.output && (await this.run.storage.has?.(earlier.output).catch(() => false))) {
        const { input: _earlierPath, ...kept } = earlier;
        slot.entry = {
          input: input.path,
          ...kept,
          status: 'skipped',
          resumed: true,
          error: 'already de-identified into this output by an earlier run (same content, rules and options)',
        };
        return;
      }
      // Its output is gone: do it again.
      outcome = await this.process(slot, { force: true, expectContent: outcome.content });
    }
    this.accept(slot, outcome);
  }

  /**
   * Has the executor read (or, for object-storage inputs, be given), process and stage the input;
   * never rejects. The first read sets the slot's content hash and counts its bytes.
   */
  private async process(slot: Slot, extra: Partial<InputTask>): Promise<TaskOutcome> {
    const { input } = slot;
    const task: InputTask = { path: input.path, fromFolder: input.fromFolder, ...extra };
    let outcome: TaskOutcome;
    try {
      if (input.read) {
        task.bytes = await input.read();
        this.hold(slot, task.bytes.byteLength);
      }
    } catch (error) {
      return failedOutcome(input.path, readFailure(error));
    }
    try {
      outcome = await this.run.executor.run(task);
    } catch (error) {
      outcome = failedOutcome(input.path, `the file could not be processed: ${messageOf(error)}`);
    }
    if (task.bytes) this.hold(slot, -task.bytes.byteLength);
    if (outcome.content && !slot.content) {
      slot.content = outcome.content;
      this.bytesRead += outcome.bytesRead ?? 0;
    }
    return outcome;
  }

  /** Takes a processed input's outcome: its entry, and its output to publish or write once committed. */
  private accept(slot: Slot, outcome: TaskOutcome): void {
    slot.entry = outcome.entry;
    // The runner reads the entry, not the messages (a pool thread does not even send them): a slot can
    // wait long enough for its line to be flushed that they would reach V8's old generation.
    delete outcome.messages;
    slot.outcome = outcome;
    this.hold(slot, outcome.output?.byteLength ?? 0);
  }

  /** Lets go of an outcome that will not be published: its staged output removed, its bytes released. */
  private async release(slot: Slot): Promise<void> {
    const outcome = slot.outcome;
    if (outcome?.staged) {
      const staged = outcome.staged;
      outcome.staged = undefined;
      await this.run.storage.discard?.(staged).catch(() => {});
    }
    if (outcome) outcome.output = undefined;
    this.hold(slot, -slot.bytes);
  }

  private hold(slot: Slot, delta: number): void {
    slot.bytes += delta;
    this.bytesInFlight += delta;
  }

  /** In input order: absorb the input's map entries, name and start writing its output, queue its line. */
  private async commit(slot: Slot, index: number): Promise<void> {
    const { state, session } = this.run;
    let outcome = slot.outcome;
    if (outcome?.entry.status === 'ok' && (outcome.output || outcome.staged)) {
      let conflicts = state.absorb(outcome.records);
      if (conflicts.length > 0) {
        // The input derived a pseudonym the maps give to another patient (a collision): do it again,
        // told which are taken, from its bytes read again.
        await this.release(slot);
        outcome = await this.process(slot, { force: true, expectContent: slot.content, conflicts });
        conflicts = outcome.entry.status === 'ok' ? state.absorb(outcome.records) : [];
        if (conflicts.length > 0) {
          slot.outcome = outcome;
          await this.release(slot);
          outcome = failedOutcome(slot.input.path, 'the Patient ID pseudonym still collides with another patient\'s');
        }
        this.accept(slot, outcome);
      }
    }
    const entry = slot.entry!;
    entry.ref = state.keyedHash(slot.input.path).slice(0, 10);
    if (entry.error) entry.error = capMessage(entry.error);
    if (slot.content && (entry.status === 'ok' || entry.resumed)) {
      entry.contentHash = slot.content;
      entry.rulesHash = this.settingsRulesHash;
    }
    if (entry.status === 'ok' && (outcome?.output || outcome?.staged) && entry.output) {
      const key = this.names.claim(entry.output);
      if (key !== entry.output && !entry.warnings?.some((w) => w.id === DUPLICATE_INSTANCE.ruleId)) entry.warnings = [...(entry.warnings ?? []), ...manifestWarnings([DUPLICATE_INSTANCE])];
      entry.output = key;
      const { storage } = this.run;
      const { output: bytes, staged } = outcome;
      slot.writtenDone = false;
      await this.startWrite();
      slot.written = (staged && storage.publish ? storage.publish(staged, key) : storage.put(key, bytes ?? new Uint8Array())).then(
        () => {
          // A folder the run opened keeps no reference to what it wrote: free the output now (see releaseBytes).
          if (this.run.ownsWrittenBytes) releaseBytes(bytes);
          slot.writtenDone = true;
          this.endWrite();
          this.hold(slot, -slot.bytes);
        },
        (error: unknown) => {
          if (this.run.ownsWrittenBytes) releaseBytes(bytes);
          slot.writtenDone = true;
          this.endWrite();
          this.hold(slot, -slot.bytes);
          slot.entry = { input: entry.input, ref: entry.ref, status: 'error', error: capMessage(`the output could not be written: ${(error as Error).message}`) };
        },
      );
      outcome.output = undefined;
      outcome.staged = undefined;
    } else {
      if (entry.resumed && entry.output) this.names.claim(entry.output);
      await this.release(slot);
    }
    // Committed: its line needs the entry only.
    slot.outcome = undefined;
    this.pending.push(slot);
    // A credential, region or permission error would fail every later file the same way: stop, and say it once.
    if (session?.stopped && !this.stopped) this.stopped = `the run stopped at file ${index + 1}: AWS refused the session (${session.stopped.name}: ${capMessage(session.stopped.message)})`;
    this.scheduleFlush(false);
    // Back-pressure: lines wait for their outputs; do not run far ahead of the disk.
    if (this.pending.length >= MAX_PENDING_LINES) await this.committing;
  }

  /** Waits until fewer than {@link WRITES_AT_ONCE} outputs are being written, and counts one more. */
  private async startWrite(): Promise<void> {
    while (this.writing >= WRITES_AT_ONCE) await new Promise<void>((resolve) => this.writeWaiters.push(resolve));
    this.writing++;
  }

  private endWrite(): void {
    this.writing--;
    this.writeWaiters.shift()?.();
  }

  /** Queues a group flush behind the one running (group commit: lines arriving meanwhile go in the next). */
  private scheduleFlush(all: boolean): void {
    this.committing = this.committing.then(() => this.flushPending(all)).catch((error: unknown) => void (this.failure ??= error));
  }

  /** Waits for the last lines to be flushed. */
  private async drain(): Promise<void> {
    this.scheduleFlush(true);
    await this.committing;
  }

  /**
   * Flushes the leading pending files whose outputs are written (all of them, when `all`): map
   * entries first, then manifest lines and resume records, so no line claims what the maps lack.
   *
   * What a line promises after a crash: its output is whole on disk. The output's bytes were flushed
   * before its temporary was renamed into place (each is written with O_DSYNC), and the line is
   * appended after the rename with a flush of its own, which on a file system that journals metadata
   * in order (ext4, XFS) commits the rename with it. Outputs are flushed one by one, lines in groups:
   * on the bench's disk 1,000 outputs of ~360 KB flushed one by one, with one fdatasync per 64, or
   * not at all took the same ~1 s, so grouping the outputs' flushes would buy nothing.
   */
  private async flushPending(all: boolean): Promise<void> {
    if (this.pending.length === 0) return;
    if (all) await Promise.all(this.pending.map((s) => s.written));
    else await this.pending[0].written;
    let ready = 0;
    while (ready < this.pending.length && (all || this.pending[ready].writtenDone !== false)) ready++;
    const batch = this.pending.splice(0, ready);
    await this.run.state.flush();
    const entries = batch.map((s) => s.entry!);
    const done = batch.filter((s) => s.entry!.status === 'ok' && s.content).map((s) => ({ content: s.content!, entry: s.entry! }));
    await Promise.all([this.run.manifest.appendMany(entries), this.run.ledger.record(done)]);
    for (const [i, entry] of entries.entries()) {
      countEntry(this.tally, entry);
      if (this.run.options.keepEntries !== false) this.results.push(entry);
      this.durable++;
      if (!batch[i].notProcessed) this.run.options.onFile?.(entry, this.durable, this.run.entries.length);
    }
  }
}

/** The number of cores: the most threads `jobs: 'auto'` takes. */
export const defaultJobs = (): number => availableParallelism();

/** Every local input must exist: a missing one is a usage error, found before anything is created. */
async function assertInputsExist(inputs: string[]): Promise<void> {
  for (const [index, input] of inputs.entries()) {
    if (parseStorageTarget(input).engine !== 'local') continue;
    // lstat: a link is there even if it leads nowhere; the walk reports that per path.
    if (!(await lstat(input).catch(() => undefined))) throw new RunConfigurationError(`input ${index + 1} of ${inputs.length} does not exist`);
  }
}

