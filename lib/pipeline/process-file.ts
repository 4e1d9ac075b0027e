import { DeidError, type DicomFile, type Step } from '../file.js';

/**
 * Runs the steps over one file in order. A step that throws stops the file: the error becomes a
 * fatal message (so the file is reported, never released) and the batch goes on with other files.
 */
export async function processFile(file: DicomFile, steps: readonly Step[]): Promise<DicomFile> {
  for (const step of steps) {
    try {
      await step(file);
    } catch (error) {
      if (!file.failed) {
        const ruleId = error instanceof DeidError ? error.ruleId : 'pipeline:step-error';
        file.message({ ruleId, step: step.name || 'step', severity: 'fatal', reason: withoutPath(String((error as Error)?.message ?? error), file.path) });
      }
      break;
    }
    if (file.failed) break;
  }
  return file;
}

/** An error's text without the input's path (it often holds a patient name): messages name files by position. */
function withoutPath(text: string, inputPath: string): string {
  return inputPath ? text.split(inputPath).join('<input>').replace(/^<input>: /, '') : text;
}
