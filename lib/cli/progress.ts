import type cliProgressModule from 'cli-progress';
import { createRequire } from 'node:module';

/** How often a progress line is printed when stderr is not a terminal. */
const PLAIN_EVERY_MS = 5000;

/** Progress of a run: counts, rate and ETA. */
export interface Progress {
  /** `done` of `total` files finished, `failed` of them failed. */
  update(done: number, total: number, failed?: number): void;
  /** Prints a line above the bar (or as is). */
  log(line: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal (cli-progress: count, rate, ETA, failures);
 * elsewhere (CI logs, pipes) a plain line every few seconds, so long runs still show they move.
 */
export function createProgress(label: string, options: { tty?: boolean; now?: () => number; write?: (text: string) => void } = {}): Progress {
  const write = options.write ?? ((text: string) => void process.stderr.write(text));
  const now = options.now ?? (() => performance.now());
  const started = now();
  const rate = (done: number) => done / Math.max((now() - started) / 1000, 1e-3);
  const eta = (done: number, total: number) => (done > 0 ? Math.round((total - done) / rate(done)) : undefined);
  if (!(options.tty ?? process.stderr.isTTY)) {
    let last = started;
    return {
      update(done, total, failed = 0) {
        if (done < total && now() - last < PLAIN_EVERY_MS) return;
        last = now();
        const left = eta(done, total);
        write(`${label}: ${done}/${total} files (${Math.floor((100 * done) / total)}%), ${rate(done).toFixed(1)} files/s` + `${done < total && left !== undefined ? `, ETA ${formatSeconds(left)}` : ''}, ${failed} failed\n`);
      },
      log: (line) => write(`${line}\n`),
      stop() {},
    };
  }
  // Loaded only for a terminal: `deid --help` and piped runs do without it.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} | {rate} files/s | ETA {eta_formatted} | {failed} failed`, stream: process.stderr, etaBuffer: 50, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  return {
    update(done, total, failed = 0) {
      if (!begun) bar.start(total, 0, { rate: '0.0', failed: 0 });
      begun = true;
      bar.update(done, { rate: rate(done).toFixed(1), failed });
    },
    log(line) {
      process.stderr.write(`\n${line}\n`);
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 90) return `${s}s`;
  if (s < 5400) return `${Math.round(s / 60)}min`;
  return `${(s / 3600).toFixed(1)}h`;
}
