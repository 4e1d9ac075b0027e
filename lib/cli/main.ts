/**
 * The `deid` command. Library code never exits the process: commands return an exit code
 * (0 every file ok, 1 any file failed, 2 usage error) and `bin/deid.js` sets it.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { capMessage } from '../pipeline/messages.js';
import type { CommandRegistrar } from './command.js';
import { ExitCode, UsageError } from './errors.js';
import { markRequired } from './help.js';
import { registerRunCommand } from './run-command.js';
import { registerEvaluateCommand } from './evaluate-command.js';
import { registerLearnCommand } from './learn-command.js';

const registrars: readonly CommandRegistrar[] = [registerRunCommand, registerEvaluateCommand, registerLearnCommand];

/** The kit's version, from package.json. */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The `deid` program with its sub-commands; each action reports its exit code to `setExitCode`. */
export function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('deid')
    .description('De-identify DICOM files under the HIPAA Safe Harbor method')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of registrars) register(program, setExitCode);
  markRequired(program);
  return program;
}

/** Parses `argv` (as `process.argv`) and runs the chosen command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = createProgram((code) => (exitCode = Math.max(exitCode, code)));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`deid: ${capMessage(error.message, 4000)}\n`);
      return ExitCode.usage;
    }
    process.stderr.write(`deid: ${capMessage(String((error as Error)?.message ?? error))}\n`);
    return ExitCode.fileFailed;
  }
  return exitCode;
}
