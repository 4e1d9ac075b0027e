/** Value representations grouped by what de-identification can do with their values (PS3.5 6.2). */

/**
 * Character-string VRs whose values the text cleaner can clean (identifying words removed, the rest
 * kept): the free-text ones and the short strings that can still carry a name or an ID
 * (an AE title naming a person's workstation, a URL with a patient ID in its query).
 */
export const TEXT_VRS: ReadonlySet<string> = new Set(['LO', 'LT', 'SH', 'ST', 'UT', 'UC', 'CS', 'AE', 'UR']);

/** VRs holding numbers (binary or as decimal strings), which hold no free text. */
export const NUMERIC_VRS: ReadonlySet<string> = new Set(['US', 'SS', 'UL', 'SL', 'UV', 'SV', 'FL', 'FD', 'IS', 'DS', 'AT']);

/** Date and time VRs, changed by the date policy. */
export const DATE_VRS: ReadonlySet<string> = new Set(['DA', 'DT', 'TM']);
