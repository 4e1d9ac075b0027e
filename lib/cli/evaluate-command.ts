import type { Command } from 'commander';
import { formatUsage } from '../engines/aws/usage.js';
import { isEngineName } from '../engines/index.js';
import { AwsPreflightError } from '../pipeline/aws-run.js';
import { evaluateFiles } from '../pipeline/evaluate-files.js';
import { capMessage } from '../pipeline/messages.js';
import { RunConfigurationError } from '../pipeline/run-paths.js';
import { RulesError } from '../rules/index.js';
import { ExitCode, UsageError } from './errors.js';
import type { CommandRegistrar } from './command.js';
import { createProgress } from './progress.js';
import { addAwsOptions, awsRunOptions, type AwsCliOptions } from './aws-options.js';

/** `deid evaluate <de-identified...> [--original <inputs...>] --report <dir> --out <dir> [--rules] [--state] [--engine] [--no-pixels]`. */
export const registerEvaluateCommand: CommandRegistrar = (program: Command, setExitCode) => {
  const command = program
    .command('evaluate')
    .description('look for PHI left in de-identified files, write TSV reports and audit records, redact what remains')
    .argument('<inputs...>', 'de-identified DICOM files or folders')
    .option('--original <inputs...>', 'the original files or folders: their values are looked for in the output')
    .requiredOption('--report <dir>', 'folder for the reports (they hold PHI text: written owner-only)')
    .requiredOption('--out <dir>', 'folder for the evaluated files, same layout as deid run')
    .option('--rules <yaml>', 'rules YAML used for de-identification', 'configs/de-id/de_id_rules_auto.yaml')
    .option('--state <dir>', 'state folder of the de-identification run', '.deid-state')
    .option('--engine <name>', 'detection engine: local (offline) or aws', 'local')
    .option('--no-pixels', 'do not check the pixels again');
  addAwsOptions(command).action(
    async (inputs: string[], options: { original?: string[]; report: string; out: string; rules: string; state: string; engine: string; pixels: boolean } & AwsCliOptions) => {
      if (!isEngineName(options.engine)) throw new UsageError(`--engine must be local or aws, not "${options.engine}"`);
      const aws = awsRunOptions(options, (notice) => process.stderr.write(`${notice}\n`));
      const progress = createProgress('evaluating');
      let result;
      try {
        result = await evaluateFiles(inputs, {
          out: options.out,
          reportDir: options.report,
          originals: options.original,
          rulesPath: options.rules,
          stateDir: options.state,
          engine: options.engine,
          pixels: options.pixels,
          ...aws,
          onFile: (entry, done, total) => {
            progress.update(done, total);
            const fatal = entry.file.messages.find((m) => m.severity === 'fatal');
            if (fatal) progress.log(`error: file ${done} of ${total}: ${capMessage(fatal.reason, 300)}`);
          },
        });
      } catch (error) {
        if (error instanceof RulesError || error instanceof RunConfigurationError || error instanceof AwsPreflightError) throw new UsageError(error.message);
        throw error;
      } finally {
        progress.stop();
      }
      process.stdout.write(
        `${result.files.length - result.failed} evaluated, ${result.failed} failed; ${result.tagFindings} tag and ${result.pixelFindings} pixel finding(s) redacted\n` +
          `reports: ${result.reports.tags}\n         ${result.reports.img}\n         ${result.reports.summary}\n` +
          (result.reports.awsUsage ? `         ${result.reports.awsUsage}\n` : '') +
          (result.awsUsage ? `${formatUsage(result.awsUsage)}\n` : ''),
      );
      setExitCode(result.failed > 0 ? ExitCode.fileFailed : ExitCode.ok);
    },
  );
};
