/** Exit codes of the `deid` command. */
export const ExitCode = { ok: 0, fileFailed: 1, usage: 2 } as const;

/** A usage problem found after parsing (bad combination of options); exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
