export { openStateStore, StateError, type StateStore } from './store.js';
