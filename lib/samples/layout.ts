import type { SafeHarborCategory } from '../safe-harbor.js';
import type { SampleModality } from './format.js';
import { formatDate, type FakeIdentity, type FakePerson } from './identity.js';
import type { Rng } from './rng.js';
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
  /** Largest fraction of the frame width a line may take (default 0.46, so left and right blocks never meet). */
  span?: number;
  /** Frames the block is burned into (default: all). */
  frames?: number[];
  /** Font size range, clipped to what fits (default 10–28). */
  sizes?: [number, number];
}

const phi = (text: string, category: SafeHarborCategory): TextWord => ({ text, role: 'phi', category });
const keep = (text: string): TextWord => ({ text, role: 'harmless' });
const other = (text: string): TextWord => ({ text, role: 'other' });
const words = (text: string, make: (w: string) => TextWord): TextWord[] => text.split(/\s+/).filter(Boolean).map(make);

/** The patient's name as one of the forms screens show, as PHI words. */
function nameWords(person: FakePerson, rng: Rng): TextWord[] {
  const title = (s: string): string => s[0] + s.slice(1).toLowerCase();
  const forms = [
    `${person.family} ${person.given}`,
    `${person.family}, ${person.given}`,
    `${person.given} ${person.family}`,
    `${person.family}^${person.given}`,
    `${title(person.family)}, ${title(person.given)} ${person.middle ?? ''}`.trim(),
  ];
  return words(rng.pick(forms), (w) => phi(w, 'A'));
}

function dateWord(date: string, rng: Rng): TextWord {
  return phi(formatDate(date, rng.pick(['mm.dd.yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd', 'dd-mon-yyyy'] as const)), 'C');
}

const time = (hhmmss: string): string => `${hhmmss.slice(0, 2)}:${hhmmss.slice(2, 4)}`;

/**
 * The burned-in text of a modality: the fake identity in the places scanners put it, and the
 * harmless annotations (orientation, technique, window, scale) elsewhere.
 * `frames` is the frame count; multi-frame samples get an annotation on the later frames only.
 */
export function blocksFor(modality: SampleModality, id: FakeIdentity, rng: Rng, frames = 1): TextBlock[] {
  const institution = words(id.institution, (w) => phi(w, 'B'));
  // Long names of institutions go on two lines, as corner overlays print them.
  const half = Math.ceil(institution.length / 2);
  const institutionLines = [institution.slice(0, half), institution.slice(half)];
  switch (modality) {
    case 'CT':
      return [
        { at: 'top-left', ink: 'light', span: 0.6, lines: [[...nameWords(id.patient, rng), other(`[${id.sex}]`), dateWord(id.studyDate, rng)], [other('DOB:'), dateWord(id.birthDate, rng)], [other('MRN:'), phi(id.mrn, 'H')]] },
        { at: 'top-right', ink: 'light', span: 0.34, lines: [...institutionLines, [other('Acc:'), phi(id.accession, 'R')]], sizes: [10, 16] },
        { at: 'bottom-left', ink: 'light', lines: [[keep('kVp'), keep('120')], [keep('mAs'), keep('250')], [keep('W:400'), keep('L:40')]] },
        { at: 'bottom-right', ink: 'light', lines: [[keep('SUPINE')], [keep('5'), keep('cm')]] },
        { at: 'left-middle', ink: 'light', lines: [[keep('R')]], sizes: [14, 28] },
        { at: 'right-middle', ink: 'light', lines: [[keep('L')]], sizes: [14, 28] },
      ];
    case 'MR':
      return [
        { at: 'top-left', ink: 'light', span: 0.55, lines: [nameWords(id.patient, rng), [other('ID:'), phi(id.mrn, 'H')], [dateWord(id.studyDate, rng), other(time(id.studyTime))]] },
        { at: 'top-right', ink: 'light', span: 0.38, lines: [...institutionLines, [other('Ref:'), other('Dr'), phi(id.referring.family, 'A')]], sizes: [10, 16] },
        { at: 'bottom-left', ink: 'light', lines: [[keep('TR'), keep('500')], [keep('TE'), keep('15')], [keep('W:1200'), keep('L:600')]] },
        { at: 'bottom-right', ink: 'light', lines: [[keep('FOV'), keep('240')], [keep('5'), keep('cm')]] },
        { at: 'left-middle', ink: 'light', lines: [[keep('R')]], sizes: [14, 24] },
        { at: 'right-middle', ink: 'light', lines: [[keep('L')]], sizes: [14, 24] },
      ];
    case 'CR':
      return [
        { at: 'top-left', ink: 'light', span: 0.6, lines: [[...nameWords(id.patient, rng), other(`[${id.sex}]`)], [other('DOB:'), dateWord(id.birthDate, rng)]] },
        { at: 'bottom-left', ink: 'light', lines: [[dateWord(id.studyDate, rng), other(time(id.studyTime))], [other('Acc#'), phi(id.accession, 'R')]] },
        { at: 'top-right', ink: 'light', span: 0.32, lines: [[keep(rng.pick(['PORTABLE', 'Portable']))], [keep(rng.pick(['AP', 'PA']))], [keep(rng.pick(['SUPINE', 'Semi-Upright', 'UPRIGHT']))]] },
        { at: 'right-middle', ink: 'dark', patch: true, lines: [[keep('L')]], sizes: [16, 28] },
        { at: 'bottom-right', ink: 'light', lines: [[keep('kVp'), keep('90')], [keep('mAs'), keep('2.5')]] },
      ];
    case 'US': {
      const later = Array.from({ length: frames }, (_, i) => i).filter((i) => i >= Math.ceil(frames / 2));
      const blocks: TextBlock[] = [
        { at: 'top-left', ink: rng.chance(0.35) ? 'dark' : 'light', patch: undefined, lines: [nameWords(id.patient, rng), [other('ID'), phi(id.mrn, 'H')]], span: 0.5 },
        { at: 'top-right', ink: 'light', lines: [[dateWord(id.studyDate, rng)], [other(time(id.studyTime))]], span: 0.4 },
        { at: 'right-middle', ink: 'light', lines: [[keep('MI'), keep('1.1')], [keep('TIs'), keep('0.4')], [keep('Gn'), keep('54')]], sizes: [10, 16] },
        { at: 'left-middle', ink: 'light', lines: [[keep('5'), keep('cm')]], sizes: [10, 16] },
        { at: 'bottom-left', ink: 'light', lines: institutionLines, span: 0.6, sizes: [10, 18] },
      ];
      blocks[0].patch = blocks[0].ink === 'dark';
      if (frames > 1) blocks.push({ at: 'bottom-right', ink: 'light', lines: [[keep('FREEZE')]], frames: later, sizes: [10, 14], span: 0.3 });
      return blocks;
    }
    case 'SC':
      return [
        {
          at: 'top-left',
          ink: 'dark',
          span: 0.92,
          sizes: [10, 18],
          lines: [
            [other('Patient:'), ...nameWords(id.patient, rng)],
            [other('MRN:'), phi(id.mrn, 'H'), other('DOB:'), dateWord(id.birthDate, rng)],
            [other('Address:'), ...words(`${id.street},`, (w) => phi(w, 'B')), phi(id.city, 'B'), other(id.state), phi(id.zip, 'B')],
            [other('Phone:'), phi(id.patientPhone, 'D')],
            [other('Referring:'), other('Dr'), phi(id.referring.given, 'A'), phi(id.referring.family, 'A')],
          ],
        },
        { at: 'left-middle', ink: 'dark', span: 0.8, sizes: [10, 16], lines: [[keep('FINDINGS:')], words('Lungs are clear. Heart size is normal.', keep), words('No pleural effusion.', keep)] },
        { at: 'bottom-left', ink: 'dark', span: 0.92, sizes: [10, 16], lines: [[keep('IMPRESSION:'), keep('No'), keep('acute'), keep('findings.')], [keep('Page'), keep('1'), keep('of'), keep('1')]] },
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
  const lineHeight = Math.round(font.fontSize * 1.35);
  const n = block.lines.length;
  return block.lines.map((lineWords, i) => {
    const [x, anchor] = horizontal(block.at, width, font.margin);
    return {
      words: lineWords,
      fontFamily: font.fontFamily,
      fontSize: font.fontSize,
      fontWeight: font.fontWeight,
      x,
      anchor,
      baseline: vertical(block.at, height, font.margin, font.fontSize, lineHeight, i, n),
      ink: block.ink,
      patch: block.patch,
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
