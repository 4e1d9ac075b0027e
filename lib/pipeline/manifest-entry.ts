/** A manifest line from a processed file: its status, actions, warnings and findings (see `manifest.ts`). */
import type { DicomFile } from '../file.js';
import type { SafeHarborCategory } from '../safe-harbor.js';
import { DEIDENTIFY_METADATA } from '../steps/deidentify-metadata.js';
import '../steps/pixels.js';
import '../steps/save.js';
import type { ManifestEntry } from './manifest.js';
import { manifestWarnings } from './warnings.js';

/** Builds a manifest entry from a processed file's messages and data. */
export function manifestEntry(file: DicomFile): ManifestEntry {
  const fatal = file.messages.find((m) => m.severity === 'fatal');
  if (fatal) return { input: file.path, status: 'error', error: fatal.reason };
  const actions: Record<string, number> = {};
  for (const message of file.messages) {
    if (message.step === DEIDENTIFY_METADATA && message.action) actions[message.action] = (actions[message.action] ?? 0) + 1;
  }
  const warnings = manifestWarnings(file.messages);
  const identifiers: Partial<Record<SafeHarborCategory, number>> = {};
  for (const message of file.messages) if (message.category) identifiers[message.category] = (identifiers[message.category] ?? 0) + 1;
  return {
    input: file.path,
    output: file.data.outputPath,
    status: 'ok',
    actions,
    pixelsChecked: file.data.pixelsChecked ?? false,
    pixelBoxes: file.data.pixelBoxes ?? 0,
    ...(warnings.length ? { warnings } : {}),
    ...(Object.keys(identifiers).length ? { identifiers } : {}),
  };
}
