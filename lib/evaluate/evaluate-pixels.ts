import type { PhiDetector, TextDetector } from '../engines/types.js';
import type { Step } from '../file.js';
import { detectPixelPhi } from '../steps/pixels.js';
import { knownValuesFor, type KnownValuesSource } from './evaluate-metadata.js';

const STEP = 'evaluate-pixels';

/** Options of {@link evaluatePixels}. */
export interface EvaluatePixelsOptions {
  textDetector: TextDetector;
  phiDetector: PhiDetector;
  /** Identity of the ORIGINAL file, looked for in the pixels (default: as for evaluateMetadata). */
  knownValues?: KnownValuesSource;
}

/**
 * Makes the step that renders the de-identified pixels of every frame, reads them again and
 * judges the text for PHI with the identity of the original file. Sets
 * `file.data.evaluationPixelFindings` (with boxes and text) and leaves `file.data.pixelFindings`
 * as it was. A file whose pixels cannot be decoded or read fails (fail closed).
 */
export function evaluatePixels(options: EvaluatePixelsOptions): Step {
  if (!options?.textDetector || !options.phiDetector) throw new TypeError('[evaluatePixels] options.textDetector and options.phiDetector are required');
  return async function evaluatePixelsStep(file) {
    const before = file.data.pixelFindings;
    const firstMessage = file.messages.length;
    // The lines read are kept: those without PHI are the run's harmless text, which learning must never match.
    const lines: string[] = [];
    const textDetector: TextDetector = {
      ...options.textDetector,
      name: options.textDetector.name,
      detect: async (image) => {
        const texts = await options.textDetector.detect(image);
        for (const t of texts) if (t.kind === 'line' && t.text.trim()) lines.push(t.text.trim());
        return texts;
      },
    };
    const detect = detectPixelPhi({
      textDetector,
      phiDetector: options.phiDetector,
      identity: (f) => knownValuesFor(f, options.knownValues) ?? { values: [] },
    });
    try {
      await detect(file);
    } finally {
      for (const m of file.messages.slice(firstMessage)) m.step = STEP;
    }
    file.data.evaluationPixelFindings = file.data.pixelFindings ?? [];
    const found = ((file.data.evaluationPixelFindings ?? []) as Array<{ text: string }>).map((f) => f.text.trim()).filter(Boolean);
    file.data.evaluationHarmlessLines = lines.filter((l) => !found.some((f) => l.includes(f)));
    file.data.pixelFindings = before;
  };
}
