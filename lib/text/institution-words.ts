/**
 * Words that institutions are named with but that are everyday English, so a dictionary cannot tell
 * them from the words of a service's name (`Mercy Health`, `Harbor View Imaging`, `Trinity Health` name
 * a place; `Mental Health`, `Molecular Imaging` do not): dedications and landscape words, and the
 * endings of compound place names (`Lakeside`, `Hillcrest`, `Brookfield`). Curated data, tested by the
 * phrasing table (test/text/phrasings.ts). A listed word names a place even when it is also a view or
 * anatomy word (`Sunrise`, `Sacred Heart`); a compound place name never does when it is clinical.
 */

/** Dedications, virtues and landscape words of hospital names (upper case). */
export const INSTITUTION_NAME_WORDS: ReadonlySet<string> = new Set([
  // dedications and virtues
  'MERCY', 'TRINITY', 'GRACE', 'HOPE', 'PROVIDENCE', 'COVENANT', 'SACRED', 'HOLY', 'SAMARITAN', 'SHEPHERD', 'BAPTIST',
  'METHODIST', 'PRESBYTERIAN', 'LUTHERAN', 'ADVENTIST', 'EPISCOPAL', 'CATHOLIC', 'CHRISTIAN', 'JEWISH', 'BETHESDA', 'BETHANY',
  'BETHEL', 'ZION', 'CALVARY', 'ANGEL', 'ANGELS', 'ASCENSION', 'ADVOCATE', 'CHRISTUS', 'HERITAGE', 'LEGACY', 'PIONEER', 'FRONTIER',
  'HORIZON', 'HORIZONS', 'SUMMIT', 'BEACON', 'COMPASS', 'PINNACLE', 'KEYSTONE', 'CORNERSTONE', 'LANDMARK', 'GATEWAY', 'MERIDIAN',
  'LIGHTHOUSE', 'ANCHOR', 'LIBERTY', 'FREEDOM', 'INDEPENDENCE', 'HARMONY', 'ALLIANCE', 'CONCORD', 'TRIUMPH', 'GENESIS',
  // landscape and place words
  'HARBOR', 'HARBOUR', 'HAVEN', 'VALLEY', 'VISTA', 'VIEW', 'HILL', 'HILLS', 'LAKE', 'LAKES', 'RIVER', 'RIVERS', 'BAY', 'PARK',
  'OAK', 'OAKS', 'CEDAR', 'CEDARS', 'PINE', 'PINES', 'MAPLE', 'ELM', 'ELMS', 'WILLOW', 'WILLOWS', 'BIRCH', 'ASPEN', 'RIDGE',
  'MOUNTAIN', 'MOUNT', 'MEADOW', 'MEADOWS', 'CREEK', 'BROOK', 'SPRINGS', 'FOREST', 'GROVE', 'BRIDGE', 'CROSSROADS', 'POINT',
  'POINTE', 'SHORE', 'SHORES', 'COAST', 'COASTAL', 'ISLAND', 'PRAIRIE', 'CANYON', 'MESA', 'DESERT', 'HIGHLAND', 'HIGHLANDS',
  'PLAINS', 'GLEN', 'DALE', 'FIELD', 'FIELDS', 'WOOD', 'WOODS', 'GARDEN', 'GARDENS', 'SUNRISE', 'SUNSET', 'SUNSHINE', 'GOLDEN',
  'SILVER', 'CRYSTAL', 'DIAMOND', 'EVERGREEN', 'METRO', 'CAPITAL', 'PACIFIC', 'ATLANTIC', 'GULF', 'BLUE', 'GREEN', 'ROCK',
  'ROCKY', 'AREA', 'HARVEST', 'ORCHARD', 'SPRING', 'FALLS',
  // names of care homes and retirement communities
  'ACRES', 'MANOR', 'LODGE', 'GABLES', 'TERRACE', 'VILLAGE', 'ESTATES', 'COTTAGE', 'COTTAGES', 'COURT', 'HALL',
]);

/** Endings of compound place names (`Lakeside`, `Fairview`, `Hillcrest`, `Brookfield`, `Ashford`); group 1 is the stem. */
const PLACE_ENDING = /^(\p{L}{3,}?)(?:side|view|crest|wood|woods|field|fields|brook|ridge|dale|vale|mont|ford|bury|ville|burg|borough|haven|port|land|lands|shire|worth|gate|water|well|hurst|cliff|combe|mere|moor|stead|point|pointe|park|hill|hills|lake|bridge|grove|mead|wick|ton|ham)$/iu;
/** First halves of compound place names besides the words above (`Northside`, `Fairview`, `Highland`). */
const PLACE_STEMS = new Set(['NORTH', 'SOUTH', 'EAST', 'WEST', 'FAIR', 'HIGH', 'BRIGHT', 'CLEAR', 'SHADY', 'SUNNY', 'RED', 'WHITE', 'BLACK', 'GOLD', 'SEA', 'ASH', 'KING', 'QUEEN', 'CASTLE', 'MILL', 'CHURCH', 'ABBEY', 'SUMMER', 'WINTER', 'LONG', 'HEART']);

/**
 * True when a word names places in institution names: a dedication or landscape word, or a compound
 * place name: one that no English list holds (`Hillcrest`, `Brookfield`), or whose first half is a
 * place word (`Lakeside`, `Riverside`; `Bedside`, `Overview`, `Support` are not).
 */
export function institutionNameWord(word: string, english: (word: string) => boolean): boolean {
  const upper = word.toUpperCase();
  if (INSTITUTION_NAME_WORDS.has(upper)) return true;
  const compound = PLACE_ENDING.exec(word);
  if (!compound) return false;
  const stem = compound[1].toUpperCase();
  return !english(word) || INSTITUTION_NAME_WORDS.has(stem) || PLACE_STEMS.has(stem);
}

/**
 * Words after which `from`, `at` (`@`) or `via` names a place of care, whatever its name looks like (`transferred from`,
 * `outside films from`, `prior imaging at`, `seen at`, `f/u at`, `MRI done privately at`): lower case, without a
 * hospital noun, shortened (`good sam`, `Mass General Brigham`, `UCSF`, `Westmead`). One word may stand between
 * (a year, an adverb). Procedure names (`lumpectomy`, `arthroscopy`) count too: see {@link PROCEDURE_ENDING}.
 */
export const PLACE_OF_CARE_CUES: ReadonlySet<string> = new Set([
  // moving a patient or records
  'transferred', 'transfer', 'xfer', 'xferred', 'xfered', 'tx', "tx'd", 'sent', 'referred', 'ref', "ref'd", 'refd', 'admitted',
  'discharged', 'imported', 'received', 'came', 'arrived', 'brought', 'returned', 'back', 'requested', 'obtained',
  // what came from elsewhere
  'films', 'film', 'images', 'imaging', 'study', 'studies', 'exam', 'exams', 'examination', 'scan', 'scans', 'cd', 'cds', 'disc',
  'disk', 'report', 'reports', 'record', 'records', 'results', 'outside', 'prior', 'priors', 'previous', 'prev', 'old', 'comparison',
  'compare', 'ct', 'cta', 'mri', 'mr', 'mra', 'us', 'u/s', 'xr', 'x-ray', 'xray', 'xrays', 'x-rays', 'cxr', 'pet', 'pet/ct', 'nm',
  'mammo', 'mammogram', 'mammograms', 'echo', 'biopsy', 'bx', 'surgery', 'procedure', 'op', 'labs', 'workup', 'w/u',
  // care given elsewhere
  'done', 'performed', 'imaged', 'seen', 'treated', 'followed', 'scanned', 'f/u', 'fu', 'follow-up', 'followup', 'had',
  'hospitalized', 'hospitalised', 'hospitalization', 'stay', 'operated', 'diagnosed', 'dx', 'dx\'d', 'managed', 'cared',
  'inpatient', 'outpatient', 'visit', 'visited', 'appt', 'appointment', 'pt', 'patient', 'read', 'interpreted', 'delivered',
  'resident', 'works', 'employed', 'ems', 'dated',
  // people who work somewhere (`pt's cardiologist at …`, `PCP is at …`): see also {@link CARER_ENDING}
  'pcp', 'gp', 'doctor', 'doctors', 'dr', 'provider', 'providers', 'team', 'nurse', 'midwife', 'dentist', 'specialist', 'consultant',
  // services seen somewhere (`f/u w/ ortho at …`, `onc at …`)
  'ortho', 'onc', 'oncology', 'cardio', 'cardiology', 'neuro', 'neurology', 'neurosurgery', 'urology', 'uro', 'gi', 'ent', 'derm',
  'peds', 'rheum', 'pulm', 'nephro', 'nephrology', 'endo', 'psych', 'ob', 'gyn', 'obgyn', 'ob/gyn', 'physio', 'rehab', 'dialysis',
  'chemo', 'radiation', 'xrt', 'hematology', 'heme',
]);

/** Words after which `to` names a place of care (`records sent to`, `copy to`, `transferred to`). */
export const PLACE_OF_CARE_TO_CUES: ReadonlySet<string> = new Set([
  'sent', 'faxed', 'forwarded', 'mailed', 'emailed', 'e-mailed', 'delivered', 'released', 'transferred', 'transfer', 'xfer',
  'referred', 'ref', 'copy', 'copies', 'cc', 'records', 'report', 'reports', 'results', 'images', 'films', 'cd', 'cds',
  'discharged', 'admitted', 'going', 'moved', 'tx', 'dc', "d/c'd", 'dcd',
]);

/** Words after which `by` may name a practice, besides the place-of-care cues (`ordered by …`, `referral by …`). */
export const PRACTICE_BY_CUES: ReadonlySet<string> = new Set(['ordered', 'referral', 'referrals', 'consult', 'authorized', 'authorised', 'covered', 'billed']);

/** A procedure done somewhere (`lumpectomy 2018 at …`, `arthroscopy at …`): a cue like `done at`. */
export const PROCEDURE_ENDING = /(?:ectomy|otomy|ostomy|plasty|oscopy|scopy|graphy|gram|pexy|rrhaphy|ectomies|plasties)$/i;

/** Someone who works somewhere (`cardiologist at …`, `pediatrician at …`, `surgeon at …`): a cue like `seen at`. */
export const CARER_ENDING = /(?:ologist|iatrist|ician|surgeon|therapist)s?$/i;
