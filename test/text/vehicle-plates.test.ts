/**
 * Vehicle registration plates (Safe Harbor L) after a plate label in several languages, and the clinical uses of
 * `plate`, `placa` and `plaka` (implants, growth plates, plaques) that must stay.
 */
import { describe, expect, it } from 'vitest';
import { scorePhrasings, scoreUnchanged } from './score-phrasings.js';

const PLATES = [
  { text: 'Pt drove himself, licence plate KR57 DXO, parked bay 3', phi: ['KR57 DXO'], keep: ['drove', 'parked', 'bay'] },
  { text: 'Ambulance reg. plate: 7GHT 204', phi: ['7GHT 204'], keep: ['Ambulance'] },
  { text: 'car registration LB-318-TZ noted by security', phi: ['LB-318-TZ'], keep: ['noted', 'security'] },
  { text: 'Kennzeichen: M-QR 4471, Parkplatz B', phi: ['M-QR 4471'], keep: ['Parkplatz'] },
  { text: 'vehículo con matrícula 9034 JRD en el parking', phi: ['9034 JRD'], keep: ['vehículo', 'parking'] },
  { text: 'kenteken 72-XKP-5 op parkeerplaats', phi: ['72-XKP-5'], keep: ['parkeerplaats'] },
  { text: 'tablica rejestracyjna KRA 61207', phi: ['KRA 61207'], keep: [] },
  { text: 'targa AB 512 CD, posto auto 4', phi: ['AB 512 CD'], keep: ['posto', 'auto'] },
  { text: 'Parkering: registreringsnummer ABC 12D', phi: ['ABC 12D'], keep: ['Parkering'] },
  { text: 'LICENSE PLATE # 4TRV 882 (blue van)', phi: ['4TRV 882'], keep: ['blue', 'van'] },
];

const CLINICAL = [
  'ORIF distal radius with volar locking plate 3.5 mm',
  'growth plate L femur open',
  'plate and 6 screws, no loosening',
  'placa de ateroma calcificada 12 mm en ACI',
  'placa 12 mm',
  'plaka L4-5 stabil',
  'number plate artefact from the table',
];

describe('vehicle plates', () => {
  it('go after a plate label in English and other languages', () => {
    const s = scorePhrasings(PLATES);
    expect(s.problems).toEqual([]);
  });

  it('leave implants, growth plates and plaques alone', () => {
    expect(scoreUnchanged(CLINICAL).problems).toEqual([]);
  });
});
