/**
 * The staff's roles and acts that cue a person's name, one list for the burned-in text detector (upper-cased screen
 * text: `lib/engines/local/phi-patterns.ts`) and free-text cleaning (`lib/text/names.ts`), so that a role one of them
 * learns the other knows too. Upper case, as screens write them; free text compares them in lower case.
 */

/**
 * Roles of the staff written as a label before a person's name, on a screen or in a note (`Tech:`, `Attg:`,
 * `Sonographer:`, `cc:`, `Reported:`): the colon is what makes the word a label, so it must follow
 * (optionally after `Phys`, `Dr`, `MD` or `by`: `Ref. Phys:`, `Read by:`). Abbreviations may end in a dot.
 * The default of the rules' `staff_roles` (data a site can replace, as `kinship_cues`).
 */
export const DEFAULT_STAFF_ROLES: readonly string[] = [
  'REF', 'REFERRING', 'REFERRER', 'REFERRED', 'PHYS', 'PHYSICIAN', 'DR', 'DOCTOR', 'MD', 'PROVIDER', 'CLINICIAN',
  'RADIOLOGIST', 'RAD', 'READER', 'READING', 'REPORTER', 'REPORTING', 'REPORTED', 'DICTATED', 'TRANSCRIBED', 'TRANSCRIPTIONIST',
  'VERIFIED', 'APPROVED', 'SIGNED', 'SIGNATURE', 'AUTHOR', 'INTERPRETED', 'INTERPRETING', 'REVIEWER', 'REVIEWED',
  'TECH', 'TECHS', 'TECHNOLOGIST', 'TECHNICIAN', 'RADIOGRAPHER', 'SONOGRAPHER', 'SONO', 'OPERATOR', 'OPER', 'SCRIBE',
  'ATTENDING', 'ATTG', 'ATTN', 'CONSULT', 'CONSULTANT', 'CONSULTING', 'CC', 'RESIDENT', 'FELLOW', 'INTERN',
  'SURGEON', 'ANESTHETIST', 'ANAESTHETIST', 'ANESTHESIOLOGIST', 'CARDIOLOGIST', 'NURSE', 'RN', 'MIDWIFE', 'ASSISTANT',
  'PERFORMING', 'PERFORMED', 'PERF', 'PERFORMER', 'ORDERING', 'ORDERED', 'REQUESTING', 'REQUESTED', 'REQUESTER', 'REQUESTOR',
  'SUPERVISOR', 'SUPERVISING', 'PCP', 'GP', 'STAFF',
];

/** Acts a person does, written before `by` (`Read by`, `Perf. by`, `Dictated by`): a cue with or without a colon. */
export const STAFF_ACTS: readonly string[] = [
  'READ', 'REPORTED', 'DICTATED', 'TRANSCRIBED', 'SIGNED', 'VERIFIED', 'APPROVED', 'AUTHORED', 'INTERPRETED', 'REVIEWED',
  'PERFORMED', 'PERF', 'DONE', 'SCANNED', 'ACQUIRED', 'EXAMINED', 'REQUESTED', 'ORDERED', 'REFERRED', 'SEEN', 'CHECKED',
  'CONFIRMED', 'PREPARED', 'ENTERED', 'SUPERVISED',
];

/**
 * Titles and roles of doctors and nurses in other languages, written right before a name without a colon (`MUDr. Novák`,
 * `Dott.ssa Bianchi`, `д-р Петров`, `lege Berg`, `LL Virtanen`, `Uzm. Dr. Yılmaz`), lower case and without their final
 * stop: a capitalised word after them that is no clinical vocabulary is a name. Nouns that German capitalises before any
 * noun (`Arzt`) and words that are also common words elsewhere (`el`, `lek`: Spanish `the`, Polish `drug`; `doc`, `Ing.`: a document,
 * inguinal) are left out.
 */
export const STAFF_TITLES: readonly string[] = [
  'mudr', 'mddr', 'mvdr', 'judr', 'phdr', 'rndr', 'pharmdr', 'paeddr', 'mgr', 'dott.ssa', 'dr.ssa', 'prof.ssa',
  'dottoressa', 'dottore', 'д-р', 'др', 'доктор', 'проф', 'професор', 'профессор', 'лікар', 'врач', 'lege', 'læge', 'läkare',
  'lækni', 'lääkäri', 'll', 'lekarz', 'lékař', 'lekár', 'dokter', 'docteur', 'doktor', 'tohtori', 'doutor', 'doutora', 'médico',
  'médica', 'médecin', 'enfermera', 'enfermero', 'enfermeira', 'enfermeiro', 'infermiera', 'infermiere', 'infirmière', 'infirmier',
  'sykepleier', 'sjuksköterska', 'sygeplejerske', 'hjúkrunarfræðingur', 'sairaanhoitaja', 'pielęgniarka', 'uzm', 'op.dr', 'doç',
  'γιατρός', 'δρ', 'orvos',
];
