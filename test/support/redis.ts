/** Starts and stops a loopback Redis server (Debian's `redis-server`, installed by `npm run setup`) for a test file. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';

/** A running loopback Redis. */
export interface LoopbackRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port with its working folder in a temporary folder and no
 * persistence (`--save '' --appendonly no`); `stop` ends it and removes the folder.
 */
export async function startLoopbackRedis(): Promise<LoopbackRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), 'deid-redis-'));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes', '--loglevel', 'notice'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await waitUntilListening(child, port);
    } catch (error) {
      child.kill('SIGKILL');
      // Another process took the port between our check and Redis's bind: try another one.
      if (attempt < 3 && /exited/.test((error as Error).message)) continue;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      async stop() {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}

/** Resolves once Redis says it is ready to accept connections; rejects if it exits first. */
function waitUntilListening(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port} within 10 s: ${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not be started (run npm run setup to install it): ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code} before listening: ${output.trim()}`));
    });
  });
}
