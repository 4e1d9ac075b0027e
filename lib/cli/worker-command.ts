import type { Command } from 'commander';
import { loadSecret } from '../state/secret-source.js';
import { StateError } from '../state/store.js';
import type { CommandRegistrar } from './command.js';
import { ExitCode, UsageError } from './errors.js';
import { wholeNumber } from './numbers.js';

/**
 * `deid worker --queue redis://HOST:PORT [--queue-name] [--concurrency N] [--state DIR | --secret-file F]`:
 * de-identifies jobs from the queue until SIGTERM or SIGINT, then finishes the jobs in hand and exits 0.
 */
export const registerWorkerCommand: CommandRegistrar = (program: Command, setExitCode) => {
  program
    .command('worker')
    .description('de-identify jobs from a Redis queue (BullMQ) that deid run --queue fills; stops on SIGTERM after the jobs in hand')
    .requiredOption('--queue <url>', 'the Redis queue, redis://host:port[/db] or rediss:// (password: in the URL or DEID_REDIS_PASSWORD)')
    .option('--queue-name <name>', 'the queue\'s name (the run\'s --queue-name)', 'deid')
    .option('--concurrency <n>', 'jobs processed at once by this process', '1')
    .option('--state <dir>', 'a state folder shared with the run (its secret is read, never created)')
    .option('--secret-file <file>', 'a file holding the project secret (hex, owner-only), for machines that share no disk; or set DEID_SECRET')
    .option('--lock-duration <ms>', 'how long a job\'s lock lasts unrenewed: a killed worker\'s job goes back to the queue after it', '30000')
    .option('--stalled-interval <ms>', 'how often to look for jobs whose worker stopped', '30000')
    .option('--max-stalled <n>', 'times a job may lose its worker before it fails', '2')
    .option('--name <name>', 'this worker\'s name in the queue (default: host:pid)')
    .action(async (options: { queue: string; queueName: string; concurrency: string; state?: string; secretFile?: string; lockDuration: string; stalledInterval: string; maxStalled: string; name?: string }) => {
      // Loaded when the command runs: deid --help and the other commands do not load BullMQ.
      const { parseQueueAddress, QueueAddressError, QueueUnreachableError } = await import('../queue/address.js');
      const { startQueueWorker } = await import('../queue/worker.js');
      let address;
      let secret;
      try {
        address = parseQueueAddress(options.queue, options.queueName, process.env);
        secret = loadSecret({ stateDir: options.state, secretFile: options.secretFile, env: process.env });
      } catch (error) {
        if (error instanceof QueueAddressError || error instanceof StateError) throw new UsageError(error.message);
        throw error;
      }
      const log = (line: string) => process.stderr.write(`${line}\n`);
      let worker;
      try {
        worker = await startQueueWorker({
          address,
          secret: secret.secret,
          concurrency: wholeNumber('--concurrency', options.concurrency, 1, 64),
          lockDurationMs: wholeNumber('--lock-duration', options.lockDuration, 500, 3_600_000),
          stalledIntervalMs: wholeNumber('--stalled-interval', options.stalledInterval, 200, 3_600_000),
          maxStalledCount: wholeNumber('--max-stalled', options.maxStalled, 0, 100),
          name: options.name,
          log,
        });
      } catch (error) {
        if (error instanceof QueueUnreachableError) throw new UsageError(error.message);
        throw error;
      }
      log(`worker ${worker.name}: the secret comes from ${secret.from}`);
      const signal = new Promise<string>((resolve) => {
        process.once('SIGTERM', () => resolve('SIGTERM'));
        process.once('SIGINT', () => resolve('SIGINT'));
      });
      const why = await Promise.race([signal.then((name) => ({ name })), worker.stopped.then((reason) => ({ reason }))]);
      if ('name' in why) log(`worker ${worker.name}: ${why.name}: finishing the jobs in hand, then stopping`);
      else log(`worker ${worker.name}: stopping: ${why.reason}`);
      await worker.close();
      log(`worker ${worker.name}: stopped`);
      setExitCode('reason' in why ? ExitCode.usage : ExitCode.ok);
    });
};
