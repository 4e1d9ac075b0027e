/**
 * The values the state derives from its secret: UIDs, Patient ID pseudonyms, date shifts and keyed
 * hashes. Pure functions of the secret, so a worker thread holding the secret computes the same
 * values as the main thread; only a pseudonym collision (two Patient IDs, one code) needs the maps.
 */
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: readable on screens and in OCR

/** Map entries made while processing, to be recorded in the state's maps (original → new). */
export interface StateRecords {
  uids: Array<[string, string]>;
  patients: Array<[string, string]>;
}

/** The secret's derivations. */
export interface Derivations {
  /** `2.25.<decimal>` of a UID (HMAC-SHA256, 128 bits). */
  uid(key: string): string;
  /** The `attempt`-th candidate pseudonym of a Patient ID (`PAT-` and 10 base-32 characters); attempt 0 unless it collides. */
  pseudonym(key: string, attempt: number): string;
  /** Per-patient date shift in whole days, from -1 to -maxDays. */
  dateShiftDays(patientKey: string, maxDays: number): number;
  /** Keyed hash of any text (hex). */
  keyedHash(text: string): string;
}

/** The UID map's key for a UID as written (spaces and NUL padding are not part of it). */
export const uidKey = (uid: string): string => uid.trim().replace(/\0+$/, '');
/** The patient map's key for a Patient ID as written. */
export const patientKey = (patientId: string): string => patientId.trim();

/** The derivations of a secret (32 bytes or more). */
export function derivations(secret: Uint8Array): Derivations {
  const key = Buffer.from(secret);
  const hmac = (domain: string, text: string) => createHmac('sha256', key).update(`${domain}\0${text}`).digest();
  return {
    uid(uid) {
      // 128 bits as a decimal integer: at most 39 digits, so `2.25.` + it fits the 64-character limit.
      const digest = hmac('uid', uid).subarray(0, 16);
      return `2.25.${BigInt(`0x${digest.toString('hex')}`).toString(10)}`;
    },
    pseudonym(patientId, attempt) {
      const digest = hmac(`patient-id:${attempt}`, patientId);
      let code = '';
      for (let i = 0; i < 10; i++) code += BASE32[digest[i] % 32];
      return `PAT-${code}`;
    },
    dateShiftDays(patientKey, maxDays) {
      const n = hmac('date-shift', patientKey.trim()).readUInt32BE(0);
      return -(1 + (n % Math.max(1, maxDays)));
    },
    keyedHash(text) {
      return hmac('audit', text).toString('hex');
    },
  };
}
