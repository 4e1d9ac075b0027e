/**
 * Local text detection with tesseract.js, fully offline: the worker script, the wasm core and the
 * English traineddata all come from node_modules (`tesseract.js`, `tesseract.js-core`,
 * `@tesseract.js-data/eng`); nothing is fetched and nothing is cached to disk unless asked.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type Tesseract from 'tesseract.js';
import { engineError } from '../errors.js';
import { clampConfidence, pushLine } from '../text-lines.js';
import { brightestChannel } from '../../image/grey.js';
import { inkOnly, lineInk } from '../../image/line-ink.js';
import { stretchGrey } from '../../image/stretch.js';
import { betterTurn, buildMosaics, columnCrops, DOUBT_SCALE, joinPasses, MAX_CROP_SCALE, placePass, readsDoubtful, readsShort, regionCrops, shiftPass, splitMosaicPage, upscaleGrey, type Crop, type Pass } from './text-mosaic.js';
import type { Box, DetectedText, DisplayImage, TextDetector } from '../types.js';
import type { GreyPage, PageRecognizer, RecognizedPage, RecognizerSettings } from './page.js';

export type { GreyPage, PageRecognizer, RecognizedPage, RecognizerSettings } from './page.js';

const ENGINE = 'tesseract';
/** Border added around the image before OCR, in upscaled pixels. */
const PAD = 10;

/** Which image polarity to hand to tesseract, which reads dark text on a light background best. */
export type Polarity = 'auto' | 'both' | 'light-on-dark' | 'dark-on-light';

/** Options of {@link createLocalTextDetector}. */
export interface LocalTextDetectorOptions {
  /**
   * Upscaling factor before OCR, or `'auto'` (default: `'auto'`: with `strategy: 'regions'` each crop
   * is scaled so its glyphs reach ~36 px, 1x to 4x; with `'page'` 3x for images up to 1024 px on the
   * long side, 2x up to 2048 px, 1x above, so overlay text of 10–14 px reaches ~30 px).
   */
  scale?: number | 'auto';
  /**
   * Polarity of `strategy: 'page'` (regions pick their own) (default: `'both'`): `'both'` reads the image as it is and inverted and merges the lines
   * (recall first: overlays mix white-on-black and black-on-white text); `'auto'` inverts only when
   * the background is dark; the other two force one reading.
   */
  polarity?: Polarity;
  /** Folder holding `eng.traineddata.gz` (default: the `4.0.0_best_int` folder of `@tesseract.js-data/eng`). */
  langPath?: string;
  /** Folder to cache the unpacked traineddata in (default: none, the gzipped data is read from `langPath` each start). */
  cachePath?: string;
  /** tesseract page segmentation mode (default: `'11'`, sparse text: overlay text is scattered, not a page). */
  pageSegMode?: string;
  /** Words below this confidence (0–100) are dropped (default: 0, keep all: PHI judgement comes later). */
  minConfidence?: number;
  /** How many distinct images' results to remember, keyed by a digest of their bytes (default: 256). */
  cacheSize?: number;
  /**
   * How to read an image (default `'regions'`): `'regions'` finds text-like lines (glyph-sized
   * components standing out from their surroundings), crops each with a margin and reads each crop
   * at its own scale and polarity, label patches cleaned of their surroundings; a crop already read
   * (the same pixels on another frame) is answered from memory. Faster than reading the whole frame
   * and better on small corner text and dark text on light patches. Every reading of a place is kept
   * unless a stronger one holds its text (recall first). `'page'` reads the whole upscaled frame
   * (in the polarities of `polarity`).
   */
  strategy?: 'regions' | 'page';
  /**
   * With `strategy: 'regions'`, also read the whole frame once as a safety net (default `'always'`):
   * at 2x up to 1024 px on the long side (1x above), in the one polarity its background suggests; its
   * lines are merged with the regions' readings. Text whose glyphs do not stand out as components
   * (low contrast, running into speckle or anatomy) is then still read. `'fallback'` reads the whole
   * frame only when no text region was found; `'never'` trusts the regions alone.
   */
  fullFrame?: 'always' | 'fallback' | 'never';
  /** Receives tesseract progress messages (optional). */
  logger?: (message: Tesseract.LoggerMessage) => void;
  /**
   * The OCR program that reads the prepared pages (default: tesseract.js, WebAssembly, one worker).
   * `tesseract-native.ts` makes one for Debian's tesseract; everything else (regions, scales,
   * polarities, merging) is the same whichever reads.
   */
  recognizer?: (settings: RecognizerSettings) => PageRecognizer;
  /** The detector's name (default: `local:tesseract`). */
  name?: string;
  /**
   * Start the OCR program when the detector is made, not at the first image (default false): a run
   * that will read images overlaps the program's start (loading the model) with its own.
   */
  warm?: boolean;
}


const require = createRequire(import.meta.url);

/** The folder of `@tesseract.js-data/eng` holding the given model's gzipped traineddata. */
export function defaultLangPath(model: '4.0.0_best_int' | '4.0.0' = '4.0.0_best_int'): string {
  const pkg = require.resolve('@tesseract.js-data/eng/package.json');
  return join(dirname(pkg), model);
}

/**
 * Creates the local OCR engine. One tesseract worker is started on first use and reused for every
 * image until `close()`. An image identical to one already read is answered from memory.
 * Throws `[deid] [tesseract] …` errors when OCR fails; callers must then fail the file closed.
 *
 * @example
 * const ocr = createLocalTextDetector();
 * const words = (await ocr.detect(image)).filter((t) => t.kind === 'word');
 * await ocr.close();
 */
export function createLocalTextDetector(options: LocalTextDetectorOptions = {}): TextDetector & { close(): Promise<void> } {
  const scaleOption = options.scale ?? 'auto';
  if (scaleOption !== 'auto' && !(typeof scaleOption === 'number' && scaleOption >= 1 && scaleOption <= 6)) {
    throw engineError(ENGINE, `option scale must be 'auto' or a number from 1 to 6, got ${String(scaleOption)}`);
  }
  const polarity = options.polarity ?? 'both';
  if (!['auto', 'both', 'light-on-dark', 'dark-on-light'].includes(polarity)) {
    throw engineError(ENGINE, `option polarity must be auto, both, light-on-dark or dark-on-light, got ${String(polarity)}`);
  }
  const langPath = options.langPath ?? defaultLangPath();
  if (!existsSync(join(langPath, 'eng.traineddata.gz')) && !existsSync(join(langPath, 'eng.traineddata'))) {
    throw engineError(ENGINE, `no eng.traineddata(.gz) in ${langPath}; install @tesseract.js-data/eng or set langPath`);
  }
  const minConfidence = options.minConfidence ?? 0;
  const cacheSize = options.cacheSize ?? 256;
  const pageSegMode = options.pageSegMode ?? '11';
  const strategy = options.strategy ?? 'regions';
  if (strategy !== 'regions' && strategy !== 'page') throw engineError(ENGINE, `option strategy must be 'regions' or 'page', got ${String(strategy)}`);
  const fullFrame = options.fullFrame ?? 'always';
  if (!['always', 'fallback', 'never'].includes(fullFrame)) throw engineError(ENGINE, `option fullFrame must be 'always', 'fallback' or 'never', got ${String(fullFrame)}`);
  const cropCache = new Map<string, Pass>();

  const makeRecognizer = options.recognizer ?? tesseractJsRecognizer;
  const recognizer = makeRecognizer({ langPath, pageSegMode, logger: options.logger, cachePath: options.cachePath });
  // A failed start is reported by the first read, which starts again.
  if (options.warm) recognizer.start?.().catch(() => {});
  let queue: Promise<unknown> = Promise.resolve();
  const cache = new Map<string, DetectedText[]>();
  let closed = false;

  /** Runs jobs one at a time on the one recognizer. */
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => {});
    return run;
  }

  /** Reads the text-like regions of the image crop by crop; crops already read (on another frame) come from memory. */
  async function readRegions(image: DisplayImage): Promise<DetectedText[]> {
    const grey = brightestChannel(image);
    const crops = regionCrops(grey, image.width, image.height, scaleOption);
    // Coloured overlays on grey anatomy: in the chroma image the anatomy (and its speckle) is gone and
    // only the coloured text is left, so a line running into speckle is found and read whole.
    const colour = chroma(image);
    if (colour) crops.push(...regionCrops(colour, image.width, image.height, scaleOption));
    // Columns of turned text, each cropped turned both ways: read with the rest, the way that reads is kept.
    const turned = columnCrops(grey, image.width, image.height, scaleOption);
    const passes: Pass[] = [];
    const todo: Crop[] = [];
    const turnedPasses = new Map<Crop, Pass>();
    for (const crop of [...crops, ...turned]) {
      const known = cropCache.get(crop.key);
      if (known && crop.turn) turnedPasses.set(crop, known);
      else if (known) passes.push(shiftPass(known, crop.box.left, crop.box.top));
      else todo.push(crop);
    }
    // Every mosaic and the safety-net reading of the whole frame go to the recognizer in one call.
    const mosaics = todo.length > 0 ? await buildMosaics(todo) : [];
    const whole = fullFrame === 'always' || (fullFrame === 'fallback' && crops.length === 0) ? await wholeFramePage(image, grey) : undefined;
    const pages = [...mosaics.map((m) => m.page), ...(whole ? [whole.page] : [])];
    if (pages.length > 0) {
      const read = await recognizer.recognize(pages, `${mosaics.length} text region(s)${whole ? ' and the whole frame' : ''} of a ${image.width}x${image.height} image`);
      const readCrops = mosaics.flatMap((mosaic, m) => {
        const perCrop = splitMosaicPage(read[m], mosaic, minConfidence);
        return mosaic.crops.map((crop, i) => ({ crop, pass: perCrop[i] }));
      });
      /** Reads `again` (each a crop read above, or a variant of it) once more; each reading joins that crop's pass. */
      const readAgain = async (again: Array<{ read: (typeof readCrops)[number]; crop: Crop }>, page: (p: GreyPage) => GreyPage, what: string) => {
        if (again.length === 0) return;
        const batches = await buildMosaics(again.map((a) => a.crop));
        const answers = await recognizer.recognize(batches.map((b) => page(b.page)), `${batches.length} text region(s) ${what} of a ${image.width}x${image.height} image`);
        const readOf = new Map(again.map((a) => [a.crop, a.read]));
        batches.forEach((mosaic, k) => {
          const perCrop = splitMosaicPage(answers[k], mosaic, minConfidence);
          mosaic.crops.forEach((crop, i) => {
            const read = readOf.get(crop);
            if (read) read.pass = joinPasses(read.pass, perCrop[i]);
          });
        });
      };
      // Crops whose sparse-text reading left their line mostly unread are read again as one line
      // (page segmentation mode 7), by the same program.
      const short = readCrops.filter((r) => readsShort(r.crop, r.pass)).map((read) => ({ read, crop: read.crop }));
      await readAgain(short, (p) => ({ ...p, pageSegMode: '7' }), 'read short, as single lines,');
      // Small glyphs read with doubt at 4x are read again at 3x; both readings go on (recall first). Only at
      // the automatic scale: a fixed `scale` is what the caller asked every crop to be read at.
      const doubtful = scaleOption === 'auto' ? readCrops.filter((r) => readsDoubtful(r.crop, r.pass)).map((read) => ({ read, crop: { ...read.crop, scale: DOUBT_SCALE } })) : [];
      await readAgain(doubtful, (p) => p, `of small glyphs read with doubt, at ${DOUBT_SCALE}x,`);
      for (const { crop, pass } of readCrops) {
        cropCache.set(crop.key, pass);
        if (cropCache.size > cacheSize * 64) cropCache.delete(cropCache.keys().next().value!);
        if (crop.turn) turnedPasses.set(crop, pass);
        else passes.push(shiftPass(pass, crop.box.left, crop.box.top));
      }
      if (whole) passes.push(pageToPass(read[mosaics.length], whole.scale, image, minConfidence));
    }
    // Each column's two turns come in pairs: the one that reads is placed on the image; a column that reads badly both
    // ways adds nothing here (the pixel step judges its ink as unread).
    for (let k = 0; k + 1 < turned.length; k += 2) {
      const [up, down] = [turned[k], turned[k + 1]];
      const a = turnedPasses.get(up);
      const b = turnedPasses.get(down);
      if (!a || !b) continue;
      const best = betterTurn(a, b);
      if (best) passes.push(placePass(best === a ? up : down, best));
    }
    return mergePasses(passes, true);
  }

  /**
   * The safety-net reading of the whole frame: one polarity, 2x for frames up to 1024 px, else 1x. About a
   * third of the OCR time, spent on anatomy and speckle rather than text: painting over the lines the regions
   * read surely (every word at 90 or more, the whole line) saved only 15% of it, and lost 11 of 368 boxes on
   * the bench corpus.
   */
  async function wholeFramePage(image: DisplayImage, grey: Uint8Array): Promise<{ page: GreyPage; scale: number }> {
    const scale = scaleOption === 'auto' ? (Math.max(image.width, image.height) <= 1024 ? 2 : 1) : scaleOption;
    return { page: await preprocess(grey, image.width, image.height, scale, median(grey) < 128), scale };
  }

  async function readOnce(image: DisplayImage): Promise<DetectedText[]> {
    assertDisplayImage(image);
    if (strategy === 'regions') return readRegions(image);
    const scale = scaleOption === 'auto' ? autoScale(image) : scaleOption;
    const grey = brightestChannel(image);
    const darkBackground = median(grey) < 128;
    const readings: boolean[] =
      polarity === 'both' ? [darkBackground, !darkBackground]
        : polarity === 'auto' ? [darkBackground]
          : [polarity === 'light-on-dark'];
    const inputs: GreyPage[] = [];
    for (const invert of readings) inputs.push(await preprocess(grey, image.width, image.height, scale, invert));
    const pages = await recognizer.recognize(inputs, `a ${image.width}x${image.height} image`);
    return mergePasses(pages.map((page) => pageToPass(page, scale, image, minConfidence)));
  }

  /** The second look at one line: its ink alone ({@link inkOnly}), black on white, its glyphs ~36 px high (2x to 4x), read as one line. */
  async function readLineOnce(image: DisplayImage, box: Box, ignore: readonly Box[]): Promise<DetectedText[]> {
    assertDisplayImage(image);
    const grey = brightestChannel(image);
    const ink = lineInk(grey, image.width, box, ignore);
    if (!ink || box.width < 2 || box.height < 2) return [];
    const alone = inkOnly(grey, image.width, box, ink, ignore);
    const scale = Math.min(MAX_CROP_SCALE, Math.max(2, Math.round(36 / inkHeight(alone, box.width))));
    const scaled = await upscaleGrey(alone, box.width, box.height, scale);
    const padded = padWithLocalBackground(scaled.data, scaled.width, scaled.height, PAD);
    const page: GreyPage = { width: scaled.width + 2 * PAD, height: scaled.height + 2 * PAD, data: padded, pageSegMode: '7', oriented: true };
    const [read] = await recognizer.recognize([page], `one line of a ${image.width}x${image.height} image, its ink alone`);
    const pass = pageToPass(read, scale, box, minConfidence);
    return mergePasses([shiftPass(pass, box.left, box.top)], true);
  }

  return {
    name: options.name ?? 'local:tesseract',
    async readLine(image: DisplayImage, box: Box, ignore: readonly Box[] = []): Promise<DetectedText[]> {
      if (closed) throw engineError(ENGINE, 'readLine() called after close()');
      return serial(() => readLineOnce(image, box, ignore));
    },
    async detect(image: DisplayImage): Promise<DetectedText[]> {
      if (closed) throw engineError(ENGINE, 'detect() called after close()');
      const key = digest(image);
      const known = cache.get(key);
      if (known) return known.map(copyText);
      const result = await serial(() => readOnce(image));
      cache.set(key, result.map(copyText));
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
      return result;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      cache.clear();
      cropCache.clear();
      await queue;
      await recognizer.close();
    },
  };
}

/** Rows from the first to the last holding ink (black) on a page of ink alone: the height of its glyphs (at least 1). */
function inkHeight(page: Uint8Array, width: number): number {
  let first = -1;
  let last = -1;
  for (let y = 0; y * width < page.length; y++) {
    if (!page.subarray(y * width, (y + 1) * width).includes(0)) continue;
    if (first < 0) first = y;
    last = y;
  }
  return Math.max(1, last - first + 1);
}

/** tesseract.js: one worker (WebAssembly), started on first use, reading one page at a time. */
function tesseractJsRecognizer(settings: RecognizerSettings): PageRecognizer {
  const { langPath, pageSegMode } = settings;
  let worker: Promise<Tesseract.Worker> | undefined;
  /** The page segmentation mode the worker is set to (a page may ask for another). */
  let mode = pageSegMode;
  const getWorker = (): Promise<Tesseract.Worker> => {
    worker ??= (async () => {
      mode = pageSegMode;
      const { createWorker, OEM } = (await import('tesseract.js')).default;
      const w = await createWorker('eng', OEM.LSTM_ONLY, {
        langPath,
        gzip: existsSync(join(langPath, 'eng.traineddata.gz')),
        cacheMethod: settings.cachePath ? 'write' : 'none',
        ...(settings.cachePath ? { cachePath: settings.cachePath } : {}),
        ...(settings.logger ? { logger: settings.logger } : {}),
        errorHandler: () => {},
      });
      await w.setParameters({
        tessedit_pageseg_mode: asPsm(pageSegMode),
        preserve_interword_spaces: '0',
        // Scale is ours, not a print resolution; a fixed DPI stops tesseract guessing and warning.
        user_defined_dpi: '300',
        // tesseract prints debug notes to stdout ("Detected N diacritics") to stdout, polluting `deid run` output
        // (the path is in tesseract's wasm file system, so it holds on every platform).
        debug_file: '/dev/null',
      } as Partial<Tesseract.WorkerParams>);
      return w;
    })().catch((error: unknown) => {
      worker = undefined;
      throw engineError(ENGINE, 'could not start the tesseract worker', error);
    });
    return worker;
  };
  return {
    async start() {
      await getWorker();
    },
    async recognize(pages, what) {
      const w = await getWorker();
      const out: RecognizedPage[] = [];
      for (const [i, page] of pages.entries()) {
        try {
          const wanted = page.pageSegMode ?? pageSegMode;
          if (wanted !== mode) {
            await w.setParameters({ tessedit_pageseg_mode: asPsm(wanted) });
            mode = wanted;
          }
          // tesseract.js reads encoded images: PNG, lossless, so it sees the page's exact pixels.
          const png = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
          out.push((await w.recognize(png, {}, { blocks: true, text: false })).data);
        } catch (error) {
          throw engineError(ENGINE, `OCR failed on page ${i + 1} of ${pages.length} (${what})`, error);
        }
      }
      return out;
    },
    async close() {
      const pending = worker;
      worker = undefined;
      if (!pending) return;
      try {
        await (await pending).terminate();
      } catch {
        // A worker that failed to start has nothing to terminate.
      }
    },
  };
}

/** A page segmentation mode ('7', '11', …) as tesseract.js types it (its PSM enum holds those strings). */
function asPsm(mode: string): Tesseract.PSM {
  return mode as Tesseract.PSM;
}

function assertDisplayImage(image: DisplayImage): void {
  const ok =
    image && Number.isInteger(image.width) && Number.isInteger(image.height) && image.width > 0 && image.height > 0 &&
    (image.channels === 1 || image.channels === 3) && image.data?.length === image.width * image.height * image.channels;
  if (!ok) {
    throw engineError(
      ENGINE,
      `not a DisplayImage: expected width*height*channels (1 or 3) bytes, got ${image?.width}x${image?.height}x${image?.channels} with ${image?.data?.length} bytes`,
    );
  }
}

/** A digest of the pixels and their shape: identical frames are read once. */
function digest(image: DisplayImage): string {
  return createHash('sha256')
    .update(`${image.width}x${image.height}x${image.channels};`)
    .update(image.data)
    .digest('hex');
}

function autoScale(image: DisplayImage): number {
  const side = Math.max(image.width, image.height);
  return side <= 1024 ? 3 : side <= 2048 ? 2 : 1;
}

/**
 * The chroma (max − min of the channels) of an RGB image with coloured pixels, stretched to 0–255; else
 * undefined. Grey pixels (anatomy, speckle, white text) are 0 there.
 */
function chroma(image: DisplayImage): Uint8Array | undefined {
  if (image.channels !== 3) return undefined;
  const n = image.width * image.height;
  const out = new Uint8Array(n);
  const d = image.data;
  let coloured = 0;
  let top = 0;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const a = d[j];
    const b = d[j + 1];
    const c = d[j + 2];
    const v = Math.max(a, b, c) - Math.min(a, b, c);
    out[i] = v;
    if (v >= 48) coloured++;
    if (v > top) top = v;
  }
  // A few coloured glyphs at least (a lone colour bar or a tinted image is read by the grey pass).
  if (coloured < 20 || coloured > 0.5 * n) return undefined;
  if (top < 255) for (let i = 0; i < n; i++) out[i] = Math.round((out[i] * 255) / top);
  return out;
}

function median(grey: Uint8Array): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < grey.length; i++) hist[grey[i]]++;
  return histogramMedian(hist, grey.length);
}

function histogramMedian(hist: Uint32Array, n: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v];
    if (seen * 2 >= n) return v;
  }
  return 255;
}

/**
 * Upscales, stretches contrast and sets the polarity to dark text on light background.
 * Tesseract binarises (Otsu) on its own; a fixed threshold here would lose grey text on grey anatomy.
 */
async function preprocess(grey: Uint8Array, width: number, height: number, scale: number, invert: boolean): Promise<GreyPage> {
  const scaled = await upscaleGrey(grey, width, height, scale);
  const padded = padWithLocalBackground(stretchGrey(scaled.data, invert), scaled.width, scaled.height, PAD);
  return { width: scaled.width + 2 * PAD, height: scaled.height + 2 * PAD, data: padded };
}

/**
 * Adds a border whose colour follows the local background of the nearest edge pixels (a running
 * median), so glyphs touching the image edge stay whole blobs: a single border colour would merge
 * white text touching a dark edge with a light border (or the reverse) and tesseract would drop it.
 */
function padWithLocalBackground(src: Uint8Array, width: number, height: number, pad: number): Uint8Array {
  const w2 = width + 2 * pad;
  const out = new Uint8Array(w2 * (height + 2 * pad));
  for (let y = 0; y < height; y++) out.set(src.subarray(y * width, (y + 1) * width), (y + pad) * w2 + pad);
  const radius = 12 * pad;
  const top = runningMedian((i) => src[i], width, radius);
  const bottom = runningMedian((i) => src[(height - 1) * width + i], width, radius);
  const left = runningMedian((i) => src[i * width], height, radius);
  const right = runningMedian((i) => src[i * width + width - 1], height, radius);
  for (let p = 0; p < pad; p++) {
    for (let x = 0; x < w2; x++) {
      const xi = Math.min(width - 1, Math.max(0, x - pad));
      out[p * w2 + x] = top[xi];
      out[(height + pad + p) * w2 + x] = bottom[xi];
    }
    for (let y = 0; y < height; y++) {
      out[(y + pad) * w2 + p] = left[y];
      out[(y + pad) * w2 + pad + width + p] = right[y];
    }
  }
  return out;
}

/** The median of `at(j)` for j in [i - radius, i + radius], for every i below n. */
function runningMedian(at: (i: number) => number, n: number, radius: number): Uint8Array {
  const hist = new Uint32Array(256);
  const out = new Uint8Array(n);
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - radius);
    const to = Math.min(n - 1, i + radius);
    while (hi < to) hist[at(++hi)]++;
    while (lo < from) hist[at(lo++)]--;
    out[i] = histogramMedian(hist, to - from + 1);
  }
  return out;
}


function pageToPass(page: RecognizedPage, scale: number, image: Pick<DisplayImage, 'width' | 'height'>, minConfidence: number): Pass {
  const pass: Pass = { words: [], lines: [] };
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '' && w.confidence >= minConfidence)
          .map((w) => ({ text: w.text.trim(), confidence: clampConfidence(w.confidence), box: toOriginal(w.bbox, scale, image) }));
        if (words.length === 0) continue;
        pushLine(pass, words);
      }
    }
  }
  return pass;
}

/** Maps a bbox in the padded, upscaled image back to the original pixel grid, rounding outward. */
function toOriginal(b: Tesseract.Bbox, scale: number, image: Pick<DisplayImage, 'width' | 'height'>): Box {
  const left = Math.max(0, Math.floor((b.x0 - PAD) / scale));
  const top = Math.max(0, Math.floor((b.y0 - PAD) / scale));
  const right = Math.min(image.width, Math.ceil((b.x1 - PAD) / scale));
  const bottom = Math.min(image.height, Math.ceil((b.y1 - PAD) / scale));
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  if (w <= 0 || h <= 0) return 0;
  const smaller = Math.min(a.width * a.height, b.width * b.height);
  return smaller > 0 ? (w * h) / smaller : 0;
}

/**
 * Merges the readings of both polarities line by line: where lines of two passes overlap, the one
 * with more confident text wins (the sum of its word confidences); lines seen in one pass only are kept.
 */
export function mergePasses(passes: Pass[], keepAll = false): DetectedText[] {
  type Candidate = { line: DetectedText; words: DetectedText[]; weight: number };
  const candidates: Candidate[] = [];
  for (const pass of passes) {
    for (const line of pass.lines) {
      const words = pass.words.filter((w) => w.lineIndex === line.lineIndex);
      const weight = words.reduce((s, w) => s + w.confidence * w.text.length, 0);
      candidates.push({ line, words, weight });
    }
  }
  candidates.sort((a, b) => b.weight - a.weight);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    // Recall first: a weaker reading of the same place is dropped only when it adds nothing
    // (its text is part of a stronger reading there); otherwise both go to PHI detection.
    const redundant = kept.some((k) => overlap(k.line.box, c.line.box) > 0.5 && (!keepAll || compactText(k.line.text).includes(compactText(c.line.text))));
    if (redundant) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.line.box.top - b.line.box.top || a.line.box.left - b.line.box.left);
  const out: DetectedText[] = [];
  kept.forEach((c, lineIndex) => {
    out.push({ ...c.line, lineIndex, box: { ...c.line.box } });
    for (const w of c.words) out.push({ ...w, lineIndex, box: { ...w.box } });
  });
  return out;
}

function compactText(text: string): string {
  return text.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function copyText(t: DetectedText): DetectedText {
  return { ...t, box: { ...t.box } };
}
