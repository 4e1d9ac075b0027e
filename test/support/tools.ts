import { spawnSync } from 'node:child_process';

/** Runs a command and returns its exit status and combined output. */
export function run(command: string, args: string[]): { status: number; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}); .ci/run installs it from Debian's packages`);
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** Number of `Error` lines dciodvfy (dicom3tools) reports for a file. */
export function dciodvfyErrors(file: string): number {
  return run('dciodvfy', [file]).output.split('\n').filter((line) => line.startsWith('Error')).length;
}

/** The `Error` lines dciodvfy reports for a file (to compare which errors are new, not only how many). */
export function dciodvfyErrorLines(file: string): string[] {
  return run('dciodvfy', [file]).output.split('\n').filter((line) => line.startsWith('Error'));
}
