import { setElement } from '../dicom/elements.js';
import { imageTextToSpans } from '../engines/phi-local.js';
import { findTextRegions } from '../engines/text-regions.js';
import type { Box, DisplayImage, IdentityContext, PhiDetector, PhiFinding, TextDetector, TextSpan } from '../engines/types.js';
import type { DicomFile, Step } from '../file.js';
import { addDeidentificationMethodCode, gatherIdentity } from '../metadata/index.js';
import { findFilledBoxes, maskBoxes } from '../pixels/filled-boxes.js';
import { glyphExtent } from '../pixels/glyph-extent.js';
import { cleanOverlays, decodeFrames, frameDigest, redactFrames, renderFrame } from '../pixels/index.js';
import type { PixelModule } from '../pixels/index.js';

const STEP = 'clean-pixels';
const PIXEL_DATA = '7FE00010';

/** A PHI finding in the pixels of one frame (holds the text: keep it with sensitive reports). */
export interface PixelFinding extends PhiFinding {
  frame: number;
}

/** Options of {@link detectPixelPhi} and {@link cleanPixels}. */
export interface PixelPhiOptions {
  textDetector: TextDetector;
  phiDetector: PhiDetector;
  /** Identity values to look for (default: gathered from `file.original`, else `file.dataset`). */
  identity?: (file: DicomFile) => IdentityContext;
  /**
   * Re-reading redacted pixels (the evaluation): mask the filled boxes before reading, so their edges
   * are never read as text (default false). The boxes are those of `file.data.pixelFilled` when this
   * process filled them, and the black rectangles found in each rendering.
   */
  maskFilled?: boolean;
  /**
   * Judges the text read beside the filled boxes of a frame, for what a box left readable of a word
   * (used with `maskFilled`). Its findings join the PHI detector's.
   */
  besideFilled?: (spans: TextSpan[], filled: Box[], identity: IdentityContext) => PhiFinding[];
}

/**
 * Finds burned-in PHI in every frame: renders each frame as a viewer would (and, for data deeper
 * than 8 bits, also stretched min..max so text outside the window is not missed), reads it with
 * the text detector and judges the text with the PHI detector. Identical frames are read once.
 * Sets `file.data.pixelFindings`. Fails the file when the pixels cannot be decoded or read.
 */
export function detectPixelPhi(options: PixelPhiOptions): Step {
  return async function detectPixelPhiStep(file) {
    const dataset = file.requireDataset(STEP);
    if (!dataset.dict[PIXEL_DATA]) {
      file.data.pixelFindings = [];
      return;
    }
    let decoded;
    try {
      decoded = await decodeFrames(dataset);
    } catch (error) {
      return file.fail({ ruleId: 'pixel:undecodable', step: STEP, reason: `pixel data cannot be decoded, so burned-in text cannot be ruled out: ${(error as Error).message}` }, error);
    }
    const identity = options.identity?.(file) ?? gatherIdentity((file.original ?? dataset));
    const byDigest = new Map<string, PhiFinding[]>();
    const findings: PixelFinding[] = [];
    const known = (file.data.pixelFilled as Map<number, Box[]> | undefined) ?? new Map<number, Box[]>();
    for (const [index, frame] of decoded.frames.entries()) {
      // Identical frames (with the same known boxes) are read once.
      const digest = options.maskFilled ? `${frameDigest(frame)}:${JSON.stringify(known.get(index) ?? [])}` : frameDigest(frame);
      let frameFindings = byDigest.get(digest);
      if (!frameFindings) {
        // Every reading of the frame is judged together: a generic part of a value read in one
        // (`Med Ctr`) is backed by its distinctive part read in another.
        const spans: TextSpan[] = [];
        const readings: Array<{ image: DisplayImage; filled: Box[] }> = [];
        const renderings = frameRenderings(decoded.module, frame);
        for (const [r, rendering] of renderings.entries()) {
          const filled = options.maskFilled ? [...(known.get(index) ?? []), ...findFilledBoxes(rendering)] : [];
          const image = filled.length > 0 ? maskBoxes(rendering, filled) : rendering;
          let texts;
          try {
            texts = await options.textDetector.detect(image);
          } catch (error) {
            return file.fail({ ruleId: 'pixel:ocr-failed', step: STEP, location: `frame ${index}`, reason: `text detection failed, so burned-in text cannot be ruled out: ${(error as Error).message}` }, error);
          }
          // Words lying on a filled box are the masking's, not the image's.
          if (filled.length > 0) texts = texts.filter((t) => !filled.some((b) => coveredBy(t.box, b)));
          const readingSpans = imageTextToSpans(texts, r === 0 ? `frame ${index}` : `frame ${index} reading ${r + 1}`);
          for (const span of readingSpans) spans.push(span);
          readings.push(...readingSpans.map(() => ({ image, filled })));
        }
        const found = await options.phiDetector.detect(spans, identity);
        if (options.besideFilled) {
          const filled = [...new Set(readings.flatMap((x) => x.filled))];
          if (filled.length > 0) found.push(...options.besideFilled(spans, filled, identity));
        }
        // Boxes cover every glyph of the PHI words (OCR boxes what it read, which may be short), up to
        // the other words OCR read: on the same line, and on other lines elsewhere (a line read again
        // in another pass or rendering, over the same place, is the same text and does not stop it).
        const byLocation = new Map(spans.map((span, i) => [span.location, { span, image: readings[i].image }]));
        frameFindings = found.map((f) => {
          const at = byLocation.get(f.location);
          if (!f.box || !at) return f;
          const line = at.span.box ?? f.box;
          const others = spans.flatMap((s) => (s === at.span || !s.box || !overlapping(s.box, line) ? (s.words ?? []).map((w) => w.box) : []));
          return { ...f, box: glyphExtent(at.image, f.box, others) };
        });
        byDigest.set(digest, frameFindings);
      }
      findings.push(...frameFindings.map((f) => ({ ...f, frame: index })));
    }
    file.data.pixelFindings = findings;
    for (const finding of findings) {
      file.message({
        ruleId: `pixel:${finding.engine}:${finding.type}`,
        step: STEP,
        location: finding.box ? `frame ${finding.frame} [${finding.box.left},${finding.box.top},${finding.box.width},${finding.box.height}]` : `frame ${finding.frame}`,
        severity: 'warning',
        category: finding.category,
        action: finding.box ? 'fill' : undefined,
        reason: `burned-in ${finding.type} text (score ${finding.score.toFixed(2)})`,
      });
    }
  };
}

/** True when two boxes share any pixel. */
function overlapping(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** True when most (over half) of `a` lies inside `b`. */
function coveredBy(a: Box, b: Box): boolean {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 && w * h > 0.5 * a.width * a.height;
}

/**
 * The images to read for one frame: as displayed, plus min..max for deep grey data when that shows
 * text the displayed rendering hides (see {@link showsMoreText}).
 */
export function frameRenderings(module: PixelModule, frame: Parameters<typeof renderFrame>[1]): DisplayImage[] {
  const shown = renderFrame(module, frame);
  const grey = module.photometric === 'MONOCHROME1' || module.photometric === 'MONOCHROME2';
  if (!grey || module.bitsStored <= 8) return [shown];
  const stretched = renderFrame(module, frame, { minMax: true });
  if (Buffer.from(stretched.data).equals(Buffer.from(shown.data))) return [shown];
  return showsMoreText(shown, stretched) ? [shown, stretched] : [shown];
}

/**
 * True when a text-like region of `stretched` has clearly fewer ink pixels in `shown`: text outside
 * the window (invisible, or with its thin strokes clipped away) that only the min..max rendering shows.
 * Reading the stretched rendering costs a second OCR pass; most windows show overlay text whole.
 */
export function showsMoreText(shown: DisplayImage, stretched: DisplayImage): boolean {
  const { width, height } = stretched;
  for (const region of findTextRegions(stretched.data, width, height)) {
    const b = region.box;
    if (inkPixels(stretched, b) * 0.8 > inkPixels(shown, b)) return true;
  }
  return false;
}

/** Pixels of a box differing from its median by more than 64 levels. */
function inkPixels(image: DisplayImage, b: Box): number {
  const values: number[] = [];
  for (let y = b.top; y < b.top + b.height; y++) for (let x = b.left; x < b.left + b.width; x++) values.push(image.data[y * image.width + x]);
  const sorted = [...values].sort((p, q) => p - q);
  const ground = sorted[Math.floor(sorted.length / 2)];
  return values.filter((v) => Math.abs(v - ground) > 64).length;
}

/** Options of {@link redactPixelPhi}. */
export interface RedactPixelOptions {
  /** Pixels added around each box (default: 3). */
  padding?: number;
}

/**
 * Fills the boxes of `file.data.pixelFindings` in every frame, removes overlays and icon images,
 * and, once the pixels have been checked, sets Burned In Annotation to NO and adds the
 * Clean Pixel Data option (113101) to the de-identification method.
 */
export function redactPixelPhi(options: RedactPixelOptions = {}): Step {
  return async function redactPixelPhiStep(file) {
    const dataset = file.requireDataset(STEP);
    const findings = (file.data.pixelFindings ?? undefined) as PixelFinding[] | undefined;
    if (!findings) return file.fail({ ruleId: 'pipeline:order', step: STEP, reason: 'redaction needs pixel findings; run detectPixelPhi first' });
    try {
      for (const action of await cleanOverlays(dataset)) {
        file.message({ ruleId: `pixel:${action.action}`, step: STEP, location: action.location, action: 'X', reason: action.detail });
      }
      const boxes = new Map<number, Box[]>();
      for (const finding of findings) if (finding.box) boxes.set(finding.frame, [...(boxes.get(finding.frame) ?? []), finding.box]);
      if (boxes.size > 0) {
        const result = await redactFrames(dataset, boxes, { padding: options.padding ?? 3 });
        file.data.pixelsModified = result.changed;
        // The exact pixels changed per frame (after padding and clipping), for audits and tests.
        file.data.pixelFilled = result.filled;
        for (const note of result.notes) file.message({ ruleId: 'pixel:encoding', step: STEP, severity: 'warning', reason: note });
      }
      file.data.pixelBoxes = [...boxes.values()].reduce((n, b) => n + b.length, 0);
    } catch (error) {
      return file.fail({ ruleId: 'pixel:redaction-failed', step: STEP, reason: `burned-in text could not be redacted: ${(error as Error).message}` }, error);
    }
    if (dataset.dict[PIXEL_DATA]) {
      setElement(dataset.dict, 'BurnedInAnnotation', 'CS', ['NO']);
      addDeidentificationMethodCode(dataset.dict, '113101');
    }
    file.data.pixelsChecked = true;
  };
}

/** Detects and redacts burned-in PHI: {@link detectPixelPhi} then {@link redactPixelPhi}. */
export function cleanPixels(options: PixelPhiOptions & RedactPixelOptions): Step {
  const detect = detectPixelPhi(options);
  const redact = redactPixelPhi(options);
  return async function cleanPixelsStep(file) {
    await detect(file);
    await redact(file);
  };
}

/**
 * For `--no-pixels`: overlays and icon images are still removed (no OCR needed), but a file
 * with pixel data is marked as not pixel-checked and Burned In Annotation is left as it was.
 */
export function skipPixels(): Step {
  return async function skipPixelsStep(file) {
    const dataset = file.requireDataset(STEP);
    for (const action of await cleanOverlays(dataset)) {
      file.message({ ruleId: `pixel:${action.action}`, step: STEP, location: action.location, action: 'X', reason: action.detail });
    }
    const hasPixels = Boolean(dataset.dict[PIXEL_DATA]);
    file.data.pixelsChecked = !hasPixels;
    if (hasPixels) {
      file.message({ ruleId: 'pixel:not-checked', step: STEP, severity: 'warning', reason: 'pixels were not checked for burned-in text (--no-pixels)' });
    }
  };
}
