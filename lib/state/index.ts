export { openStateStore, StateError, type PatientConflict, type StateRecords, type StateSnapshot, type StateStore } from './store.js';
export { openStateView, type StateView, type TaskState } from './view.js';
