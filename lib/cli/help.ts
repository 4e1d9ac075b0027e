import { Help, type Argument, type Command, type Option } from 'commander';

const REQUIRED = '(required)';

/**
 * Marks in `--help` what a command cannot run without, for the command and every sub-command:
 * mandatory options and required arguments say "(required)", and mandatory options join the
 * usage line (`deid run <inputs...> --out <dir> [options]`), where commander would hide them in
 * `[options]`. Call it once every sub-command is registered.
 */
export function markRequired(command: Command): void {
  command.configureHelp({
    optionDescription(option: Option): string {
      const text = Help.prototype.optionDescription.call(this, option);
      return option.mandatory ? `${REQUIRED} ${text}` : text;
    },
    argumentDescription(argument: Argument): string {
      const text = Help.prototype.argumentDescription.call(this, argument);
      return argument.required ? `${REQUIRED} ${text}` : text;
    },
  });
  const mandatory = command.options.filter((o) => o.mandatory).map((o) => o.flags.replace(/^-\w, /, ''));
  if (mandatory.length > 0) {
    const args = command.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
    command.usage([...args, ...mandatory, '[options]'].join(' '));
  }
  for (const sub of command.commands) markRequired(sub);
}
