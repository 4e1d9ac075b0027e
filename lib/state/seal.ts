/**
 * Sealing with a key derived from the project secret: what a run hands to machines it does not
 * trust with identities in clear (a Redis job queue, a results bucket) — job specs naming input
 * paths, map records linking original UIDs and Patient IDs to their pseudonyms — is encrypted and
 * authenticated (AES-256-GCM), bound to where it belongs. Only holders of the secret can read it,
 * or make a job a worker will run.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_INFO = 'deid-kit seal v1';

/** A sealed value could not be opened: made with another secret, for another place, or altered. */
export class SealError extends Error {
  override name = 'SealError';
}

/** Seals and opens values with a key derived from the secret. */
export interface Sealer {
  /**
   * Encrypts `value` (as JSON) and binds it to `context` (e.g. `job:<queue>/<run>/<n>`): opening it
   * with another context fails. Returns base64url text.
   */
  seal(context: string, value: unknown): string;
  /** Opens what {@link Sealer.seal} made for the same context. @throws SealError */
  open<T = unknown>(context: string, sealed: string): T;
}

/**
 * A sealer keyed by HKDF-SHA256 of the project secret (a key of its own: the secret's other
 * derivations, UIDs and pseudonyms, use HMAC under other domains).
 *
 * @example const sealer = createSealer(secret); sealer.open('job:deid/r1/0', sealer.seal('job:deid/r1/0', spec))
 */
export function createSealer(secret: Uint8Array): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_INFO, 32));
  return {
    seal(context, value) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open<T>(context: string, sealed: string): T {
      const bytes = typeof sealed === 'string' ? Buffer.from(sealed, 'base64url') : Buffer.alloc(0);
      if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) throw new SealError('not a sealed value of this kit');
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      let text: string;
      try {
        text = Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new SealError('cannot open a sealed value: it was made with another project secret, for another place, or altered', { cause: error });
      }
      return JSON.parse(text) as T;
    },
  };
}
