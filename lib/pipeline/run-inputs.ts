/**
 * What every runner (one machine, the queue coordinator) does before its first file: list the
 * inputs, refuse an empty set, and make a local output folder safe to write into.
 */
import { removeLeftoverTemporaries } from '../safe-files.js';
import { expandInputs, type InputEntry, type StorageOpener } from './inputs.js';
import { linksInto, RunConfigurationError } from './run-paths.js';

/** Where a run reads and writes, resolved. */
export interface RunInputPlaces {
  /** The local output folder; none for S3. */
  localOut?: string;
  stateDir: string;
  manifestPath: string;
  openInput: StorageOpener;
}

/**
 * Lists the inputs (never the output or the state folder), fails an empty set, refuses an output
 * folder holding links into the state folder or the manifest, and removes temporaries a killed run left.
 */
export async function listRunInputs(inputs: string[], places: RunInputPlaces): Promise<InputEntry[]> {
  const { localOut, stateDir, manifestPath, openInput } = places;
  const entries = await expandInputs(inputs, { exclude: localOut ? [localOut, stateDir] : [stateDir], openStorage: openInput });
  if (entries.length === 0) throw new RunConfigurationError(`no input file found in the ${inputs.length} input(s) given (hidden files are not taken)`);
  if (localOut) {
    const links = await linksInto(localOut, [stateDir, manifestPath]);
    if (links.length) throw new RunConfigurationError(`the output folder holds ${links.length} link(s) into the state folder or the manifest (e.g. ${links[0]}): remove them, a copy of the output would release the identity maps`);
    await removeLeftoverTemporaries(localOut);
  }
  return entries;
}
