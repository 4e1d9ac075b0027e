/**
 * The `deid` command. Library code never exits the process: commands return an exit code
 * (0 every file ok, 1 any file failed, 2 usage error) and `bin/deid.js` sets it.
 */
import { Command, CommanderError } from 'commander';
import { capMessage } from '../pipeline/messages.js';
import type { CommandRegistrar } from './command.js';
import { ExitCode, UsageError } from './errors.js';
import { registerRunCommand } from './run-command.js';
import { registerEvaluateCommand } from './evaluate-command.js';
import { registerLearnCommand } from './learn-command.js';

const registrars: readonly CommandRegistrar[] = [registerRunCommand, registerEvaluateCommand, registerLearnCommand];

/** Parses `argv` (as `process.argv`) and runs the chosen command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('deid')
    .description('De-identify DICOM files under the HIPAA Safe Harbor method')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of registrars) register(program, (code) => (exitCode = Math.max(exitCode, code)));
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
