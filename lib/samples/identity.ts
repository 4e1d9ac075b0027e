import type { Rng } from './rng.js';

/** A person's name split as DICOM PN stores it. */
export interface FakePerson {
  family: string;
  given: string;
  middle?: string;
  prefix?: string;
}

/**
 * A made-up identity for one sample: the patient, the staff around the study, the
 * institution, and the study's own identifiers and dates. Every value is fake,
 * drawn from small built-in lists with a seeded generator.
 */
export interface FakeIdentity {
  patient: FakePerson;
  sex: 'M' | 'F';
  /** YYYYMMDD. */
  birthDate: string;
  /** Age at the study in years. */
  age: number;
  /** Medical record number (Patient ID). */
  mrn: string;
  otherPatientId: string;
  accession: string;
  studyId: string;
  /** YYYYMMDD. */
  studyDate: string;
  /** HHMMSS. */
  studyTime: string;
  referring: FakePerson;
  performing: FakePerson;
  reading: FakePerson;
  operator: FakePerson;
  institution: string;
  department: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  patientPhone: string;
  institutionPhone: string;
  email: string;
  stationName: string;
  deviceSerial: string;
}

const FAMILY = ['HOLLOWAY', 'PEMBERTON', 'QUINTANA', 'MARSDEN', 'OKAFOR', 'LINDQVIST', 'BRANNIGAN', 'TREMBLAY', 'VASQUEZ', 'HARTWELL', 'ABERNATHY', 'KOWALCZYK', 'DUBROVNIK', 'FAIRWEATHER', 'NAKAMURA', 'ESPINOZA', 'CALLOWAY', 'WINTERBOTTOM', 'MCALLISTER', 'THORNBURY'] as const;
const GIVEN_M = ['GRANT', 'TOBIAS', 'EMMETT', 'RUFUS', 'DESMOND', 'CORNELIUS', 'FLETCHER', 'AUGUST', 'ROLAND', 'SILAS'] as const;
const GIVEN_F = ['MARGOT', 'ODETTE', 'PRISCILLA', 'ROSALIND', 'WINIFRED', 'BEATRIX', 'LAVINIA', 'GENEVIEVE', 'HENRIETTA', 'CLEMENTINE'] as const;
const STAFF_GIVEN = ['ALAN', 'BRENDA', 'CURTIS', 'DELIA', 'EVERETT', 'FIONA', 'GORDON', 'HELENA', 'IVAN', 'JUNE'] as const;
const INSTITUTIONS = ['Lakeshore General Hospital', 'Saint Aldric Medical Center', 'Riverbend Community Clinic', 'Northgate Imaging Institute', 'Maple Hollow Regional Hospital', 'Cedar Ridge University Hospital'] as const;
const DEPARTMENTS = ['Radiology', 'Diagnostic Imaging', 'Emergency Radiology', 'Cardiology Imaging'] as const;
const STREETS = ['Wexford Lane', 'Juniper Court', 'Harrowgate Road', 'Bellamy Street', 'Pinecrest Avenue', 'Osgood Way'] as const;
const CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Brookhaven', 'PA', '19015'],
  ['Millbrook', 'NY', '12545'],
  ['Fairmont', 'WV', '26554'],
  ['Elk Grove', 'CA', '95624'],
  ['Ashland', 'OR', '97520'],
];

/** Draws a fake identity. The same generator state always gives the same identity. */
export function makeFakeIdentity(rng: Rng): FakeIdentity {
  const sex = rng.chance(0.5) ? 'M' : 'F';
  const patient: FakePerson = {
    family: rng.pick(FAMILY),
    given: rng.pick(sex === 'M' ? GIVEN_M : GIVEN_F),
    middle: String.fromCharCode(65 + rng.int(0, 25)),
  };
  const staff = (prefix?: string): FakePerson => {
    let family = rng.pick(FAMILY);
    // Staff share no family name with the patient, so ground truth stays unambiguous.
    while (family === patient.family) family = rng.pick(FAMILY);
    return { family, given: rng.pick(STAFF_GIVEN), prefix };
  };
  const studyYear = rng.int(2009, 2023);
  const studyDate = `${studyYear}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}`;
  const age = rng.int(18, 88);
  const birthDate = `${studyYear - age}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}`;
  const [city, state, zip] = rng.pick(CITIES);
  const digits = (n: number): string => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  return {
    patient,
    sex,
    birthDate,
    age: Number(studyDate.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (studyDate.slice(4) < birthDate.slice(4) ? 1 : 0),
    // Record numbers differ by site: plain digits, a letter prefix, or dashed groups.
    mrn: rng.pick([() => `${rng.int(1, 9)}${digits(7)}`, () => `${rng.int(1, 9)}${digits(6)}`, () => `${String.fromCharCode(65 + rng.int(0, 25))}${digits(7)}`, () => `${digits(3)}-${digits(4)}`, () => `${rng.int(1, 9)}${digits(9)}`])(),
    otherPatientId: `HP${digits(6)}`,
    accession: `A${digits(8)}`,
    studyId: digits(5),
    studyDate,
    studyTime: `${pad(rng.int(7, 19))}${pad(rng.int(0, 59))}${pad(rng.int(0, 59))}`,
    referring: staff('Dr'),
    performing: staff(),
    reading: staff('Dr'),
    operator: staff(),
    institution: rng.pick(INSTITUTIONS),
    department: rng.pick(DEPARTMENTS),
    street: `${rng.int(12, 9876)} ${rng.pick(STREETS)}`,
    city,
    state,
    zip,
    patientPhone: `${rng.int(201, 989)}-555-${digits(4)}`,
    institutionPhone: `${rng.int(201, 989)}-555-${digits(4)}`,
    email: `${patient.given.toLowerCase()}.${patient.family.toLowerCase()}@example.org`,
    stationName: `RAD${digits(3)}`,
    deviceSerial: `SN${digits(7)}`,
  };
}

/** `FAMILY^GIVEN^MIDDLE^PREFIX` as DICOM PN stores it. */
export function toDicomName(person: FakePerson): string {
  const parts = [person.family, person.given, person.middle ?? '', person.prefix ?? ''];
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.join('^');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** Formats a YYYYMMDD date the way screens show it. */
export function formatDate(date: string, style: 'mm.dd.yyyy' | 'mm/dd/yyyy' | 'yyyy-mm-dd' | 'dd-mon-yyyy' | 'yyyymmdd'): string {
  const y = date.slice(0, 4);
  const m = date.slice(4, 6);
  const d = date.slice(6, 8);
  switch (style) {
    case 'mm.dd.yyyy':
      return `${m}.${d}.${y}`;
    case 'mm/dd/yyyy':
      return `${m}/${d}/${y}`;
    case 'yyyy-mm-dd':
      return `${y}-${m}-${d}`;
    case 'dd-mon-yyyy':
      return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
    case 'yyyymmdd':
      return date;
  }
}
