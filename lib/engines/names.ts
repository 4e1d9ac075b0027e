/** Engine names, apart from the engines themselves, so a command line can check them without loading any. */

/** Engine names: `local` (offline, default) or `aws`. */
export const ENGINE_NAMES = ['local', 'aws'] as const;
/** Engine names. */
export type EngineName = (typeof ENGINE_NAMES)[number];

/** True for a known engine name; the one check of engine names (the CLI and the notebook word their own errors). */
export function isEngineName(engine: unknown): engine is EngineName {
  return (ENGINE_NAMES as readonly unknown[]).includes(engine);
}
