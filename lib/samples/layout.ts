import type { SafeHarborCategory } from '../safe-harbor.js';
import type { SampleModality } from './format.js';
import type { FakeIdentity, FakePerson } from './identity.js';
import type { Rng } from './rng.js';
import { accessionLabel, birthDateLabel, dateForm, institutionForm, mrLines, nameForm, patientIdLabel, probeLine, scaleLine, techniqueLines, ultrasoundLines, windowLine } from './screen-forms.js';
import { availableFonts, type FontKind, type TextLine, type TextWord } from './text.js';

/** Where a block of lines sits. */
export type Anchor = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'left-middle' | 'right-middle' | 'top-middle' | 'bottom-middle';

/** A group of lines in one place, one font, one ink. */
export interface TextBlock {
  at: Anchor;
  lines: TextWord[][];
  ink: 'light' | 'dark';
  /** Paint a plain label patch behind each line. */
  patch?: boolean;
  /** Paint a band of this grey (0 black to 1 white) across the whole frame behind each line, as screens print a status bar. */
  bar?: number;
  /** With `bar`, the bar's grey at the frame's right edge (optional): the band runs evenly from `bar` at the left edge to it, a gradient. */
  barEnd?: number;
  /** Largest fraction of the frame width a line may take (default 0.46, so left and right blocks never meet). */
  span?: number;
  /** Frames the block is burned into (default: all). */
  frames?: number[];
  /** Font size range, clipped to what fits (default 10–28). */
  sizes?: [number, number];
  /** Line height as a multiple of the font size (default 1.35); screens with tight spacing print 1.1–1.2. */
  leading?: number;
  /**
   * Draw the block turned a quarter (optional), as mammography, ultrasound and some plate consoles print a label along a
   * side edge: `'up'` reads bottom to top (turned counter-clockwise), `'down'` top to bottom (clockwise). `at` is where
   * the block sits in the frame, `span` its share of the frame's height.
   */
  turn?: 'up' | 'down';
  /**
   * Styles of single lines (optional, by index into `lines`), over the block's: a table's heading row in bold or on a
   * band, its selected row inverted (dark ink on a light band across the frame).
   */
  lineStyles?: ReadonlyArray<LineStyle | undefined>;
}

/** A line's own ink, band and weight, over its block's. */
export interface LineStyle {
  ink?: 'light' | 'dark';
  /** A band of this grey across the frame behind the line (see {@link TextBlock.bar}). */
  bar?: number;
  fontWeight?: 'normal' | 'bold';
}

const phi = (text: string, category: SafeHarborCategory): TextWord => ({ text, role: 'phi', category });
const keep = (text: string): TextWord => ({ text, role: 'harmless' });
const other = (text: string): TextWord => ({ text, role: 'other' });
const words = (text: string, make: (w: string) => TextWord): TextWord[] => text.split(/\s+/).filter(Boolean).map(make);
/** A label (not scored) followed by a PHI value; no label when `label` is undefined. */
const labelled = (label: string | undefined, value: TextWord[]): TextWord[] => (label ? [...words(label, other), ...value] : value);

/** The patient's name in one of the forms screens show, as PHI words. */
function nameWords(person: FakePerson, rng: Rng): TextWord[] {
  return words(nameForm(person, rng), (w) => phi(w, 'A'));
}

function dateWords(date: string, rng: Rng): TextWord[] {
  return words(dateForm(date, rng), (w) => phi(w, 'C'));
}

const time = (hhmmss: string): string => `${hhmmss.slice(0, 2)}:${hhmmss.slice(2, 4)}`;

/** A block that goes into one of the four corners; which corner is drawn per sample. */
interface CornerBlock extends Omit<TextBlock, 'at'> {
  /** Share of the width it may take; blocks of one row must leave room for each other. */
  span: number;
}

const CORNERS: Anchor[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];

/**
 * Puts up to four blocks into the four corners in a drawn order (identity may sit in any corner,
 * right-aligned in the right ones), keeping the spans of each row within the frame.
 */
function intoCorners(blocks: CornerBlock[], rng: Rng): TextBlock[] {
  if (blocks.length > 4) throw new Error('[samples] at most four corner blocks');
  for (let attempt = 0; ; attempt++) {
    const order = [...CORNERS];
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const placed = blocks.map((b, i) => ({ ...b, at: order[i] }));
    const row = (top: boolean) => placed.filter((b) => b.at.startsWith(top ? 'top' : 'bottom')).reduce((s, b) => s + b.span, 0);
    if ((row(true) <= 0.95 && row(false) <= 0.95) || attempt >= 20) return placed;
  }
}

/** Institution words as the screen shows them; long names on two lines, as corner overlays print them. */
function institutionLines(name: string, rng: Rng): TextWord[][] {
  const shown = words(institutionForm(name, rng), (w) => phi(w, 'B'));
  if (shown.length < 3 || rng.chance(0.4)) return [shown];
  const half = Math.ceil(shown.length / 2);
  return [shown.slice(0, half), shown.slice(half)];
}

/**
 * The burned-in text of a modality: the fake identity in the forms and places scanners use (any
 * corner, names in any order and case, institutions shortened, dates in national and ISO styles,
 * IDs under any label or none), and the harmless annotations (orientation, technique, probe, window,
 * scale) elsewhere. `frames` is the frame count; multi-frame samples get an annotation on the later frames only.
 */
export function blocksFor(modality: SampleModality, id: FakeIdentity, rng: Rng, frames = 1): TextBlock[] {
  const small: [number, number] = [9, 16];
  const corner = (span: number, lines: TextWord[][], extra: Partial<CornerBlock> = {}): CornerBlock => ({ span, lines, ink: 'light', sizes: small, ...extra });
  const harmless = (lines: string[]): TextWord[][] => lines.map((l) => words(l, keep));
  switch (modality) {
    case 'CT':
      return [
        ...intoCorners(
          [
            corner(0.55, [[...nameWords(id.patient, rng), other(`[${id.sex}]`)], labelled(birthDateLabel(rng), dateWords(id.birthDate, rng)), labelled(patientIdLabel(rng), [phi(id.mrn, 'H')])]),
            corner(0.36, [...institutionLines(id.institution, rng), [...dateWords(id.studyDate, rng), other(time(id.studyTime))], labelled(accessionLabel(rng), [phi(id.accession, 'R')])]),
            corner(0.36, harmless([...techniqueLines('CT', rng), windowLine(rng, 400, 40)])),
            corner(0.3, harmless([rng.pick(['SUPINE', 'PRONE', 'HFS', 'FFS']), scaleLine(rng)])),
          ],
          rng,
        ),
        { at: 'left-middle', ink: 'light', lines: [[keep('R')]], sizes: [14, 28] },
        { at: 'right-middle', ink: 'light', lines: [[keep('L')]], sizes: [14, 28] },
      ];
    case 'MR':
      return [
        ...intoCorners(
          [
            corner(0.5, [nameWords(id.patient, rng), labelled(patientIdLabel(rng), [phi(id.mrn, 'H')]), [...dateWords(id.studyDate, rng), other(time(id.studyTime))]]),
            corner(0.4, [...institutionLines(id.institution, rng), [...words(rng.pick(['Ref:', 'Referring:', 'Dr']), other), phi(id.referring.family, 'A')]]),
            corner(0.36, harmless([...mrLines(rng), windowLine(rng, 1200, 600)])),
            corner(0.3, harmless([scaleLine(rng)])),
          ],
          rng,
        ),
        { at: 'left-middle', ink: 'light', lines: [[keep('R')]], sizes: [14, 24] },
        { at: 'right-middle', ink: 'light', lines: [[keep('L')]], sizes: [14, 24] },
      ];
    case 'CR':
      return [
        ...intoCorners(
          [
            corner(0.55, [[...nameWords(id.patient, rng), other(`[${id.sex}]`)], labelled(birthDateLabel(rng), dateWords(id.birthDate, rng))]),
            corner(0.45, [[...dateWords(id.studyDate, rng), other(time(id.studyTime))], labelled(accessionLabel(rng), [phi(id.accession, 'R')])]),
            corner(0.34, [[keep(rng.pick(['PORTABLE', 'Portable']))], [keep(rng.pick(['AP', 'PA', 'LAT']))], [keep(rng.pick(['SUPINE', 'Semi-Upright', 'UPRIGHT', 'ERECT']))]]),
            corner(0.34, harmless(techniqueLines('CR', rng))),
          ],
          rng,
        ),
        { at: 'right-middle', ink: 'dark', patch: true, lines: [[keep(rng.pick(['L', 'R']))]], sizes: [16, 28] },
      ];
    case 'US': {
      const later = Array.from({ length: frames }, (_, i) => i).filter((i) => i >= Math.ceil(frames / 2));
      const dark = rng.chance(0.35);
      const blocks: TextBlock[] = [
        ...intoCorners(
          [
            corner(0.5, [nameWords(id.patient, rng), ...(rng.chance(0.5) ? [labelled(birthDateLabel(rng), dateWords(id.birthDate, rng))] : []), labelled(patientIdLabel(rng), [phi(id.mrn, 'H')])], { ink: dark ? 'dark' : 'light', patch: dark }),
            corner(0.42, [dateWords(id.studyDate, rng), [other(time(id.studyTime))]]),
            corner(0.46, institutionLines(id.institution, rng)),
            corner(0.4, harmless([probeLine(rng)])),
          ],
          rng,
        ),
        { at: 'right-middle', ink: 'light', lines: harmless([...ultrasoundLines(rng), ...(frames > 1 ? [scaleLine(rng)] : [])]), sizes: [9, 16], span: 0.3 },
      ];
      // A cine loop shows FREEZE on its later frames where a still image shows its scale.
      if (frames > 1) blocks.push({ at: 'left-middle', ink: 'light', lines: [[keep('FREEZE')]], frames: later, sizes: [9, 14], span: 0.3 });
      else blocks.push({ at: 'left-middle', ink: 'light', lines: harmless([scaleLine(rng)]), sizes: [9, 16], span: 0.3 });
      return blocks;
    }
    case 'SC':
      return [
        {
          at: 'top-left',
          ink: 'dark',
          span: 0.92,
          sizes: [9, 18],
          lines: [
            [other('Patient:'), ...nameWords(id.patient, rng)],
            [...labelled(patientIdLabel(rng) ?? 'MRN:', [phi(id.mrn, 'H')]), ...labelled(birthDateLabel(rng) ?? 'DOB:', dateWords(id.birthDate, rng))],
            [other('Address:'), ...words(`${id.street},`, (w) => phi(w, 'B')), phi(id.city, 'B'), other(id.state), phi(id.zip, 'B')],
            [other('Phone:'), phi(id.patientPhone, 'D')],
            [other('Referring:'), other('Dr'), phi(id.referring.given, 'A'), phi(id.referring.family, 'A')],
          ],
        },
        { at: 'left-middle', ink: 'dark', span: 0.8, sizes: [9, 16], lines: [[keep('FINDINGS:')], words('Lungs are clear. Heart size is normal.', keep), words('No pleural effusion.', keep)] },
        { at: 'bottom-left', ink: 'dark', span: 0.6, sizes: [9, 16], lines: [[keep('IMPRESSION:'), keep('No'), keep('acute'), keep('findings.')], [keep('Page'), keep('1'), keep('of'), keep('1')]] },
        { at: 'bottom-right', ink: 'dark', span: 0.34, sizes: [9, 14], lines: institutionLines(id.institution, rng) },
        { at: 'top-right', ink: 'light', patch: true, lines: [[keep('REPORT')]], sizes: [12, 20], span: 0.3 },
      ];
  }
}

/** Font choices for one block. */
export interface BlockFont {
  fontFamily: string;
  fontWeight: 'normal' | 'bold';
  fontSize: number;
  margin: number;
}

/**
 * Picks a font (sans, serif or mono, installed), a weight, a margin and a starting size for a block:
 * a size from its range, capped by a generous width estimate. The caller shrinks it if the
 * rendered lines still do not fit.
 */
export function chooseBlockFont(block: TextBlock, width: number, height: number, rng: Rng): BlockFont {
  const kind = rng.pick<FontKind>(['sans', 'serif', 'mono']);
  const fontFamily = rng.pick(availableFonts(kind));
  const fontWeight = rng.chance(0.3) ? 'bold' : 'normal';
  const longest = Math.max(...block.lines.map((l) => l.map((w) => w.text).join(' ').length));
  const [lo, hi] = block.sizes ?? [10, 28];
  const widthCap = Math.floor(((block.span ?? 0.46) * width) / (0.62 * longest));
  const heightCap = Math.floor((0.3 * height) / (1.3 * block.lines.length));
  const cap = Math.max(lo, Math.min(hi, widthCap, heightCap));
  return { fontFamily, fontWeight, fontSize: rng.int(lo, cap), margin: rng.int(4, 10) };
}

/** The lines of a block placed with the given font: positions by anchor, one line height apart. */
export function placeBlock(block: TextBlock, font: BlockFont, width: number, height: number): TextLine[] {
  const lineHeight = Math.round(font.fontSize * (block.leading ?? 1.35));
  const n = block.lines.length;
  return block.lines.map((lineWords, i) => {
    const [x, anchor] = horizontal(block.at, width, font.margin);
    const style = block.lineStyles?.[i];
    const bar = style?.bar ?? block.bar;
    return {
      words: lineWords,
      fontFamily: font.fontFamily,
      fontSize: font.fontSize,
      fontWeight: style?.fontWeight ?? font.fontWeight,
      x,
      anchor,
      baseline: vertical(block.at, height, font.margin, font.fontSize, lineHeight, i, n),
      ink: style?.ink ?? block.ink,
      patch: block.patch,
      ...(bar === undefined ? {} : { bar }),
      ...(block.barEnd === undefined ? {} : { barEnd: block.barEnd }),
      frames: block.frames,
    };
  });
}
function horizontal(at: Anchor, width: number, margin: number): [number, TextLine['anchor']] {
  if (at.includes('left')) return [margin + 2, 'start'];
  if (at.includes('right')) return [width - margin - 2, 'end'];
  return [Math.round(width / 2), 'middle'];
}

function vertical(at: Anchor, height: number, margin: number, fontSize: number, lineHeight: number, i: number, n: number): number {
  const patchRoom = 3;
  if (at.startsWith('top')) return margin + patchRoom + Math.round(fontSize * 0.95) + i * lineHeight;
  if (at.startsWith('bottom')) return height - margin - patchRoom - Math.round(fontSize * 0.3) - (n - 1 - i) * lineHeight;
  return Math.round(height / 2 - ((n - 1) * lineHeight) / 2 + fontSize * 0.35 + i * lineHeight);
}
