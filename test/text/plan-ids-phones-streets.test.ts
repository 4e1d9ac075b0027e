/**
 * Header free text: plan, insurance and licence numbers after their label in many languages, phones after a relative's
 * word, the street line before a postcode and town, and streets of more kinds (Dutch, Nordic and Finnish compounds;
 * Greek, Hebrew, Arabic, Georgian and Armenian kinds). Beside them, clinical text that looks like them and must stay.
 * Phrasings, numbers and places are my own.
 */
import { describe, expect, it } from 'vitest';
import { PLAN_AND_LICENCE_LABELS } from '../../lib/text/id-labels.js';
import { scorePhrasings, scoreUnchanged } from './score-phrasings.js';

const PLAN_IDS = [
  { text: 'Medicare 3184 52907 2 on file.', phi: ['3184 52907 2'], keep: ['Medicare', 'file'] },
  { text: 'Licence QRT br. 48213, issued last year', phi: ['48213', 'QRT'], keep: ['Licence', 'issued'] },
  { text: 'Health plan Northwind Care No. 771 204 936', phi: ['771 204 936'], keep: ['Health'] },
  { text: 'Pojišťovna č. 207 318 4456, kontrola', phi: ['207 318 4456'], keep: ['Pojišťovna', 'kontrola'] },
  { text: 'Polis nº 5530 1187 24 vervalt', phi: ['5530 1187 24'], keep: ['Polis', 'vervalt'] },
  { text: 'Permis n. 60127 3390 valable', phi: ['60127 3390'], keep: ['Permis', 'valable'] },
  { text: 'Member № 662 018 47', phi: ['662 018 47'], keep: [] },
  { text: 'Krankenkasse: 108 552 317 4; Überweisung', phi: ['108 552 317 4'], keep: ['Krankenkasse', 'Überweisung'] },
  { text: 'Tessera sanitaria n. 8003 9911 27', phi: ['8003 9911 27'], keep: ['Tessera'] },
  { text: 'sigorta no 52 118 903 44', phi: ['52 118 903 44'], keep: ['sigorta'] },
];

const RELATIVE_PHONES = [
  { text: 'call daughter 913 552 608 if needed', phi: ['913 552 608'], keep: ['daughter', 'needed'] },
  { text: 'Pt 93 y/o, call daughter 914 227 306', phi: ['914 227 306', '93'], keep: ['daughter'] },
  { text: 'hija: 91 552 60 47', phi: ['91 552 60 47'], keep: ['hija'] },
  { text: 'son 94 551 607 after 6 pm', phi: ['94 551 607'], keep: ['son', 'after'] },
  { text: 'Pasienten 93 år, datter 917 34 562', phi: ['917 34 562'], keep: ['Pasienten', 'datter'] },
  { text: 'córka 602 551 609, pacjentka leżąca', phi: ['602 551 609'], keep: ['córka', 'pacjentka'] },
];

const STREET_LINES = [
  { text: 'Lives at Wrenfield Lane 7, 4021 Oskarby.', phi: ['Wrenfield', '7', '4021', 'Oskarby'], keep: [] },
  { text: 'Adr. Mølleparken 4, 2800 Lyngby; henvist', phi: ['Mølleparken', '2800', 'Lyngby'], keep: ['henvist'] },
  { text: 'bor på 7 Kestrel Row, 5003 Vindfjord', phi: ['Kestrel', '5003', 'Vindfjord'], keep: ['bor'] },
];

const STREET_KINDS = [
  { text: 'Woont Esdoornerf 12, Amersfoort.', phi: ['Esdoornerf 12', 'Amersfoort'], keep: ['Woont'] },
  { text: 'adres Lindehoven 4 en Beatrixpark 3', phi: ['Lindehoven 4', 'Beatrixpark 3'], keep: ['adres'] },
  { text: 'bopæl Lærkevænget 7', phi: ['Lærkevænget 7'], keep: ['bopæl'] },
  { text: 'osoite Koivurinne 8', phi: ['Koivurinne 8'], keep: ['osoite'] },
  { text: 'Κατοικεί Λεωφ. Κηφισίας 120', phi: ['Κηφισίας 120'], keep: ['Κατοικεί'] },
  { text: 'οδός Ερμού 12, Αθήνα', phi: ['Ερμού 12', 'Αθήνα'], keep: [] },
  { text: 'גר ברחוב הרצל 12, חולון', phi: ['הרצל 12', 'חולון'], keep: ['גר'] },
  { text: "רח' הרצל 12", phi: ['הרצל 12'], keep: [] },
  { text: 'يسكن شارع الملك فهد 12', phi: ['فهد 12'], keep: ['يسكن'] },
  { text: 'რუსთაველის გამზირი 12, თბილისი', phi: ['რუსთაველის', 'თბილისი'], keep: [] },
  { text: 'Աբովյան փողոց 12, Երևան', phi: ['Աբովյան', 'Երևան'], keep: [] },
];

/** Clinical text with numbers after plan-like words, relatives' words or street-like endings: it stays. */
const CLINICAL = [
  'plan 1500 mg twice daily',
  'Treatment plan 20 Gy in 5 fx',
  'Plan 3 of 4',
  'Member of staff present',
  'daughter 2 present',
  'son 120 130 140 mmHg',
  'Spring 2 protocol',
  'Report 3 pages',
  'λ. 5 mg',
  'L4-L5 QTc 452 T2N1M0 90 mg 95% Gleason 4+3 V2-V3 2123 HU 14:30 aged 85',
];

describe('plan, insurance and licence numbers after their label', () => {
  it('remove the number whatever its separators and check digits', () => {
    expect(scorePhrasings(PLAN_IDS).problems).toEqual([]);
  });

  it('keep their labels as data: lower case, once each', () => {
    for (const l of PLAN_AND_LICENCE_LABELS) expect(l).toBe(l.toLowerCase());
    expect(new Set(PLAN_AND_LICENCE_LABELS).size).toBe(PLAN_AND_LICENCE_LABELS.length);
  });
});

describe('a phone after a relative’s word', () => {
  it('goes whole, before an age its first group could be read as', () => {
    expect(scorePhrasings(RELATIVE_PHONES).problems).toEqual([]);
  });
});

describe('streets', () => {
  it('take the street line before a postcode and town', () => {
    expect(scorePhrasings(STREET_LINES).problems).toEqual([]);
  });

  it('of more kinds and scripts go', () => {
    expect(scorePhrasings(STREET_KINDS).problems).toEqual([]);
  });
});

describe('clinical look-alikes', () => {
  it('stay as written', () => {
    expect(scoreUnchanged(CLINICAL).problems).toEqual([]);
  });
});
