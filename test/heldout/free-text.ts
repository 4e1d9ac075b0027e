/**
 * Free text as it is written into descriptions, comments and histories: clinical wording that must
 * be kept word for word, joined by connector words to PHI that must go.
 */
import type { Rng } from './rng.js';
import type { Phi } from './truth.js';
import {
  addressPhi, agePhi, agePhrase, datePhi, emailFor, emailPhi, idPhi, namePhi, phonePhi, urlPhi, type Identity, type Person, person,
} from './identity.js';
import { COMMENTS, DIAGNOSES, HISTORY, PROCEDURES, REASONS, SERIES } from './vocabulary.js';

/** A built text: the value, the PHI in it, and the clinical words that must stay. */
export interface BuiltText {
  value: string;
  phi: Phi[];
  keep: string[];
}

export class TextBuilder {
  private parts: string[] = [];
  readonly phi: Phi[] = [];
  readonly keep: string[] = [];

  /** Clinical wording: every word must be kept. */
  clin(text: string): this {
    this.parts.push(text);
    this.keep.push(...keepWords(text));
    return this;
  }

  /** Connector words (may go with the PHI they introduce). */
  conn(text: string): this {
    this.parts.push(text);
    return this;
  }

  plant(p: Phi): this {
    this.parts.push(p.text);
    this.phi.push(p);
    return this;
  }

  build(): BuiltText {
    return { value: this.parts.join(''), phi: this.phi, keep: this.keep };
  }
}

/** The words of clinical text, without the punctuation around them. */
export function keepWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9]+$/, ''))
    .filter((w) => w.length > 0);
}

export interface TextContext {
  id: Identity;
  modality: string;
  /** The header lacks the patient's identity: names appear only after cue words. */
  damaged: boolean;
}

const sexWord = (rng: Rng, p: Person) => rng.pick(p.sex === 'F' ? ['F', 'female', 'woman', 'female pt'] : ['M', 'male', 'man', 'male pt']);

/** A short description (LO, at most 64 characters). */
export function description(rng: Rng, ctx: TextContext, kind: 'study' | 'procedure' | 'step'): BuiltText {
  const procs = PROCEDURES[ctx.modality] ?? PROCEDURES.CT;
  for (;;) {
    const proc = rng.pick(procs);
    const b = new TextBuilder();
    const t = rng.int(0, 11);
    if (t === 0) b.clin(proc).conn(' for ').plant(namePhi(rng, ctx.id.patient, rng.pick([0, 1, 4])));
    else if (t === 1) b.clin(proc).conn(' - ').plant(datePhi(rng, ctx.id.study));
    else if (t === 2) b.clin(proc).conn(' ').plant(idPhi(rng, ctx.id.accession, true, 'accession'));
    else if (t === 3) b.plant(idPhi(rng, ctx.id.mrn, false, 'mrn')).conn(' ').clin(proc);
    else if (t === 4) b.clin(proc).conn(' ').plant(agePhi(rng, rng.pick(['({n} Y)', '{n}yo', '{n}F', 'AGE: 0{n}Y', '{n} y/o'])));
    else if (t === 5) b.clin(proc).conn(' pt ').plant(phonePhi(rng));
    else if (t === 6) b.conn('Pt: ').plant(namePhi(rng, ctx.id.patient, 2)).conn(' ').clin(proc);
    else if (t === 7) b.clin(proc).conn(' (').clin(rng.pick(REASONS)).conn(')');
    else if (t === 8) b.clin(proc).conn(' for ').plant(namePhi(rng, ctx.id.patient, 3)).conn(' ').plant(phonePhi(rng));
    else if (t === 9) b.clin(proc).conn(' ').plant(datePhi(rng, ctx.id.study)).conn(' ').plant(idPhi(rng, ctx.id.mrn, true, 'mrn'));
    else b.clin(proc);
    const built = b.build();
    if (built.value.length <= 64) return built;
  }
}

/** A series description or protocol name (mostly clinical; sometimes a date or initials appended by a technologist). */
export function seriesText(rng: Rng, ctx: TextContext): BuiltText {
  const series = SERIES[ctx.modality] ?? SERIES.CT;
  const b = new TextBuilder().clin(rng.pick(series));
  const t = rng.int(0, 5);
  if (t === 0) b.conn(' ').plant(datePhi(rng, ctx.id.study, 'date', rng.pick([0, 3, 6, 12])));
  else if (t === 1) b.conn(' ').clin(rng.pick(series));
  return b.build();
}

/** A reason for study (LO). */
export function reasonText(rng: Rng, ctx: TextContext): BuiltText {
  for (;;) {
    const b = new TextBuilder();
    const reason = rng.pick(REASONS);
    const t = rng.int(0, 6);
    if (t === 0) b.clin(reason).conn(', ').plant(agePhi(rng));
    else if (t === 1) b.plant(agePhi(rng)).conn(' ').clin(`${sexWord(rng, ctx.id.patient)}, ${reason}`);
    else if (t === 2) b.clin(reason).conn(' per Dr. ').plant(namePhi(rng, ctx.id.referring, rng.pick([0, 4, 1])));
    else if (t === 3) b.clin(reason).conn('; call ').plant(phonePhi(rng));
    else if (t === 4) b.clin(`${agePhrase(rng, false).text} ${sexWord(rng, ctx.id.patient)}, ${reason}`);
    else b.clin(reason);
    const built = b.build();
    if (built.value.length <= 64) return built;
  }
}

export function diagnosisText(rng: Rng, ctx: TextContext): BuiltText {
  const b = new TextBuilder().clin(rng.pick(DIAGNOSES));
  if (rng.chance(0.4)) b.conn(' dx ').plant(datePhi(rng, { y: ctx.id.study.y, m: rng.int(1, 12), d: rng.int(2, 28) }));
  return b.build();
}

/** Sentences of a note; each adds clinical words and PHI to the builder. */
const SENTENCES: ((rng: Rng, b: TextBuilder, ctx: TextContext) => void)[] = [
  (rng, b, { id }) => b.plant(agePhi(rng)).conn(' ').clin(`${sexWord(rng, id.patient)} with ${rng.pick(HISTORY)}.`),
  (rng, b, { id }) => b.conn('Lives at ').plant(addressPhi(rng, id.address)).conn('.'),
  (rng, b, { id }) => b.conn(`Contact ${rng.pick(['daughter', 'son', 'wife', 'husband', 'niece', 'caregiver', 'POA'])} `).plant(namePhi(rng, id.relative, rng.pick([0, 1]))).conn(' ').plant(phonePhi(rng)).conn('.'),
  (rng, b, { id }) => b.conn('Seen by Dr. ').plant(namePhi(rng, id.referring, rng.pick([0, 1, 4]))).conn(' on ').plant(datePhi(rng, id.study)).conn('.'),
  (rng, b, { id }) => b.conn('Prior imaging at ').plant({ text: id.otherInstitution.full, category: 'B', kind: 'institution', probes: [id.otherInstitution.key] }).conn(' ').plant(datePhi(rng, { y: id.study.y - 1, m: rng.int(1, 12), d: rng.int(2, 28) })).conn('.'),
  (rng, b, { id }) => b.conn('Pt: ').plant(namePhi(rng, id.patient, 2)).conn(' DOB ').plant(datePhi(rng, id.birth, 'birth date')).conn(' ').plant(idPhi(rng, id.mrn, true, 'mrn')).conn('.'),
  (rng, b) => b.clin(`${rng.pick(REASONS)}.`),
  (rng, b) => b.clin(`${rng.pick(COMMENTS)}.`),
  (rng, b, { id }) => b.conn('Results to ').plant(emailPhi(emailFor(rng, id.referring, id.institution))).conn(' or fax ').plant(phonePhi(rng, undefined, 'fax')).conn('.'),
  (rng, b, { id }) => b.conn('Portal: ').plant(urlPhi(rng, id.institution, id.mrn)),
  (rng, b, { id }) => b.conn('Per ').plant(namePhi(rng, id.referring, rng.pick([0, 1]))).conn(' MD, ').clin(`${rng.pick(REASONS)}.`),
  (rng, b) => b.clin(`Interpreter needed (${rng.pick(['Portuguese', 'Tagalog', 'Amharic', 'Polish', 'Haitian Creole'])}).`),
  (rng, b, { id }) => b.clin(`${agePhrase(rng, false).text} ${sexWord(rng, id.patient)}, ${rng.pick(REASONS)}.`),
  (rng, b, { id }) => b.clin('Pacemaker').conn(' SN ').plant({ text: `PM${id.deviceSerial}`, category: 'M', kind: 'device serial', probes: [`PM${id.deviceSerial}`] }).conn(' - ').clin(`${rng.pick(HISTORY)}.`),
  (rng, b, { id }) => b.conn('Transferred from ').plant({ text: id.otherInstitution.screen[0], category: 'B', kind: 'institution', probes: [id.otherInstitution.key] }).conn(' (').plant(idPhi(rng, rng.digits(8), rng.chance(0.5), 'mrn')).conn(').'),
  (rng, b, { id }) => b.conn('Ordering: ').plant(namePhi(rng, id.referring, 2)).conn(', NPI ').plant({ text: `1${rng.digits(9)}`, category: 'R', kind: 'provider id', probes: [] }).conn('.'),
  (rng, b) => b.clin('MVC;').conn(' vehicle tag ').plant({ text: `${rng.digits(1)}${'TRXKLM'[rng.int(0, 5)]}${'ABQWZ'[rng.int(0, 4)]}${rng.digits(3)}`, category: 'L', kind: 'vehicle plate', probes: [] }).conn('.'),
  (rng, b) => b.conn('Images pushed from ').plant({ text: `10.${rng.int(1, 250)}.${rng.int(1, 250)}.${rng.int(2, 250)}`, category: 'O', kind: 'ip address', probes: [] }).conn('.'),
  (rng, b, { id }) => b.plant(idPhi(rng, id.mrn, true)).conn('. ').clin(`${rng.pick(COMMENTS)}.`),
  (rng, b, { id }) => b.conn(`${rng.pick(['Husband', 'Wife', 'Son', 'Daughter'])} `).plant(namePhi(rng, person(rng), 0)).conn(' at bedside, ').plant(emailPhi(emailFor(rng, id.relative))).conn('.'),
  (rng, b, { id }) => b.clin(`${rng.pick(HISTORY)};`).conn(' PCP ').plant(namePhi(rng, id.performing, 4)).conn(' ').plant(phonePhi(rng)).conn('.'),
  (rng, b, { id }) => b.conn('Outside films dated ').plant(datePhi(rng, { y: id.study.y, m: rng.int(1, 12), d: rng.int(13, 28) })).conn(', ').clin(`${rng.pick(COMMENTS)}.`),
];

/** Probes that are empty take the PHI text itself. */
function withProbes(b: TextBuilder): void {
  for (const p of b.phi) if (p.probes.length === 0) p.probes.push(p.text);
}

/** A note of 2–4 sentences (LT/ST/UT). `force` puts sentences of given indexes first (so each file covers what it must). */
export function note(rng: Rng, ctx: TextContext, count = rng.int(2, 4), force: number[] = []): BuiltText {
  const b = new TextBuilder();
  const picks = [...force, ...Array.from({ length: Math.max(0, count - force.length) }, () => rng.int(0, SENTENCES.length - 1))];
  picks.forEach((i, k) => {
    if (k) b.conn(' ');
    SENTENCES[i % SENTENCES.length](rng, b, ctx);
  });
  withProbes(b);
  return b.build();
}

export const SENTENCE_COUNT = SENTENCES.length;
