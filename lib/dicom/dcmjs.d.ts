// dcmjs ships no types; only lib/dicom/adapter.ts, lib/dicom/dictionary.ts and lib/dicom/dataset-reader.ts use it.
declare module 'dcmjs';
