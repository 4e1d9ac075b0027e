/** Starts and stops the loopback S3 server (`s3-server.mjs`) for a test file. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from './paths.js';

/** A running loopback S3 server. */
export interface LoopbackS3 {
  /** `http://localhost:<port>`: a host name, so path-style addressing is what makes it work. */
  endpoint: string;
  /** s3rver's fixed credentials. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

/** Starts s3rver on a free loopback port with its data in a temporary folder; `stop` ends it and removes the folder. */
export async function startLoopbackS3(): Promise<LoopbackS3> {
  const dir = mkdtempSync(path.join(tmpdir(), 'deid-s3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--no-deprecation', path.join(projectRoot, 'test/support/s3-server.mjs'), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the loopback S3 server exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return {
    endpoint: `http://localhost:${port}`,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
