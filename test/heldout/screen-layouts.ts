/**
 * What screens print in their corners: identity lines in the forms screens use (name orders and
 * cases, shortened institution names, national and ISO dates, IDs with or without labels) beside
 * harmless annotation (probe lines, technique, window, views, markers, counters, scale bars).
 */
import { ageString, DATE_FORMATS, type Identity, type Person, type Ymd } from './identity.js';
import type { Rng } from './rng.js';
import type { ScreenLine, Token } from './screen.js';
import type { Category } from './truth.js';
import { SCREEN_HARMLESS } from './vocabulary.js';

/** Fonts installed by `npm run setup` (fonts-liberation, fonts-urw-base35, fonts-noto-mono, fonts-dejavu-core). */
export const FONTS = ['Liberation Sans Narrow', 'Nimbus Sans Narrow', 'Noto Mono', 'URW Gothic', 'URW Bookman', 'C059', 'P052', 'DejaVu Sans Condensed', 'DejaVu Serif Condensed'];

const P = (text: string, category: Category, kind: string, glue = false): Token => ({ text, phi: { category, kind }, glue });
const N = (text: string, glue = false): Token => ({ text, glue });

/** A name as screens print it, one token per word; punctuation is neutral. */
export function nameTokens(rng: Rng, p: Person, style = rng.int(0, 8)): Token[] {
  const F = p.family, G = p.given, U = (s: string) => s.toUpperCase();
  switch (style) {
    case 0: return [P(U(F), 'A', 'name'), N(',', true), P(U(G), 'A', 'name'), P(p.middle, 'A', 'name')];
    case 1: return [P(F, 'A', 'name'), N(',', true), P(G, 'A', 'name')];
    case 2: return [P(G, 'A', 'name'), P(F, 'A', 'name')];
    case 3: return [P(U(F), 'A', 'name'), N('^', true), P(U(G), 'A', 'name', true)];
    case 4: return [P(`${G[0]}.`, 'A', 'name'), P(F, 'A', 'name')];
    case 5: return [P(U(F), 'A', 'name'), P(U(G[0]), 'A', 'name')];
    case 6: return [P(F, 'A', 'name'), N(',', true), P(`${G[0]}.${p.middle}.`, 'A', 'name')];
    case 7: return [P(U(G), 'A', 'name'), P(U(F), 'A', 'name')];
    default: return [P(F.toLowerCase(), 'A', 'name'), P(G.toLowerCase(), 'A', 'name')];
  }
}

/** A date as one token, or as day/month words with a neutral year. */
export function dateTokens(rng: Rng, d: Ymd, kind: string, hideYear = false): Token[] {
  const f = rng.int(0, DATE_FORMATS.length - 1);
  const [text] = DATE_FORMATS[f](d);
  const words = text.split(' ');
  if (words.length === 1) return [P(text, 'C', kind)];
  // `March 14, 2023`, `14 March 2023`: day and month are PHI, the year alone is not (unless it gives an age over 89).
  return words.map((w) => (/^\d{4}$/.test(w) && !hideYear ? N(w) : P(w, 'C', kind)));
}

const ID_LABELS = ['MRN:', 'ID:', 'PID', 'MRN', 'Pat ID:', 'Patient ID', ''];
const ACC_LABELS = ['Acc:', 'Acc#', 'A#', 'ACC', 'Accession', 'Exam#', '#', ''];

export function idTokens(rng: Rng, label: string, value: string, category: Category, kind: string): Token[] {
  if (!label) return [P(value, category, kind)];
  const glue = rng.chance(0.3) || label === '#';
  return [N(label), P(value, category, kind, glue)];
}

export const patientIdLine = (rng: Rng, id: Identity) => idTokens(rng, rng.pick(ID_LABELS), id.mrn, 'H', 'mrn');
export const accessionLine = (rng: Rng, id: Identity) => idTokens(rng, rng.pick(ACC_LABELS), id.accession, 'R', 'accession');

export function institutionTokens(rng: Rng, id: Identity): Token[] {
  return rng.pick(id.institution.screen).split(' ').map((w) => P(w, 'B', 'institution'));
}

export function birthTokens(rng: Rng, id: Identity): Token[] {
  const label = rng.pick(['DOB', 'DOB:', 'b.', 'Born', 'Geb.', '']);
  return [...(label ? [N(label)] : []), ...dateTokens(rng, id.birth, 'birth date', id.age > 89)];
}

export function ageSexTokens(rng: Rng, id: Identity): Token[] {
  const age = rng.pick([ageString(id.age), `${id.age}Y`, `${id.age}y`, `${id.age} Y`]);
  const ageTokens = age.split(' ').map((w, i) => (i === 0 ? (id.age > 89 ? P(w, 'C', 'age>89') : N(w)) : N(w)));
  return rng.chance(0.5) ? [...ageTokens, N(id.patient.sex)] : [N(id.patient.sex), ...ageTokens];
}

export const harmless = (text: string): Token[] => text.split(' ').map((w) => N(w));

export interface Style {
  font: string;
  size: number;
  bold?: boolean;
  ink: number[];
  backing?: { fill: number[]; pad: number };
}

export type Corner = 'tl' | 'tr' | 'bl' | 'br' | 'bc' | 'tc';

/** Stacks rows in a corner (right-aligned on the right, centred at the centre). */
export function block(rng: Rng, corner: Corner, rows: { tokens: Token[]; harmless: boolean; style?: Partial<Style> }[], style: Style, w: number, h: number, frames: number[], margin = rng.int(3, 8)): ScreenLine[] {
  const lineHeight = (size: number) => Math.round(size * (1.4 + rng.next() * 0.25)) + (style.backing ? 2 * style.backing.pad : 0);
  const x = corner[1] === 'l' ? margin + (style.backing?.pad ?? 0) : corner[1] === 'r' ? w - margin - (style.backing?.pad ?? 0) : Math.round(w / 2);
  const anchor = corner[1] === 'l' ? 'start' : corner[1] === 'r' ? 'end' : 'middle';
  const lines: ScreenLine[] = [];
  const sized = rows.map((r) => ({ ...r, s: { ...style, ...r.style } }));
  if (corner[0] === 't') {
    let y = margin + (style.backing?.pad ?? 0);
    for (const r of sized) {
      y += Math.round(r.s.size * 0.95);
      lines.push({ tokens: r.tokens, harmless: r.harmless, x, y, anchor, font: r.s.font, size: r.s.size, bold: r.s.bold, ink: r.s.ink, frames, backing: r.s.backing });
      y += lineHeight(r.s.size) - Math.round(r.s.size * 0.95);
    }
  } else {
    let y = h - margin - (style.backing?.pad ?? 0);
    for (const r of [...sized].reverse()) {
      y -= Math.round(r.s.size * 0.28);
      lines.push({ tokens: r.tokens, harmless: r.harmless, x, y, anchor, font: r.s.font, size: r.s.size, bold: r.s.bold, ink: r.s.ink, frames, backing: r.s.backing });
      y -= lineHeight(r.s.size) - Math.round(r.s.size * 0.28);
    }
  }
  return lines;
}

/** A scale bar: a vertical ruler with ticks (a harmless graphic). */
export function scaleBar(x: number, top: number, length: number, ticks: number, ink: number[], frames: number[]): ScreenLine {
  const parts = [`<rect x="${x}" y="${top}" width="1" height="${length}"/>`];
  for (let i = 0; i <= ticks; i++) {
    const y = Math.round(top + (i * (length - 1)) / ticks);
    parts.push(`<rect x="${x - (i % 5 === 0 ? 5 : 3)}" y="${y}" width="${i % 5 === 0 ? 5 : 3}" height="1"/>`);
  }
  return { tokens: [], harmless: true, graphic: parts.join(''), x, y: top, anchor: 'start', font: 'graphic', size: 0, ink, frames };
}

/** A side marker (`L`, `R`) in a bold face, sometimes boxed. */
export function marker(text: string, x: number, y: number, size: number, font: string, ink: number[], frames: number[]): ScreenLine {
  return { tokens: [N(text)], harmless: true, x, y, anchor: 'start', font, size, bold: true, ink, frames };
}

export const harmlessFor = (rng: Rng, modality: string, count: number) => rng.sample(SCREEN_HARMLESS[modality] ?? SCREEN_HARMLESS.CT, count);
