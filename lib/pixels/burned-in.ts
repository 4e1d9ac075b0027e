/**
 * Burned-in text: finding PHI in the rendered frames with a text detector and a PHI detector, and
 * filling its boxes. Pure over a dataset; the pixel steps (`lib/steps/pixels.ts`,
 * `lib/steps/evaluate-pixels.ts`) record what these functions report on the file.
 */
import type { DicomDataset } from '../dicom/dataset.js';
import { imageTextToSpans, keepListMatcher } from '../engines/local/phi.js';
import type { DetectedText, IdentityContext, PhiDetector, PhiFinding, TextDetector, TextSpan } from '../engines/types.js';
import { columnsCovered, columnsShared, coveredBy, onOneLine, overlapping } from '../image/boxes.js';
import type { Box, DisplayImage } from '../image/types.js';
import { findTextRegions } from '../image/text-regions.js';
import { CannotVouchError, type ReportNote } from '../message.js';
import { eachFrame } from './decode.js';
import { frameDigest } from './digest.js';
import { findFilledBoxes, maskBoxes } from './filled-boxes.js';
import { glyphExtent, lineGap } from './glyph-extent.js';
import { fillBounds, type FillBounds } from './kept-lines.js';
import type { PixelModule } from './module.js';
import { cleanOverlays } from './overlays.js';
import { removeCodestreamText, UnremovableTextError, type CheckedFrames } from './codestream-text.js';
import { PixelDataError } from './errors.js';
import { redactFrames } from './redact.js';
import { renderFrame } from './render.js';
import { unreadColumnFindings } from './unread-columns.js';
import { frameLines, type LineLook } from './unread-lines.js';
import { checkPixelData } from './validate.js';

const PIXEL_DATA = '7FE00010';

/** A PHI finding in the pixels of one frame (holds the text: keep it with sensitive reports). */
export interface PixelFinding extends PhiFinding {
  frame: number;
  /**
   * Rows and columns the fill of `box` may reach with its padding (optional): it stops short of the
   * harmless lines kept above, below and beside the box ({@link fillBounds}). The box itself is always filled whole.
   */
  fillBounds?: FillBounds;
}

/** Least OCR confidence (0–100) of a harmless word on a PHI line that a fill's padding stops short of. */
const KEPT_WORD_CONFIDENCE = 70;

/** How near a kept line must be (rows or columns) for a fill's padding to stop short of it: more than the padding in use. */
const FILL_REACH = 8;

/** Options of {@link findBurnedInPhi}. */
export interface BurnedInSearch {
  textDetector: TextDetector;
  phiDetector: PhiDetector;
  /** Identity values to look for in the text. */
  identity: IdentityContext;
  /**
   * Re-reading redacted pixels (the evaluation): mask the filled boxes before reading, so their edges
   * are never read as text (default false). The boxes are `filled` (those this process filled) and
   * the black rectangles found in each rendering.
   */
  maskFilled?: boolean;
  /** Boxes already filled per frame, masked with `maskFilled`. */
  filled?: ReadonlyMap<number, Box[]>;
  /**
   * Judges the text read beside the filled boxes of a frame, for what a box left readable of a word
   * (used with `maskFilled`). Its findings join the PHI detector's.
   */
  besideFilled?: (spans: TextSpan[], filled: Box[], identity: IdentityContext) => PhiFinding[];
  /**
   * Fill the lines of an identity block that OCR read badly or not at all, and the badly read words of
   * its PHI lines ({@link unreadLineFindings}) (default true).
   */
  unreadLines?: boolean;
}

/** The keep-list test for a PHI detector without one of its own. */
const DEFAULT_HARMLESS = keepListMatcher().isKept;

/**
 * Finds burned-in PHI in every frame: renders each frame as a viewer would (and, for data deeper
 * than 8 bits, also stretched min..max so text outside the window is not missed), reads it with
 * the text detector and judges the text with the PHI detector. Every reading of a frame is judged
 * together, and each finding's box grows to the whole glyphs of its words ({@link glyphExtent}).
 * Identical frames are read once. A dataset without pixel data has no findings.
 * @throws CannotVouchError (`pixel:undecodable`, `pixel:ocr-failed`) when the pixels cannot be decoded or read.
 */
export async function findBurnedInPhi(dataset: DicomDataset, search: BurnedInSearch): Promise<PixelFinding[]> {
  if (!dataset.dict[PIXEL_DATA]) return [];
  const byDigest = new Map<string, Array<Omit<PixelFinding, 'frame'>>>();
  const findings: PixelFinding[] = [];
  const known = search.filled ?? new Map<number, Box[]>();
  // One frame decoded, rendered and read at a time: a multi-frame image never holds all its frames.
  const frames = eachFrame(dataset);
  for (;;) {
    let next;
    try {
      next = await frames.next();
    } catch (error) {
      throw new CannotVouchError({ ruleId: 'pixel:undecodable', reason: `pixel data cannot be decoded, so burned-in text cannot be ruled out: ${(error as Error).message}` }, { cause: error });
    }
    if (next.done) break;
    const { index, module, frame } = next.value;
    // Identical frames (with the same known boxes) are read once.
    const digest = search.maskFilled ? `${frameDigest(frame)}:${JSON.stringify(known.get(index) ?? [])}` : frameDigest(frame);
    let frameFindings = byDigest.get(digest);
    if (!frameFindings) {
      frameFindings = await frameFindingsOf(frameRenderings(module, frame), index, known.get(index) ?? [], search);
      byDigest.set(digest, frameFindings);
    }
    findings.push(...frameFindings.map((f) => ({ ...f, frame: index })));
  }
  return findings;
}

/**
 * Reads every rendering of one frame (boxes masked when asked) and judges all readings together: a
 * generic part of a value read in one (`Med Ctr`) is backed by its distinctive part read in another.
 */
async function frameFindingsOf(renderings: DisplayImage[], index: number, known: Box[], search: BurnedInSearch): Promise<Array<Omit<PixelFinding, 'frame'>>> {
  const spans: TextSpan[] = [];
  const readings: Array<{ image: DisplayImage; filled: Box[] }> = [];
  for (const [r, rendering] of renderings.entries()) {
    const filled = search.maskFilled ? [...known, ...findFilledBoxes(rendering)] : [];
    const image = filled.length > 0 ? maskBoxes(rendering, filled) : rendering;
    let texts;
    try {
      texts = await search.textDetector.detect(image);
    } catch (error) {
      throw new CannotVouchError({ ruleId: 'pixel:ocr-failed', location: `frame ${index}`, reason: `text detection failed, so burned-in text cannot be ruled out: ${(error as Error).message}` }, { cause: error });
    }
    // Words lying on a filled box are the masking's, not the image's.
    if (filled.length > 0) texts = texts.filter((t) => !filled.some((b) => coveredBy(t.box, b)));
    const readingSpans = acrossTurned(imageTextToSpans(texts, r === 0 ? `frame ${index}` : `frame ${index} reading ${r + 1}`));
    spans.push(...readingSpans);
    readings.push(...readingSpans.map(() => ({ image, filled })));
  }
  let found = await search.phiDetector.detect(spans, search.identity);
  const allFilled = [...new Set(readings.flatMap((x) => x.filled))];
  // A label whose value area runs into a filled box had its value removed there: what is left is the label.
  if (allFilled.length > 0) found = found.filter((f) => f.engine !== 'local:label' || !allFilled.some((b) => f.box !== undefined && overlapping(f.box, b)));
  if (search.besideFilled && allFilled.length > 0) found.push(...search.besideFilled(spans, allFilled, search.identity));
  const isHarmless = search.phiDetector.isHarmless?.bind(search.phiDetector) ?? DEFAULT_HARMLESS;
  // An unlabelled ID shape another reading reads as harmless annotation there is that annotation misread.
  found = found.filter((f) => !readAsHarmless(f, spans, found, isHarmless));
  // Turned text (read up or down a side edge) is judged as lines are, but the rules of lines across the image (blocks,
  // rows, glyph extents) do not apply to its tall boxes: those spans and their findings are left out of them.
  const turned = new Set(spans.filter((s) => s.words?.some((w) => w.turn !== undefined)).map((s) => s.location));
  const across = turned.size > 0 ? spans.filter((s) => !turned.has(s.location)) : spans;
  const acrossFound = turned.size > 0 ? found.filter((f) => !turned.has(f.location)) : found;
  // The lines kept (read well, vouched harmless): fills stop short of them.
  const lines = renderings.length > 0 ? frameLines(readings[0]?.image ?? renderings[0], across, acrossFound, isHarmless, search.phiDetector.isClinical?.bind(search.phiDetector)) : undefined;
  // Lines of an identity block that no reading could vouch for fail closed (see unread-lines.ts), after a second
  // look at each, its ink alone: what that look finds is PHI, and what it reads as harmless annotation is kept.
  if (search.unreadLines !== false && lines) {
    const image = readings[0]?.image ?? renderings[0];
    const looks = await secondLooks(image, lines.doubtful(), index, search.textDetector);
    const lookSpans = looks.flatMap((look) => look.spans);
    const seen = lookSpans.length > 0 ? await search.phiDetector.detect(lookSpans, search.identity) : [];
    spans.push(...lookSpans);
    readings.push(...lookSpans.map(() => ({ image, filled: [] as Box[] })));
    const clean = looks.filter((look) => !seen.some((f) => look.spans.some((span) => span.location === f.location)));
    found.push(...seen, ...lines.unread(`frame ${index}`, clean));
  }
  // Columns of turned glyphs beside identity that no reading could read fail closed too (see unread-columns.ts).
  if (search.unreadLines !== false && renderings.length > 0) found.push(...unreadColumnFindings(readings[0]?.image ?? renderings[0], spans, found, `frame ${index}`));
  // Boxes cover every glyph of the PHI words (OCR boxes what it read, which may be short), up to
  // the other words OCR read: on the same line, and on other lines elsewhere (a line read again
  // in another pass or rendering, over the same place, is the same text and does not stop it);
  // a box OCR made taller than its line stops short of the kept lines beside it.
  const byLocation = new Map(spans.map((span, i) => [span.location, { span, image: readings[i].image }]));
  // Every fill's padding (this rule's too) stops short of the kept lines around it, and of the harmless words read well
  // on a PHI line outside every finding (`62Y` after a birth date, `Tilt` a column after a name): words with letters, two
  // characters or more (a lone digit or letter, `8:`, may be the end of a name read short).
  const keptWords = spans.flatMap((s) => (s.words ?? []).filter((w) => w.confidence >= KEPT_WORD_CONFIDENCE && /\p{L}/u.test(w.text) && w.text.replace(/[^\p{L}\p{N}]/gu, '').length >= 2 && isHarmless(w.text) && !found.some((f) => f.box !== undefined && overlapping(f.box, w.box))).map((w) => w.box));
  const keptAround = [...(lines?.kept ?? []), ...keptWords];
  // …and never cuts into the ink of the line above or below (lines packed 1.1 font sizes apart), read or not.
  const bounded = (f: PhiFinding, box: Box, image: DisplayImage | undefined): Omit<PixelFinding, 'frame'> => {
    const kept = keptAround.length > 0 ? fillBounds(box, keptAround, FILL_REACH) : undefined;
    const gap = image ? lineGap(image, box, FILL_REACH) : undefined;
    const bounds = gap ? { ...kept, top: Math.max(kept?.top ?? -Infinity, gap.top ?? -Infinity), bottom: Math.min(kept?.bottom ?? Infinity, gap.bottom ?? Infinity) } : kept;
    if (bounds && !Number.isFinite(bounds.top)) delete bounds.top;
    if (bounds && !Number.isFinite(bounds.bottom)) delete bounds.bottom;
    return bounds ? { ...f, box, fillBounds: bounds } : { ...f, box };
  };
  const firstImage = readings[0]?.image ?? renderings[0];
  return found.map((f) => {
    if (!f.box) return f;
    const at = byLocation.get(f.location);
    if (!at) return bounded(f, f.box, firstImage);
    // A turned word's box is where OCR read it, turned back (glyph extents are measured along rows).
    if (turned.has(f.location)) return bounded(f, f.box, at.image);
    const line = at.span.box ?? f.box;
    const others = spans.flatMap((s) => (s === at.span || !s.box || !overlapping(s.box, line) ? (s.words ?? []).map((w) => w.box) : []));
    return bounded(f, glyphExtent(at.image, f.box, others, lines?.kept), at.image);
  });
}

/** Least confidence of a word read across the frame that shows a column's ink is a line after all. */
const ACROSS_CONFIDENCE = 60;

/**
 * `spans` without the turned readings that lines read across the frame cross: a word read well, wider than the turned
 * reading's box by half, over it. Down the left edge of a block of lines (first letters, a column of digits) the glyphs
 * may stack as a column, and read turned they can make a short word (`RT`); the lines across them are the text.
 */
function acrossTurned(spans: TextSpan[]): TextSpan[] {
  const across = spans.flatMap((s) => (s.words ?? []).filter((w) => w.turn === undefined && w.confidence >= ACROSS_CONFIDENCE && /[\p{L}\p{N}]{2}/u.test(w.text)));
  if (across.length === 0) return spans;
  return spans.filter((s) => {
    const box = s.box;
    return !box || !s.words?.some((w) => w.turn !== undefined) || !across.some((w) => w.box.width > 1.5 * box.width && overlapping(w.box, box));
  });
}

/**
 * Second looks at the doubtful lines of a frame (what `FrameLines.doubtful` gives), each read by the detector's
 * `readLine` (none when it has no such reading), and the spans of what each read.
 * @throws CannotVouchError (`pixel:ocr-failed`) when a look cannot be read.
 */
async function secondLooks(image: DisplayImage, doubtful: Array<{ fill: Box; apart: Box[] }>, index: number, detector: TextDetector): Promise<Array<LineLook & { spans: TextSpan[] }>> {
  if (!detector.readLine) return [];
  const looks: Array<LineLook & { spans: TextSpan[] }> = [];
  for (const [k, { fill: box, apart }] of doubtful.entries()) {
    // Half a line above and below (the fill's band may cut through the glyphs of the line it stands for), the lines
    // answered for apart left out.
    const rise = Math.ceil(box.height / 2);
    const left = Math.max(0, box.left - 2);
    const top = Math.max(0, box.top - rise);
    const around = { left, top, width: Math.min(image.width, box.left + box.width + 2) - left, height: Math.min(image.height, box.top + box.height + rise) - top };
    let words: DetectedText[];
    try {
      words = await detector.readLine(image, around, apart);
    } catch (error) {
      throw new CannotVouchError({ ruleId: 'pixel:ocr-failed', location: `frame ${index}`, reason: `text detection failed, so burned-in text cannot be ruled out: ${(error as Error).message}` }, { cause: error });
    }
    looks.push({ box, words, spans: imageTextToSpans(words, `frame ${index} second look ${k + 1}`) });
  }
  return looks;
}

/** Least OCR confidence (0–100) of the words of another reading that vouch for a place read as an ID shape. */
const VOUCHING_CONFIDENCE = 50;
/** Share of an ID shape's width those words must cover. */
const VOUCHING_SHARE = 0.7;

/**
 * True when `f` is an unlabelled ID shape (the weakest evidence: `6097216` for `W/L 609/216`) and
 * another reading reads the same place as harmless annotation: its words on the same row across
 * `VOUCHING_SHARE` of the finding's width (each mostly over it) are all keep-list words, one of them a number (`609/216`),
 * each read with `VOUCHING_CONFIDENCE`, and no other finding lies on them. Header values, labelled
 * values and the other shapes are never dropped this way.
 */
function readAsHarmless(f: PhiFinding, spans: TextSpan[], found: PhiFinding[], isHarmless: (text: string) => boolean): boolean {
  if (f.engine !== 'local:pattern' || f.type !== 'ID' || !f.box) return false;
  const box = f.box;
  for (const span of spans) {
    if (span.location === f.location || !span.box) continue;
    const words = (span.words ?? []).filter((w) => {
      return onOneLine(box, w.box) && columnsShared(box, w.box) >= 0.5 * w.box.width && /[\p{L}\p{N}]/u.test(w.text);
    });
    if (words.length === 0 || !words.some((w) => /\d/.test(w.text))) continue;
    if (!words.every((w) => isHarmless(w.text) && w.confidence >= VOUCHING_CONFIDENCE)) continue;
    if (found.some((o) => o !== f && o.location === span.location && words.some((w) => o.box !== undefined && overlapping(w.box, o.box)))) continue;
    if (columnsCovered(box, words.map((w) => w.box)) >= VOUCHING_SHARE * box.width) return true;
  }
  return false;
}

/**
 * For `--no-pixels`: pixels passed through unread must still be what the header says, nothing
 * extra and nothing missing ({@link checkPixelData}; nothing is decoded). Frames in `checked` (from
 * {@link removeHiddenText} on this dataset just before) are not walked again.
 * @throws CannotVouchError (`pixel:inconsistent`) naming what does not match.
 */
export function checkUnreadPixels(dataset: DicomDataset, checked?: CheckedFrames): void {
  if (!dataset.dict[PIXEL_DATA]) return;
  try {
    checkPixelData(dataset, undefined, checked);
  } catch (error) {
    throw new CannotVouchError({ ruleId: 'pixel:inconsistent', reason: `pixel data does not match its header: ${(error as Error).message}` }, { cause: error });
  }
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
  if (bytesOf(stretched).equals(bytesOf(shown))) return [shown];
  return showsMoreText(shown, stretched) ? [shown, stretched] : [shown];
}

/** The pixels of an image as a Buffer view (no copy). */
function bytesOf(image: DisplayImage): Buffer {
  return Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
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

/** Pixels of a box differing from its median by more than 64 levels (the median from a histogram). */
function inkPixels(image: DisplayImage, b: Box): number {
  const hist = new Uint32Array(256);
  for (let y = b.top; y < b.top + b.height; y++) for (let x = b.left, i = y * image.width + x; x < b.left + b.width; x++, i++) hist[image.data[i]]++;
  // The value at sorted position ⌊n/2⌋, as a sort of the box's values would give.
  const middle = Math.floor((b.width * b.height) / 2);
  let ground = 0;
  for (let seen = hist[0]; seen <= middle; ) seen += hist[++ground];
  let ink = 0;
  for (let v = 0; v < 256; v++) if (Math.abs(v - ground) > 64) ink += hist[v];
  return ink;
}

/**
 * Removes the text that encapsulated frames can carry beside the image data (JPEG COM/APPn, JPEG
 * 2000 comments, JP2 boxes: see `codestream-text.ts`), without decoding, one message per removal.
 * Returns whether any frame changed. Needs no OCR, so it runs with `--no-pixels` too. `checked`
 * (optional) receives the frames found whole and left as they were (see `CheckedFrames`).
 * @throws CannotVouchError (`pixel:codestream-text`) when such text cannot be removed safely,
 *   (`pixel:inconsistent`) when a frame is not the codestream its header declares.
 */
export function removeHiddenText(dataset: DicomDataset, report: ReportNote, checked?: CheckedFrames): boolean {
  let removals;
  try {
    removals = removeCodestreamText(dataset, checked);
  } catch (error) {
    if (error instanceof UnremovableTextError) throw new CannotVouchError({ ruleId: 'pixel:codestream-text', reason: error.message }, { cause: error });
    if (error instanceof PixelDataError) throw new CannotVouchError({ ruleId: 'pixel:inconsistent', reason: `pixel data does not match its header: ${error.message}` }, { cause: error });
    throw error;
  }
  for (const removal of removals) {
    report({ ruleId: 'pixel:codestream-text', location: `frame ${removal.frame}`, severity: 'warning', action: 'X', reason: `removed a ${removal.what} (${removal.bytes} bytes) that can hold text; image data unchanged` });
  }
  return removals.length > 0;
}

/** Removes overlays and icon images (no OCR needed), reporting each removal. */
export async function removeOverlays(dataset: DicomDataset, report: ReportNote): Promise<void> {
  for (const action of await cleanOverlays(dataset)) {
    report({ ruleId: `pixel:${action.action}`, location: action.location, action: 'X', reason: action.detail });
  }
}

/** What {@link redactBurnedIn} did. */
export interface BurnedInRedaction {
  /** Whether Pixel Data was rewritten (unset when there was no box to fill). */
  modified?: boolean;
  /** The exact pixels changed per frame (after padding and clipping), for audits and tests. */
  filled?: Map<number, Box[]>;
  /** Number of boxes filled. */
  boxes: number;
}

/**
 * Removes text hidden in the codestreams ({@link removeHiddenText}), overlays and icon images, then fills the boxes of the findings in every frame, in the
 * original encoding (`padding` pixels around each box). Reports removals and encoding notes.
 */
export async function redactBurnedIn(dataset: DicomDataset, findings: readonly PixelFinding[], options: { padding: number }, report: ReportNote): Promise<BurnedInRedaction> {
  const stripped = removeHiddenText(dataset, report);
  await removeOverlays(dataset, report);
  // Each box padded here (up to the kept lines beside it), so the fill pads no more.
  const boxes = new Map<number, Box[]>();
  for (const finding of findings) if (finding.box) boxes.set(finding.frame, [...(boxes.get(finding.frame) ?? []), padWithin(finding.box, options.padding, finding.fillBounds)]);
  const out: BurnedInRedaction = { boxes: [...boxes.values()].reduce((n, b) => n + b.length, 0) };
  if (stripped) out.modified = true;
  if (boxes.size > 0) {
    const result = await redactFrames(dataset, boxes, { padding: 0 });
    out.modified = result.changed || stripped;
    out.filled = result.filled;
    for (const note of result.notes) report({ ruleId: 'pixel:encoding', severity: 'warning', reason: note });
  }
  return out;
}

/** `box` padded by `padding` on every side, no further than `bounds` (never inside the box). */
function padWithin(box: Box, padding: number, bounds?: FillBounds): Box {
  const top = Math.max(box.top - padding, Math.min(box.top, bounds?.top ?? -Infinity));
  const bottom = Math.min(box.top + box.height + padding, Math.max(box.top + box.height, bounds?.bottom ?? Infinity));
  const left = Math.max(box.left - padding, Math.min(box.left, bounds?.left ?? -Infinity));
  const right = Math.min(box.left + box.width + padding, Math.max(box.left + box.width, bounds?.right ?? Infinity));
  return { left, top, width: right - left, height: bottom - top };
}
