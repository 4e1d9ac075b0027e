/** Invented identities and the many ways people write their parts (names, dates, ages, phones, IDs, addresses). */
import type { Rng } from './rng.js';
import type { Category, Phi } from './truth.js';
import { CITIES, FAMILY_NAMES, GIVEN_NAMES, INSTITUTIONS, MAIL_HOSTS, STATES, STREETS, STREET_SUFFIXES, type Institution } from './vocabulary.js';

export interface Person {
  given: string;
  middle: string;
  family: string;
  sex: 'F' | 'M';
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export interface Address {
  number: string;
  street: string;
  suffix: [string, string];
  unit?: string;
  city: string;
  state: string;
  zip: string;
}

export interface Identity {
  patient: Person;
  birth: Ymd;
  age: number;
  study: Ymd;
  mrn: string;
  accession: string;
  studyId: string;
  institution: Institution;
  otherInstitution: Institution;
  address: Address;
  phone: string;
  email: string;
  referring: Person;
  performing: Person;
  operator: Person;
  reader: Person;
  relative: Person;
  deviceSerial: string;
  station: string;
}

const phi = (text: string, category: Category, kind: string, probes: string[]): Phi => ({ text, category, kind, probes });

export function person(rng: Rng, sex?: 'F' | 'M'): Person {
  const s = sex ?? (rng.chance(0.5) ? 'F' : 'M');
  return { given: rng.pick(GIVEN_NAMES[s]), middle: rng.pick('ABCDEFGHJKLMNPRSTW'.split('')), family: rng.pick(FAMILY_NAMES), sex: s };
}

/** The name words whose presence shows the name (hyphenated parts count alone). */
export function nameProbes(p: Person): string[] {
  return [...new Set([...p.family.split('-'), p.given])];
}

/** DICOM PN: `FAMILY^GIVEN^MIDDLE`, in upper or mixed case. */
export function pn(p: Person, upper = true): string {
  const v = `${p.family}^${p.given}^${p.middle}`;
  return upper ? v.toUpperCase() : v;
}

/** A name written the way notes and screens write it. */
export function nameForm(rng: Rng, p: Person, style?: number): string {
  const forms = [
    () => `${p.given} ${p.family}`,
    () => `${p.given} ${p.middle}. ${p.family}`,
    () => `${p.family.toUpperCase()}, ${p.given.toUpperCase()}`,
    () => `${p.family}, ${p.given} ${p.middle}`,
    () => `${p.given[0]}. ${p.family}`,
    () => `${p.family.toUpperCase()} ${p.given.toUpperCase()}`,
    () => `${p.given.toUpperCase()} ${p.family.toUpperCase()}`,
    () => `${p.family}^${p.given}`,
    () => `${p.family}, ${p.given[0]}.${p.middle}.`,
  ];
  return forms[style ?? rng.int(0, forms.length - 1)]();
}

/** A name in free text, with the probes that show it. */
export function namePhi(rng: Rng, p: Person, style?: number): Phi {
  const text = nameForm(rng, p, style);
  const probes = nameProbes(p).filter((w) => text.toLowerCase().includes(w.toLowerCase()));
  return phi(text, 'A', 'name', probes);
}

export function ymd(rng: Rng, fromYear: number, toYear: number): Ymd {
  return { y: rng.int(fromYear, toYear), m: rng.int(1, 12), d: rng.int(2, 28) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number) => String(n).padStart(2, '0');
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** DICOM DA. */
export const da = (d: Ymd) => `${d.y}${p2(d.m)}${p2(d.d)}`;

/** Date formats people and screens use; each with the part (day and month) that must not stay. */
export const DATE_FORMATS: ((d: Ymd) => [text: string, probe: string])[] = [
  (d) => [`${p2(d.m)}/${p2(d.d)}/${d.y}`, `${p2(d.m)}/${p2(d.d)}`],
  (d) => [`${d.m}/${d.d}/${String(d.y).slice(2)}`, `${d.m}/${d.d}`],
  (d) => [`${p2(d.m)}-${p2(d.d)}-${d.y}`, `${p2(d.m)}-${p2(d.d)}`],
  (d) => [`${p2(d.d)}.${p2(d.m)}.${d.y}`, `${p2(d.d)}.${p2(d.m)}`],
  (d) => [`${d.d}.${d.m}.${d.y}`, `${d.d}.${d.m}`],
  (d) => [`${p2(d.d)}/${p2(d.m)}/${d.y}`, `${p2(d.d)}/${p2(d.m)}`],
  (d) => [`${d.y}-${p2(d.m)}-${p2(d.d)}`, `${p2(d.m)}-${p2(d.d)}`],
  (d) => [`${d.y}/${p2(d.m)}/${p2(d.d)}`, `${p2(d.m)}/${p2(d.d)}`],
  (d) => [`${d.y}${p2(d.m)}${p2(d.d)}`, `${d.y}${p2(d.m)}${p2(d.d)}`],
  (d) => [`${MONTHS[d.m - 1]} ${d.d}, ${d.y}`, `${MONTHS[d.m - 1]} ${d.d}`],
  (d) => [`${MONTHS[d.m - 1].slice(0, 3)} ${d.d} ${d.y}`, `${MONTHS[d.m - 1].slice(0, 3)} ${d.d}`],
  (d) => [`${d.d} ${MONTHS[d.m - 1]} ${d.y}`, `${d.d} ${MONTHS[d.m - 1]}`],
  (d) => [`${p2(d.d)}-${MONTHS[d.m - 1].slice(0, 3)}-${d.y}`, `${p2(d.d)}-${MONTHS[d.m - 1].slice(0, 3)}`],
  (d) => [`${p2(d.d)}${MONTHS[d.m - 1].slice(0, 3).toUpperCase()}${d.y}`, `${p2(d.d)}${MONTHS[d.m - 1].slice(0, 3).toUpperCase()}${d.y}`],
  (d) => [`${p2(d.d)}-${MONTHS[d.m - 1].slice(0, 3).toUpperCase()}-${String(d.y).slice(2)}`, `${p2(d.d)}-${MONTHS[d.m - 1].slice(0, 3).toUpperCase()}`],
  (d) => [`${MONTHS[d.m - 1].slice(0, 3)}. ${ordinal(d.d)}, ${d.y}`, `${MONTHS[d.m - 1].slice(0, 3)}. ${ordinal(d.d)}`],
];

export function datePhi(rng: Rng, d: Ymd, kind = 'date', format?: number): Phi {
  const [text, probe] = DATE_FORMATS[format ?? rng.int(0, DATE_FORMATS.length - 1)](d);
  return phi(text, 'C', kind, [probe]);
}

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TENS: Record<number, string> = { 2: 'twenty', 3: 'thirty', 4: 'forty', 5: 'fifty', 6: 'sixty', 7: 'seventy', 8: 'eighty', 9: 'ninety' };

/** 50–109 in words, as `ninety-two`, `ninety two`, `one hundred and two`. */
export function ageWords(n: number, sep = '-'): string {
  if (n < 20) return String(n);
  if (n >= 100) return n === 100 ? 'one hundred' : `one hundred${sep === ' ' ? ' and ' : ' '}${ONES[n - 100]}`;
  const t = TENS[Math.floor(n / 10)];
  return n % 10 ? `${t}${sep}${ONES[n % 10]}` : t;
}

/** Ways an age is written in notes; `{n}` is the age in digits, `{w}` in words. */
const AGE_PHRASES = [
  '{n} y/o', '{n} Y/O', '{n}y/o', '{n} yo', '{n}yo', '{n}-yo', '{n} y.o.', '{n}-year-old', '{n} year old', '{n} years old',
  '{n} yr old', '{n} yrs', '{n} yrs.', '{n}yrs', '{n}Y', '({n} Y)', 'age {n}', 'Age: {n}', 'AGE: 0{n}Y', 'aged {n} years', 'aged {n}',
  '{n} years of age', '{w}-year-old', '{w} year old', '{w} years old', 'age {w}', '{W} YEAR OLD', '{n} J.', '{n} Jahre', '{n} ans',
  '{n}F', '{n}M', 'F/{n}', 'M/{n}', '{n} yo F', '{n}y M', 'Age {n}y', '{n} y', 'pt is {n}', '{n}-y-o',
];

/** The probe of an age phrase: the number as written, with a glued suffix when it has one. */
function ageProbe(text: string, n: number, w: string): string {
  if (text.toLowerCase().includes(w.toLowerCase())) return w;
  const m = new RegExp(`0?${n}[A-Za-z]*`).exec(text)!;
  return m[0];
}

/** An age phrase; `over89` picks 91–104, otherwise 18–89 (an age that must be kept). */
export function agePhrase(rng: Rng, over89: boolean, phrase?: string): { text: string; n: number; probe: string } {
  let n = over89 ? rng.int(91, 104) : rng.int(18, 89);
  const template = phrase ?? rng.pick(AGE_PHRASES);
  if (template.includes('0{n}') && n >= 100) n = rng.int(91, 99);
  if (/\{[wW]\}/.test(template) && n < 50) n += 40;
  const w = ageWords(n, rng.chance(0.7) ? '-' : ' ');
  const text = template.replace('{n}', String(n)).replace('{w}', w).replace('{W}', w.toUpperCase());
  return { text, n, probe: ageProbe(text, n, w) };
}

let ageCycle = 0;
/** Sets where the cycle through age phrasings starts. */
export function resetAgeCycle(start = 0): void {
  ageCycle = start;
}

/** An age over 89; without a phrase, the next phrasing of the cycle. */
export function agePhi(rng: Rng, phrase?: string): Phi {
  const a = agePhrase(rng, true, phrase ?? AGE_PHRASES[ageCycle++ % AGE_PHRASES.length]);
  return phi(a.text, 'C', 'age>89', [a.probe]);
}

export const AGE_PHRASE_COUNT = AGE_PHRASES.length;
export const agePhraseAt = (i: number) => AGE_PHRASES[i % AGE_PHRASES.length];

export function address(rng: Rng): Address {
  return {
    number: String(rng.int(3, 9899)),
    street: rng.pick(STREETS),
    suffix: rng.pick(STREET_SUFFIXES),
    unit: rng.chance(0.3) ? rng.pick(['Apt 4B', 'Unit 12', '#207', 'Suite 310', 'Apt. 3']) : undefined,
    city: rng.pick(CITIES),
    state: rng.pick(STATES),
    zip: rng.digits(5).replace(/^0/, '4') + (rng.chance(0.2) ? `-${rng.digits(4)}` : ''),
  };
}

/** An address in one of the shapes notes use; probes: street name, city, ZIP (what is written of them). */
export function addressPhi(rng: Rng, a: Address, full = rng.chance(0.6)): Phi {
  const dir = rng.chance(0.25) ? `${rng.pick(['N', 'S', 'E', 'W', 'NE', 'SW'])} ` : '';
  const suffix = rng.chance(0.5) ? a.suffix[1] : a.suffix[0];
  const street = `${a.number} ${dir}${a.street} ${suffix}${rng.chance(0.2) ? '.' : ''}`;
  const unit = a.unit ? `, ${a.unit}` : '';
  const text = full ? `${street}${unit}, ${a.city}, ${a.state} ${a.zip}` : `${street}${unit}`;
  const probes = [a.street, ...(full ? [a.city, a.zip.slice(0, 5)] : [])];
  return phi(text, 'B', 'street address', probes);
}

/** DICOM LO address (one line, at most 64 characters). */
export function addressLine(a: Address): string {
  const long = `${a.number} ${a.street} ${a.suffix[0]}${a.unit ? ` ${a.unit}` : ''}, ${a.city}, ${a.state} ${a.zip}`;
  return long.length <= 64 ? long : `${a.number} ${a.street} ${a.suffix[1]}, ${a.city}, ${a.state.slice(0, 2).toUpperCase()} ${a.zip.slice(0, 5)}`;
}

const PHONE_FORMATS: ((a: string, x: string, s: string) => [string, string])[] = [
  (a, x, s) => [`(${a}) ${x}-${s}`, `${x}-${s}`],
  (a, x, s) => [`${a}-${x}-${s}`, `${x}-${s}`],
  (a, x, s) => [`${a}.${x}.${s}`, `${x}.${s}`],
  (a, x, s) => [`+1 ${a} ${x} ${s}`, `${x} ${s}`],
  (a, x, s) => [`${a}${x}${s}`, `${a}${x}${s}`],
  (a, x, s) => [`1-${a}-${x}-${s}`, `${x}-${s}`],
  (a, x, s) => [`(${a})${x}-${s}`, `${x}-${s}`],
  (a, x, s) => [`${x}-${s}`, `${x}-${s}`],
  (a, x, s) => [`${a} ${x} ${s} ext. ${s.slice(1)}`, `${x} ${s}`],
  (_a, x, s) => [`+44 20 ${x}${s[0]} ${s.slice(1)}0`, `${x}${s[0]} ${s.slice(1)}0`],
  (a, x, s) => [`${a}/${x}-${s}`, `${x}-${s}`],
];

export function phoneDigits(rng: Rng): [string, string, string] {
  return [String(rng.int(201, 989)), String(rng.int(212, 987)), rng.digits(4)];
}

export function phonePhi(rng: Rng, digits = phoneDigits(rng), kind = 'phone'): Phi {
  const [text, probe] = rng.pick(PHONE_FORMATS)(...digits);
  return phi(text, kind === 'fax' ? 'E' : 'D', kind, [probe]);
}

/** Letters only, accents dropped (`Ødegård` → `Odegard`), as mail addresses and labels write names. */
export const asciiLetters = (s: string) => s.replace(/Ø/g, 'O').replace(/ø/g, 'o').normalize('NFD').replace(/[^A-Za-z]/g, '');

export function emailFor(rng: Rng, p: Person, inst?: Institution): string {
  const family = asciiLetters(p.family), given = asciiLetters(p.given);
  const local = rng.pick([
    `${given[0]}.${family}`.toLowerCase(),
    `${given}.${family}${rng.int(1, 99)}`.toLowerCase(),
    `${family.toLowerCase()}${given[0].toLowerCase()}${rng.int(1930, 1999)}`,
    `${given.toUpperCase()}.${family[0]}`,
  ]);
  return `${local}@${inst && rng.chance(0.5) ? inst.domain : rng.pick(MAIL_HOSTS)}`;
}

export function emailPhi(email: string): Phi {
  return phi(email, 'F', 'email', [email.split('@')[0], email]);
}

export function urlPhi(rng: Rng, inst: Institution, id: string): Phi {
  const forms = [
    `https://portal.${inst.domain}/patient/${id}`,
    `www.${inst.domain}/mychart?mrn=${id}`,
    `http://pacs.${inst.domain}:8080/viewer/study/${id}`,
    `https://${inst.domain}/records/${id}/imaging`,
  ];
  const text = rng.pick(forms);
  return phi(text, 'N', 'url', [inst.domain, id]);
}

/** Medical record numbers, accessions and other IDs in the shapes systems print. */
export function mrn(rng: Rng): string {
  return rng.pick([() => rng.digits(8), () => `${rng.pick(['KX', 'MR', 'E', 'Q'])}${rng.digits(7)}`, () => `${rng.digits(3)}-${rng.digits(2)}-${rng.digits(3)}`, () => rng.digits(7)])();
}

export function accession(rng: Rng): string {
  return rng.pick([() => `RAD${rng.int(19, 24)}-${rng.digits(6)}`, () => `E${rng.digits(7)}`, () => `${rng.pick(['CT', 'MR', 'US', 'XR'])}${rng.digits(8)}`, () => `A${rng.digits(9)}`])();
}

const ID_LABELS: [string, Category, string][] = [
  ['MRN: ', 'H', 'mrn'], ['MRN#', 'H', 'mrn'], ['Med Rec No. ', 'H', 'mrn'], ['MR# ', 'H', 'mrn'], ['Pt ID ', 'H', 'mrn'], ['Hosp # ', 'H', 'mrn'],
  ['Acct ', 'J', 'account'], ['Account no. ', 'J', 'account'], ['FIN ', 'J', 'account'], ['Member ID ', 'I', 'health plan'], ['Policy # ', 'I', 'health plan'],
  ['SSN ', 'G', 'ssn'], ['Lic. ', 'K', 'license'], ['DL# ', 'K', 'license'], ['Acc# ', 'R', 'accession'], ['Accession: ', 'R', 'accession'], ['Order ', 'R', 'order'],
];

/** An ID with a label (its value is the probe), or without one. */
export function idPhi(rng: Rng, value: string, labelled = rng.chance(0.75), kindHint?: 'mrn' | 'accession'): Phi {
  const labels = kindHint ? ID_LABELS.filter((l) => l[2] === kindHint) : ID_LABELS;
  const [label, category, kind] = rng.pick(labels);
  const v = kind === 'ssn' ? `${rng.int(100, 665)}-${rng.digits(2).replace(/^0/, '4')}-${rng.digits(4).replace(/^0/, '7')}` : value;
  return phi(labelled ? `${label}${v}` : v, labelled ? category : kindHint === 'accession' ? 'R' : 'H', labelled ? kind : `${kindHint ?? 'mrn'} (no label)`, [v]);
}

export function makeIdentity(rng: Rng): Identity {
  const patient = person(rng);
  const study = ymd(rng, 2019, 2024);
  const over89 = rng.chance(0.35);
  const age = over89 ? rng.int(91, 103) : rng.int(19, 88);
  const birth = { y: study.y - age - 1, m: rng.int(1, 12), d: rng.int(2, 28) };
  const institution = rng.pick(INSTITUTIONS);
  let otherInstitution = rng.pick(INSTITUTIONS);
  while (otherInstitution === institution) otherInstitution = rng.pick(INSTITUTIONS);
  let relative = person(rng);
  relative = { ...relative, family: rng.chance(0.5) ? patient.family : relative.family };
  return {
    patient,
    birth,
    age,
    study,
    mrn: mrn(rng),
    accession: accession(rng),
    studyId: String(rng.int(1000, 99999)),
    institution,
    otherInstitution,
    address: address(rng),
    phone: phoneDigits(rng).join(''),
    email: emailFor(rng, patient),
    referring: person(rng),
    performing: person(rng),
    operator: person(rng),
    reader: person(rng),
    relative,
    deviceSerial: `${rng.pick(['SN', 'CT', 'US', ''])}${rng.digits(6)}`,
    station: `${institution.key.slice(0, 4).toUpperCase()}-${rng.pick(['CT', 'MR', 'US', 'DR', 'RAD'])}${rng.int(1, 9)}`,
  };
}

/** DICOM AS for an age in years. */
export const ageString = (n: number) => `${String(n).padStart(3, '0')}Y`;
