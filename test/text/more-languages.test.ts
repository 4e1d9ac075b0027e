/**
 * Header free text in more languages: addresses after an address label and streets of more kinds, a relative's,
 * carer's or interpreter's given name alone after the cue word, staff titles of other languages, month names in the
 * case forms used after a day, plates after a distant label and phones in Nordic groupings. Beside them, the clinical
 * text that looks like them and must stay. Phrasings are my own.
 */
import { describe, expect, it } from 'vitest';
import { makeAddressLabelFinder } from '../../lib/text/address-labels.js';
import { monthWords, foldWord } from '../../lib/text/locale-data.js';
import { parseRules } from '../../lib/rules/parse.js';
import { renderDefaultRulesYaml } from '../../lib/rules/default-rules.js';
import { scorePhrasings, scoreUnchanged } from './score-phrasings.js';

const LABELLED_ADDRESSES = [
  { text: 'Adrese: Brīvības gatve 214k-2, Rīga; nosūtīts uz CT', phi: ['Brīvības', '214k-2', 'Rīga'], keep: ['Adrese', 'nosūtīts', 'CT'] },
  { text: 'Indirizzo: Vicolo del Pozzo 3, Bergamo. Paziente collaborante.', phi: ['Pozzo 3', 'Bergamo'], keep: ['Indirizzo', 'Paziente', 'collaborante'] },
  { text: 'Adresa: Na Příkopě 22, Praha 1; kontrola za měsíc', phi: ['Příkopě 22', 'Praha'], keep: ['Adresa', 'kontrola'] },
  { text: 'Адрес: Садовая, 17, кв. 4; направлен на МРТ', phi: ['Садовая', '17'], keep: ['Адрес', 'направлен', 'МРТ'] },
  { text: 'Heimilisfang: Hringbraut 119, 107 Reykjavík. Verkur í hné.', phi: ['Hringbraut 119', 'Reykjavík'], keep: ['Heimilisfang', 'Verkur', 'hné'] },
  { text: 'Sídlo: Mostová 2, Bratislava', phi: ['Mostová 2', 'Bratislava'], keep: ['Sídlo'] },
  { text: 'Alamat: Gang Mawar 7, Bandung; rujukan puskesmas', phi: ['Mawar 7', 'Bandung'], keep: ['Alamat', 'rujukan', 'puskesmas'] },
  { text: 'முகவரி: 45 நேரு வீதி, மதுரை; CT தலை', phi: ['நேரு', 'மதுரை'], keep: ['CT'] },
  { text: 'ঠিকানা: ৭ লেক রোড, কলকাতা; এমআরআই', phi: ['লেক', 'কলকাতা'], keep: [] },
  { text: 'Anschrift: Am Kuhberg 3, Ulm Tel: 0731 555 12', phi: ['Kuhberg 3', 'Ulm', '0731'], keep: ['Anschrift'] },
];

const STREET_KINDS = [
  { text: 'joqgħod Triq il-Kbira 12, Qormi', phi: ['Kbira 12', 'Qormi'], keep: ['joqgħod'] },
  { text: 'residente in Viale Monza 21, 20127 Milano, TC torace', phi: ['Monza 21', '20127', 'Milano'], keep: ['residente', 'TC', 'torace'] },
  { text: 'elab Pärnu mnt 10, Tallinn; kontroll 3 kuu pärast', phi: ['Pärnu mnt 10', 'Tallinn'], keep: ['elab', 'kontroll'] },
  { text: 'gyvena Gedimino gatve 5, Vilnius', phi: ['Gedimino gatve 5', 'Vilnius'], keep: ['gyvena'] },
  { text: 'dzīvo Dzirnavu iela 45-3, Rīga', phi: ['Dzirnavu iela 45', 'Rīga'], keep: ['dzīvo'] },
  { text: 'býr á Laugavegi 22 og vinnur', phi: ['Laugavegi 22'], keep: ['býr', 'vinnur'] },
  { text: 'bydlí Hlavná 7, Nitra', phi: ['Hlavná 7', 'Nitra'], keep: ['bydlí'] },
  { text: 'проживает ул. Ленина, д. 5, Томск', phi: ['Ленина', 'Томск'], keep: ['проживает'] },
  { text: 'живее бул. Витоша 3, София', phi: ['Витоша 3', 'София'], keep: ['живее'] },
  { text: 'tinggal di Jl. Merdeka No. 4, Bogor', phi: ['Merdeka', 'Bogor'], keep: ['tinggal'] },
  { text: 'Str. Lipscani 5, București', phi: ['Lipscani 5', 'București'], keep: [] },
  { text: 'vive en Rúa do Vilar 5, Santiago', phi: ['Vilar 5', 'Santiago'], keep: ['vive'] },
];

const RELATIVES = [
  { text: 'presente la figlia Chiara al colloquio', phi: ['Chiara'], keep: ['figlia', 'colloquio'] },
  { text: 'przyszedł syn Marek, zgoda podpisana', phi: ['Marek'], keep: ['syn', 'zgoda'] },
  { text: 'Dolmetscher Olena anwesend, Aufklärung erfolgt', phi: ['Olena'], keep: ['Dolmetscher', 'anwesend', 'Aufklärung'] },
  { text: 'son 翔 present for consent', phi: ['翔'], keep: ['son', 'present', 'consent'] },
  { text: 'tulkki Aino paikalla', phi: ['Aino'], keep: ['tulkki', 'paikalla'] },
  { text: 'сын Андрей сопровождает', phi: ['Андрей'], keep: ['сын', 'сопровождает'] },
  { text: 'interpreter Mirela used by phone', phi: ['Mirela'], keep: ['interpreter', 'used', 'phone'] },
];

const TITLES = [
  { text: 'Lähete: LL Virtanen, kontrolli', phi: ['Virtanen'], keep: ['Lähete', 'kontrolli'] },
  { text: 'henvist av lege Berg for MR kne', phi: ['Berg'], keep: ['henvist', 'lege', 'MR', 'kne'] },
  { text: 'направил д-р Петров', phi: ['Петров'], keep: ['направил'] },
  { text: 'Odesílající: MUDr. Novák, CT břicha', phi: ['Novák'], keep: ['CT', 'břicha'] },
  { text: 'refertato da Dott.ssa Bianchi', phi: ['Bianchi'], keep: ['refertato'] },
  { text: 'Befund: dr. med. Horvat; Prof. Dr. med. Weiss', phi: ['Horvat', 'Weiss'], keep: ['Befund'] },
];

const DATES = [
  { text: 'Aufnahme 3. Jänner 2021, Schmerz', phi: ['Jänner'], keep: ['Aufnahme', 'Schmerz'] },
  { text: 'izmeklēts 16. decembrī 2021', phi: ['decembrī'], keep: ['izmeklēts'] },
  { text: 'badanie 24. listopada 2021', phi: ['listopada'], keep: ['badanie'] },
  { text: 'esame del 12 settembre 2021', phi: ['settembre'], keep: ['esame'] },
  { text: 'consulta el 5 de setiembre de 2020', phi: ['setiembre'], keep: ['consulta'] },
];

const PLATES_AND_PHONES = [
  { text: 'scooter reg AB12 CDE, collision', phi: ['AB12 CDE'], keep: ['scooter', 'collision'] },
  { text: 'Kennzeichen des Fahrzeugs B-XY 123 notiert', phi: ['B-XY 123'], keep: ['Kennzeichen', 'Fahrzeugs', 'notiert'] },
  { text: 'bilnr. taxi AB 12345', phi: ['AB 12345'], keep: ['taxi'] },
  { text: 'mobilnr 912 34 567', phi: ['912 34 567'], keep: ['mobilnr'] },
  { text: 'pårørende telefonnr. 22 33 44 55', phi: ['22 33 44 55'], keep: ['pårørende'] },
  { text: 'sími 555 1234', phi: ['555 1234'], keep: ['sími'] },
];

/** Clinical text with route words, street-like abbreviations, titles, month-like words and numbers: it stays. */
const CLINICAL = [
  'Dose given per os via NG tube',
  'given via Port 2 times',
  'VIA PICC 2 lumen',
  'via Central Line 2',
  'via Hickman 2 lumen',
  'Ing. Rate 5 ml/h',
  'doc Scanned 3 pages',
  'Address: see chart',
  'Indirizzo: non noto',
  'Address: Nursing home',
  'lip 12 mm, 3 lis',
  'Kennzeichen einer Fraktur T1 hypointens',
  'LL lobe nodule 4 mm',
  'LL Nodule 4 mm',
  'MR KNEE LL',
  'bike no. 3 sessions',
  'mobil 2 x 3 cm',
  'Paracetamol pr. 1 g',
  'Smith et al. 2019',
  'Mann Whitney test p 0.03',
  'daughter 2 present',
  '딸 동반',
  'Study: CT ABDOMEN address: n/a',
];

describe('free text in more languages', () => {
  it.each([
    ['an address after its label', LABELLED_ADDRESSES],
    ['streets of more kinds', STREET_KINDS],
    ["a relative's or interpreter's given name alone", RELATIVES],
    ['staff titles of other languages', TITLES],
    ['month names in their case and regional forms', DATES],
    ['plates after a distant label, phones in Nordic groupings', PLATES_AND_PHONES],
  ] as const)('%s goes', (_, cases) => {
    expect(scorePhrasings(cases).problems).toEqual([]);
  });

  it('leaves clinical text that looks like them alone', () => {
    expect(scoreUnchanged(CLINICAL).problems).toEqual([]);
  });

  it('reads month names two locales give to different months, and the forms ICU lacks', () => {
    const months = monthWords();
    for (const w of ['listopada', 'Jänner', 'decembrī', 'setiembre']) expect(months.has(foldWord(w)), w).toBe(true);
  });

  it('takes an address label from the rules, up to the end of its clause', () => {
    const find = makeAddressLabelFinder(['bopæl']);
    const text = 'Bopæl: Nørregade 7, Odense. Henvist.';
    expect(find(text).map((s) => text.slice(s.begin, s.end))).toEqual(['Nørregade 7, Odense']);
    expect(find('Adresse: Nørregade 7')).toEqual([]);
    const rules = parseRules(renderDefaultRulesYaml(), 'default');
    expect(rules.addressLabels).toContain('indirizzo');
    expect(() => parseRules(renderDefaultRulesYaml().replace('address_labels: [', 'address_labels: [ "a: b",'), 'x')).toThrow(/address_labels/);
  });
});
