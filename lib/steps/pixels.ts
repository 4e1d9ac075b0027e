import type { DicomDataset } from '../dicom/dataset.js';
import { setElement } from '../dicom/elements.js';
import type { IdentityContext, PhiDetector, TextDetector } from '../engines/types.js';
import type { DicomFile, Note, Step } from '../file.js';
import type { Box } from '../image/types.js';
import { addDeidentificationMethodCode, gatherIdentity } from '../metadata/index.js';
import { checkUnreadPixels, findBurnedInPhi, redactBurnedIn, removeHiddenText, removeOverlays, type PixelFinding } from '../pixels/burned-in.js';
import type { CheckedFrames } from '../pixels/codestream-text.js';

/** Name of the pixel steps in messages. */
export const CLEAN_PIXELS = 'clean-pixels';
const PIXEL_DATA = '7FE00010';

export { frameRenderings, showsMoreText, type PixelFinding } from '../pixels/burned-in.js';

declare module '../file.js' {
  interface DicomFileDataMap {
    /** Burned-in PHI found in the pixels (holds the text). */
    pixelFindings?: PixelFinding[];
    /** Whether the pixels were checked for burned-in text (false with --no-pixels). */
    pixelsChecked?: boolean;
    /** Whether the pixel data was rewritten (redacted). */
    pixelsModified?: boolean;
    /** The exact pixels changed per frame (after padding and clipping), for audits and tests. */
    pixelFilled?: Map<number, Box[]>;
    /** Number of pixel boxes redacted. */
    pixelBoxes?: number;
  }
}

/** Options of {@link detectPixelPhi} and {@link cleanPixels}. */
export interface PixelPhiOptions {
  textDetector: TextDetector;
  phiDetector: PhiDetector;
  /** Identity values to look for (default: gathered from `file.original`, else `file.dataset`). */
  identity?: (file: DicomFile) => IdentityContext;
  /** Fill lines OCR could not read beside identity (default true; the rules' `pixel_unread_lines`). */
  unreadLines?: boolean;
}

/** A pixel finding as a message (without its text). */
export function pixelFindingMessage(finding: PixelFinding): Note {
  return {
    ruleId: `pixel:${finding.engine}:${finding.type}`,
    location: finding.box ? `frame ${finding.frame} [${finding.box.left},${finding.box.top},${finding.box.width},${finding.box.height}]` : `frame ${finding.frame}`,
    severity: 'warning',
    category: finding.category,
    action: finding.box ? 'fill' : undefined,
    reason: `burned-in ${finding.type} text (score ${finding.score.toFixed(2)})`,
  };
}

/**
 * Finds burned-in PHI in every frame ({@link findBurnedInPhi}). Sets `file.data.pixelFindings`
 * and adds one warning per finding. Fails the file when the pixels cannot be decoded or read.
 */
export function detectPixelPhi(options: PixelPhiOptions): Step {
  return async function detectPixelPhiStep(file) {
    const dataset = file.requireDataset(CLEAN_PIXELS);
    const identity = options.identity?.(file) ?? gatherIdentity(file.original ?? dataset);
    let findings: PixelFinding[];
    try {
      findings = await findBurnedInPhi(dataset, { textDetector: options.textDetector, phiDetector: options.phiDetector, identity, unreadLines: options.unreadLines });
    } catch (error) {
      return file.failOn(CLEAN_PIXELS, error);
    }
    file.data.pixelFindings = findings;
    for (const finding of findings) file.message({ ...pixelFindingMessage(finding), step: CLEAN_PIXELS });
  };
}

/** Options of {@link redactPixelPhi}. */
export interface RedactPixelOptions {
  /** Pixels added around each box (default: 3). */
  padding?: number;
}

/**
 * Fills the boxes of `file.data.pixelFindings` in every frame, removes overlays and icon images
 * ({@link redactBurnedIn}), and, once the pixels have been checked, sets Burned In Annotation to NO
 * and adds the Clean Pixel Data option (113101) to the de-identification method.
 */
export function redactPixelPhi(options: RedactPixelOptions = {}): Step {
  return async function redactPixelPhiStep(file) {
    const dataset = file.requireDataset(CLEAN_PIXELS);
    const findings = file.data.pixelFindings;
    if (!findings) return file.fail({ ruleId: 'pipeline:order', step: CLEAN_PIXELS, reason: 'redaction needs pixel findings; run detectPixelPhi first' });
    try {
      const result = await redactBurnedIn(dataset, findings, { padding: options.padding ?? 3 }, (note) => file.message({ ...note, step: CLEAN_PIXELS }));
      if (result.modified !== undefined) file.data.pixelsModified = result.modified || file.data.pixelsModified === true;
      if (result.filled) file.data.pixelFilled = result.filled;
      file.data.pixelBoxes = result.boxes;
    } catch (error) {
      return file.fail({ ruleId: 'pixel:redaction-failed', step: CLEAN_PIXELS, reason: `burned-in text could not be redacted: ${(error as Error).message}` }, error);
    }
    if (dataset.dict[PIXEL_DATA]) {
      setElement(dataset.dict, 'BurnedInAnnotation', 'CS', ['NO']);
      addDeidentificationMethodCode(dataset.dict, '113101');
    }
    file.data.pixelsChecked = true;
  };
}

/**
 * Removes text carried beside the image data inside encapsulated frames (JPEG comments and
 * application segments, JPEG 2000 comments, JP2 boxes), without decoding: see {@link removeHiddenText}.
 * Fails the file when such text cannot be removed safely.
 */
export function stripCodestreamText(): Step {
  return function stripCodestreamTextStep(file) {
    const dataset = file.requireDataset(CLEAN_PIXELS);
    try {
      stripHidden(file, dataset);
    } catch (error) {
      return file.failOn(CLEAN_PIXELS, error);
    }
  };
}

function stripHidden(file: DicomFile, dataset: DicomDataset, checked?: CheckedFrames): void {
  if (removeHiddenText(dataset, (note) => file.message({ ...note, step: CLEAN_PIXELS }), checked)) file.data.pixelsModified = true;
}

/** Detects and redacts burned-in PHI: {@link stripCodestreamText}, {@link detectPixelPhi}, then {@link redactPixelPhi}. */
export function cleanPixels(options: PixelPhiOptions & RedactPixelOptions): Step {
  const strip = stripCodestreamText();
  const detect = detectPixelPhi(options);
  const redact = redactPixelPhi(options);
  return async function cleanPixelsStep(file) {
    await strip(file);
    if (file.failed) return;
    await detect(file);
    await redact(file);
  };
}

/**
 * For `--no-pixels`: text hidden in codestreams, overlays and icon images are still removed (no
 * OCR needed), but a file with pixel data is marked as not pixel-checked and Burned In Annotation
 * is left as it was.
 */
export function skipPixels(): Step {
  return async function skipPixelsStep(file) {
    const dataset = file.requireDataset(CLEAN_PIXELS);
    try {
      // Each frame's codestream is walked once: the check skips those the strip walked and left as they were.
      const checked: CheckedFrames = new Set();
      stripHidden(file, dataset, checked);
      checkUnreadPixels(dataset, checked);
    } catch (error) {
      return file.failOn(CLEAN_PIXELS, error);
    }
    await removeOverlays(dataset, (note) => file.message({ ...note, step: CLEAN_PIXELS }));
    const hasPixels = Boolean(dataset.dict[PIXEL_DATA]);
    file.data.pixelsChecked = !hasPixels;
    if (hasPixels) {
      file.message({ ruleId: 'pixel:not-checked', step: CLEAN_PIXELS, severity: 'warning', reason: 'pixels were not checked for burned-in text (--no-pixels)' });
    }
  };
}
