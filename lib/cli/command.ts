import type { Command } from 'commander';

/** A command module adds its sub-command to the program; each action resolves to an exit code. */
export type CommandRegistrar = (program: Command, setExitCode: (code: number) => void) => void;
