import type { DicomFile } from '../file.js';
import { DEIDENTIFY_METADATA } from '../steps/deidentify-metadata.js';
import '../steps/pixels.js';
import '../steps/save.js';
import { manifestWarnings, type ManifestWarning } from './warnings.js';

/** One line of the run manifest (JSON Lines), one per input. */
export interface ManifestEntry {
  input: string;
  output?: string;
  status: 'ok' | 'error' | 'skipped';
  error?: string;
  /** Counts of metadata actions taken, by action code (`X`, `Z`, `D`, `U`, `C`, …). */
  actions?: Record<string, number>;
  /** Whether burned-in text was looked for in the pixels; false with `--no-pixels`. */
  pixelsChecked?: boolean;
  /** Number of pixel boxes redacted. */
  pixelBoxes?: number;
  /** Non-fatal warnings, one per kind: a stable id, a sentence and a count (see the README). */
  warnings?: ManifestWarning[];
}

/** Builds a manifest entry from a processed file's messages and data. */
export function manifestEntry(file: DicomFile): ManifestEntry {
  const fatal = file.messages.find((m) => m.severity === 'fatal');
  if (fatal) return { input: file.path, status: 'error', error: fatal.reason };
  const actions: Record<string, number> = {};
  for (const message of file.messages) {
    if (message.step === DEIDENTIFY_METADATA && message.action) actions[message.action] = (actions[message.action] ?? 0) + 1;
  }
  const warnings = manifestWarnings(file.messages);
  return {
    input: file.path,
    output: file.data.outputPath,
    status: 'ok',
    actions,
    pixelsChecked: file.data.pixelsChecked ?? false,
    pixelBoxes: file.data.pixelBoxes ?? 0,
    ...(warnings.length ? { warnings } : {}),
  };
}
