import type { Command } from 'commander';
import { formatUsage } from '../engines/aws/usage.js';
import { isEngineName } from '../engines/names.js';
import type { RunResult } from '../pipeline/deidentify-files.js';
import { DEFAULT_RULES_PATH, DEFAULT_STATE_DIR, TEXT_ENGINE_CHOICES } from '../pipeline/defaults.js';
import type { CommandRegistrar } from './command.js';
import { ExitCode, UsageError } from './errors.js';
import { createProgress } from './progress.js';
import { addAwsOptions, awsRunOptions, type AwsCliOptions } from './aws-options.js';
import { describeFile } from './file-messages.js';
import { runStatsLines } from './run-stats.js';
import { wholeNumber } from './numbers.js';
import { runSummary } from './summary.js';

type RunCliOptions = {
  out: string;
  rules: string;
  state: string;
  manifest?: string;
  pixels: boolean;
  engine: string;
  allowIncompleteRules?: boolean;
  verbose?: boolean;
  queue?: string;
  queueName: string;
  attempts: string;
  jobs?: string;
  resume: boolean;
  textEngine: string;
} & AwsCliOptions;

/** `deid run <inputs...> --out <dir> [--rules] [--state] [--manifest] [--no-pixels] [--engine] [--queue] [AWS options]`. */
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
    .option('--text-engine <name>', 'OCR for the local engine: auto (native tesseract when installed, else tesseract.js), tesseract.js or tesseract-native', 'auto')
    .option('--jobs <n>', 'worker threads de-identifying files at once (default: one per core with pixels; header only, one per 400 files, at most the cores less one); the output is the same whatever the number')
    .option('--no-resume', 'do every input again, even those an earlier run into the same --out and state already did')
    .option('--allow-incomplete-rules', 'accept rules that leave Basic Profile attributes identifying; outputs are then marked Patient Identity Removed = NO')
    .option('--verbose', 'teaching mode: messages also show input paths (they often hold patient names)')
    .option('--queue <url>', 'de-identify with workers on a Redis queue (deid worker), redis://host:port[/db]; the output must be a folder every worker sees at the same path, or s3://')
    .option('--queue-name <name>', 'with --queue: the queue\'s name', 'deid')
    .option('--attempts <n>', 'with --queue: attempts per file before its job fails for good (a dead letter)', '3');
  addAwsOptions(command).action(
    async (
      inputs: string[],
      options: RunCliOptions,
    ) => {
      if (!isEngineName(options.engine)) throw new UsageError(`--engine must be local or aws, not "${options.engine}"`);
      if (!(TEXT_ENGINE_CHOICES as readonly string[]).includes(options.textEngine)) throw new UsageError(`--text-engine must be ${TEXT_ENGINE_CHOICES.join(', ')}, not "${options.textEngine}"`);
      if (options.queue) return runOnQueue(inputs, options, setExitCode);
      const jobs = options.jobs === undefined ? 'auto' : Number(options.jobs);
      if (jobs !== 'auto' && (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)) throw new UsageError(`--jobs must be a whole number from 1 to 256, not "${options.jobs}"`);
      if (options.verbose) process.stderr.write('deid: --verbose: messages show input paths, which often hold patient names; do not share this log\n');
      const aws = awsRunOptions(options, (notice) => process.stderr.write(`${notice}\n`));
      const progress = createProgress('de-identifying');
      let failed = 0;
      // Loaded here, not at start: `deid --help` stays quick.
      const [{ deidentifyFiles, RunConfigurationError }, { RulesError }] = await Promise.all([import('../pipeline/deidentify-files.js'), import('../rules/index.js')]);
      let result: RunResult;
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
          jobs,
          resume: options.resume,
          textEngine: options.textEngine as (typeof TEXT_ENGINE_CHOICES)[number],
          // The summary needs counts only; the manifest on disk holds the entries (memory stays flat over any number of files).
          keepEntries: false,
          onFile: (entry, done, total) => {
            if (entry.status === 'error') failed++;
            progress.update(done, total, failed);
            // Inputs an earlier run did are expected; the summary counts them.
            if (entry.status !== 'ok' && !entry.resumed) progress.log(describeFile(entry, done, total, options.verbose === true));
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
          runStatsLines(result) +
          (result.stopped ? `stopped: ${result.stopped}\n` : '') +
          (result.awsUsage ? `${formatUsage(result.awsUsage)}\n` : ''),
      );
      setExitCode(result.failed > 0 ? ExitCode.fileFailed : ExitCode.ok);
    },
  );
};

/** `deid run … --queue`: the same run, its files de-identified by `deid worker`s; same progress, manifest, summary and exit codes. */
async function runOnQueue(inputs: string[], options: RunCliOptions, setExitCode: (code: number) => void): Promise<void> {
  if (options.engine !== 'local') throw new UsageError('--queue runs the local engine on the workers; --engine aws runs on one machine (or on AWS Lambda, see docs/distributed.md)');
  if (options.rekognitionStaging) throw new UsageError('--rekognition-staging has no use with --queue (the workers run the local engine)');
  const [{ deidentifyOnQueue }, { RunConfigurationError }, { RulesError }] = await Promise.all([
    import('../queue/coordinator.js'),
    import('../pipeline/deidentify-files.js'),
    import('../rules/index.js'),
  ]);
  const { parseQueueAddress, QueueAddressError } = await import('../queue/address.js');
  let queue;
  try {
    queue = parseQueueAddress(options.queue!, options.queueName, process.env);
  } catch (error) {
    if (error instanceof QueueAddressError) throw new UsageError(error.message);
    throw error;
  }
  if (options.verbose) process.stderr.write('deid: --verbose: messages show input paths, which often hold patient names; do not share this log\n');
  const aws = awsRunOptions(options, (notice) => process.stderr.write(`${notice}\n`));
  const progress = createProgress('de-identifying');
  const controller = new AbortController();
  const interrupt = () => {
    progress.log('deid: interrupted: taking the jobs not started off the queue');
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let result;
  try {
    result = await deidentifyOnQueue(inputs, {
      queue,
      out: options.out,
      rulesPath: options.rules,
      stateDir: options.state,
      manifestPath: options.manifest,
      pixels: options.pixels,
      allowIncompleteRules: options.allowIncompleteRules,
      textEngine: options.textEngine as (typeof TEXT_ENGINE_CHOICES)[number],
      attempts: wholeNumber('--attempts', options.attempts, 1, 100),
      ...aws,
      signal: controller.signal,
      onStatus: (line) => progress.log(`deid: ${line}`),
      onFile: (entry, done, total) => {
        progress.update(done, total);
        if (entry.status !== 'ok' && !(entry as { resumed?: boolean }).resumed) progress.log(describeFile(entry, done, total, options.verbose === true));
      },
    });
  } catch (error) {
    if (error instanceof RulesError || error instanceof RunConfigurationError) throw new UsageError(error.message);
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    progress.stop();
  }
  process.stdout.write(
    runSummary(result, options.out) +
      (result.resumed ? `of the skipped, ${result.resumed} done by an earlier run\n` : '') +
      `queue: ${queue.name} at ${queue.display}` +
      (result.stalled ? `; ${result.stalled} job(s) taken back from a stopped worker` : '') +
      (result.deadLetters ? `; ${result.deadLetters} job(s) failed for good (their dead letters stay in the queue)` : '') +
      '\n' +
      (result.stopped ? `stopped: ${result.stopped}\n` : ''),
  );
  setExitCode(result.failed > 0 ? ExitCode.fileFailed : ExitCode.ok);
}
