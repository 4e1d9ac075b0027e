import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { makeFoldersSync, writeFileAtomicSync } from '../safe-files.js';

/** The state folder's files. */
const SECRET_FILE = 'secret.key';
const UID_MAP_FILE = 'uid_map.json';
const PATID_MAP_FILE = 'patid_map.json';
const UID_CSV = 'uid_mapping.csv';
const PATID_CSV = 'patid_mapping.csv';
/** Held while the maps are merged and written, so concurrent runs sharing the folder lose no entry. */
const LOCK_FILE = 'maps.lock';
/** How long a flush waits for another run's flush before it gives up (they take milliseconds). */
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
   * Writes the maps and their CSV exports if anything changed (atomically: tmp + rename), under a
   * lock on the folder, merged with what other runs sharing the folder wrote meanwhile.
   */
  flush(): void;
  /** Read-only views of the maps (original → new). */
  readonly uidMap: ReadonlyMap<string, string>;
  readonly patientIdMap: ReadonlyMap<string, string>;
}

const writeAtomic = (path: string, text: string) => writeFileAtomicSync(path, text, { mode: 0o600 });

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the folder's map lock, waiting (synchronously) for another run's flush; resolves to its release. */
function lockMaps(dir: string): () => void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let delay = 2; ; delay = Math.min(delay * 2, 100)) {
    try {
      return lockfile.lockSync(dir, { lockfilePath: join(dir, LOCK_FILE), stale: LOCK_STALE_MS, realpath: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || Date.now() > deadline) {
        throw new StateError(`${dir}: cannot lock the maps for writing: ${(error as Error).message}`, { cause: error });
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

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const toCsv = (map: Map<string, string>) => ['id_old,id_new', ...[...map].map(([a, b]) => `${csvField(a)},${csvField(b)}`)].join('\n') + '\n';

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: readable on screens and in OCR

/**
 * Opens (or creates) the state folder: owner-only (0700, files 0600), with a random
 * project secret created once, and the UID and Patient ID maps.
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
  const secretPath = join(dir, SECRET_FILE);
  let secret: Buffer;
  if (existsSync(secretPath)) {
    secret = Buffer.from(readFileSync(secretPath, 'utf8').trim(), 'hex');
    if (secret.length < 32) throw new StateError(`${secretPath}: the project secret is damaged (expected 64 hex digits)`);
    if ((statSync(secretPath).mode & 0o077) !== 0) chmodSync(secretPath, 0o600);
  } else {
    secret = randomBytes(32);
    // 'wx': never replace a secret another process has just created.
    try {
      writeFileSync(secretPath, secret.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new StateError(`${secretPath}: cannot write the project secret`, { cause: error });
      secret = Buffer.from(readFileSync(secretPath, 'utf8').trim(), 'hex');
    }
  }
  const uidMap = readMap(join(dir, UID_MAP_FILE));
  const patientIdMap = readMap(join(dir, PATID_MAP_FILE));
  const usedPseudonyms = new Map([...patientIdMap].map(([k, v]) => [v, k]));
  let dirty = false;

  /** Adds what other runs wrote since we read the maps; their entries win (UIDs are the same by construction). */
  function mergeFromDisk(): void {
    for (const [key, value] of readMap(join(dir, UID_MAP_FILE))) uidMap.set(key, value);
    for (const [key, value] of readMap(join(dir, PATID_MAP_FILE))) {
      const mine = patientIdMap.get(key);
      if (mine === value) continue;
      const owner = usedPseudonyms.get(value);
      if (owner !== undefined && owner !== key) {
        // Two runs gave one pseudonym to two patients (a hash collision both resolved alone): fail closed.
        throw new StateError(`${dir}: two runs gave the same pseudonym to two Patient IDs; run again (no file of this run was changed by it)`);
      }
      if (mine !== undefined) usedPseudonyms.delete(mine);
      patientIdMap.set(key, value);
      usedPseudonyms.set(value, key);
    }
  }

  const hmac = (domain: string, text: string) => createHmac('sha256', secret).update(`${domain}\0${text}`).digest();

  return {
    dir,
    uidMap,
    patientIdMap,
    mapUid(uid: string): string {
      const key = uid.trim().replace(/\0+$/, '');
      const known = uidMap.get(key);
      if (known) return known;
      // 128 bits as a decimal integer: at most 39 digits, so `2.25.` + it fits the 64-character limit.
      const digest = hmac('uid', key).subarray(0, 16);
      const mapped = `2.25.${BigInt(`0x${digest.toString('hex')}`).toString(10)}`;
      uidMap.set(key, mapped);
      dirty = true;
      return mapped;
    },
    pseudonymForPatient(patientId: string): string {
      const key = patientId.trim();
      const known = patientIdMap.get(key);
      if (known) return known;
      for (let attempt = 0; ; attempt++) {
        const digest = hmac(`patient-id:${attempt}`, key);
        let code = '';
        for (let i = 0; i < 10; i++) code += BASE32[digest[i] % 32];
        const pseudonym = `PAT-${code}`;
        const owner = usedPseudonyms.get(pseudonym);
        if (owner === undefined || owner === key) {
          patientIdMap.set(key, pseudonym);
          usedPseudonyms.set(pseudonym, key);
          dirty = true;
          return pseudonym;
        }
      }
    },
    dateShiftDays(patientKey: string, maxDays: number): number {
      const n = hmac('date-shift', patientKey.trim()).readUInt32BE(0);
      return -(1 + (n % Math.max(1, maxDays)));
    },
    keyedHash(text: string): string {
      return hmac('audit', text).toString('hex');
    },
    flush(): void {
      if (!dirty) return;
      const release = lockMaps(dir);
      try {
        mergeFromDisk();
        writeAtomic(join(dir, UID_MAP_FILE), JSON.stringify(Object.fromEntries(uidMap), null, 1));
        writeAtomic(join(dir, PATID_MAP_FILE), JSON.stringify(Object.fromEntries(patientIdMap), null, 1));
        writeAtomic(join(dir, UID_CSV), toCsv(uidMap));
        writeAtomic(join(dir, PATID_CSV), toCsv(patientIdMap));
      } catch (error) {
        if (error instanceof StateError) throw error;
        throw new StateError(`${dir}: cannot save the maps: ${(error as Error).message}`, { cause: error });
      } finally {
        release();
      }
      dirty = false;
    },
  };
}
