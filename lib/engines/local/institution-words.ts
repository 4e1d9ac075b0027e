/**
 * Which words of the header's institution name may stand alone on a screen as evidence: the distinctive ones
 * (`Mirabel` of Mirabel Regional Medical Centre, `Creu` of Hospital Universitari de Santa Creu), never the words that
 * say what kind of place it is (`Hospital`, `Ospedale`, `Klinikum`, `Szpital`, `Hastanesi`, `Ziekenhuis`, `Regional`,
 * `General`, `Universitari`), a saint's title, a point of the compass, clinical vocabulary or an everyday English word
 * (`County`, `Royal`): those print on harmless titles too. Runs of them still count beside the rest of the name.
 */
import { INSTITUTION_NAME_WORDS } from '../../text/institution-words.js';
import { everydayWords } from '../../text/lexicons.js';
import { institutionNoun } from '../../text/shapes.js';

/**
 * Words that name a kind of institution, its rank or its owner in the languages of the Latin script (upper case, marks
 * dropped), and the words of a saint's title and of the compass that many names hold.
 */
const KIND_WORDS = new Set([
  // hospitals and clinics
  'HOSPITAL', 'HOSPITALS', 'HOSP', 'HOPITAL', 'HOPITAUX', 'OSPEDALE', 'OSPEDALI', 'OSPEDALIERO', 'OSPEDALIERA', 'KLINIKUM', 'KLINIK',
  'KLINIKEN', 'KLINIKA', 'KLINIEK', 'KRANKENHAUS', 'SPITAL', 'KANTONSSPITAL', 'SZPITAL', 'HASTANESI', 'HASTANE', 'ZIEKENHUIS',
  'SJUKHUS', 'SJUKHUSET', 'SYKEHUS', 'SYKEHUSET', 'SYGEHUS', 'HOSPITALET', 'SAIRAALA', 'NEMOCNICE', 'NEMOCNICA', 'BOLNICA',
  'BOLNISNICA', 'KORHAZ', 'LIGONINE', 'SLIMNICA', 'HAIGLA', 'SPITALUL', 'CLINIQUE', 'CLINICA', 'CLINIC', 'CLINICS', 'POLICLINICO',
  'POLIKLINIK', 'POLIKLINIKA', 'POLICLINICA', 'INFIRMARY', 'SANATORIO', 'SANATORIUM', 'HOSPICE', 'UNIKLINIK', 'UNIKLINIKUM',
  'UNIVERSITATSKLINIKUM', 'PRAXIS', 'CABINET', 'AMBULATORIUM', 'DISPENSARY',
  // centres, institutes, universities
  'CENTER', 'CENTRE', 'CENTRO', 'CENTRUM', 'ZENTRUM', 'CTR', 'CNTR', 'INSTITUTE', 'INSTITUT', 'INSTITUTO', 'ISTITUTO', 'INSTYTUT',
  'UNIVERSITY', 'UNIV', 'UNIVERSITE', 'UNIVERSIDAD', 'UNIVERSIDADE', 'UNIVERSITA', 'UNIVERSITAT', 'UNIVERSITEIT', 'UNIWERSYTET',
  'UNIVERSITARI', 'UNIVERSITARIO', 'UNIVERSITARIA', 'UNIVERSITAIRE', 'UNIVERSITAIR', 'UNIVERSITATS', 'UNIWERSYTECKI', 'UNIVERSITESI',
  'HOSPITALIER', 'HOSPITALIERE', 'HOSPITALARIO', 'HOSPITALAR', 'HOSPITALARIA', 'FONDAZIONE', 'FUNDACION', 'FUNDACAO', 'STIFTUNG',
  'AZIENDA', 'SANITARIA', 'SANITARIO', 'ASL', 'TRUST', 'FOUNDATION', 'NHS', 'HEALTHCARE', 'HEALTH', 'SERVICES', 'SYSTEM',
  // what kind, whose, how big
  'MEDICAL', 'MEDICINE', 'MED', 'MEDICO', 'MEDICA', 'MEDICALE', 'MEDICAUX', 'MEDISCH', 'MEDISCHE', 'MEDIZINISCHES',
  'MEDIZINISCHE', 'GENERAL', 'GENERALE', 'GENERAAL', 'ALLGEMEINES', 'ALLGEMEINE', 'REGIONAL', 'REGIONALE', 'REGIONALES', 'REGIONAAL',
  'REGIONALNY', 'PROVINCIAL', 'PROVINCIALE', 'PROVINCIAAL', 'MUNICIPAL', 'MUNICIPALE', 'CIVICO', 'CIVIL', 'CIVILE', 'CENTRAL',
  'CENTRALE', 'CENTRALNY', 'NATIONAL', 'NACIONAL', 'NAZIONALE', 'NATIONALE', 'STADTISCHES', 'STADTISCHE', 'KREIS', 'KREISKLINIK',
  'LANDESKRANKENHAUS', 'WOJEWODZKI', 'WOJEWODZKIE', 'MIEJSKI', 'POWIATOWY', 'SPECJALISTYCZNY', 'DEVLET', 'SEHIR', 'EGITIM',
  'ARASTIRMA', 'MILITAR', 'MILITARY', 'INFANTIL', 'PEDIATRICO', 'PEDIATRIQUE', 'CHILDREN', 'CHILDRENS', 'WOMEN', 'WOMENS',
  'KINDERKLINIK', 'ACADEMIC', 'ACADEMISCH', 'AKADEMISCH', 'TEACHING', 'COMMUNITY', 'MEMORIAL', 'COUNTY', 'DISTRICT', 'ROYAL',
  'IMAGING', 'RADIOLOGY', 'RADIOLOGIE', 'RADIOLOGIA', 'IMAGERIE', 'DIAGNOSTICS', 'DIAGNOSTIC', 'DIAGNOSTICO',
  // saints' titles and the compass
  'SAINT', 'SAINTE', 'SANTA', 'SANTO', 'SAN', 'SANKT', 'ST', 'STE', 'SAO', 'NORTH', 'SOUTH', 'EAST', 'WEST', 'NORTHERN', 'SOUTHERN',
  'EASTERN', 'WESTERN', 'NORD', 'SUD', 'EST', 'OUEST', 'OST', 'NOORD', 'ZUID', 'OOST', 'NORTE', 'SUR', 'ESTE', 'OESTE', 'NORDEN',
  'SUDEN', 'GREATER', 'UPPER', 'LOWER', 'NEW', 'OLD',
]);

/** Upper case with the marks of Latin letters dropped (`Hôpital` → `HOPITAL`, `Şehir` → `SEHIR`). */
const plain = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

/**
 * True when a word of an institution's name says nothing about which institution it is on its own: a kind, rank or
 * owner word in any of several languages, a saint's title or a point of the compass, an institution noun, a clinical
 * word (`isClinical`) or an everyday English word that is no dedication or landscape word of hospital names.
 * @example genericInstitutionWord('Ospedale', () => false) // true
 */
export function genericInstitutionWord(word: string, isClinical: (word: string) => boolean): boolean {
  const up = plain(word.replace(/[.’']+$/u, ''));
  // A dedication or landscape word names the place (`Mercy`, `Valley`, `Summit`): kept, though everyday English.
  return KIND_WORDS.has(up) || institutionNoun(word) || isClinical(word) || (everydayWords().has(up) && !INSTITUTION_NAME_WORDS.has(up));
}

/**
 * Particles of institution names in the languages of the Latin script (upper case, marks dropped), which initials skip:
 * articles, prepositions and their contractions (`des`, `am`, `w`, `della`, `het`, `d'`): `HUQV` for Hôpital Universitaire
 * des Quatre Vents, `SMB` for Szpital Miejski w Brzozowcu.
 */
const PARTICLES = new Set([
  'A', 'AN', 'THE', 'AND', 'OF', 'FOR', 'AT', 'IN', 'ON', 'TO', 'BY', 'DE', 'DEL', 'DELA', 'DELLA', 'DELLO', 'DELLE', 'DEGLI', 'DEI', 'DI',
  'DA', 'DAL', 'DO', 'DOS', 'DAS', 'DU', 'DES', 'D', 'L', 'LA', 'LE', 'LES', 'LO', 'EL', 'LOS', 'LAS', 'AU', 'AUX', 'SUR', 'SOUS', 'ET',
  'E', 'Y', 'I', 'EN', 'ES', 'VAN', 'VON', 'DER', 'DEN', 'DEM', 'HET', 'TE', 'TER', 'TEN', 'OP', 'VOOR', 'AM', 'IM', 'ZUM', 'ZUR', 'UND',
  'W', 'WE', 'Z', 'ZE', 'NA', 'U', 'V', 'VE', 'KE', 'OCH', 'OG', 'PA', 'MED',
]);

/**
 * True when a word of an institution's name is a particle that its initials skip (`de`, `la`, `des`, `am`, `w`, `van`).
 * @example institutionParticle('des') // true
 */
export function institutionParticle(word: string): boolean {
  return PARTICLES.has(plain(word));
}
