/**
 * What free-text cleaning leaves (issue 8): text that reads, without the connector, copula or clause that needed the
 * removed value (`Daughter is <name>.`, `Best contact is his mobile <phone>.`) and without gluing two sentences; and what
 * is not PHI stays: languages after an interpreter's label, spans of the spine, lists of levels, clock times, matrices,
 * doses, series and instance numbers, lab values, ranges and sizes. Real dates, phones and IDs beside them still go.
 * Phrasings are written here (clinician and technologist notes), not taken from a generator or a held-out set.
 */
import { describe, expect, it } from 'vitest';
import { STAFF_CUE } from '../../lib/engines/local/phi-patterns.js';
import { makeTextCleaner } from '../../lib/metadata/clean-text.js';
import { DEFAULT_REGEX } from '../../lib/rules/default-rules.js';
import { DEFAULT_STAFF_ROLES, STAFF_ACTS } from '../../lib/text/staff-words.js';

const clean = (text: string) => makeTextCleaner({ values: [] }, DEFAULT_REGEX, { referenceDate: new Date('2024-06-01') })(text).text;
const wordIn = (word: string, text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** A clause that ends on a word that needed what followed it, a label left alone, or marks that do not read. */
const DEBRIS = [
  /(?:^|[.;,:]\s)(?:[\p{L}'’]+\s+){0,3}(?:is|are|was|were|his|her|their|the|called|named|as|by|on|at|to|via)\s*(?:[.;,:]|$)/iu,
  /(?:^|[.;,]\s)(?:[\p{L}'’]+\s+)?(?:contact|mobile|tel|phone|pager)\s*[:#]?\s*(?:[.;,]|$)/iu,
  /\s[.;,:]/u,
  /[.;,:]\s*[.;,:]/u,
  /^[\s,;:.\-/]|[\s,;:\-/]$/u,
];

/** Sentences that lose a name, a nickname or a number: the PHI goes, the other sentences stay whole. */
const DEBRIS_CASES: Array<{ text: string; phi: string[]; keep: string[] }> = [
  { text: 'Lives with husband Ondrej Kowalczyk. Best contact is his mobile 07700 900123.', phi: ['Ondrej', 'Kowalczyk', '07700 900123'], keep: ['husband'] },
  { text: 'Daughter is Marisol Quintero. She has POA.', phi: ['Marisol', 'Quintero'], keep: ['Daughter', 'She', 'POA'] },
  { text: 'Prefers to be called Bea. Hard of hearing.', phi: ['Bea'], keep: ['Hard', 'hearing'] },
  { text: 'Goes by Teddy. Claustrophobic, oral lorazepam given.', phi: ['Teddy'], keep: ['Claustrophobic', 'lorazepam', 'given'] },
  { text: 'Known to staff as Bertie. Prior MRI 2019.', phi: ['Bertie'], keep: ['Prior', 'MRI', '2019'] },
  { text: 'Pt accompanied by carer Jolene Marchetti. Hoist transfer.', phi: ['Jolene', 'Marchetti'], keep: ['accompanied', 'carer', 'Hoist', 'transfer'] },
  { text: 'Sister Winifred Akintola can be reached on 07700 900456. Needle phobic.', phi: ['Winifred', 'Akintola', '07700 900456'], keep: ['Needle', 'phobic'] },
  { text: 'Emergency contact: Gunnhild Sorensen, neighbour. Allergic to iodine.', phi: ['Gunnhild', 'Sorensen'], keep: ['neighbour', 'Allergic', 'iodine'] },
  { text: "Patient's wife is Mirela Dragomir and she will drive him home.", phi: ['Mirela', 'Dragomir'], keep: ['wife', 'drive', 'home'] },
  { text: 'Call back number is 555-201-3344 after 5pm.', phi: ['555-201-3344'], keep: ['after', '5pm'] },
  { text: 'Son is Tobias Hale. Consented for contrast.', phi: ['Tobias', 'Hale'], keep: ['Son', 'Consented', 'contrast'] },
  { text: 'Nickname Sonny. Sedation with midazolam.', phi: ['Sonny'], keep: ['Sedation', 'midazolam'] },
  { text: 'She asks to be called Mags; uses a walker.', phi: ['Mags'], keep: ['uses', 'walker'] },
  { text: 'Mother is Ilse Brandvold, contact is her mobile 0412 555 019. Consent signed.', phi: ['Ilse', 'Brandvold', '0412 555 019'], keep: ['Mother', 'Consent'] },
  { text: 'Husband Ravindra Pillay is the contact, phone 555-830-2291. Fasted from midnight.', phi: ['Ravindra', 'Pillay', '555-830-2291'], keep: ['Husband', 'Fasted', 'midnight'] },
  { text: 'Friend Delphine Aucoin can be contacted at 555-310-7720; patient agrees.', phi: ['Delphine', 'Aucoin', '555-310-7720'], keep: ['patient', 'agrees'] },
  { text: 'Known locally as Chuck. Left knee pain for 3 weeks.', phi: ['Chuck'], keep: ['Left', 'knee', 'pain', 'weeks'] },
  { text: 'Best contact number is 020 7946 0321. MRI safety form complete.', phi: ['020 7946 0321'], keep: ['MRI', 'safety', 'form', 'complete'] },
];

/** Languages after an interpreter's or a language label: not a name. */
const LANGUAGE_TEXTS = [
  'Interpreter: Portuguese',
  'Interpreter: Tagalog. Consent via phone interpreter.',
  'Interpreter: Somali, family present',
  'Interpreter: Brazilian Portuguese',
  'Interpreter: Haitian Creole',
  'Interpreter: Mandarin (booked for 10:00)',
  'Translator: Vietnamese',
  'Interpreter: Cantonese; son translating is not acceptable',
  'Language: Farsi',
  'Interpreter: Arabic. Claustrophobic.',
  'Interpreter: Polish, consent by phone',
  'Interpreter: ASL',
  'Interpreter: Hmong',
  'Interpreter: Punjabi',
];

/** Numbers that look like a phone, a date or an ID and are not: they come out unchanged. */
const NUMBER_TEXTS = [
  'Disc protrusions at levels 10-20-30-40',
  'Fusion T10-T11-T12-L1',
  'Screws at T10-T11-T12-L1 intact',
  'Levels C3-C4-C5-C6 degenerative',
  'Laminectomy L3-L4-L5-S1',
  'Hardware C5-C6-C7, no lucency',
  'Matrix 256 256 1024',
  'Acq matrix 320 256 1024',
  'Instance 1024 2048 4096',
  'Series 3 4 5 6 reviewed',
  'Heart rate 62-65-70 bpm',
  'Range 120-140-160 HU',
  'kVp 80 100 120 140',
  'b-values 0 500 1000 1500',
  'Windows 400 40 1500 600',
  'Called ward 4 at 14:22 and 16:05',
  'Scan started 09:15, contrast 09:32',
  'Dose 5 mCi 99mTc MDP',
  'Creatinine 88 umol/L, eGFR 72',
  'Lesion 12 x 14 x 16 mm',
  'CTDIvol 12.4 mGy DLP 456.7 mGy.cm',
  'Echo train 16, NEX 2, matrix 320 256',
  'Glucose 5.4 mmol/L at 08:30',
  'Pressures 120-135-150 mmHg',
  'Velocities 110 220 330 cm/s',
  'Dimensions 512 512 1024',
  'Fractions 2-4-6-8 given',
];

/** Real PHI beside the same contexts: it still goes, and the clinical part stays. */
const PHI_BESIDE: Array<{ text: string; phi: string[]; keep: string[] }> = [
  { text: 'Tel 555 2013 14:22', phi: ['555 2013'], keep: ['14:22'] },
  { text: 'Called 555-201-3344 at 14:22', phi: ['555-201-3344'], keep: ['14:22'] },
  { text: 'DOB 10-20-1930', phi: ['10-20-1930'], keep: [] },
  { text: 'Prior exams 03/04/2022-03/05/2022', phi: ['03/04/2022', '03/05/2022'], keep: ['Prior', 'exams'] },
  { text: 'Matrix 256 256 1024; call 256-256-1024 with results', phi: ['256-256-1024'], keep: ['Matrix', 'results'] },
  { text: 'MRN 10-20-30-40', phi: ['10-20-30-40'], keep: [] },
  { text: 'Series 1.2.840.113619.2.55.3.604688119.868 reviewed', phi: ['1.2.840.113619.2.55.3.604688119.868'], keep: ['Series', 'reviewed'] },
  { text: 'Fusion T10-T11-T12-L1, MRN T1234567', phi: ['T1234567'], keep: ['Fusion', 'T10-T11-T12-L1'] },
  { text: 'Interpreter: Maria Santos', phi: ['Maria', 'Santos'], keep: ['Interpreter'] },
  { text: 'Interpreter: Portuguese. Daughter Marisol Quintero present.', phi: ['Marisol', 'Quintero'], keep: ['Portuguese', 'Daughter', 'present'] },
  { text: 'Reviewed with Dr. Cree', phi: ['Cree'], keep: ['Reviewed'] },
  { text: 'Heart rate 62 bpm; pager 4471', phi: ['4471'], keep: ['Heart', '62', 'bpm'] },
  { text: 'Seen 2022-03-04 at 14:22, levels 10-20-30-40', phi: ['2022-03-04'], keep: ['10-20-30-40'] },
  { text: 'Goes by Teddy Okonkwo-Hale', phi: ['Teddy', 'Okonkwo-Hale'], keep: [] },
  { text: 'Mobile 555 201 3344 m, home 555 201 3355', phi: ['555 201 3344', '555 201 3355'], keep: [] },
  { text: 'Table 4 555-201-3344', phi: ['555-201-3344'], keep: ['Table', '4'] },
  { text: 'Bed 12 call 555-201-3344', phi: ['555-201-3344'], keep: ['Bed', '12'] },
  { text: 'Bed 555 201 3344', phi: ['555 201 3344'], keep: ['Bed'] },
  { text: 'Weight 555 201 3344', phi: ['555 201 3344'], keep: ['Weight'] },
  { text: 'Interpreter: Spanish, Maria Lopez present', phi: ['Maria', 'Lopez'], keep: ['Interpreter', 'present'] },
  { text: 'Translator: Okafor, Margaret Wanjiru', phi: ['Okafor', 'Margaret', 'Wanjiru'], keep: ['Translator'] },
];

describe('free text that reads after cleaning (issue 8)', () => {
  it.each(DEBRIS_CASES)('$text: the PHI goes, no clause is left hanging, no sentence is glued', ({ text, phi, keep }) => {
    const out = clean(text);
    for (const p of phi) expect(out.toLowerCase(), out).not.toContain(p.toLowerCase());
    for (const w of keep) expect(wordIn(w, out), `${out} lost ${w}`).toBe(true);
    for (const d of DEBRIS) expect(out, text).not.toMatch(d);
  });

  it('drops the clause that only carried the value, keeps the others as sentences', () => {
    expect(clean('Lives with husband Ondrej Kowalczyk. Best contact is his mobile 07700 900123.')).toBe('Lives with husband.');
    expect(clean('Prefers to be called Bea. Hard of hearing.')).toBe('Hard of hearing.');
    expect(clean('Daughter is Marisol Quintero. She has POA.')).toBe('Daughter. She has POA.');
    expect(clean('Sister Winifred Akintola can be reached on 07700 900456. Needle phobic.')).toBe('Sister. Needle phobic.');
    expect(clean("Patient's wife is Mirela Dragomir and she will drive him home.")).toBe("Patient's wife and she will drive him home.");
    // A clause with clinical words keeps them (`compared with` loses only what needed the date).
    expect(clean('CT chest compared with the 03/04/2022.')).toMatch(/^CT chest compared/);
  });

  it('keeps a language named after an interpreter or language label', () => {
    expect(LANGUAGE_TEXTS.filter((t) => clean(t) !== t).map((t) => `${t} → ${clean(t)}`)).toEqual([]);
  });

  it('keeps numbers that only look like a phone, date or ID: levels, matrices, rates, times, doses, sizes', () => {
    expect(NUMBER_TEXTS.filter((t) => clean(t) !== t).map((t) => `${t} → ${clean(t)}`)).toEqual([]);
  });

  it.each(PHI_BESIDE)('$text: the PHI beside clinical numbers still goes', ({ text, phi, keep }) => {
    const out = clean(text);
    for (const p of phi) expect(out.toLowerCase(), out).not.toContain(p.toLowerCase());
    for (const w of keep) expect(wordIn(w, out), `${out} lost ${w}`).toBe(true);
  });
});

describe("the staff's role labels: one list for free text and the screen detector", () => {
  const title = (w: string) => w[0] + w.slice(1).toLowerCase();

  it.each(DEFAULT_STAFF_ROLES)('%s: a name after the label goes in a note and is a staff cue on a screen', (label) => {
    const out = clean(`${title(label)}: Wojciechowska. Contrast given.`);
    expect(out).not.toMatch(/Wojciechowska/);
    expect(out).toMatch(/Contrast given\.$/);
    expect(new RegExp(STAFF_CUE.source, 'u').test(`${label}: WOJCIECHOWSKA`)).toBe(true);
  });

  it('takes the name after an act written as a label in a note, whatever the act', () => {
    for (const act of STAFF_ACTS) expect(clean(`${title(act)}: Beatriz Sandoval Ortega`), act).not.toMatch(/Beatriz|Sandoval|Ortega/);
  });
});
