/**
 * Burned-in PHI recall on the font-stress fixtures (`npm run bench:fonts`): the sample layouts burned at
 * 9–12 px in regular, condensed, monospace and serif faces, light on the image or dark on label
 * patches, through the steps `deid run` builds (parse, metadata, pixels with the local engines). Prints,
 * for the tuning faces and the check faces apart, recall per class (face kind × what the word is, size ×
 * what it is, ink, variant), harmless lines kept, and time per image. A script printing figures, not a
 * timed test. Options: `--every <n>` (every n-th case), `--sizes 9,10`, `--set tuning|check` (one set),
 * `--kinds condensed,mono` (faces of those kinds only), `--verbose` (list missed PHI words and damaged harmless
 * ones, each damaged line with its changed glyph pixels and, per rule id, the most of them one of its boxes
 * holds; with `--case <seed>`, one case and what was found).
 *
 * `--screens` runs the screen-stress set instead (`test/fixtures/synthetic/screen-stress.ts`: screens of
 * another design, 9–11 px, grey and dim ink, dates, names, institutions and IDs in many forms), with
 * recall per face kind, size, tone, corner and the form each PHI word was drawn in (sizes default 9,10,11).
 * Its worn cases (one identity line and one harmless line drawn so badly OCR cannot read them, see
 * `test/fixtures/synthetic/wear.ts`) are scored apart: recall on the worn lines and on the plain lines
 * of those screens, harmless lines kept, and of them the worn harmless lines and the plain harmless
 * line of the identity panel. `--no-worn` leaves them out, `--only-worn` runs them alone. Its annotated
 * cases (harmless descriptions, protocols, technique values, label: value pairs and two-column rows in
 * and beside the identity panel, weighted to condensed faces at 10–11 px) are scored apart too:
 * `--no-annotated` leaves them out, `--only-annotated` runs them alone. Its technique-panel cases (condensed and
 * narrow faces, the modality's technique lines drawn in the identity panel, under, between or beside the patient
 * lines) are scored apart as well: `--no-panel` leaves them out, `--only-panel` runs them alone. So are its off-header
 * cases (a phone number and a staff name the header does not hold, and a role cue before harmless words, in the
 * identity panel): `--no-off-header` leaves them out, `--only-off-header` runs them alone; and its status-bar cases
 * (the identity panel on a mid-grey band across the top, light ink): `--no-bar`, `--only-bar`; and its shared-row cases
 * (an age of 89 or under, a measurement, a probe with model letters on or beside the rows of identity values):
 * `--no-row`, `--only-row`; its tight-row cases (lines 1.1–1.2 font sizes apart at 9–18 px, harmless items after a gap or a
 * separator on identity rows, an age line under the name, centred titles, dose lines and inverse boxes): `--no-tight`,
 * `--only-tight`; its screen-text cases (harmless text a matcher may take for PHI: ages of 89 and under in
 * console forms with the sex letter, Doppler, exposure and dose values, counters; 9–16 px, half aliased) with its clean
 * cases (an ultrasound frame with technical text only, whose pixel data must come out unchanged): `--no-keep`,
 * `--only-keep`; and its short-form cases (a staff member's initials as their own word, a given initial beside a family
 * name, the institution's initials, a birth date with its month's name, an age over 89 as `091Y` or alone): `--no-short`,
 * `--only-short`; and its bare-value cases (an age over 89 zero-padded or run into the sex letter, a birth date run into its
 * label, an ID with a suffix, the accession number and the operator's initials alone in the technique column, the
 * institution's initials on a gradient bar; 9–16 px, half aliased): `--no-bare`, `--only-bare`; and its textured cases
 * (speckle, grainy noise, gradients and anatomy-like blobs across the frame, up to a few px from the text or under it,
 * ultrasound RGB and grey frames, 9–16 px): `--no-textured`, `--only-textured`; and its unspelled cases (the
 * institution's initials past its particles or its distinctive word alone, an address block, a day and a month without a
 * year, an e-mail with its @ misread, a worklist of other patients; 9–16 px, half aliased): `--no-unspelled`,
 * `--only-unspelled`; and its halo cases
 * (light text with a 1 px black outline or a 1–2 px drop shadow, on the image or on bright bands, angiography lines
 * in the technique corner; 9–16 px, half aliased): `--no-halo`, `--only-halo`; and its rotated cases
 * (labels turned a quarter along the left and right edges, a name with an ID, a birth date or an age over 89 along
 * one, a view, probe, scale or marker along the other; 10–18 px, half aliased): `--no-rotated`, `--only-rotated`; and its
 * readout cases (radiotherapy portal, eye, product and nuclear medicine or angiography acquisition lines and column headings
 * alone on a line, in and beside the identity panel; 9–16 px, half aliased): `--no-readout`, `--only-readout`; and its list
 * cases (a whole screen of a study list or worklist: rows of other patients' names, IDs, dates and accession numbers under
 * headings or none, with rules, zebra rows or a selected row; 9–16 px, one in three aliased): `--no-lists`, `--only-lists`; and its
 * forms5 cases (an age over 89 bare after the name, the institution's initials without its kind words, beside a department
 * or cut short, a town and postcode after or under a street on form lines; 9–16 px, half aliased, a third outlined on
 * bright bands): `--no-forms5`, `--only-forms5`. For
 * every group of cases the harmless lines kept are printed per face kind, the lines damaged per rule id of the boxes that hit them, and the share
 * of each image's area changed away from any drawn text (outside every line's box padded by its height).
 *
 * `--ocr-cache <file>` records what the text detector read in each image to `file` when it does not exist,
 * and replays it when it does: a change to the PHI matcher alone is then scored in seconds, without OCR.
 * An image it has no reading for is read and added (the file is written after each image). Readings are keyed by seed, face and size (seeds are
 * numbered over the sizes asked for, so a seed at other `--sizes` is another image). Only valid while
 * reading (regions, renderings, OCR) is unchanged; delete the file after changing it.
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
import { cleanPixels, pixelFindingMessage } from '../lib/steps/pixels.js';
import { deidentifyMetadata } from '../lib/steps/deidentify-metadata.js';
import { parseDicom } from '../lib/steps/parse.js';
import { phiClasses, stressCases, stressSample, type FaceSet } from '../test/fixtures/synthetic/font-stress.js';
import { screenCases, screenSample } from '../test/fixtures/synthetic/screen-stress.js';
import type { Sample } from '../lib/samples/make-sample.js';
import { maskPixels } from '../lib/samples/mask.js';
import { padBox } from '../lib/image/boxes.js';
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
/** Readings added to the cache in this run (images it did not hold), and how many of them are saved. */
let added = 0;
let saved = 0;
/** The current image's key in the cache and its count of detector calls. */
let cacheKey = '';
let calls = 0;
/**
 * The current image's second looks (`readLine`) so far, by where they look: cached under keys of their own (readings cached
 * before looks existed still replay), by place, since which lines are doubtful depends on the judging code, not only on
 * the reading.
 */
const looks = new Map<string, number>();
const recording: TextDetector = {
  name: textDetector.name,
  async detect(image) {
    const key = `${cacheKey}#${calls++}`;
    const cached = ocrCache.get(key);
    const texts = cached ?? (await textDetector.detect(image));
    if (cacheFile && !cached) {
      ocrCache.set(key, texts);
      added++;
    }
    readLines.push(...texts.filter((t) => t.kind === 'line').map((t) => t.text));
    return texts;
  },
  async readLine(image, box, ignore) {
    const place = JSON.stringify([box, ignore ?? []]);
    const seen = looks.get(place) ?? 0;
    looks.set(place, seen + 1);
    const key = `${cacheKey}#look ${place} ${seen}`;
    const cached = ocrCache.get(key);
    const texts = cached ?? (await textDetector.readLine!(image, box, ignore));
    if (cacheFile && !cached) {
      ocrCache.set(key, texts);
      added++;
    }
    readLines.push(...texts.filter((t) => t.kind === 'line').map((t) => `second look: ${t.text}`));
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
/** Harmless lines kept per set, group of cases and face kind; and lines damaged per set, group and rule id of a box over them. */
const byKind = new Map<string, { kept: number; total: number }>();
const byRule = new Map<string, number>();
let seconds = 0;
/**
 * Share of each image's area changed away from any drawn text (outside every text line's box padded by its height), per
 * set and group of cases: what the kit took of the image itself, which no text justifies.
 */
const away = new Map<string, { sum: number; max: number; over: number; total: number }>();
/** Clean cases (no PHI drawn) whose pixels came out unchanged, per set. */
const cleanFrames = new Map<string, { kept: number; total: number }>();
/** One image of either set: its sample, and the tally keys of each PHI word (in truth order). */
interface BenchCase {
  set: FaceSet;
  seed: string;
  face: string;
  size: number;
  /** Face kind, and the group of cases its figures are printed in (`plain`, `worn`, `annotated`). */
  kind: string;
  group: string;
  title: string;
  /** `lineGroups`: harmless lines (indexes into the truth's lines) whose kept share is printed apart, by name. */
  make(): Promise<{ sample: Sample; bytes: Uint8Array; keys: string[][]; lineGroups?: Record<string, number[]> }>;
}
const only = option('--case');
const allCases: BenchCase[] = screens
  ? screenCases(sizes, every, sets)
      .filter((c) => (c.wear ? !args.includes('--no-worn') : !args.includes('--only-worn')))
      .filter((c) => (c.annotated ? !args.includes('--no-annotated') : !args.includes('--only-annotated')))
      .filter((c) => (c.panel ? !args.includes('--no-panel') : !args.includes('--only-panel')))
      .filter((c) => (c.offHeader ? !args.includes('--no-off-header') : !args.includes('--only-off-header')))
      .filter((c) => (c.bar ? !args.includes('--no-bar') : !args.includes('--only-bar')))
      .filter((c) => (c.row ? !args.includes('--no-row') : !args.includes('--only-row')))
      .filter((c) => (c.tight ? !args.includes('--no-tight') : !args.includes('--only-tight')))
      .filter((c) => (c.keep || c.clean ? !args.includes('--no-keep') : !args.includes('--only-keep')))
      .filter((c) => (c.short ? !args.includes('--no-short') : !args.includes('--only-short')))
      .filter((c) => (c.bare ? !args.includes('--no-bare') : !args.includes('--only-bare')))
      .filter((c) => (c.device ? !args.includes('--no-device') : !args.includes('--only-device')))
      .filter((c) => (c.textured ? !args.includes('--no-textured') : !args.includes('--only-textured')))
      .filter((c) => (c.unspelled ? !args.includes('--no-unspelled') : !args.includes('--only-unspelled')))
      .filter((c) => (c.halo ? !args.includes('--no-halo') : !args.includes('--only-halo')))
      .filter((c) => (c.rotated ? !args.includes('--no-rotated') : !args.includes('--only-rotated')))
      .filter((c) => (c.readout ? !args.includes('--no-readout') : !args.includes('--only-readout')))
      .filter((c) => (c.list ? !args.includes('--no-lists') : !args.includes('--only-lists')))
      .filter((c) => (c.forms5 ? !args.includes('--no-forms5') : !args.includes('--only-forms5')))
      .map((c) => ({
      set: c.set,
      seed: c.seed,
      face: c.face,
      size: c.size,
      kind: c.kind,
      group: c.wear ? 'worn' : c.annotated ? 'annotated' : c.panel ? 'panel' : c.offHeader ? 'off-header' : c.bar ? 'bar' : c.row ? 'row' : c.tight ? 'tight' : c.keep ? 'keep' : c.clean ? 'clean' : c.short ? 'short' : c.bare ? 'bare' : c.device ? 'device' : c.textured ? 'textured' : c.unspelled ? 'unspelled' : c.forms5 ? 'forms5' : c.halo ? 'halo' : c.rotated ? 'rotated' : c.readout ? 'readout' : c.list ? 'list' : 'plain',
      title: `${c.face} ${c.size}px ${c.tone} ${c.corner} ${c.spec.name}${c.wear ? ` worn ${c.wear}` : ''}${c.annotated ? ' annotated' : ''}${c.panel ? ' technique panel' : ''}${c.offHeader ? ' off-header' : ''}${c.bar ? ' status bar' : ''}${c.row ? ' shared rows' : ''}${c.tight ? ' tight rows' : ''}${c.keep ? ' screen text' : ''}${c.clean ? ' clean' : ''}${c.aliased ? ' aliased' : ''}${c.short ? ' short forms' : ''}${c.bare ? ' bare values' : ''}${c.device ? ' device text' : ''}${c.textured ? ` ${c.textured.texture} ${c.textured.gap < 0 ? 'under the text' : `${c.textured.gap} px from the text`}` : ''}${c.unspelled ? ' unspelled' : ''}${c.halo ? ` ${c.halo.kind} ${c.halo.width}px${c.bright ? ' bright' : ''}` : ''}${c.rotated ? ` rotated ${c.rotated.turn} on the ${c.rotated.edge}` : ''}${c.readout ? ' readouts' : ''}${c.forms5 ? ' forms5' : ''}${c.list ? ` list of ${c.list.rows}${c.list.grid ? ' grid' : ''}${c.list.zebra ? ' zebra' : ''}${c.list.selected ? ' selected' : ''} heading ${c.list.heading}${c.list.light ? ' light' : ''}` : ''}`,
      async make() {
        const { sample, bytes, forms, worn, identityHarmless, besideIdentity, centred, device, readout, list } = await screenSample(c);
        const keys = forms.map((f, i) => {
          const cls = f.split(':')[0];
          // Worn and annotated cases are scored apart: the plain cases' figures stay comparable with earlier runs.
          if (c.wear) return ['worn cases | all', `worn cases | ${worn.includes(sample.truth.phi[i].line) ? `worn line ${c.wear}` : 'plain lines'}`];
          if (c.annotated) return ['annotated cases | all', `annotated ${c.kind} | ${cls}`, `annotated ${c.size}px | ${cls}`];
          if (c.panel) return ['panel cases | all', `panel ${c.size}px | ${cls}`];
          if (c.bar) return ['bar cases | all', `bar ${c.kind} | ${cls}`, `bar ${c.size}px | ${cls}`];
          if (c.offHeader) return ['off-header cases | all', `off-header ${c.kind} | ${cls}`, `off-header ${c.size}px | ${cls}`, `off-header form | ${f}`];
          if (c.row) return ['row cases | all', `row ${c.size}px | ${cls}`];
          if (c.tight) return ['tight cases | all', `tight ${c.kind} | ${cls}`, `tight ${c.size}px | ${cls}`];
          if (c.keep) return ['screen-text cases | all', `screen-text ${c.aliased ? 'aliased' : 'smooth'} | ${cls}`, `screen-text form | ${f}`];
          if (c.short) return ['short cases | all', `short ${c.size}px | ${cls}`, `short form | ${f}`];
          if (c.device) return ['device cases | all', `device ${c.aliased ? 'aliased' : 'smooth'} | ${cls}`, `device form | ${f}`];
          if (c.textured) return ['textured cases | all', `textured ${c.textured.texture} | ${cls}`, `textured ${c.size}px | ${cls}`, `textured ${c.textured.gap < 0 ? 'under' : 'beside'} the text | ${cls}`];
          if (c.forms5) return ['forms5 cases | all', `forms5 ${c.halo ? 'outlined on bright' : c.aliased ? 'aliased' : 'smooth'} | ${cls}`, `forms5 ${c.size}px | ${cls}`, `forms5 form | ${f}`];
          if (c.halo) return ['halo cases | all', `halo ${c.halo.kind} ${c.aliased ? 'aliased' : 'smooth'} | ${cls}`, `halo ${c.bright ? 'bright' : 'image'} | ${cls}`, `halo ${c.size}px | ${cls}`];
          if (c.readout) return ['readout cases | all', `readout ${c.aliased ? 'aliased' : 'smooth'} | ${cls}`, `readout form | ${f}`];
          if (c.rotated) return ['rotated cases | all', `rotated ${c.rotated.turn} | ${cls}`, `rotated ${c.aliased ? 'aliased' : 'smooth'} | ${cls}`, `rotated ${c.size}px | ${cls}`];
          if (c.bare) return ['bare cases | all', `bare ${c.aliased ? 'aliased' : 'smooth'} | ${cls}`, `bare ${c.size}px | ${cls}`, `bare form | ${f}`];
          if (c.list) return ['list cases | all', `list ${c.kind} | ${cls}`, `list ${c.size}px | ${cls}`, `list ${c.aliased ? 'aliased' : 'smooth'} | ${cls}`, `list form | ${f}`, `list design | ${c.list.grid ? 'grid' : c.list.zebra ? 'zebra' : 'plain'}${c.list.light ? ' light' : ''}`];
          if (c.unspelled) return ['unspelled cases | all', `unspelled ${c.aliased ? 'aliased' : 'smooth'} | ${cls}`, `unspelled ${c.size}px | ${cls}`, `unspelled form | ${f}`];
          return [`${c.kind} | ${cls}`, `${c.size}px | ${cls}`, `${c.tone} | all`, `corner ${c.corner} | all`, `form | ${f}`, `all | ${cls}`, 'all | all'];
        });
        const lineGroups: Record<string, number[]> | undefined = c.wear
          ? { 'worn harmless line': worn, 'identity-panel harmless line': identityHarmless }
          : c.annotated
            ? { 'annotated identity-panel harmless line': identityHarmless, 'annotated harmless column beside identity line': besideIdentity }
            : c.panel
              ? { 'technique line in the identity panel': identityHarmless, 'technique column beside identity line': besideIdentity }
              : c.offHeader
                ? { 'role cue line with harmless words': identityHarmless }
                : c.row
                  ? { 'probe line in the identity panel': identityHarmless, 'identity line sharing its row with harmless text': besideIdentity }
                  : c.tight
                    ? { 'tight: identity line sharing its row with a harmless item': besideIdentity, 'tight: age line': identityHarmless, 'tight: centred title, dose or sequence line': centred }
                    : c.keep
                      ? { 'age line (89 or under) in the identity panel': identityHarmless }
                      : c.device
                        ? Object.fromEntries(Object.entries(device ?? {}).map(([kind, indexes]) => [`device: ${kind} line`, indexes]))
                      : c.rotated
                        ? { 'rotated harmless label': identityHarmless }
                        : c.readout
                          ? Object.fromEntries(Object.entries(readout ?? {}).map(([kind, indexes]) => [`readout: ${kind} line`, indexes]))
                          : c.list
                            ? list
                          : undefined;
        return { sample, bytes, keys, lineGroups };
      },
    }))
  : stressCases(sizes, every, sets).map((c) => ({
      set: c.set,
      seed: c.seed,
      face: c.face,
      size: c.size,
      kind: c.kind,
      group: 'plain',
      title: `${c.face} ${c.size}px ${c.ink} ${c.variant} ${c.spec.name}`,
      async make() {
        const { sample, bytes } = await stressSample(c);
        const keys = phiClasses(sample).map((cls) => [`${c.kind} | ${cls}`, `${c.size}px | ${cls}`, `${c.ink} ink | all`, `${c.variant} | all`, `all | ${cls}`, 'all | all']);
        return { sample, bytes, keys };
      },
    }));
const kinds = option('--kinds')?.split(',');
const cases = (only ? allCases.filter((c) => c.seed === only) : allCases).filter((c) => !kinds || kinds.includes(c.kind));
try {
  for (const c of cases) {
    const { sample, bytes, keys, lineGroups } = await c.make();
    readLines = [];
    /** With `--verbose`, each damaged harmless line of this image: its changed glyph pixels, and per rule id the most of them one box holds. */
    const damagedLines: string[] = [];
    // Seeds are numbered over the sizes asked for: the same seed and face at another `--sizes` is another image.
    cacheKey = `${screens ? 'screens' : 'fonts'}:${c.seed}:${c.face}:${c.size}px`;
    calls = 0;
    looks.clear();
    const t0 = performance.now();
    const file = await processFile(new DicomFile(`case ${c.seed}`, bytes), steps);
    seconds += (performance.now() - t0) / 1000;
    const fatal = file.messages.find((m) => m.severity === 'fatal');
    if (fatal) throw new Error(`${c.seed}: ${fatal.reason}`);
    const before = await decodeForScoring(bytes);
    const after = await decodeForScoring(writeDicom(file.dataset!));
    const score = scoreRedaction(before, after, sample.truth);
    // A clean case needs no redaction: its pixels must come out as they went in.
    if (c.group === 'clean') {
      const same = before.frames.every((f, i) => f.length === after.frames[i].length && Array.from(f).every((v, k) => v === after.frames[i][k]));
      const t = cleanFrames.get(c.set) ?? { kept: 0, total: 0 };
      t.total++;
      if (same) t.kept++;
      cleanFrames.set(c.set, t);
      if (verbose && !same) {
        console.log(`[${c.set}] ${c.seed} ${c.title}: pixels changed by ${(file.data.pixelFindings ?? []).map((f) => `${pixelFindingMessage(f).ruleId} ${JSON.stringify(f.text)} ${JSON.stringify(f.box)}`).join(', ')}`);
        console.log(`  read: ${readLines.map((l) => JSON.stringify(l)).join(' ')}`);
      }
    }
    // Pixels changed outside every drawn line's box, padded by its height (a fill's margin and a block's width at a line stay inside).
    {
      const { width: columns, samplesPerPixel: spp } = before;
      const rows = before.frames[0].length / (columns * spp);
      const text = sample.truth.lines.map((l) => padBox(l.box, l.box.height));
      let changed = 0;
      /** With `--verbose`, per rule id, the changed pixels away from text its boxes (padded by the fill's 3 px) hold. */
      const byRuleAway = new Map<string, number>();
      const boxes = (file.data.pixelFindings ?? []).flatMap((f) => (f.box ? [{ box: padBox(f.box, 3), rule: pixelFindingMessage(f).ruleId }] : []));
      for (let y = 0; y < rows; y++)
        for (let x = 0; x < columns; x++) {
          const q = y * columns + x;
          if (![...Array(spp).keys()].some((k) => before.frames[0][q * spp + k] !== after.frames[0][q * spp + k])) continue;
          if (text.some((b) => x >= b.left && x < b.left + b.width && y >= b.top && y < b.top + b.height)) continue;
          changed++;
          if (verbose) for (const rule of new Set(boxes.filter(({ box: b }) => x >= b.left && x < b.left + b.width && y >= b.top && y < b.top + b.height).map((b) => b.rule))) byRuleAway.set(rule, (byRuleAway.get(rule) ?? 0) + 1);
        }
      const share = changed / (columns * rows);
      const a = away.get(`${c.set}\t${c.group}`) ?? { sum: 0, max: 0, over: 0, total: 0 };
      a.sum += share;
      a.max = Math.max(a.max, share);
      a.total++;
      if (share > 0.01) a.over++;
      away.set(`${c.set}\t${c.group}`, a);
      if (verbose && share > 0.01) console.log(`[${c.set}] ${c.seed} ${c.title}: ${(share * 100).toFixed(1)}% of the image changed away from text (${[...byRuleAway].sort((p, q) => q[1] - p[1]).map(([rule, n]) => `${rule} ${n} px`).join(', ')})`);
    }
    // Each harmless line on its own: kept per face kind, and which rules' boxes (padded as the fill pads them) reach a damaged one.
    for (const index of new Set(sample.truth.harmless.map((t) => t.line))) {
      const tokens = sample.truth.harmless.filter((t) => t.line === index);
      const part = scoreRedaction(before, after, { ...sample.truth, phi: [], other: [], harmless: tokens }, { allowedBoxes: () => [] });
      const tally = byKind.get(`${c.set}\t${c.group}\t${c.kind}`) ?? { kept: 0, total: 0 };
      tally.total += part.harmlessLinesTotal;
      tally.kept += part.harmlessLinesKept;
      byKind.set(`${c.set}\t${c.group}\t${c.kind}`, tally);
      if (part.harmlessLinesKept === part.harmlessLinesTotal) continue;
      // The rule whose boxes (padded by the fill's 3 px) hold most of the line's changed glyph pixels.
      const { width: columns, samplesPerPixel: spp } = before;
      const changed = tokens.flatMap((t) => maskPixels({ box: t.box, bits: t.mask }, columns)).filter((q) => [...Array(spp).keys()].some((k) => before.frames[0][q * spp + k] !== after.frames[0][q * spp + k]));
      const inside = new Map<string, number>();
      for (const f of file.data.pixelFindings ?? []) {
        if (!f.box) continue;
        const b = f.box;
        const n = changed.filter((q) => Math.abs((q % columns) - (b.left + b.width / 2)) <= b.width / 2 + 3 && Math.abs(Math.floor(q / columns) - (b.top + b.height / 2)) <= b.height / 2 + 3).length;
        const rule = pixelFindingMessage(f).ruleId;
        if (n > 0) inside.set(rule, Math.max(n, inside.get(rule) ?? 0));
      }
      const most = Math.max(0, ...inside.values());
      const rules = [...inside].filter(([, n]) => n === most).map(([rule]) => rule);
      for (const rule of rules.length > 0 ? rules : ['(no finding box)']) byRule.set(`${c.set}\t${c.group}\t${rule}`, (byRule.get(`${c.set}\t${c.group}\t${rule}`) ?? 0) + 1);
      if (verbose) damagedLines.push(`  damaged line ${JSON.stringify(tokens.map((t) => t.text).join(' '))}: ${changed.length} px changed; ${[...inside].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'no finding box'}`);
    }
    // Scored per frame: the stress layouts are single-frame, so truth word i is score word i.
    const missed = new Set(score.missed.map((m) => m.text));
    sample.truth.phi.forEach((t, i) => {
      const removed = !missed.has(t.text);
      for (const key of keys[i]) count(`${c.set}\t${key}`, removed);
    });
    // Worn cases' harmless lines are counted apart too: the plain cases' figure stays comparable with earlier runs.
    const lineKey = c.group === 'plain' ? c.set : `${c.set}\t${c.group} cases`;
    const l = lines.get(lineKey) ?? { kept: 0, total: 0 };
    l.kept += score.harmlessLinesKept;
    l.total += score.harmlessLinesTotal;
    lines.set(lineKey, l);
    for (const [group, indexes] of Object.entries(lineGroups ?? {})) {
      const only = { ...sample.truth, phi: [], other: [], harmless: sample.truth.harmless.filter((t) => indexes.includes(t.line)) };
      const part = scoreRedaction(before, after, only, { allowedBoxes: () => [] });
      const g = groups.get(`${c.set}\t${group}`) ?? { kept: 0, total: 0 };
      g.kept += part.harmlessLinesKept;
      g.total += part.harmlessLinesTotal;
      groups.set(`${c.set}\t${group}`, g);
    }
    // Readings are saved after every image, so a run stopped part-way replays what it read.
    if (cacheFile && added > saved) {
      writeFileSync(cacheFile, JSON.stringify([...ocrCache]));
      saved = added;
    }
    if (verbose && (score.missed.length || score.damaged.length)) {
      console.log(`[${c.set}] ${c.seed} ${c.title}: missed ${score.missed.map((m) => `${m.text}(${(m.erased * 100).toFixed(0)}%)`).join(' ') || '-'}; damaged ${score.damaged.map((d) => d.text).join(' ') || '-'}`);
      console.log(`  read: ${readLines.map((l) => JSON.stringify(l)).join(' ')}`);
      for (const line of damagedLines) console.log(line);
      if (only) for (const f of file.data.pixelFindings ?? []) console.log(`  found: ${JSON.stringify(f.text)} ${f.type} ${f.engine} ${JSON.stringify(f.box)}`);
      if (only) console.log(`  boxes: ${JSON.stringify(file.data.pixelBoxes)}`);
      if (only) for (const t of sample.truth.phi.filter((t) => missed.has(t.text))) console.log(`  missed: ${JSON.stringify(t.text)} ${JSON.stringify(t.box)}`);
    }
  }
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
  const a = lines.get(`${set}\tannotated cases`);
  if (a) console.log(`annotated cases, harmless lines kept: ${((a.kept / Math.max(1, a.total)) * 100).toFixed(1)}% of ${a.total}`);
  const p = lines.get(`${set}\tpanel cases`);
  if (p) console.log(`technique-panel cases, harmless lines kept: ${((p.kept / Math.max(1, p.total)) * 100).toFixed(1)}% of ${p.total}`);
  const o = lines.get(`${set}\toff-header cases`);
  if (o) console.log(`off-header cases, harmless lines kept: ${((o.kept / Math.max(1, o.total)) * 100).toFixed(1)}% of ${o.total}`);
  const b = lines.get(`${set}\tbar cases`);
  if (b) console.log(`status-bar cases, harmless lines kept: ${((b.kept / Math.max(1, b.total)) * 100).toFixed(1)}% of ${b.total}`);
  const r = lines.get(`${set}\trow cases`);
  if (r) console.log(`shared-row cases, harmless lines kept: ${((r.kept / Math.max(1, r.total)) * 100).toFixed(1)}% of ${r.total}`);
  const tr = lines.get(`${set}\ttight cases`);
  if (tr) console.log(`tight-row cases, harmless lines kept: ${((tr.kept / Math.max(1, tr.total)) * 100).toFixed(1)}% of ${tr.total}`);
  const sc = lines.get(`${set}\tkeep cases`);
  if (sc) console.log(`screen-text cases, harmless lines kept: ${((sc.kept / Math.max(1, sc.total)) * 100).toFixed(1)}% of ${sc.total}`);
  const cl = lines.get(`${set}\tclean cases`);
  if (cl) console.log(`clean cases, harmless lines kept: ${((cl.kept / Math.max(1, cl.total)) * 100).toFixed(1)}% of ${cl.total}`);
  const cf = cleanFrames.get(set);
  if (cf) console.log(`clean cases, pixel data unchanged: ${cf.kept} of ${cf.total}`);
  const s = lines.get(`${set}\tshort cases`);
  if (s) console.log(`short-form cases, harmless lines kept: ${((s.kept / Math.max(1, s.total)) * 100).toFixed(1)}% of ${s.total}`);
  const dv = lines.get(`${set}\tdevice cases`);
  if (dv) console.log(`device-text cases, harmless lines kept: ${((dv.kept / Math.max(1, dv.total)) * 100).toFixed(1)}% of ${dv.total}`);
  const bv = lines.get(`${set}\tbare cases`);
  if (bv) console.log(`bare-value cases, harmless lines kept: ${((bv.kept / Math.max(1, bv.total)) * 100).toFixed(1)}% of ${bv.total}`);
  const tx = lines.get(`${set}\ttextured cases`);
  if (tx) console.log(`textured cases, harmless lines kept: ${((tx.kept / Math.max(1, tx.total)) * 100).toFixed(1)}% of ${tx.total}`);
  for (const [key, a] of [...away].filter(([k]) => k.startsWith(`${set}\t`)).sort(([x], [y]) => x.localeCompare(y))) {
    console.log(`image area changed away from text, ${`${key.slice(set.length + 1)} cases:`.padEnd(22)} mean ${((a.sum / a.total) * 100).toFixed(2)}%, most ${(a.max * 100).toFixed(1)}%, ${a.over} of ${a.total} images over 1%`);
  }
  const un = lines.get(`${set}\tunspelled cases`);
  if (un) console.log(`unspelled cases, harmless lines kept: ${((un.kept / Math.max(1, un.total)) * 100).toFixed(1)}% of ${un.total}`);
  const hv = lines.get(`${set}\thalo cases`);
  if (hv) console.log(`halo cases, harmless lines kept: ${((hv.kept / Math.max(1, hv.total)) * 100).toFixed(1)}% of ${hv.total}`);
  const f5 = lines.get(`${set}\tforms5 cases`);
  if (f5) console.log(`forms5 cases, harmless lines kept: ${((f5.kept / Math.max(1, f5.total)) * 100).toFixed(1)}% of ${f5.total}`);
  const rt = lines.get(`${set}\trotated cases`);
  if (rt) console.log(`rotated cases, harmless lines kept: ${((rt.kept / Math.max(1, rt.total)) * 100).toFixed(1)}% of ${rt.total}`);
  const ro = lines.get(`${set}\treadout cases`);
  if (ro) console.log(`readout cases, harmless lines kept: ${((ro.kept / Math.max(1, ro.total)) * 100).toFixed(1)}% of ${ro.total}`);
  const ls = lines.get(`${set}\tlist cases`);
  if (ls) console.log(`list cases, harmless lines kept: ${((ls.kept / Math.max(1, ls.total)) * 100).toFixed(1)}% of ${ls.total}`);
  for (const [key, g] of [...groups].filter(([k]) => k.startsWith(`${set}\t`))) console.log(`  of them, ${key.slice(set.length + 1)}s kept: ${((g.kept / Math.max(1, g.total)) * 100).toFixed(1)}% of ${g.total}`);
  for (const [key, t] of [...byKind].filter(([k]) => k.startsWith(`${set}\t`)).sort(([x], [y]) => x.localeCompare(y))) {
    console.log(`harmless lines kept, ${key.slice(set.length + 1).replace('\t', ' cases, ').padEnd(30)} ${((t.kept / Math.max(1, t.total)) * 100).toFixed(1).padStart(5)}% of ${t.total}`);
  }
  for (const [key, n] of [...byRule].filter(([k]) => k.startsWith(`${set}\t`)).sort(([x], [y]) => x.localeCompare(y))) console.log(`harmless lines damaged, ${key.slice(set.length + 1).replace('\t', ' cases, by ')}: ${n}`);
}
console.log(`time per image: ${(seconds / cases.length).toFixed(2)} s`);
