/** Worker processes (`deid worker`) for the queue tests: started, watched, signalled, reaped. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './paths.js';

/** A `deid worker` process. */
export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  /** What it wrote to stderr so far. */
  readonly log: string;
  /** Resolves once it says it takes jobs. */
  ready: Promise<void>;
  /** Resolves with its exit code (or the signal that ended it). */
  exited: Promise<number | string>;
}

/** Starts `deid worker --queue <url> --name <name> …args` from the sources (through tsx, as bin/deid.js does). */
export function startWorker(queueUrl: string, name: string, args: string[], env: NodeJS.ProcessEnv = process.env): WorkerProcess {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/deid.js'), 'worker', '--queue', queueUrl, '--name', name, ...args], { cwd: projectRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    if (log.includes('taking jobs')) onReady();
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    name,
    child,
    get log() {
      return log;
    },
    ready: Promise.race([ready, exited.then((code) => Promise.reject(new Error(`worker ${name} exited (${code}) before taking jobs: ${log}`)))]),
    exited,
  };
}

/** Sends SIGTERM to the workers still running and waits for them (SIGKILL after `ms`). */
export async function stopWorkers(workers: WorkerProcess[], ms = 20_000): Promise<Array<number | string>> {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  const timer = setTimeout(() => workers.forEach((w) => w.child.exitCode === null && w.child.kill('SIGKILL')), ms);
  try {
    return await Promise.all(workers.map((w) => w.exited));
  } finally {
    clearTimeout(timer);
  }
}
