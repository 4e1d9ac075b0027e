/**
 * Header free text: a relative's, in-law's or carer's given name after the cue word in many languages (each relation in
 * each language of lib/text/kinship-words.ts). Phrasings and names are my own.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_KINSHIP_CUES, KINSHIP_BY_LANGUAGE } from '../../lib/text/kinship-words.js';
import { scorePhrasings, scoreUnchanged } from './score-phrasings.js';

const RELATIVES = [
  { text: 'Escorted by son-in-law Teodric today.', phi: ['Teodric'], keep: ['Escorted', 'today'] },
  { text: 'son in law Gervase phoned the ward', phi: ['Gervase'], keep: ['phoned', 'ward'] },
  { text: 'childminder Tamsin brought the boy', phi: ['Tamsin'], keep: ['childminder', 'brought', 'boy'] },
  { text: 'attendant Quenby at bedside', phi: ['Quenby'], keep: ['attendant', 'bedside'] },
  { text: 'Tyttärenpoika Valtteri soitti osastolle.', phi: ['Valtteri'], keep: ['Tyttärenpoika', 'soitti'] },
  { text: 'Lähihoitaja Kerttu mukana tutkimuksessa.', phi: ['Kerttu'], keep: ['Lähihoitaja', 'mukana'] },
  { text: 'Vävy Oskari odottaa aulassa.', phi: ['Oskari'], keep: ['Vävy', 'odottaa'] },
  { text: 'Venue avec sa belle-fille Solène.', phi: ['Solène'], keep: ['Venue', 'belle-fille'] },
  { text: 'Gendre Aurélien présent.', phi: ['Aurélien'], keep: ['présent'] },
  { text: 'Svigersønn Eirik ringte i dag.', phi: ['Eirik'], keep: ['Svigersønn', 'ringte'] },
  { text: 'Barnebarn Sunniva var med.', phi: ['Sunniva'], keep: ['Barnebarn', 'med'] },
  { text: 'Nabo Torleif har nøkkel.', phi: ['Torleif'], keep: ['Nabo', 'nøkkel'] },
  { text: 'Iníon Aoibheann i láthair.', phi: ['Aoibheann'], keep: ['Iníon', 'láthair'] },
  { text: 'Meita Rūta zvanīja.', phi: ['Rūta'], keep: ['Meita', 'zvanīja'] },
  { text: 'Kaimiņiene Daiga palīdzēja.', phi: ['Daiga'], keep: ['Kaimiņiene', 'palīdzēja'] },
  { text: 'Anak perempuan Siti menemani pesakit.', phi: ['Siti'], keep: ['Anak', 'perempuan', 'menemani'] },
  { text: 'Menantu Rahmat hadir.', phi: ['Rahmat'], keep: ['Menantu', 'hadir'] },
  { text: 'Pengasuh Wulan menunggu.', phi: ['Wulan'], keep: ['Pengasuh', 'menunggu'] },
  { text: 'Schwiegersohn Jörg wartet draußen.', phi: ['Jörg'], keep: ['Schwiegersohn', 'wartet'] },
  { text: 'schoonzoon Ruud belde', phi: ['Ruud'], keep: ['schoonzoon', 'belde'] },
  { text: 'hijo político Martín acompaña', phi: ['Martín'], keep: ['hijo', 'político', 'acompaña'] },
  { text: 'nagymama Erzsébet kíséri', phi: ['Erzsébet'], keep: ['nagymama', 'kíséri'] },
];

/** Relatives' words before clinical words, and words the lists leave out: they stay. */
const CLINICAL = ['daughter present at bedside', 'far Lateral view', 'sin contraste', 'Schwester anwesend', 'Child Pugh score B'];

describe('relatives and carers in many languages', () => {
  it("takes the name after a relative's, in-law's or carer's word", () => {
    expect(scorePhrasings(RELATIVES).problems).toEqual([]);
  });

  it('keeps each relation one lower-case word, and every language among the defaults', () => {
    for (const words of Object.values(KINSHIP_BY_LANGUAGE)) {
      for (const w of words) {
        expect(w, w).toMatch(/^[\p{L}][\p{L}\p{M}'’/-]{0,39}$/u);
        expect(w).toBe(w.toLowerCase());
        expect(DEFAULT_KINSHIP_CUES).toContain(w);
      }
    }
    expect(new Set(DEFAULT_KINSHIP_CUES).size).toBe(DEFAULT_KINSHIP_CUES.length);
  });
});

describe('clinical text beside relatives’ words', () => {
  it('stays as written', () => {
    expect(scoreUnchanged(CLINICAL).problems).toEqual([]);
  });
});
