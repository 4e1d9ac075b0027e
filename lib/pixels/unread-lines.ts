/**
 * Fail closed on text we cannot read beside identity. Screens print identity as a block: lines stacked
 * in one corner or column (name, ID, birth date, age and sex; institution, study date, accession,
 * referring physician). When a line of such a block holds PHI the kit found, a line of the same block
 * that OCR read badly, or not at all, is more likely the rest of the identity than anything else, and
 * no matcher can vouch for it: its box is filled too. Harmless annotation (the keep-list: views, W/L,
 * series and image numbers, numbers with units), lines read as clinical vocabulary however unsure the
 * reading (study and series descriptions, protocols, `Contrast: NONE`, a label then clinical words:
 * DICOM's defined terms and the rules' clinical vocabulary) and well-read lines are left alone, and so
 * is every line of a block without PHI (technique, probe, scale, orientation blocks), however badly read.
 */
import type { DetectedText, PhiFinding, TextSpan } from '../engines/types.js';
import type { Box, DisplayImage } from '../image/types.js';
import { boxesOutside, columnsCovered, columnsShared, coveredBy, inAnyBox, onOneLine, overlapping, padBox, rowsShared, unionBoxes } from '../image/boxes.js';
import { brightestChannel } from '../image/grey.js';
import { isInk, lineInk } from '../image/line-ink.js';
import { findTextRegions } from '../image/text-regions.js';
import { clearAlong, clearOf, outsideKept } from './kept-lines.js';
import { institutionNoun } from '../text/shapes.js';
import { headingSpans, isMeasureWords } from '../engines/local/device-text.js';
import { makeVocabulary } from '../text/vocabulary.js';

/** The engine of this rule's findings, in reports: `pixel:local:block:<type>`. */
export const UNREAD_ENGINE = 'local:block';

/**
 * What this rule calls read well, what a block is, and how far it reaches, as data (measured on the
 * worn cases of `npm run bench:fonts -- --screens`; all lengths in text heights of the identity line).
 */
export const UNREAD_RULE = {
  /** OCR word confidence (0–100) from which a word counts as read (tesseract gives garbage far less). */
  wellRead: 70,
  /** Lines of one block are stacked with gaps under this. */
  blockGap: 1.2,
  /** …and share a left or a right edge within this. */
  edgeSlack: 1,
  /** …and their text heights differ by a factor under this. */
  heightRatio: 1.6,
  /** Share of a line's words that must be harmless (one of them a keep-list word) for the line to count as harmless annotation read with slips. */
  mostlyHarmless: 2 / 3,
  /** Share of a line's width a reading must cover to vouch for the line. */
  vouchingShare: 0.6,
  /** Largest gap (text heights) across which a line read well still belongs to a block, when ink fills the gap: one line OCR missed whole. */
  missingGap: 3,
  /** Share of a gap's pixels that must be ink for a line to be missing there. */
  missingInk: 0.04,
  /** Least contrast (0–255) from the gap's median that counts as ink (a smeared 9 px line at 70% keeps about 30). */
  inkContrast: 20,
  /** Longest line (in line heights) a badly read word may make by joining two pieces of a line. */
  longestLine: 30,
  /** Label and value columns of one block are at most this many line heights apart. */
  columnGap: 5,
  /** Ink past the last (or before the first) word read on a PHI line, wider than this many line heights, was not read. */
  unreadInk: 1,
  /** How far (line heights) ink past the words read on a PHI line is followed, and the gap without ink (line heights) that ends it. */
  inkReach: 6,
  inkGap: 0.8,
  /** Least OCR confidence of a clinical word of under four letters that vouches (garbage reads as `SE`, `ET`, `IS`); longer ones vouch at any confidence. */
  clinicalShort: 50,
  /** Words of a label a line starts with, at most (`Body Part:`). */
  labelWords: 2,
  /** Share of a badly read word's width that clinical words of other readings over it must cover to vouch for it. */
  coveredShare: 0.7,
  /** Share of a doubtful line's ink (at its level, across the width the rule would fill) a second look may leave outside the words it read. */
  lookLeftover: 0.1,
  /** Widest a letter of a second look's word may be boxed, in the word's box heights (wider: the box holds ink the word does not). */
  lookLetterWidth: 1.2,
  /** Neighbouring pixels along a row this close (0–255) are smooth: the ground between glyphs, or inside a stroke. */
  smoothStep: 4,
  /** Share of neighbouring pixels that must be smooth for a stretch of a line to be glyphs on a ground, not texture (speckle, grain). */
  smoothShare: 0.5,
  /** Share of a stretch's pixels within twice `smoothStep` of its commonest level (its ground) from which it is glyphs on a ground, however dense its strokes. */
  groundShare: 0.35,
  /** How far (line heights) a line without PHI may run past its block's text over texture and still be a line of it (a worn line sunk in noise is no longer than its text). */
  textureReach: 3,
} as const;

/** The default clinical vocabulary's test, for a PHI detector that has none of its own. */
const DEFAULT_CLINICAL = (() => {
  const vocabulary = makeVocabulary();
  return (word: string) => vocabulary.clinical(word);
})();

/**
 * The test of a word read as clinical vocabulary (by `isClinical`: DICOM's defined terms and the rules'
 * clinical list: `BRAIN`, `PROTOCOL`, `Modality`, `CAROTID`), not one that ends institutions' names
 * (`Medical`, `Center`): descriptions, protocols and their labels, never a name. Short ones only when read
 * with some confidence.
 */
function clinicalWordTest(isClinical: (word: string) => boolean): (word: DetectedText) => boolean {
  return (word) => {
    const text = word.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!/\p{L}{2}/u.test(text) || institutionNoun(text)) return false;
    if (text.length < 4 && word.confidence < UNREAD_RULE.clinicalShort) return false;
    return isClinical(text);
  };
}

/** Engines whose findings make a line an identity line: the file's own header values and labelled identifiers. */
function isIdentityFinding(f: PhiFinding): boolean {
  return f.engine.startsWith('local:header') || f.engine === 'local:label';
}

/** A line read well: it holds PHI found, or a word OCR was sure of (a digit or a keep-list word alone is not enough). */
function isSolid(row: Row): boolean {
  return row.findings.length > 0 || row.words.some((w) => w.word.confidence >= UNREAD_RULE.wellRead && /[\p{L}\p{N}]{2}/u.test(w.word.text));
}

/** A word read, with the reading it belongs to. */
interface ReadWord {
  word: DetectedText;
  span: TextSpan;
}

/** A physical line of text: the words read there (by every reading) and the glyph regions under them. */
interface Row {
  box: Box;
  words: ReadWord[];
  /** Glyph regions found in the pixels, read or not. */
  ink: Box[];
  findings: PhiFinding[];
  /** Height of its text: its words' median height (its ink's when nothing was read). */
  textHeight: number;
}

/** The lines of one frame as this rule sees them ({@link frameLines}). */
export interface FrameLines {
  /**
   * The bands of the lines kept: no PHI found on them, vouched for by a reading and read well. Fills
   * beside them stop short of them ({@link clearOf}).
   */
  kept: Box[];
  /**
   * What this rule would fill for each line read badly beside identity (`fill`: the block's width at that line),
   * worth a second look ({@link LineLook}) before it is, and the boxes of other lines near it that are answered
   * for apart (`apart`: lines holding PHI, or doubtful too), which that look leaves out.
   */
  doubtful(): Array<{ fill: Box; apart: Box[] }>;
  /**
   * The findings of this rule ({@link unreadLineFindings}), located in `location`. A line a second look in
   * `looks` vouches for ({@link lookVouches}) is left alone.
   */
  unread(location?: string, looks?: LineLook[]): PhiFinding[];
}

/** A second look at a doubtful line (`box`: what the rule would fill, one of {@link FrameLines.doubtful}): the words read around it, its ink alone. */
export interface LineLook {
  box: Box;
  words: DetectedText[];
}

/**
 * The findings of this rule in one frame: the boxes of unread lines and words in the identity blocks.
 * `spans` are every reading of the frame (with their boxes and words), `found` what the PHI detector
 * found in them, `isHarmless` the keep-list test, `isClinical` the clinical vocabulary's (default: the curated
 * list's; the PHI detector's `isClinical` carries the rules' own). Types: `unread-line` (a line of an identity block
 * read badly or not at all: the block's width at that line), `unread-word` (a badly read word on a PHI
 * line), `unread-ink` (glyphs at either end of a PHI line that no reading reached).
 */
export function unreadLineFindings(image: DisplayImage, spans: TextSpan[], found: PhiFinding[], keepTest: (text: string) => boolean, location = 'frame', isClinical = DEFAULT_CLINICAL): PhiFinding[] {
  return frameLines(image, spans, found, keepTest, isClinical).unread(location);
}

/**
 * The physical lines of one frame, read by every reading (`spans`) with what the PHI detector found in
 * them (`found`), the keep-list test and the clinical vocabulary's: the lines kept, and the unread lines and words of its identity
 * blocks ({@link unreadLineFindings}), worked out when asked.
 */
export function frameLines(image: DisplayImage, spans: TextSpan[], found: PhiFinding[], keepTest: (text: string) => boolean, isClinical = DEFAULT_CLINICAL): FrameLines {
  const clinicalWord = clinicalWordTest(isClinical);
  // Marks OCR adds around a word (`\\WW`, `St{`) say nothing about it. A measure word (`LVEF` of a method line read with
  // doubt) is harmless here, where the line's PHI is judged apart; the keep-list leaves it to the PHI matcher (initials `GA`).
  const plain = (text: string) => keepTest(text) || isMeasureWords(text.toUpperCase());
  const isHarmless = (text: string) => plain(text) || plain(text.replace(/^[^\p{L}\p{N}+-]+|[^\p{L}\p{N}%]+$/gu, ''));
  const wellRead = (w: ReadWord) => w.word.confidence >= UNREAD_RULE.wellRead || isHarmless(w.word.text);
  const grey = brightestChannel(image);
  const rows = rowsOf(grey, image, spans, found, wellRead);
  // Lines without PHI that a reading vouches for stay; those also read well (kept, in a block or not) stop a band filled beside them.
  const headings = headingSpans(spans);
  const judge = { isHarmless: (text: string) => isHarmless(text) || harmlessRun(text, isHarmless), clinicalWord, headings: new Set(spans.filter((_, i) => headings.has(i))) };
  const vouchedRows = new Set(rows.filter((r) => r.findings.length === 0 && vouched(r, judge)));
  const kept = [...vouchedRows].filter(isSolid).map((r) => medianBand(r.words.map((w) => w.word.box)));
  // The lines this rule would fill at their block's width, and the width: worked out once, when first asked.
  let doubtful: Map<Row, Box> | undefined;
  const doubtfulRows = () => {
    if (!doubtful) {
      const found = new Map<Row, Box>();
      unreadIn(image, grey, rows, vouchedRows, kept, wellRead, judge, 'frame', (row, fill) => (found.set(row, fill), false));
      doubtful = found;
    }
    return doubtful;
  };
  // Other lines' ink near a fill is theirs to answer for when they hold PHI or are doubtful themselves: lines beside or
  // above and below this one, not over it (another reading of it), nor clumps of texture boxed over several lines.
  const apart = (row: Row) =>
    rows
      .filter((r) => r !== row && (r.findings.length > 0 || doubtfulRows().has(r)) && r.box.height <= UNREAD_RULE.heightRatio * row.box.height && !overlapping(r.box, row.box))
      // A glyph's anti-aliased edge runs a pixel or two past the box of its line.
      .map((r) => padBox(r.box, 2));
  return {
    kept,
    doubtful: () => [...doubtfulRows()].map(([row, fill]) => ({ fill, apart: apart(row) })),
    unread: (location = 'frame', looks = []) =>
      unreadIn(image, grey, rows, vouchedRows, kept, wellRead, judge, location, (row, fill) =>
        looks.some((look) => sameBox(look.box, fill) && lookVouches(look, row.box, fill, apart(row), grey, image.width, judge))),
  };
}

const sameBox = (a: Box, b: Box) => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;

/**
 * True when a second look at a doubtful line (`line`: what the first readings found of it) vouches for it:
 * - the words read there, its ink alone, are all harmless annotation or a description ({@link readingVouches}; being
 *   read well, or mostly harmless, is not enough: this line was doubted beside identity, and the look may take in a
 *   piece of the line beside it);
 * - each is boxed no wider than its letters could be (`lookLetterWidth`);
 * - they cover most of the line (`vouchingShare`): ink of another level there, which the look did not take in, is not
 *   vouched for by a word beside it;
 * - they hold its ink: at most `lookLeftover` of the ink at its level in `band` (what the rule would fill) lies
 *   outside them, `others` (lines answered for apart) aside.
 */
function lookVouches(look: LineLook, line: Box, band: Box, others: Box[], grey: Uint8Array, width: number, judge: Judge): boolean {
  const words = look.words.filter((w) => w.kind === 'word' && /[\p{L}\p{N}]/u.test(w.text));
  if (words.length === 0 || !readingVouches(words, judge, { byConfidence: false, mostly: false })) return false;
  // A word boxed far wider than its letters could be (`i` over 72 px) is OCR's guess at ink it could not read.
  if (words.some((w) => w.box.width > UNREAD_RULE.lookLetterWidth * w.box.height * w.text.length)) return false;
  if (columnsCovered(line, words.map((w) => w.box)) < UNREAD_RULE.vouchingShare * line.width) return false;
  const ink = lineInk(grey, width, band, others);
  if (!ink) return false;
  const read = words.map((w) => padBox(w.box, 1));
  let total = 0;
  let leftover = 0;
  for (let y = band.top; y < band.top + band.height; y++)
    for (let x = band.left; x < band.left + band.width; x++) {
      if (!isInk(grey[y * width + x], ink) || inAnyBox(others, x, y)) continue;
      total++;
      if (!inAnyBox(read, x, y)) leftover++;
    }
  return total > 0 && leftover <= UNREAD_RULE.lookLeftover * total;
}

/**
 * What a reading is judged by: the keep-list test (run-together words included), the clinical vocabulary's, and the
 * readings that are pieces of a row of column headings ({@link headingSpans}).
 */
interface Judge {
  isHarmless: (text: string) => boolean;
  clinicalWord: (word: DetectedText) => boolean;
  headings: ReadonlySet<TextSpan>;
}

function unreadIn(image: DisplayImage, grey: Uint8Array, rows: Row[], vouchedRows: Set<Row>, kept: Box[], wellRead: (w: ReadWord) => boolean, judge: Judge, location: string, looked: (row: Row, band: Box) => boolean): PhiFinding[] {
  const { clinicalWord } = judge;
  const out: PhiFinding[] = [];
  // Words read as clinical vocabulary, on whichever line (a column read apart from its line is a line of its own).
  const clinical = rows.flatMap((r) => r.words.filter((w) => clinicalWord(w.word)));
  for (const block of identityBlocks(rows, grey, image.width)) {
    // The block's width: its lines holding PHI or words read well (texture read as text does not widen it, nor image texture a line runs on over).
    const solid = block.filter(isSolid);
    const extent = unionBoxes(solid.map((r) => textOf(r, grey, image.width)));
    for (const row of block) {
      const where = `${location} unread row ${row.box.left},${row.box.top}`;
      if (row.findings.length === 0) {
        if (vouchedRows.has(row)) continue;
        // Glyph regions no reading reached, within the band of a line that was read (a piece of a glyph, a colon, a
        // descender boxed apart), are a piece of that line: left alone over a kept line's words, else their own box is
        // filled, not the block's width across the line.
        const line = row.words.length === 0 ? readLineAround(row, rows) : undefined;
        if (line) {
          const words = unionBoxes(line.words.map((w) => w.word.box));
          const within = row.box.left < words.left + words.width + line.textHeight && row.box.left + row.box.width > words.left - line.textHeight;
          // Lines packed tightly run into one glyph region: its glyphs in the bands of the kept lines are theirs, read.
          if (!vouchedRows.has(line) || !within) for (const piece of boxesOutside(row.box, kept)) out.push(finding(piece, 'unread-line', '', where));
          continue;
        }
        // The whole width of the block at this line (a value beside a label may not have been found as ink at
        // all), as high as the words read there (glyph regions of texture or of a smeared line run taller).
        const rise = row.words.length > 0 ? unionBoxes(row.words.map((w) => w.word.box)) : row.box;
        const band = { left: Math.min(extent.left, row.box.left), top: rise.top, width: 0, height: rise.height };
        band.width = Math.max(extent.left + extent.width, row.box.left + row.box.width) - band.left;
        // …but not over the kept lines beside it on its line (a harmless column beside a value nobody read).
        const along = clearAlong(band, kept, { left: row.box.left, right: row.box.left + row.box.width });
        const fill = clearOf(along, kept, { least: row.textHeight / 2 });
        if (looked(row, fill)) continue;
        out.push(finding(fill, 'unread-line', bestText(row), where));
        continue;
      }
      // A PHI line: its badly read words that are not harmless, and ink no reading reached.
      const covered = row.findings.flatMap((f) => (f.box ? [f.box] : []));
      // The text of the line: its PHI found and words read well. Image texture beside it read as words, or taken for its ink, is no part of it.
      const text = unionBoxes([...covered, ...row.words.filter(wellRead).map((w) => w.word.box)]);
      const imageBeside = (b: Box) => -columnsShared(b, text) > UNREAD_RULE.textureReach * row.textHeight && inImageTexture(grey, image.width, b, row.textHeight);
      for (const w of row.words) {
        if (!/[\p{L}\p{N}]/u.test(w.word.text) || wellRead(w) || clinicalWord(w.word)) continue;
        // Half of a harmless pair read as two words: an age's unit or label beside its number (`62` `y/o`, `Age` `55`).
        if (row.words.some((o) => o.span === w.span && besideOnLine(o.word.box, w.word.box, row.textHeight) && judge.isHarmless(o.word.box.left < w.word.box.left ? `${o.word.text} ${w.word.text}` : `${w.word.text} ${o.word.text}`))) continue;
        if (covered.some((b) => coveredBy(w.word.box, b))) continue;
        // The same place read well (or as harmless) in another reading vouches for it; or read as clinical words across most
        // of its width (`Contrast: NONE` in one reading, `Terra Mol:` boxed taller in another). Not numbers with units:
        // a date misread (`190L`) is one.
        if (row.words.some((o) => o !== w && coveredBy(w.word.box, o.word.box) && wellRead(o))) continue;
        if (readAcross(w, clinical.filter((o) => o.span !== w.span))) continue;
        if (imageBeside(w.word.box)) continue;
        // Not over the kept lines on its line, and as high as the line (a reading of speckle is boxed taller and would reach the kept lines beside it).
        const outside = outsideKept(w.word.box, kept);
        if (outside) out.push(finding(clearOf(outside, kept, { least: row.textHeight / 2 }), 'unread-word', w.word.text, where));
      }
      // Glyph regions of the line past the words read, at either end (a value OCR read short, or not at all).
      const read = unionBoxes(row.words.map((w) => w.word.box));
      const h = row.textHeight;
      for (const ink of row.ink) {
        const before = read.left - ink.left;
        const after = ink.left + ink.width - (read.left + read.width);
        const pieces = [
          ...(before > UNREAD_RULE.unreadInk * h ? [{ left: ink.left, top: row.box.top, width: before, height: row.box.height }] : []),
          ...(after > UNREAD_RULE.unreadInk * h ? [{ left: read.left + read.width, top: row.box.top, width: after, height: row.box.height }] : []),
        ];
        // Not over image texture (speckle taken for glyphs of the line): a worn line's own noise has ground above and below it.
        for (const piece of pieces) if (!inImageTexture(grey, image.width, piece, h)) out.push(finding(piece, 'unread-ink', '', where));
      }
      // Faint ink running on past the words read that no glyph region holds (grey text of a narrow face read short: `HAVES` of `HAVERSTOCK`).
      const band = medianBand(row.words.map((w) => w.word.box));
      const others = rows.filter((r) => r !== row).flatMap((r) => r.words.map((w) => w.word.box));
      for (const past of inkPast(grey, image.width, band, read, others, h)) if (!inImageTexture(grey, image.width, past, h)) out.push(finding(past, 'unread-ink', '', where));
    }
  }
  return out;
}

/** True when `a` and `b` are next to each other on one line: a word space apart at most (`h`: the text height). */
function besideOnLine(a: Box, b: Box, h: number): boolean {
  return a !== b && onOneLine(a, b) && Math.max(a.left, b.left) - Math.min(a.left + a.width, b.left + b.width) <= h;
}

/** The line a reading read whose middle band holds half of `row` (glyph regions only) or more, the nearest along the row if several do. */
function readLineAround(row: Row, rows: Row[]): Row | undefined {
  const gap = (r: Row) => {
    const words = unionBoxes(r.words.map((w) => w.word.box));
    return Math.max(0, -columnsShared(words, row.box));
  };
  const around = rows.filter((r) => r !== row && r.words.length > 0 && rowsShared(medianBand(r.words.map((w) => w.word.box)), row.box) >= 0.5 * row.box.height);
  return around.sort((a, b) => gap(a) - gap(b))[0];
}

/**
 * The ink running on from `read` (the words read on a line, in `band`) to the left and right: columns of the band
 * holding ink (`inkContrast` from the band's median ground), up to a gap of `inkGap` line heights without ink (a
 * word space is narrower, a column gap wider), another line's word, or `inkReach` line heights. A run longer than
 * `unreadInk` line heights is returned.
 */
function inkPast(grey: Uint8Array, width: number, band: Box, read: Box, others: Box[], h: number): Box[] {
  const reach = Math.round(UNREAD_RULE.inkReach * h);
  const from = Math.max(0, read.left - reach);
  const to = Math.min(width, read.left + read.width + reach);
  if (to <= from || band.height <= 0) return [];
  // The median from a histogram: the value at sorted position ⌊n/2⌋, as a sort of the band's values would give.
  const hist = new Uint32Array(256);
  for (let y = band.top; y < band.top + band.height; y++) for (let x = from, i = y * width + x; x < to; x++, i++) hist[grey[i]]++;
  const middle = ((to - from) * band.height) >> 1;
  let ground = 0;
  for (let seen = hist[0]; seen <= middle; ) seen += hist[++ground];
  const inked = (x: number) => {
    let n = 0;
    for (let y = band.top; y < band.top + band.height; y++) if (Math.abs(grey[y * width + x] - ground) >= UNREAD_RULE.inkContrast) n++;
    return n >= 2;
  };
  const blocked = (x: number) => others.some((o) => x >= o.left && x < o.left + o.width && rowsShared(o, band) > 0.5 * band.height);
  const out: Box[] = [];
  for (const step of [-1, 1]) {
    const start = step > 0 ? read.left + read.width : read.left - 1;
    let last = start - step;
    for (let x = start, gap = 0; x >= from && x < to && !blocked(x); x += step) {
      if (inked(x)) {
        last = x;
        gap = 0;
      } else if (++gap > UNREAD_RULE.inkGap * h) break;
    }
    const run = Math.abs(last - start) + 1;
    if (last !== start - step && run > UNREAD_RULE.unreadInk * h) out.push({ left: Math.min(start, last), top: band.top, width: run, height: band.height });
  }
  return out;
}

function finding(box: Box, type: string, text: string, location: string): PhiFinding {
  return { text, category: 'R', score: 0.5, type, engine: UNREAD_ENGINE, box: { ...box }, location };
}

/**
 * True when a reading of most of a line (`vouchingShare` of its width) vouches for it: its words there are all harmless (keep-list words,
 * numbers with units), or all read well, or mostly harmless (`mostlyHarmless`, a keep-list word among
 * them) with no other word long enough to hide an identifier (five digits, four letters).
 */
function vouched(row: Row, judge: Judge): boolean {
  const { isHarmless, clinicalWord } = judge;
  // Pieces of a row of column headings only (the `#` of `Acc #` boxed apart among them).
  if (row.words.length > 0 && row.words.every((w) => judge.headings.has(w.span))) return true;
  const words = row.words.filter((w) => /[\p{L}\p{N}]/u.test(w.word.text));
  const readings = readingsOf(words);
  const wide = unionBoxes(row.words.map((w) => w.word.box)).width;
  // Pieces of one line read in different readings (`Im:` in one, `132` in another) vouch together when each is read well;
  // a word read badly where another reading read a word surely (`6B` under `6`, `ui` inside `Study:`) is that word read again,
  // unless that word holds digits and is no harmless number (`A0034`, an accession number read short, vouches for no reading of it).
  // A piece of a row of column headings OCR read apart (`Acc #` | `Exam` | `Modality`) is a heading, however unsure the reading.
  const good = (w: ReadWord) => w.word.confidence >= UNREAD_RULE.wellRead || isHarmless(w.word.text) || clinicalWord(w.word) || judge.headings.has(w.span);
  const sure = (o: ReadWord) => o.word.confidence >= UNREAD_RULE.wellRead && (!/\d/u.test(o.word.text) || isHarmless(o.word.text));
  const readAgain = (w: ReadWord) => words.some((o) => o !== w && sure(o) && coveredBy(w.word.box, o.word.box));
  if (words.length > 0 && words.every((w) => good(w) || readAgain(w)) && unionBoxes(words.map((w) => w.word.box)).width >= UNREAD_RULE.vouchingShare * row.box.width) return true;
  for (const words of readings) {
    // A reading of a piece of the line (`I>` of a line read as garbage) vouches for nothing.
    if (unionBoxes(words.map((w) => w.box)).width < UNREAD_RULE.vouchingShare * wide) continue;
    if (readingVouches(words, judge, { byConfidence: true, mostly: true })) return true;
  }
  return false;
}

/**
 * True when one reading's words vouch for their line: all harmless, or a description (clinical words, a label); or
 * (`byConfidence`) all read well; or (`mostly`) mostly harmless (`mostlyHarmless`, a keep-list word among them) with
 * no other word long enough to hide an identifier (five digits, four letters).
 */
function readingVouches(words: DetectedText[], { isHarmless, clinicalWord }: Judge, { byConfidence, mostly }: { byConfidence: boolean; mostly: boolean }): boolean {
  if (isHarmless(words.map((w) => w.text).join(' ')) || words.every((w) => isHarmless(w.text))) return true;
  if (byConfidence && words.every((w) => w.confidence >= UNREAD_RULE.wellRead)) return true;
  // Mostly harmless, with a keep-list word (`C 377TW 390`, `Se: 9 1m: 73`), and nothing an identifier could hide in.
  const harmless = words.filter((w) => isHarmless(w.text));
  if (mostly && harmless.length >= UNREAD_RULE.mostlyHarmless * words.length && harmless.some((w) => /\p{L}/u.test(w.text)) && words.every((w) => isHarmless(w.text) || !/\d{5}|\p{L}{4}/u.test(w.text))) return true;
  // A description (`Study: CT CHEST PE`, `Series: AX FLAIR`, `US Modality:`): clinical and harmless words, mostly,
  // a clinical one among them, and nothing else an identifier could hide in (a word of letters, three digits running).
  // The label a line starts with (`Body Part:`, `Seq:`, a label read short: `idy:`) says what the value is, not who.
  const label = leadingLabel(words);
  const described = words.filter((w) => label.includes(w) || isHarmless(w.text) || clinicalWord(w));
  // Fragments nothing could hide in (`L-5t.` of `L-SPINE`: no two letters or three digits running) count neither way.
  const fragment = (w: DetectedText) => !described.includes(w) && !/\d{3}|\p{L}{2}/u.test(w.text);
  const weighed = words.filter((w) => !fragment(w));
  return described.some(clinicalWord) && described.length >= UNREAD_RULE.mostlyHarmless * weighed.length && weighed.every((w) => described.includes(w));
}

/**
 * True when `text` is harmless words OCR read without the spaces between them (a narrow face leaves a pixel or two
 * between words: `TE12`, `Tib1.7`, `P4-2MI13TIs2.3` for `P4-2 MI 1.3 TIs 2.3`): split where letters meet digits, every
 * piece is harmless (`isHarmless`: keep-list words, numbers of four digits at most, a probe's `4-2`) and one of them a
 * keep-list word of two letters or more. Digits joined by `-`, `/` or `.` stay one piece (`1234-5678` is no two numbers).
 */
function harmlessRun(text: string, isHarmless: (text: string) => boolean): boolean {
  // A lone digit OCR reads for a letter (0, 1, 5, 8) touching letters is more likely that letter (`0ct-2021`: Oct).
  if (/(?<!\d)[0158](?=\p{L})|(?<=\p{L})[0158](?![\d.,])/u.test(text)) return false;
  const pieces = text.match(/\p{L}+|\d+(?:[-/.,]\d+)*/gu) ?? [];
  return pieces.length >= 2 && pieces.some((p) => /^\d/u.test(p)) && pieces.some((p) => /^\p{L}{2,}$/u.test(p) && isHarmless(p)) && pieces.every((p) => isHarmless(p) || /^\d{1,2}-\d{1,2}$/u.test(p));
}

/**
 * The words of a label a reading of a line starts with: up to `labelWords` words of letters, the last ending in a
 * colon (`Body Part:`, `Seq:`); none when the line does not start with one.
 */
function leadingLabel(words: DetectedText[]): DetectedText[] {
  const ordered = [...words].sort((a, b) => a.box.left - b.box.left);
  for (let i = 0; i < Math.min(UNREAD_RULE.labelWords, ordered.length); i++) {
    const text = ordered[i].text;
    if (!/^\p{L}[\p{L}.#]*:?$/u.test(text)) return [];
    if (text.endsWith(':')) return ordered.slice(0, i + 1);
  }
  return [];
}

/** True when `others` (words of other readings) cover most (`coveredShare`) of `w`'s width, on its line (sharing half its height). */
function readAcross(w: ReadWord, others: ReadWord[]): boolean {
  const box = w.word.box;
  const beside = others.map((o) => o.word.box).filter((b) => onOneLine(box, b));
  return columnsCovered(box, beside) >= UNREAD_RULE.coveredShare * box.width;
}

/** The words of each reading (span) among `words`, reading by reading. */
function readingsOf(words: ReadWord[]): DetectedText[][] {
  const readings = new Map<TextSpan, DetectedText[]>();
  for (const w of words) readings.set(w.span, [...(readings.get(w.span) ?? []), w.word]);
  return [...readings.values()];
}

/** The text of the reading holding the most confident text of a row (for the finding's text). */
function bestText(row: Row): string {
  const weight = (words: DetectedText[]) => words.reduce((n, w) => n + w.confidence * w.text.length, 0);
  const best = readingsOf(row.words).sort((a, b) => weight(b) - weight(a))[0] ?? [];
  return best.map((w) => w.text).join(' ');
}

/**
 * The physical lines of a frame: words read (by any reading) and glyph regions of one line (sharing
 * half their height, heights alike, at most a glyph height apart along the line) joined into one. Built
 * from words, not from OCR's lines: a reading's line may run on over texture beside the text. Badly
 * read words join a line as runs (the badly read words of one reading, one after the other): a run
 * joins the pieces of lines it touches (`C 377TW 390`), up to `longestLine`, and runs never join each
 * other (texture read as text would bridge corners).
 */
function rowsOf(grey: Uint8Array, image: DisplayImage, spans: TextSpan[], found: PhiFinding[], wellRead: (w: ReadWord) => boolean): Row[] {
  type Item = { box: Box; word?: ReadWord };
  const inFinding = (w: ReadWord) => found.some((f) => f.box && f.location === w.span.location && coveredBy(w.word.box, f.box));
  const solid: Item[] = findTextRegions(grey, image.width, image.height).map((r) => ({ box: r.box }));
  const runs: Item[][] = [];
  for (const span of spans) {
    let run: Item[] = [];
    for (const word of [...(span.words ?? [])].filter((w) => w.box.width > 0 && w.box.height > 0).sort((a, b) => a.box.left - b.box.left)) {
      const w = { word, span };
      if (wellRead(w) || inFinding(w)) {
        solid.push({ box: word.box, word: w });
        if (run.length > 0) runs.push(run);
        run = [];
        continue;
      }
      if (run.length > 0 && !sameRow(run[run.length - 1].box, word.box)) {
        runs.push(run);
        run = [];
      }
      run.push({ box: word.box, word: w });
    }
    if (run.length > 0) runs.push(run);
  }
  // A line's items, and its solid ones (its core): runs touch only the solid items of a line, never each other.
  const lines = clusters(solid, (a, b) => sameRow(a.box, b.box)).map((items) => ({ items, core: [...items] }));
  const loose: Item[] = [];
  for (const run of runs) {
    // Pieces of one line only: a run touching a line only through a misread boxed tall over it, or two lines stacked one
    // over the other, does not join it, or joins the one whose middle band it shares most rows with, never both (a harmless
    // line would vouch for an unread identity line).
    const span = unionBoxes(run.map((w) => w.box));
    const level = lines
      .filter((l) => l.core.some((item) => run.some((w) => sameRow(item.box, w.box))))
      .map((line) => ({ line, band: medianBand(line.core.map((item) => item.box)) }))
      .filter((l) => onOneLine(l.band, span));
    const first = level.reduce<(typeof level)[number] | undefined>((best, l) => (!best || rowsShared(l.band, span) > rowsShared(best.band, span) ? l : best), undefined);
    const homes = first ? [first, ...level.filter((l) => l !== first && onOneLine(l.band, first.band))].map((l) => l.line) : [];
    if (homes.length === 0) {
      loose.push(...run);
      continue;
    }
    // No longer than a line of text gets (a clump of texture read as words would run across the frame).
    const height = Math.max(...run.map((w) => w.box.height));
    const joined = unionBoxes([...run, ...homes.flatMap((l) => l.items)].map((item) => item.box));
    const [home, ...others] = joined.width <= UNREAD_RULE.longestLine * height ? homes : homes.slice(0, 1);
    home.items.push(...run, ...others.flatMap((l) => l.items));
    home.core.push(...others.flatMap((l) => l.core));
    for (const other of others) lines.splice(lines.indexOf(other), 1);
  }
  const groups = [...lines.map((l) => l.items), ...clusters(loose, (a, b) => sameRow(a.box, b.box))];
  return groups.map((group) => {
    const read = group.flatMap((g) => (g.word ? [g.word] : []));
    const heights = (read.length > 0 ? read.map((w) => w.word.box.height) : group.map((g) => g.box.height)).sort((a, b) => a - b);
    // A finding of a reading of this line, over its words here.
    const findings = found.filter((f) => read.some((w) => w.span.location === f.location && f.box !== undefined && coveredBy(w.word.box, f.box)));
    return { box: unionBoxes(group.map((g) => g.box)), words: read, ink: group.filter((g) => !g.word).map((g) => g.box), findings, textHeight: heights[heights.length >> 1] };
  });
}

/** The connected groups of `items` under `linked`. */
function clusters<T>(items: T[], linked: (a: T, b: T) => boolean): T[][] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) if (linked(items[i], items[j])) parent[root(i)] = root(j);
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), item]));
  return [...groups.values()];
}

/** Two boxes of one line: they share at least half the smaller height, heights alike, and overlap or nearly touch along the line. */
function sameRow(a: Box, b: Box): boolean {
  const lo = Math.min(a.height, b.height);
  const hi = Math.max(a.height, b.height);
  if (hi > UNREAD_RULE.heightRatio * lo || !onOneLine(a, b)) return false;
  return -columnsShared(a, b) <= hi;
}

/** The height of a line's words a quarter of the way up from its lowest (its text height when it has no words). */
function lowerHeight(row: Row): number {
  const heights = row.words.map((w) => w.word.box.height).sort((a, b) => a - b);
  return heights.length > 0 ? heights[(heights.length - 1) >> 2] : row.textHeight;
}

/**
 * The identity blocks: from each line holding identity, the lines stacked above and below it, one
 * after the other (a gap under `blockGap` text heights), of the identity line's text height (within
 * `heightRatio`), sharing a left or a right edge with their neighbour in the block (within `edgeSlack`
 * text heights); and lines beside them (label and value columns, `columnGap`) holding a word read well.
 * Measured in the identity line's text height, so a tall clump of texture neither joins nor widens a block.
 */
function identityBlocks(rows: Row[], grey: Uint8Array, width: number): Row[][] {
  const sorted = [...rows].sort((a, b) => a.box.top - b.box.top);
  const inBlock = new Set<Row>();
  const blocks: Row[][] = [];
  for (const seed of sorted) {
    if (inBlock.has(seed) || !seed.findings.some(isIdentityFinding)) continue;
    const h = seed.textHeight;
    const block = [seed];
    inBlock.add(seed);
    const alike = (height: number) => height <= UNREAD_RULE.heightRatio * h && height * UNREAD_RULE.heightRatio >= h;
    // A line nobody read well is measured by its lower words too: smeared text is read in boxes taller than its glyphs.
    // A line without PHI running on past the block's text over texture is a row of the image (speckle read as glyphs), not a line of text.
    const fits = (r: Row) =>
      !inBlock.has(r) &&
      (alike(r.textHeight) || (!isSolid(r) && alike(lowerHeight(r)))) &&
      r.box.height <= 2 * UNREAD_RULE.heightRatio * h &&
      (r.findings.length > 0 || !runsOverTexture(grey, width, r.box, unionBoxes(block.filter(isSolid).map((b) => textOf(b, grey, width))), h));
    const stacked = (a: Box, b: Box) => {
      const [upper, lower] = a.top <= b.top ? [a, b] : [b, a];
      const gap = lower.top - (upper.top + upper.height);
      if (gap > UNREAD_RULE.blockGap * h || lower.top < upper.top + 0.5 * upper.height) return false;
      const slack = UNREAD_RULE.edgeSlack * h;
      return Math.abs(a.left - b.left) <= slack || Math.abs(a.left + a.width - (b.left + b.width)) <= slack;
    };
    // A value beside its label, padded to a column (`Nom:      BELLWEATHER`), is on the same line.
    const beside = (a: Box, b: Box) => rowsShared(a, b) >= 0.5 * h && -columnsShared(a, b) <= UNREAD_RULE.columnGap * h;
    for (let grown = true; grown; ) {
      grown = false;
      for (const r of sorted) {
        if (!fits(r)) continue;
        // A line nobody read well joins only beside a line read well: texture read as text cannot chain a block on.
        const solid = isSolid(r);
        if (block.some((b) => (stacked(textOf(b, grey, width), textOf(r, grey, width)) && (solid || isSolid(b))) || (solid && beside(textOf(b, grey, width), textOf(r, grey, width))))) {
          block.push(r);
          inBlock.add(r);
          grown = true;
          continue;
        }
        // A line of identity one line further down (or up), with ink between: the line between was not read at all.
        const across = r.findings.some(isIdentityFinding) ? block.filter((b) => b.findings.some(isIdentityFinding)).map((b) => missingLine(grey, width, b.box, r.box, h)).find((m) => m !== undefined) : undefined;
        if (!across) continue;
        block.push(r, { box: across, words: [], ink: [across], findings: [], textHeight: h });
        inBlock.add(r);
        grown = true;
      }
    }
    blocks.push(block);
  }
  return blocks;
}

/**
 * The box of a line read well (`row`: holding PHI or a word read well) up to where image texture starts past its text (the
 * PHI found, or its surest word, and the words read well following on from it) to the left or right: glyph regions of
 * speckle chained onto the line are no text of it, nor the words read well of another column across the image.
 */
function textOf(row: Row, grey: Uint8Array, width: number): Box {
  const known = textBoxes.get(row);
  if (known) return known;
  const box = textIn(row, grey, width);
  textBoxes.set(row, box);
  return box;
}

/** The text boxes of lines worked out ({@link textOf}), by line: each line's is asked for again and again while blocks grow. */
const textBoxes = new WeakMap<Row, Box>();

function textIn(row: Row, grey: Uint8Array, width: number): Box {
  const { box, textHeight: h } = row;
  // Its text: the PHI found (or its surest word), and the words read well that follow on from it a column gap apart at most.
  const sure = row.words.filter((w) => w.word.confidence >= UNREAD_RULE.wellRead && /[\p{L}\p{N}]{2}/u.test(w.word.text)).map((w) => w.word);
  const found = row.findings.flatMap((f) => (f.box ? [f.box] : []));
  const seed = found.length > 0 ? found : sure.sort((a, b) => b.confidence - a.confidence).slice(0, 1).map((w) => w.box);
  if (seed.length === 0) return box;
  let core = unionBoxes(seed);
  for (let grown = true; grown; ) {
    grown = false;
    for (const w of sure) {
      if (-columnsShared(w.box, core) > UNREAD_RULE.columnGap * h || coveredBy(w.box, core)) continue;
      core = unionBoxes([core, w.box]);
      grown = true;
    }
  }
  const left = Math.min(core.left, textureFrom(grey, width, box, core.left, -1, h) ?? box.left);
  const right = Math.max(core.left + core.width, textureFrom(grey, width, box, core.left + core.width, 1, h) ?? box.left + box.width);
  return { left, top: box.top, width: right - left, height: box.height };
}

/**
 * Where image texture ({@link inImageTexture}) starts in `box` (a line's, `h` high), looking from column `from` on in
 * `step`'s direction (−1 left, 1 right) a line height at a time: the column nearest `from` of the first such stretch, or
 * undefined when none lies in the box.
 */
function textureFrom(grey: Uint8Array, width: number, box: Box, from: number, step: -1 | 1, h: number): number | undefined {
  const w = Math.max(4, Math.round(h));
  const end = step > 0 ? box.left + box.width : box.left;
  for (let x = from; step > 0 ? x + w <= end : x - w >= end; x += step * w) {
    const left = step > 0 ? x : x - w;
    if (inImageTexture(grey, width, { left, top: box.top, width: w, height: box.height }, h)) return x;
  }
  return undefined;
}

/**
 * True when `box` (a line's) runs on past `extent` (its block's text) to the left or right by more than `textureReach`
 * line heights (`h`) over image texture ({@link inImageTexture}): the ink there is image content, not glyphs on a ground.
 */
function runsOverTexture(grey: Uint8Array, width: number, box: Box, extent: Box, h: number): boolean {
  const reach = UNREAD_RULE.textureReach * h;
  const right = box.left + box.width;
  // Image texture past the block's text, on a stretch of the line longer than `reach`, in either direction.
  const before = box.left < extent.left - reach ? textureFrom(grey, width, box, Math.min(right, extent.left), -1, h) : undefined;
  const after = right > extent.left + extent.width + reach ? textureFrom(grey, width, box, Math.max(box.left, extent.left + extent.width), 1, h) : undefined;
  return before !== undefined || after !== undefined;
}

/**
 * True when `box` (a stretch of a line, `h` high) lies in texture that goes on above or below it ({@link isTexture} there
 * too, half a line beyond its edge): speckle or grain of the image. A worn line sunk in noise of its own has the ground of
 * its block above and below it.
 */
function inImageTexture(grey: Uint8Array, width: number, box: Box, h: number): boolean {
  if (!isTexture(grey, width, box)) return false;
  const rows = grey.length / width;
  const strip = Math.max(2, Math.ceil(h / 2));
  const above = Math.max(0, box.top - 3 - strip);
  const below = Math.min(rows, box.top + box.height + 3);
  const around = [
    { left: box.left, top: above, width: box.width, height: Math.max(0, box.top - 3 - above) },
    { left: box.left, top: below, width: box.width, height: Math.max(0, Math.min(rows, below + strip) - below) },
  ];
  return around.some((b) => b.height > 0 && isTexture(grey, width, b));
}

/**
 * True when `box` holds texture: fewer than `smoothShare` of its neighbouring pixels along a row are within `smoothStep`
 * levels of each other, and fewer than `groundShare` of its pixels keep to one level. Glyphs stand on a ground that is
 * even between them (and their strokes are even inside); speckle and grain change from one pixel to the next everywhere.
 */
function isTexture(grey: Uint8Array, width: number, box: Box): boolean {
  let pairs = 0;
  let smooth = 0;
  const hist = new Uint32Array(256);
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left, i = y * width + x; x < box.left + box.width; x++, i++) {
      hist[grey[i]]++;
      if (x === box.left + box.width - 1) continue;
      pairs++;
      if (Math.abs(grey[i + 1] - grey[i]) <= UNREAD_RULE.smoothStep) smooth++;
    }
  if (pairs === 0 || smooth >= UNREAD_RULE.smoothShare * pairs) return false;
  // Text has a ground, one level most of its pixels keep (dense strokes of capitals change from pixel to pixel too); texture has none.
  const near = 2 * UNREAD_RULE.smoothStep;
  let ground = 0;
  for (let v = 0; v < 256; v++) {
    let n = 0;
    for (let u = Math.max(0, v - near); u <= Math.min(255, v + near); u++) n += hist[u];
    ground = Math.max(ground, n);
  }
  return ground < UNREAD_RULE.groundShare * box.width * box.height;
}

/**
 * The box of a line between `a` and `b` (two lines of identity) that no reading and no glyph search found: `b` lies one line
 * further up or down than a neighbour would (a gap of `blockGap` to `missingGap` text heights), shares
 * a left or right edge with `a`, and the gap holds ink (`missingInk` of its pixels stand out from its
 * median by `inkContrast` levels or more). Undefined otherwise.
 */
function missingLine(grey: Uint8Array, width: number, a: Box, b: Box, h: number): Box | undefined {
  const [upper, lower] = a.top <= b.top ? [a, b] : [b, a];
  const gap = lower.top - (upper.top + upper.height);
  if (gap <= UNREAD_RULE.blockGap * h || gap > UNREAD_RULE.missingGap * h) return undefined;
  const slack = UNREAD_RULE.edgeSlack * h;
  if (Math.abs(a.left - b.left) > slack && Math.abs(a.left + a.width - (b.left + b.width)) > slack) return undefined;
  const left = Math.min(a.left, b.left);
  const box = { left, top: upper.top + upper.height, width: Math.max(a.left + a.width, b.left + b.width) - left, height: gap };
  const values: number[] = [];
  for (let y = box.top; y < box.top + box.height; y++) for (let x = box.left; x < box.left + box.width; x++) values.push(grey[y * width + x]);
  const sorted = [...values].sort((p, q) => p - q);
  const ground = sorted[sorted.length >> 1];
  const ink = values.filter((v) => Math.abs(v - ground) >= UNREAD_RULE.inkContrast).length;
  return ink >= UNREAD_RULE.missingInk * values.length ? box : undefined;
}

/** The band of a line its words agree on: the median top and bottom of their boxes (readings at other scales and crops disagree by a few pixels). */
function medianBand(boxes: Box[]): Box {
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1];
  const top = median(boxes.map((b) => b.top));
  const bottom = median(boxes.map((b) => b.top + b.height));
  const across = unionBoxes(boxes);
  return { left: across.left, top, width: across.width, height: Math.max(1, bottom - top) };
}
