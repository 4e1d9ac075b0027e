import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fdatasyncSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { DURABLE_WRITES, makeFoldersSync, processIsAlive, writeDurably, writeFileAtomicSync } from '../safe-files.js';
import { derivations, patientKey as toPatientKey, uidKey, type StateRecords } from './derive.js';

export type { StateRecords } from './derive.js';

/** The state folder's files. */
const SECRET_FILE = 'secret.key';
const UID_MAP_FILE = 'uid_map.json';
const PATID_MAP_FILE = 'patid_map.json';
const UID_CSV = 'uid_mapping.csv';
const PATID_CSV = 'patid_mapping.csv';
/**
 * New map entries are appended to one journal file per open store (`<pid>-<hex>.jsonl`), so a flush
 * costs what it adds, not the size of the maps; readers merge the maps with every journal, and
 * {@link StateStore.compact} folds the journals into the maps once per run.
 */
const JOURNAL_DIR = 'maps.journal';
const JOURNAL_NAME = /^(\d+)-[0-9a-f]{12}\.jsonl$/;
/** Held while the maps are read whole or rewritten, so concurrent runs sharing the folder lose no entry. */
const LOCK_FILE = 'maps.lock';
/** How long a reader or compaction waits for another run's (they take milliseconds). */
const LOCK_WAIT_MS = 30_000;
/** A lock not refreshed for this long belongs to a killed run and is taken over. */
const LOCK_STALE_MS = 10_000;

/** An error about the state folder; the message names the folder and the problem. */
export class StateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`[state] ${message}`, options);
    this.name = 'StateError';
  }
}

/** A patient map entry that disagrees with what the store holds (see {@link StateStore.absorb}). */
export type PatientConflict =
  /** The Patient ID already has another pseudonym. */
  | { kind: 'assigned'; patientId: string; pseudonym: string }
  /** The pseudonym already belongs to another Patient ID (a collision of the derivation). */
  | { kind: 'taken'; pseudonym: string; owner: string };

/** What a worker needs to derive the same values as the store: the secret and the patient map (for collisions). */
export interface StateSnapshot {
  dir: string;
  /** The project secret, hex. Sensitive: it derives every pseudonym. */
  secret: string;
  patients: Array<[string, string]>;
}

/**
 * The persistent de-identification state: a project secret and the maps from original UIDs
 * and Patient IDs to their replacements. One input always gives one output, across files and runs.
 * Keep the folder apart from shareable output: it links pseudonyms back to identities.
 */
export interface StateStore {
  /** The folder (owner-only). */
  readonly dir: string;
  /** Maps a UID to `2.25.<decimal>` derived from the secret (HMAC-SHA256, 128 bits); recorded in the UID map. */
  mapUid(uid: string): string;
  /** Maps a Patient ID to a stable pseudonym `PAT-<10 base-32 chars>`; recorded in the patient-ID map. */
  pseudonymForPatient(patientId: string): string;
  /** Per-patient date shift in whole days, from 1 to `maxDays`, backwards (negative), derived from the secret. */
  dateShiftDays(patientKey: string, maxDays: number): number;
  /** Keyed hash of any text (hex), for audit records that must not hold the text. */
  keyedHash(text: string): string;
  /**
   * Makes the entries added since the last flush durable: appended to this store's journal file and
   * flushed to disk. Costs what it adds (never rewrites the maps), so a run may call it per batch.
   * Do not call {@link compact} while a flush is pending.
   */
  flush(): Promise<void>;
  /**
   * Flushes, then folds every journal into the maps and their CSV exports (atomically: tmp +
   * rename), under a lock on the folder, merged with what other runs sharing the folder wrote.
   * Once per run (or per notebook operation); the store stays usable.
   * @throws StateError when two runs gave one pseudonym to two Patient IDs (first one kept).
   */
  compact(): void;
  /**
   * Records entries derived elsewhere (a worker thread holding {@link snapshot}) unless one of them
   * disagrees with the maps; then nothing is recorded and the disagreements are returned.
   */
  absorb(records: StateRecords): PatientConflict[];
  /** The secret and patient map, for workers that derive the same values. */
  snapshot(): StateSnapshot;
  /** Read-only views of the maps (original → new). */
  readonly uidMap: ReadonlyMap<string, string>;
  readonly patientIdMap: ReadonlyMap<string, string>;
}

const writeAtomic = (path: string, text: string) => writeFileAtomicSync(path, text, { mode: 0o600 });

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the folder's map lock, waiting (synchronously) for another run; resolves to its release. */
function lockMaps(dir: string): () => void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let delay = 2; ; delay = Math.min(delay * 2, 100)) {
    try {
      return lockfile.lockSync(dir, { lockfilePath: join(dir, LOCK_FILE), stale: LOCK_STALE_MS, realpath: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || Date.now() > deadline) {
        throw new StateError(`${dir}: cannot lock the maps: ${(error as Error).message}`, { cause: error });
      }
      sleepSync(delay + Math.random() * delay);
    }
  }
}

function readMap(path: string): Map<string, string> {
  if (!existsSync(path)) return new Map();
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not a JSON object');
    const map = new Map<string, string>();
    for (const [k, v] of Object.entries(data)) {
      if (typeof v !== 'string') throw new Error(`value of ${JSON.stringify(k)} is not a string`);
      map.set(k, v);
    }
    return map;
  } catch (error) {
    // Fail closed: a damaged map could give one patient two pseudonyms or two patients one.
    throw new StateError(`${path}: cannot read the map: ${(error as Error).message}`, { cause: error });
  }
}

type JournalLine = ['u' | 'p', string, string];

/** The entries of a journal file; a last line cut short by a killed run is left out, a damaged one fails. */
function readJournal(path: string): JournalLine[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []; // folded and removed meanwhile
    throw new StateError(`${path}: cannot read the journal: ${(error as Error).message}`, { cause: error });
  }
  const lines = text.split('\n');
  lines.pop(); // after the last newline: empty, or a line a killed run did not finish
  return lines.map((line, i) => {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      entry = undefined;
    }
    const ok = Array.isArray(entry) && entry.length === 3 && (entry[0] === 'u' || entry[0] === 'p') && typeof entry[1] === 'string' && typeof entry[2] === 'string';
    if (!ok) throw new StateError(`${path}: line ${i + 1} of the journal is damaged`);
    return entry as JournalLine;
  });
}

function journalFiles(dir: string): string[] {
  const folder = join(dir, JOURNAL_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => JOURNAL_NAME.test(name))
    .sort()
    .map((name) => join(folder, name));
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const toCsv = (map: Map<string, string>) => ['id_old,id_new', ...[...map].map(([a, b]) => `${csvField(a)},${csvField(b)}`)].join('\n') + '\n';

/**
 * Opens (or creates) the state folder: owner-only (0700, files 0600), with a random
 * project secret created once, and the UID and Patient ID maps (merged with every journal).
 *
 * @param dir the state folder; created if missing.
 * @throws StateError when the folder or its files cannot be read or are damaged.
 * @example const state = openStateStore('output/state'); state.mapUid('1.2.3') // '2.25.…'
 */
export function openStateStore(dir: string): StateStore {
  try {
    makeFoldersSync(dir, 0o700);
    chmodSync(dir, 0o700);
  } catch (error) {
    throw new StateError(`${dir}: cannot create the state folder: ${(error as Error).message}`, { cause: error });
  }
  const secret = readOrCreateSecret(join(dir, SECRET_FILE));
  const derive = derivations(secret);
  const uidMap = new Map<string, string>();
  const patientIdMap = new Map<string, string>();
  const usedPseudonyms = new Map<string, string>();
  /** Entries not yet in this store's journal. */
  let pending: JournalLine[] = [];
  let journal: { fd: number; path: string } | undefined;

  /** Adds one entry read from disk; a pseudonym already another Patient ID's is left out (first kept) and counted. */
  function merge([kind, key, value]: JournalLine): boolean {
    if (kind === 'u') {
      uidMap.set(key, value);
      return true;
    }
    const mine = patientIdMap.get(key);
    if (mine === value) return true;
    const owner = usedPseudonyms.get(value);
    if (owner !== undefined && owner !== key) return false;
    if (mine !== undefined) usedPseudonyms.delete(mine);
    patientIdMap.set(key, value);
    usedPseudonyms.set(value, key);
    return true;
  }

  /** Merges the maps and every journal into memory; returns the entries left out as collisions. */
  function readAll(): number {
    let collisions = 0;
    for (const [key, value] of readMap(join(dir, UID_MAP_FILE))) merge(['u', key, value]);
    for (const [key, value] of readMap(join(dir, PATID_MAP_FILE))) if (!merge(['p', key, value])) collisions++;
    for (const file of journalFiles(dir)) for (const line of readJournal(file)) if (!merge(line)) collisions++;
    return collisions;
  }

  const release = lockMaps(dir);
  try {
    readAll();
  } finally {
    release();
  }

  function record(line: JournalLine): void {
    pending.push(line);
  }

  /** This store's journal, created on its first entry: exclusively, owner-only, never through a link. */
  function journalFd(): number {
    if (!journal) {
      makeFoldersSync(join(dir, JOURNAL_DIR), 0o700);
      const path = join(dir, JOURNAL_DIR, `${process.pid}-${randomBytes(6).toString('hex')}.jsonl`);
      // Durable writes: entries are on disk when their write returns (see writeDurably).
      const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND | constants.O_NOFOLLOW | DURABLE_WRITES;
      journal = { fd: openSync(path, flags, 0o600), path };
    }
    return journal.fd;
  }

  function flushSync(): void {
    if (pending.length === 0) return;
    try {
      const fd = journalFd();
      const bytes = Buffer.from(pending.map((line) => `${JSON.stringify(line)}\n`).join(''));
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
      if (!DURABLE_WRITES) fdatasyncSync(fd);
    } catch (error) {
      throw new StateError(`${dir}: cannot save the map entries: ${(error as Error).message}`, { cause: error });
    }
    pending = [];
  }

  const store: StateStore = {
    dir,
    uidMap,
    patientIdMap,
    mapUid(uid: string): string {
      const key = uidKey(uid);
      const known = uidMap.get(key);
      if (known) return known;
      const mapped = derive.uid(key);
      uidMap.set(key, mapped);
      record(['u', key, mapped]);
      return mapped;
    },
    pseudonymForPatient(patientId: string): string {
      const key = toPatientKey(patientId);
      const known = patientIdMap.get(key);
      if (known) return known;
      for (let attempt = 0; ; attempt++) {
        const pseudonym = derive.pseudonym(key, attempt);
        const owner = usedPseudonyms.get(pseudonym);
        if (owner === undefined || owner === key) {
          patientIdMap.set(key, pseudonym);
          usedPseudonyms.set(pseudonym, key);
          record(['p', key, pseudonym]);
          return pseudonym;
        }
      }
    },
    dateShiftDays: (key, maxDays) => derive.dateShiftDays(key, maxDays),
    keyedHash: (text) => derive.keyedHash(text),
    async flush(): Promise<void> {
      if (pending.length === 0) return;
      const lines = pending;
      pending = [];
      try {
        const fd = journalFd();
        const bytes = Buffer.from(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
        await writeDurably(fd, bytes);
      } catch (error) {
        throw new StateError(`${dir}: cannot save the map entries: ${(error as Error).message}`, { cause: error });
      }
    },
    compact(): void {
      flushSync();
      const release = lockMaps(dir);
      let collisions: number;
      try {
        const files = journalFiles(dir);
        collisions = readAll();
        writeAtomic(join(dir, UID_MAP_FILE), JSON.stringify(Object.fromEntries(uidMap), null, 1));
        writeAtomic(join(dir, PATID_MAP_FILE), JSON.stringify(Object.fromEntries(patientIdMap), null, 1));
        writeAtomic(join(dir, UID_CSV), toCsv(uidMap));
        writeAtomic(join(dir, PATID_CSV), toCsv(patientIdMap));
        // Folded now: this store's own journal, and those of runs that were killed.
        if (journal) {
          closeSync(journal.fd);
          journal = undefined;
        }
        for (const file of files) {
          const pid = Number(JOURNAL_NAME.exec(file.slice(file.lastIndexOf('/') + 1))![1]);
          if (pid === process.pid || !processIsAlive(pid)) rmSync(file, { force: true });
        }
      } catch (error) {
        if (error instanceof StateError) throw error;
        throw new StateError(`${dir}: cannot save the maps: ${(error as Error).message}`, { cause: error });
      } finally {
        release();
      }
      if (collisions > 0) {
        throw new StateError(`${dir}: two runs gave the same pseudonym to two Patient IDs (${collisions} entr${collisions === 1 ? 'y' : 'ies'}; the first was kept): run the later files again`);
      }
    },
    absorb(records: StateRecords): PatientConflict[] {
      const conflicts: PatientConflict[] = [];
      const fresh: Array<[string, string]> = [];
      for (const [key, value] of records.patients) {
        const mine = patientIdMap.get(key);
        if (mine === value) continue;
        if (mine !== undefined) conflicts.push({ kind: 'assigned', patientId: key, pseudonym: mine });
        else {
          const owner = usedPseudonyms.get(value);
          if (owner !== undefined && owner !== key) conflicts.push({ kind: 'taken', pseudonym: value, owner });
          else fresh.push([key, value]);
        }
      }
      if (conflicts.length > 0) return conflicts;
      for (const [key, value] of fresh) {
        patientIdMap.set(key, value);
        usedPseudonyms.set(value, key);
        record(['p', key, value]);
      }
      for (const [key, value] of records.uids) {
        if (uidMap.get(key) === value) continue;
        uidMap.set(key, value);
        record(['u', key, value]);
      }
      return [];
    },
    snapshot(): StateSnapshot {
      return { dir, secret: secret.toString('hex'), patients: [...patientIdMap] };
    },
  };
  return store;
}

function readOrCreateSecret(secretPath: string): Buffer {
  if (existsSync(secretPath)) {
    const secret = Buffer.from(readFileSync(secretPath, 'utf8').trim(), 'hex');
    if (secret.length < 32) throw new StateError(`${secretPath}: the project secret is damaged (expected 64 hex digits)`);
    if ((statSync(secretPath).mode & 0o077) !== 0) chmodSync(secretPath, 0o600);
    return secret;
  }
  const secret = randomBytes(32);
  // 'wx': never replace a secret another process has just created.
  try {
    writeFileSync(secretPath, secret.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new StateError(`${secretPath}: cannot write the project secret`, { cause: error });
    return Buffer.from(readFileSync(secretPath, 'utf8').trim(), 'hex');
  }
}
