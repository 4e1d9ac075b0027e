export { deidentifyDataset, assertDeidentifyOptions, type DeidentifyMetadataOptions } from './deidentify.js';
export { gatherIdentity } from './identity.js';
export { makeTextCleaner, identityTerms, type CleanResult } from './clean-text.js';
export { applyDatePolicy, capAge, ageStringYears, parseDicomDate } from './dates.js';
export { addDeidentificationMethodCode, DEID_METHOD_CODES, type DeidMethodCode } from './method.js';
