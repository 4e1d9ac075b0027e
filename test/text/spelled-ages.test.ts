/**
 * Header free text: ages over 89 spelled in words of other languages (n2words' spellings of 90 to 130), with or without
 * their spaces and hyphens, joined to a word of age or not. Beside them, younger ages and other spelled numbers that
 * must stay. Phrasings are my own.
 */
import { describe, expect, it } from 'vitest';
import { findSpelledNumbers } from '../../lib/text/spelled-numbers.js';
import { scorePhrasings, scoreUnchanged } from './score-phrasings.js';

const AGES = [
  { text: 'Paziente di novantacinque anni, caduta.', phi: ['novantacinque'], keep: ['Paziente', 'anni', 'caduta'] },
  { text: 'Paciente de noventa y cuatro años.', phi: ['noventa', 'cuatro'], keep: ['Paciente', 'años'] },
  { text: 'Doente com noventa e três anos de idade.', phi: ['noventa', 'três'], keep: ['Doente', 'anos'] },
  { text: 'Patiente de quatre-vingt-quinze ans.', phi: ['quatre-vingt-quinze'], keep: ['Patiente', 'ans'] },
  { text: 'Patient, fünfundneunzig Jahre alt.', phi: ['fünfundneunzig'], keep: ['Patient', 'Jahre'] },
  { text: 'fünfundneunzigjährige Patientin nach Sturz', phi: ['fünfundneunzig'], keep: ['Patientin', 'Sturz'] },
  { text: 'Patiënt van vierennegentig jaar.', phi: ['vierennegentig'], keep: ['Patiënt', 'jaar'] },
  { text: 'Pasienten er nittitre år.', phi: ['nittitre'], keep: ['Pasienten', 'år'] },
  { text: 'Potilas on yhdeksänkymmentäkaksi vuotta.', phi: ['yhdeksänkymmentäkaksi'], keep: ['Potilas', 'vuotta'] },
  { text: 'Pacients, deviņdesmit divi gadi.', phi: ['deviņdesmit'], keep: ['Pacients', 'gadi'] },
  { text: 'Edad: ciento dos años', phi: ['ciento'], keep: ['Edad', 'años'] },
  { text: 'пациентка, девяносто пять лет', phi: ['девяносто'], keep: ['пациентка', 'лет'] },
  { text: 'hasta doksan iki yaşında', phi: ['doksan'], keep: ['hasta', 'yaşında'] },
  { text: 'beteg kilencvenöt éves', phi: ['kilencvenöt'], keep: ['beteg', 'éves'] },
];

/** Spelled numbers that are no age over 89, and ages of 89 and below: they stay. */
const CLINICAL = [
  'ottantacinque anni, caduta',
  'Paciente de ochenta y nueve años',
  'cento anni di storia',
  'novanta mg per os',
  'Sto lat dla babci',
  'centre de radiologie',
  'devadesát procent',
  'L4-L5 QTc 452 T2N1M0 90 mg 95% Gleason 4+3 V2-V3 2123 HU 14:30 aged 85',
];

describe('ages over 89 spelled in words of other languages', () => {
  it('writes them as 90+', () => {
    expect(scorePhrasings(AGES).problems).toEqual([]);
  });

  it('leaves younger ages and other spelled numbers alone', () => {
    expect(scoreUnchanged(CLINICAL).problems).toEqual([]);
  });

  it('finds spellings with or without their spaces and hyphens, never inside a word', () => {
    const values = (t: string) => findSpelledNumbers(t).map((n) => n.value);
    expect(values('quatre vingt quinze')).toEqual([95]);
    expect(values('quatrevingtquinze')).toEqual([95]);
    expect(values('nitti-to og nittito')).toEqual([92, 92]);
    expect(values('centre, percent, history')).toEqual([]);
  });
});
