/**
 * What distributed workers rely on: sealed values open only with the same secret and for the same
 * place; the secret comes from exactly one source, never from a file others can read; a queue
 * address is read without echoing a password.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQueueAddress, QueueAddressError } from '../../lib/queue/address.js';
import { createSealer, SealError } from '../../lib/state/seal.js';
import { loadSecret } from '../../lib/state/secret-source.js';
import { openStateStore, StateError } from '../../lib/state/store.js';

const secret = Buffer.alloc(32, 7);

describe('sealing with the project secret', () => {
  it('opens what it sealed for the same context, and nothing else', () => {
    const sealer = createSealer(secret);
    const spec = { input: '/archive/DOE_JANE/1.dcm', n: 3 };
    const sealed = sealer.seal('job:deid/run-1/3', spec);
    expect(sealed).not.toContain('DOE_JANE');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('DOE_JANE');
    expect(sealer.open('job:deid/run-1/3', sealed)).toEqual(spec);
    // Another job's context (a replayed spec), another secret, or one altered byte: refused.
    expect(() => sealer.open('job:deid/run-1/4', sealed)).toThrow(SealError);
    expect(() => createSealer(Buffer.alloc(32, 8)).open('job:deid/run-1/3', sealed)).toThrow(/another project secret/);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => sealer.open('job:deid/run-1/3', bytes.toString('base64url'))).toThrow(SealError);
    expect(() => sealer.open('job:deid/run-1/3', 'garbage')).toThrow(/not a sealed value/);
    // Two seals of one value differ (a fresh IV each time).
    expect(sealer.seal('x', spec)).not.toBe(sealer.seal('x', spec));
  });
});

describe('where a worker gets the secret', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deid-secret-'));
  const state = path.join(dir, 'state');
  openStateStore(state);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads one source: a state folder, a secret file (owner-only) or DEID_SECRET', () => {
    const fromState = loadSecret({ stateDir: state });
    const file = path.join(dir, 'secret.key');
    writeFileSync(file, `${fromState.secret.toString('hex')}\n`, { mode: 0o600 });
    expect(loadSecret({ secretFile: file }).secret.equals(fromState.secret)).toBe(true);
    expect(loadSecret({ env: { DEID_SECRET: fromState.secret.toString('hex') } }).secret.equals(fromState.secret)).toBe(true);
    expect(loadSecret({ env: { DEID_SECRET: fromState.secret.toString('hex') } }).from).not.toContain(fromState.secret.toString('hex'));
  });

  it('refuses none, several, a missing state folder, a file others can read, and text that is not a secret', () => {
    expect(() => loadSecret({})).toThrow(/no project secret/);
    expect(() => loadSecret({ stateDir: state, env: { DEID_SECRET: 'ab'.repeat(32) } })).toThrow(/exactly one/);
    expect(() => loadSecret({ stateDir: path.join(dir, 'none') })).toThrow(StateError);
    const loose = path.join(dir, 'loose.key');
    writeFileSync(loose, 'ab'.repeat(32));
    chmodSync(loose, 0o644);
    expect(() => loadSecret({ secretFile: loose })).toThrow(/readable by others .*chmod 600/);
    const short = path.join(dir, 'short.key');
    writeFileSync(short, 'abcd', { mode: 0o600 });
    expect(() => loadSecret({ secretFile: short })).toThrow(/not a project secret/);
    expect(() => loadSecret({ env: { DEID_SECRET: 'not hex at all, and a secret-looking phrase' } })).toThrow(/DEID_SECRET.*not a project secret/);
  });
});

describe('a queue address', () => {
  it('reads redis:// and rediss:// addresses, and shows them without the password', () => {
    const a = parseQueueAddress('redis://worker:s3cret@10.0.0.5:6380/2');
    expect(a.connection).toEqual({ host: '10.0.0.5', port: 6380, db: 2, username: 'worker', password: 's3cret' });
    expect(a.display).toBe('redis://10.0.0.5:6380/2');
    expect(parseQueueAddress('rediss://cache.example', 'q', { DEID_REDIS_PASSWORD: 'pw' }).connection).toEqual({ host: 'cache.example', port: 6379, password: 'pw', tls: {} });
    expect(() => parseQueueAddress('http://10.0.0.5')).toThrow(QueueAddressError);
    expect(() => parseQueueAddress('10.0.0.5:6379')).toThrow(/redis:\/\//);
    expect(() => parseQueueAddress('redis://h/x')).toThrow(/database number/);
    expect(() => parseQueueAddress('redis://h', 'bad name!')).toThrow(/queue name/);
  });
});
