/**
 * Every worded header value (LO, SH, ST, LT, UT, UC, in sequences and private blocks too) of real and generated files,
 * and its cleaned form, as TSV: file, tag path, value, cleaned (JSON strings). Run it before and after a change to the
 * free-text cleaner and diff the two outputs to list every value whose cleaned form changed:
 *
 *   npx tsx bench/free-text-values.ts > /tmp/before.tsv   # on the old commit
 *   npx tsx bench/free-text-values.ts > /tmp/after.tsv
 *   paste /tmp/before.tsv /tmp/after.tsv | awk -F'\t' '$4 != $8'
 *
 * Files: the arguments (folders or files), by default the shared corpus (`../shared/corpus`), Debian's pydicom test files
 * and the samples (`images/med_phi_img`); then 300 headers of the generator (fake identities over the sample specs). The
 * output holds the files' header values: write it to a temporary folder, never into the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../lib/dicom/adapter.js';
import type { DicomDict } from '../lib/dicom/dataset.js';
import { makeTextCleaner } from '../lib/metadata/clean-text.js';
import { gatherIdentity } from '../lib/metadata/identity.js';
import { DEFAULT_REGEX } from '../lib/rules/default-rules.js';
import { buildHeader } from '../lib/samples/header.js';
import { createRng, formatFor, makeFakeIdentity, SAMPLE_SPECS } from '../lib/samples/index.js';

const TEXT_VRS = new Set(['LO', 'SH', 'ST', 'LT', 'UT', 'UC']);
const DEFAULT_SOURCES = ['../shared/corpus', '/usr/lib/python3/dist-packages/pydicom/data/test_files', 'images/med_phi_img'];
const GENERATED = 300;

const lines: string[] = [];

function walk(dict: DicomDict, clean: (text: string) => { text: string }, source: string, prefix = ''): void {
  for (const tag of Object.keys(dict).sort()) {
    const element = dict[tag];
    if (!element) continue;
    if (element.vr === 'SQ') {
      (element.Value ?? []).forEach((item, i) => {
        if (item && typeof item === 'object') walk(item, clean, source, `${prefix}${tag}[${i}].`);
      });
      continue;
    }
    if (!TEXT_VRS.has(element.vr)) continue;
    for (const value of element.Value ?? []) {
      if (typeof value !== 'string' || !/[\p{L}\p{N}]/u.test(value)) continue;
      lines.push([source, prefix + tag, JSON.stringify(value), JSON.stringify(clean(value).text)].join('\t'));
    }
  }
}

function filesUnder(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).sort().flatMap((name) => filesUnder(path.join(entry, name)));
}

/** The study date as the cleaner's reference (a birth year gives an age from it), else a fixed date. */
function referenceDate(dict: DicomDict): Date {
  const value = dict['00080020']?.Value?.[0];
  return typeof value === 'string' && /^\d{8}/.test(value) ? new Date(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`) : new Date('2024-06-01');
}

const sources = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_SOURCES;
for (const file of sources.flatMap(filesUnder)) {
  let dict: DicomDict;
  try {
    dict = readDicom(readFileSync(file), 'input').dict;
  } catch {
    continue; // not DICOM, or a file the reader refuses: no header values to clean
  }
  walk(dict, makeTextCleaner(gatherIdentity(dict), DEFAULT_REGEX, { referenceDate: referenceDate(dict) }), path.basename(file));
}
const rng = createRng(8);
for (let i = 0; i < GENERATED; i++) {
  const spec = SAMPLE_SPECS[i % SAMPLE_SPECS.length];
  const image = { modality: spec.modality, width: 64, height: 64, frames: 1, bodyPart: spec.bodyPart, studyDescription: spec.studyDescription };
  const dict = buildHeader(image, makeFakeIdentity(rng), formatFor(spec.modality), rng);
  walk(dict, makeTextCleaner(gatherIdentity(dict), DEFAULT_REGEX, { referenceDate: referenceDate(dict) }), `generated-${i}`);
}
console.log(lines.join('\n'));
