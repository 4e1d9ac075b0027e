import cliProgress from 'cli-progress';

/** A progress bar on stderr when it is a terminal; plain silence otherwise (CI logs stay clean). */
export function createProgress(label: string): { update(done: number, total: number): void; log(line: string): void; stop(): void } {
  if (!process.stderr.isTTY) {
    return { update() {}, log: (line) => process.stderr.write(`${line}\n`), stop() {} };
  }
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    log(line) {
      process.stderr.write(`\n${line}\n`);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
