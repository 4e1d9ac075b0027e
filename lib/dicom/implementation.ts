/**
 * Who wrote a file: the kit's Implementation Class UID and Version Name (PS3.7 D.3.3.2), apart from
 * the adapter so that what only needs the kit's version (the resume ledger's settings hash) does
 * not load dcmjs.
 */

/** Identifies files written by this kit (PS3.7 D.3.3.2); a 2.25 UUID-derived root. */
export const IMPLEMENTATION_CLASS_UID = '2.25.243617391625937046452618047305815104473';
/** The kit's version as written in the meta header. */
export const IMPLEMENTATION_VERSION_NAME = 'DSHKIT_0_1';
