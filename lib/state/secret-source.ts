/**
 * Where a process that keeps no state of its own (a queue worker, a Lambda) gets the project secret:
 * a shared state folder, a secret file, or an environment variable. Every pseudonym and UID derives
 * from that secret, so workers that hold it agree without talking to each other; it never travels
 * through the job queue.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { StateError } from './store.js';

/** The environment variable holding the secret (hex) for machines that share no disk. */
export const SECRET_ENV = 'DEID_SECRET';
/** The secret's file in a state folder (as `openStateStore` writes it). */
export const STATE_SECRET_FILE = 'secret.key';

/** Where to read the secret from; exactly one of them. */
export interface SecretSource {
  /** A state folder shared with the run (its `secret.key`); never created here. */
  stateDir?: string;
  /** A file holding the secret as hex digits, readable by its owner only (e.g. a copy of `secret.key`). */
  secretFile?: string;
  /** The environment to read {@link SECRET_ENV} from (default: none). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A secret and where it came from, in words (for messages; never the secret itself). */
export interface LoadedSecret {
  secret: Buffer;
  from: string;
}

/**
 * Parses a secret written as hex digits (as `secret.key` holds it): at least 64 digits (32 bytes).
 * @throws StateError naming `where`, never echoing the text.
 */
export function parseSecretHex(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!/^(?:[0-9a-fA-F]{2}){32,}$/.test(hex)) throw new StateError(`${where}: not a project secret (expected at least 64 hex digits, as in a state folder's ${STATE_SECRET_FILE})`);
  return Buffer.from(hex, 'hex');
}

function readSecretFile(file: string, what: string): Buffer {
  let info;
  try {
    info = statSync(file);
  } catch (error) {
    throw new StateError(`${what} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
  if (!info.isFile()) throw new StateError(`${what} ${file}: not a regular file`);
  // Like ssh with its keys: a secret others can read links their pseudonyms back to identities.
  if ((info.mode & 0o077) !== 0) throw new StateError(`${what} ${file}: readable by others (mode ${(info.mode & 0o777).toString(8)}); make it owner-only (chmod 600)`);
  return parseSecretHex(readFileSync(file, 'utf8'), `${what} ${file}`);
}

/**
 * Reads the project secret from exactly one source: `stateDir` (its `secret.key`, which must
 * exist: a worker never makes a new secret), `secretFile`, or the {@link SECRET_ENV} variable.
 *
 * @throws StateError when none or several are given, or the secret is missing, damaged or readable by others.
 */
export function loadSecret(source: SecretSource): LoadedSecret {
  const fromEnv = source.env?.[SECRET_ENV];
  const given = [source.stateDir !== undefined, source.secretFile !== undefined, Boolean(fromEnv)].filter(Boolean).length;
  if (given === 0) throw new StateError(`no project secret: give a shared state folder, a secret file, or the ${SECRET_ENV} environment variable`);
  if (given > 1) throw new StateError(`several project secrets given (state folder, secret file, ${SECRET_ENV}): give exactly one`);
  if (source.stateDir !== undefined) {
    const file = path.join(source.stateDir, STATE_SECRET_FILE);
    return { secret: readSecretFile(file, 'the state folder\'s secret'), from: `the state folder ${source.stateDir}` };
  }
  if (source.secretFile !== undefined) return { secret: readSecretFile(source.secretFile, 'the secret file'), from: `the secret file ${source.secretFile}` };
  return { secret: parseSecretHex(fromEnv!, `the ${SECRET_ENV} environment variable`), from: `the ${SECRET_ENV} environment variable` };
}
