import type { Command } from 'commander';
import { ExitCode, UsageError } from './errors.js';
import type { CommandRegistrar } from './command.js';

/** `deid learn --report <tsv or dir...> [--rules <yaml>] [--apply]`. */
export const registerLearnCommand: CommandRegistrar = (program: Command, setExitCode) => {
  program
    .command('learn')
    .description('propose rules from evaluation findings (new tags, safe regexes, keep-list words); --apply writes them with a backup')
    .requiredOption('--report <paths...>', 'tags/img evaluation TSVs, or report folders (their newest reports)')
    .option('--rules <yaml>', 'rules YAML to extend', 'configs/de-id/de_id_rules_auto.yaml')
    .option('--apply', 'write the proposal into the rules YAML (the previous file is backed up)')
    .action(async (options: { report: string[]; rules: string; apply?: boolean }) => {
      // Loaded here, not at start: `deid --help` stays quick.
      const [{ applyProposal, formatProposal, isEmptyProposal, judgedHarmless, proposeRules, readReportFindings }, { loadRules, RulesError }] = await Promise.all([
        import('../learn/index.js'),
        import('../rules/index.js'),
      ]);
      let rules;
      try {
        rules = loadRules(options.rules);
      } catch (error) {
        if (error instanceof RulesError || (error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError((error as Error).message);
        throw error;
      }
      let read;
      try {
        read = readReportFindings(options.report);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const proposal = proposeRules(read.findings, rules, { harmless: judgedHarmless(read) });
      process.stdout.write(formatProposal(proposal));
      if (options.apply && !isEmptyProposal(proposal)) {
        const result = applyProposal(options.rules, proposal);
        process.stdout.write(`applied to ${options.rules} (backup: ${result.backupPath})\n`);
      }
      setExitCode(ExitCode.ok);
    });
};
