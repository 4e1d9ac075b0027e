/**
 * Burned-in PHI recall on the font-stress fixtures (`npm run bench:fonts`): the sample layouts burned at
 * 9–12 px in regular, condensed, monospace and serif faces, light on the image or dark on label
 * patches, through the steps `deid run` builds (parse, metadata, pixels with the local engines). Prints,
 * for the tuning faces and the check faces apart, recall per class (face kind × what the word is, size ×
 * what it is, ink, variant), harmless lines kept, and time per image. A script printing figures, not a
 * timed test. Options: `--every <n>` (every n-th case), `--sizes 9,10`, `--set tuning|check` (one set),
 * `--verbose` (list missed PHI words and damaged harmless ones; with `--case <seed>`, one case and what was found).
 *
 * `--screens` runs the screen-stress set instead (`test/fixtures/synthetic/screen-stress.ts`: screens of
 * another design, 9–11 px, grey and dim ink, dates, names, institutions and IDs in many forms), with
 * recall per face kind, size, tone, corner and the form each PHI word was drawn in (sizes default 9,10,11).
 * Its worn cases (one identity line and one harmless line drawn so badly OCR cannot read them, see
 * `test/fixtures/synthetic/wear.ts`) are scored apart: recall on the worn lines and on the plain lines
 * of those screens, harmless lines kept, and of them the worn harmless lines and the plain harmless
 * line of the identity panel. `--no-worn` leaves them out, `--only-worn` runs them alone.
 *
 * `--ocr-cache <file>` records what the text detector read in each image to `file` when it does not exist,
 * and replays it when it does: a change to the PHI matcher alone is then scored in seconds, without OCR.
 * Only valid while reading (regions, renderings, OCR) is unchanged; delete the file after changing it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeDicom } from '../lib/dicom/adapter.js';
import { createLocalPhiDetector } from '../lib/engines/index.js';
import type { DetectedText, TextDetector } from '../lib/engines/types.js';
import { DicomFile } from '../lib/file.js';
import { chooseTextEngine, DEFAULT_RULES_PATH, recipeTextDetector, type TextEngineChoice } from '../lib/pipeline/recipe.js';
import { processFile } from '../lib/pipeline/process-file.js';
import { loadRules } from '../lib/rules/index.js';
import { openStateStore } from '../lib/state/index.js';
import { cleanPixels } from '../lib/steps/pixels.js';
import { deidentifyMetadata } from '../lib/steps/deidentify-metadata.js';
import { parseDicom } from '../lib/steps/parse.js';
import { phiClasses, stressCases, stressSample, type FaceSet } from '../test/fixtures/synthetic/font-stress.js';
import { screenCases, screenSample } from '../test/fixtures/synthetic/screen-stress.js';
import type { Sample } from '../lib/samples/make-sample.js';
import { decodeForScoring, scoreRedaction } from '../test/fixtures/synthetic/index.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const every = Number(option('--every') ?? 1);
const screens = args.includes('--screens');
const sizes = (option('--sizes') ?? (screens ? '9,10,11' : '9,10,11,12')).split(',').map(Number);
const verbose = args.includes('--verbose');
const sets = (option('--set') ?? 'tuning,check').split(',') as FaceSet[];

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'bench-fonts-'));
const rules = loadRules(path.join(root, DEFAULT_RULES_PATH));
const textEngine = chooseTextEngine((process.env.DEID_TEXT_ENGINE as TextEngineChoice | undefined) ?? 'auto');
const textDetector = (await recipeTextDetector('local', rules, { textEngine })) as TextDetector & { close(): Promise<void> };
/** With `--verbose`, the lines OCR read in the current image, to show what a missed word was read as. */
let readLines: string[] = [];
const cacheFile = option('--ocr-cache');
const replaying = cacheFile !== undefined && existsSync(cacheFile);
const ocrCache = new Map<string, DetectedText[]>(replaying ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Array<[string, DetectedText[]]>) : []);
/** The current image's key in the cache and its count of detector calls. */
let cacheKey = '';
let calls = 0;
const recording: TextDetector = {
  name: textDetector.name,
  async detect(image) {
    const key = `${cacheKey}#${calls++}`;
    const cached = ocrCache.get(key);
    if (replaying && !cached) throw new Error(`--ocr-cache has no reading for ${key}: delete the file to record again`);
    const texts = cached ?? (await textDetector.detect(image));
    if (cacheFile && !replaying) ocrCache.set(key, texts);
    readLines.push(...texts.filter((t) => t.kind === 'line').map((t) => t.text));
    return texts;
  },
};
const phiDetector = createLocalPhiDetector({ regex: rules.regex, keepList: rules.pixelKeepList, confidenceThreshold: rules.confidenceThreshold });
const steps = [parseDicom(), deidentifyMetadata({ rules, state: openStateStore(path.join(work, 'state')) }), cleanPixels({ textDetector: recording, phiDetector })];

type Tally = { removed: number; total: number };
const tallies = new Map<string, Tally>();
const count = (key: string, removed: boolean) => {
  const t = tallies.get(key) ?? { removed: 0, total: 0 };
  t.total++;
  if (removed) t.removed++;
  tallies.set(key, t);
};
/** Harmless lines kept, per set (and per set and `worn cases`). */
const lines = new Map<string, { kept: number; total: number }>();
/** Harmless lines of named groups of the worn cases (worn lines, lines of the identity panel), per set. */
const groups = new Map<string, { kept: number; total: number }>();
let seconds = 0;
/** One image of either set: its sample, and the tally keys of each PHI word (in truth order). */
interface BenchCase {
  set: FaceSet;
  seed: string;
  face: string;
  title: string;
  /** `lineGroups`: harmless lines (indexes into the truth's lines) whose kept share is printed apart, by name. */
  make(): Promise<{ sample: Sample; bytes: Uint8Array; keys: string[][]; lineGroups?: Record<string, number[]> }>;
}
const only = option('--case');
const allCases: BenchCase[] = screens
  ? screenCases(sizes, every, sets)
      .filter((c) => (c.wear ? !args.includes('--no-worn') : !args.includes('--only-worn')))
      .map((c) => ({
      set: c.set,
      seed: c.seed,
      face: c.face,
      title: `${c.face} ${c.size}px ${c.tone} ${c.corner} ${c.spec.name}${c.wear ? ` worn ${c.wear}` : ''}`,
      async make() {
        const { sample, bytes, forms, worn, identityHarmless } = await screenSample(c);
        const keys = forms.map((f, i) => {
          const cls = f.split(':')[0];
          // Worn cases are scored apart: the plain cases' figures stay comparable with earlier runs.
          if (c.wear) return ['worn cases | all', `worn cases | ${worn.includes(sample.truth.phi[i].line) ? `worn line ${c.wear}` : 'plain lines'}`];
          return [`${c.kind} | ${cls}`, `${c.size}px | ${cls}`, `${c.tone} | all`, `corner ${c.corner} | all`, `form | ${f}`, `all | ${cls}`, 'all | all'];
        });
        return { sample, bytes, keys, lineGroups: c.wear ? { 'worn harmless line': worn, 'identity-panel harmless line': identityHarmless } : undefined };
      },
    }))
  : stressCases(sizes, every, sets).map((c) => ({
      set: c.set,
      seed: c.seed,
      face: c.face,
      title: `${c.face} ${c.size}px ${c.ink} ${c.variant} ${c.spec.name}`,
      async make() {
        const { sample, bytes } = await stressSample(c);
        const keys = phiClasses(sample).map((cls) => [`${c.kind} | ${cls}`, `${c.size}px | ${cls}`, `${c.ink} ink | all`, `${c.variant} | all`, `all | ${cls}`, 'all | all']);
        return { sample, bytes, keys };
      },
    }));
const cases = only ? allCases.filter((c) => c.seed === only) : allCases;
try {
  for (const c of cases) {
    const { sample, bytes, keys, lineGroups } = await c.make();
    readLines = [];
    cacheKey = `${screens ? 'screens' : 'fonts'}:${c.seed}:${c.face}`;
    calls = 0;
    const t0 = performance.now();
    const file = await processFile(new DicomFile(`case ${c.seed}`, bytes), steps);
    seconds += (performance.now() - t0) / 1000;
    const fatal = file.messages.find((m) => m.severity === 'fatal');
    if (fatal) throw new Error(`${c.seed}: ${fatal.reason}`);
    const score = scoreRedaction(await decodeForScoring(bytes), await decodeForScoring(writeDicom(file.dataset!)), sample.truth);
    // Scored per frame: the stress layouts are single-frame, so truth word i is score word i.
    const missed = new Set(score.missed.map((m) => m.text));
    sample.truth.phi.forEach((t, i) => {
      const removed = !missed.has(t.text);
      for (const key of keys[i]) count(`${c.set}\t${key}`, removed);
    });
    // Worn cases' harmless lines are counted apart too: the plain cases' figure stays comparable with earlier runs.
    const l = lines.get(lineGroups ? `${c.set}\tworn cases` : c.set) ?? { kept: 0, total: 0 };
    l.kept += score.harmlessLinesKept;
    l.total += score.harmlessLinesTotal;
    lines.set(lineGroups ? `${c.set}\tworn cases` : c.set, l);
    for (const [group, indexes] of Object.entries(lineGroups ?? {})) {
      const only = { ...sample.truth, phi: [], other: [], harmless: sample.truth.harmless.filter((t) => indexes.includes(t.line)) };
      const part = scoreRedaction(await decodeForScoring(bytes), await decodeForScoring(writeDicom(file.dataset!)), only, { allowedBoxes: () => [] });
      const g = groups.get(`${c.set}\t${group}`) ?? { kept: 0, total: 0 };
      g.kept += part.harmlessLinesKept;
      g.total += part.harmlessLinesTotal;
      groups.set(`${c.set}\t${group}`, g);
    }
    if (verbose && (score.missed.length || score.damaged.length)) {
      console.log(`[${c.set}] ${c.seed} ${c.title}: missed ${score.missed.map((m) => `${m.text}(${(m.erased * 100).toFixed(0)}%)`).join(' ') || '-'}; damaged ${score.damaged.map((d) => d.text).join(' ') || '-'}`);
      console.log(`  read: ${readLines.map((l) => JSON.stringify(l)).join(' ')}`);
      if (only) for (const f of file.data.pixelFindings ?? []) console.log(`  found: ${JSON.stringify(f.text)} ${f.type} ${f.engine} ${JSON.stringify(f.box)}`);
      if (only) console.log(`  boxes: ${JSON.stringify(file.data.pixelBoxes)}`);
      if (only) for (const t of sample.truth.phi.filter((t) => missed.has(t.text))) console.log(`  missed: ${JSON.stringify(t.text)} ${JSON.stringify(t.box)}`);
    }
  }
  if (cacheFile && !replaying) writeFileSync(cacheFile, JSON.stringify([...ocrCache]));
} finally {
  await textDetector.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(`\n${textEngine}, ${screens ? 'screen-stress' : 'font-stress'} set, ${cases.length} images (sizes ${sizes.join(',')}, every ${every})`);
for (const set of sets) {
  const setCases = cases.filter((c) => c.set === set);
  if (setCases.length === 0) continue;
  console.log(`\n${set} faces (${[...new Set(setCases.map((c) => c.face))].join(', ')}): ${setCases.length} images`);
  for (const [key, t] of [...tallies].filter(([k]) => k.startsWith(`${set}\t`)).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${key.slice(set.length + 1).padEnd(32)} ${((t.removed / t.total) * 100).toFixed(1).padStart(5)}% of ${t.total}`);
  }
  const l = lines.get(set) ?? { kept: 0, total: 0 };
  if (l.total > 0) console.log(`harmless lines kept: ${((l.kept / Math.max(1, l.total)) * 100).toFixed(1)}% of ${l.total}`);
  const w = lines.get(`${set}\tworn cases`);
  if (w) console.log(`worn cases, harmless lines kept: ${((w.kept / Math.max(1, w.total)) * 100).toFixed(1)}% of ${w.total}`);
  for (const [key, g] of [...groups].filter(([k]) => k.startsWith(`${set}\t`))) console.log(`  of them, ${key.slice(set.length + 1)}s kept: ${((g.kept / Math.max(1, g.total)) * 100).toFixed(1)}% of ${g.total}`);
}
console.log(`time per image: ${(seconds / cases.length).toFixed(2)} s`);
