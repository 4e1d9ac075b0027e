import type { Command } from 'commander';
import { formatUsage } from '../engines/aws/usage.js';
import { isEngineName } from '../engines/index.js';
import { RunConfigurationError, deidentifyFiles } from '../pipeline/deidentify-files.js';
import { DEFAULT_RULES_PATH, DEFAULT_STATE_DIR } from '../pipeline/recipe.js';
import { RulesError } from '../rules/index.js';
import type { CommandRegistrar } from './command.js';
import { ExitCode, UsageError } from './errors.js';
import { createProgress } from './progress.js';
import { addAwsOptions, awsRunOptions, type AwsCliOptions } from './aws-options.js';
import { describeFile } from './file-messages.js';
import { runSummary } from './summary.js';

/** `deid run <inputs...> --out <dir> [--rules] [--state] [--manifest] [--no-pixels] [--engine] [AWS options]`. */
export const registerRunCommand: CommandRegistrar = (program: Command, setExitCode) => {
  const command = program
    .command('run')
    .description('de-identify DICOM files and folders (metadata and burned-in pixel text)')
    .argument('<inputs...>', 'DICOM files or folders (searched recursively), or s3://bucket/prefix')
    .requiredOption('--out <dir>', 'where de-identified files go, a folder or s3://bucket/prefix: <patient>/<study>/<series>/<sop>.dcm')
    .option('--rules <yaml>', 'rules YAML', DEFAULT_RULES_PATH)
    .option('--state <dir>', 'folder for the secret and the UID / patient-ID maps (sensitive; keep apart from output)', DEFAULT_STATE_DIR)
    .option('--manifest <file.jsonl>', 'manifest, one JSON line per input (default: <state>/manifest.jsonl)')
    .option('--no-pixels', 'do not look for burned-in text (files with pixel data are reported as not pixel-checked)')
    .option('--engine <name>', 'text and PHI detection engine: local (offline) or aws', 'local')
    .option('--allow-incomplete-rules', 'accept rules that leave Basic Profile attributes identifying; outputs are then marked Patient Identity Removed = NO')
    .option('--verbose', 'teaching mode: messages also show input paths (they often hold patient names)');
  addAwsOptions(command).action(
    async (
      inputs: string[],
      options: { out: string; rules: string; state: string; manifest?: string; pixels: boolean; engine: string; allowIncompleteRules?: boolean; verbose?: boolean } & AwsCliOptions,
    ) => {
      if (!isEngineName(options.engine)) throw new UsageError(`--engine must be local or aws, not "${options.engine}"`);
      if (options.verbose) process.stderr.write('deid: --verbose: messages show input paths, which often hold patient names; do not share this log\n');
      const aws = awsRunOptions(options, (notice) => process.stderr.write(`${notice}\n`));
      const progress = createProgress('de-identifying');
      let result;
      try {
        result = await deidentifyFiles(inputs, {
          out: options.out,
          rulesPath: options.rules,
          stateDir: options.state,
          manifestPath: options.manifest,
          pixels: options.pixels,
          engine: options.engine,
          ...aws,
          allowIncompleteRules: options.allowIncompleteRules,
          onFile: (entry, done, total) => {
            progress.update(done, total);
            if (entry.status !== 'ok') progress.log(describeFile(entry, done, total, options.verbose === true));
          },
        });
      } catch (error) {
        if (error instanceof RulesError || error instanceof RunConfigurationError) throw new UsageError(error.message);
        throw error;
      } finally {
        progress.stop();
      }
      process.stdout.write(
        runSummary(result, options.out) +
          (result.stopped ? `stopped: ${result.stopped}\n` : '') +
          (result.awsUsage ? `${formatUsage(result.awsUsage)}\n` : ''),
      );
      setExitCode(result.failed > 0 ? ExitCode.fileFailed : ExitCode.ok);
    },
  );
};
