/**
 * A state view for code that runs apart from the store (worker threads, a queue worker, a Lambda):
 * it derives the same UIDs, pseudonyms and date shifts from the secret, writes nothing, and hands
 * back the map entries it made, for the store to record ({@link StateStore.absorb}).
 */
import { derivations, patientKey as toPatientKey, uidKey, type StateRecords } from './derive.js';
import { StateError, type PatientConflict, type StateSnapshot, type StateStore } from './store.js';

/** A {@link StateStore} for one input: what it mapped is in {@link TaskState.takeRecords}. */
export interface TaskState extends StateStore {
  /** The entries this input made (each once), in the order they were made. */
  takeRecords(): StateRecords;
}

/** What a view knows of the store: its snapshot, and corrections for an input whose first try disagreed with the maps. */
export interface StateView {
  /**
   * A state for one input. `conflicts` (from {@link StateStore.absorb} on a first try) say which
   * Patient ID already has a pseudonym and which pseudonyms are taken, so the second try agrees.
   */
  forInput(conflicts?: readonly PatientConflict[]): TaskState;
}

/**
 * A view over a store's snapshot. Patient pseudonyms avoid those of the snapshot only, never those
 * made by other inputs meanwhile: every input gets the value the store will accept when its entries
 * are absorbed in input order, whatever thread made them and whenever (deterministic output).
 */
export function openStateView(snapshot: StateSnapshot): StateView {
  const derive = derivations(Buffer.from(snapshot.secret, 'hex'));
  const patients = new Map(snapshot.patients);
  const owners = new Map(snapshot.patients.map(([key, value]) => [value, key]));
  return {
    forInput(conflicts = []) {
      const assigned = new Map<string, string>();
      const taken = new Map<string, string>();
      for (const c of conflicts) {
        if (c.kind === 'assigned') assigned.set(c.patientId, c.pseudonym);
        else taken.set(c.pseudonym, c.owner);
      }
      const uids = new Map<string, string>();
      const made = new Map<string, string>();
      const state: TaskState = {
        dir: snapshot.dir,
        uidMap: uids,
        patientIdMap: made,
        mapUid(uid) {
          const key = uidKey(uid);
          let mapped = uids.get(key);
          if (!mapped) {
            mapped = derive.uid(key);
            uids.set(key, mapped);
          }
          return mapped;
        },
        pseudonymForPatient(patientId) {
          const key = toPatientKey(patientId);
          const known = made.get(key) ?? assigned.get(key) ?? patients.get(key);
          if (known) {
            made.set(key, known);
            return known;
          }
          for (let attempt = 0; ; attempt++) {
            const pseudonym = derive.pseudonym(key, attempt);
            const owner = taken.get(pseudonym) ?? owners.get(pseudonym);
            if (owner === undefined || owner === key) {
              made.set(key, pseudonym);
              return pseudonym;
            }
          }
        },
        dateShiftDays: (key, maxDays) => derive.dateShiftDays(key, maxDays),
        keyedHash: (text) => derive.keyedHash(text),
        flush: async () => {},
        compact() {
          throw new StateError(`${snapshot.dir}: a state view writes nothing; the store records its entries`);
        },
        absorb() {
          throw new StateError(`${snapshot.dir}: a state view records nothing; absorb into the store`);
        },
        snapshot: () => snapshot,
        takeRecords: () => ({ uids: [...uids], patients: [...made] }),
      };
      return state;
    },
  };
}
