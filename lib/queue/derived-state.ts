/**
 * The state a queue worker or a Lambda uses for one input, over the worker-pool state view
 * (`lib/state/view.ts`): same UIDs, pseudonyms and date shifts as the store, nothing written, and
 * the map entries the input used handed back for the run's store to record.
 */
import type { StateStore } from '../state/store.js';
import { openStateView, type TaskState } from '../state/view.js';
import type { StateRecords } from '../state/derive.js';
import type { PatientConflict } from '../state/store.js';

export type { StateRecords, PatientConflict };

/** A state for one input; {@link InputState.takeRecords} lists every entry it used. */
export type InputState = TaskState;

/** The state of one input, derived from `secret`; `conflicts` (from a first try) make the second try agree with the store. */
export function derivedInputState(secret: Uint8Array, conflicts: readonly PatientConflict[] = []): InputState {
  return openStateView({ dir: '', secret: Buffer.from(secret).toString('hex'), patients: [] }).forInput(conflicts);
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
