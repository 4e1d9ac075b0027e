/**
 * The state a worker uses for one input: it derives UIDs, pseudonyms and date shifts from the
 * secret exactly as the state store does (`lib/state/store.ts`), writes nothing, and hands back the
 * map entries the input used, for the run's store to record. (Interim: the worker-pool branch brings
 * the same view to `lib/state/`; this file goes when it lands.)
 */
import { createHmac } from 'node:crypto';
import type { StateStore } from '../state/store.js';

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Map entries an input used (original → new), for the store to record. */
export interface StateRecords {
  uids: Array<[string, string]>;
  patients: Array<[string, string]>;
}

/**
 * What the store answered when it could not take an input's patient entry: the Patient ID already
 * has another pseudonym (`assigned`), or the pseudonym derived belongs to another Patient ID (`taken`).
 */
export type PatientConflict = { kind: 'assigned'; patientId: string; pseudonym: string } | { kind: 'taken'; pseudonym: string; owner: string };

/** A state for one input; {@link InputState.takeRecords} lists every entry it used. */
export interface InputState extends StateStore {
  takeRecords(): StateRecords;
}

/** The state of one input, derived from `secret`; `conflicts` (from a first try) make the second try agree with the store. */
export function derivedInputState(secret: Uint8Array, conflicts: readonly PatientConflict[] = []): InputState {
  const key = Buffer.from(secret);
  const hmac = (domain: string, text: string) => createHmac('sha256', key).update(`${domain}\0${text}`).digest();
  const assigned = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const c of conflicts) {
    if (c.kind === 'assigned') assigned.set(c.patientId, c.pseudonym);
    else taken.set(c.pseudonym, c.owner);
  }
  const uids = new Map<string, string>();
  const patients = new Map<string, string>();
  return {
    dir: '',
    uidMap: uids,
    patientIdMap: patients,
    mapUid(uid) {
      const k = uid.trim().replace(/\0+$/, '');
      let mapped = uids.get(k);
      if (!mapped) {
        const digest = hmac('uid', k).subarray(0, 16);
        mapped = `2.25.${BigInt(`0x${digest.toString('hex')}`).toString(10)}`;
        uids.set(k, mapped);
      }
      return mapped;
    },
    pseudonymForPatient(patientId) {
      const k = patientId.trim();
      const known = patients.get(k) ?? assigned.get(k);
      if (known) {
        patients.set(k, known);
        return known;
      }
      for (let attempt = 0; ; attempt++) {
        const digest = hmac(`patient-id:${attempt}`, k);
        let code = '';
        for (let i = 0; i < 10; i++) code += BASE32[digest[i] % 32];
        const pseudonym = `PAT-${code}`;
        const owner = taken.get(pseudonym);
        if (owner === undefined || owner === k) {
          patients.set(k, pseudonym);
          return pseudonym;
        }
      }
    },
    dateShiftDays(patientKey, maxDays) {
      const n = hmac('date-shift', patientKey.trim()).readUInt32BE(0);
      return -(1 + (n % Math.max(1, maxDays)));
    },
    keyedHash: (text) => hmac('audit', text).toString('hex'),
    flush() {},
    takeRecords: () => ({ uids: [...uids], patients: [...patients] }),
  };
}

/**
 * Records an input's map entries in the run's store. UIDs derive from the secret alone, so a UID
 * that maps differently means the worker had another secret (thrown); a patient entry the store
 * gives another pseudonym is returned as a conflict, for the input to be done again.
 */
export function absorbRecords(state: StateStore, records: StateRecords): PatientConflict[] {
  for (const [uid, mapped] of records.uids) {
    if (state.mapUid(uid) !== mapped) throw new Error('a worker mapped a UID differently from this state: it holds another project secret');
  }
  const conflicts: PatientConflict[] = [];
  for (const [patientId, pseudonym] of records.patients) {
    // The store gives the Patient ID its pseudonym (the one it had, or the next free one): the second try uses it.
    const mine = state.pseudonymForPatient(patientId);
    if (mine !== pseudonym) conflicts.push({ kind: 'assigned', patientId, pseudonym: mine });
  }
  return conflicts;
}
