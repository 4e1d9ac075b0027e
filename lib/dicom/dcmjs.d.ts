// dcmjs ships no types; only lib/dicom/adapter.ts and lib/dicom/dictionary.ts use it.
declare module 'dcmjs';
