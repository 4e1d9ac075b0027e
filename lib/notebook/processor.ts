/**
 * The processor façade: the source workflow's `ProcessMedImage` step names over the library's steps.
 * One processor holds the rules, the state, the engines and the current {@link DicomFile}; every
 * method is a thin call into a library step on that file. Nothing here decides what is PHI.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DicomDataset } from '../dicom/dataset.js';
import { readDicom } from '../dicom/adapter.js';
import { getString } from '../dicom/elements.js';
import { isEngineName, type EngineName } from '../engines/index.js';
import { awsEgressNotice } from '../engines/aws/egress.js';
import { AwsSession, type AwsSessionOptions } from '../engines/aws/session.js';
import type { AwsUsageSummary } from '../engines/aws/usage.js';
import type { DisplayImage } from '../image/types.js';
import type { IdentityContext, PhiDetector, TextDetector } from '../engines/types.js';
import { evaluateMetadata } from '../steps/evaluate-metadata.js';
import { evaluatePixels } from '../steps/evaluate-pixels.js';
import { redactRemaining, type RemainingAction } from '../steps/redact-remaining.js';
import type { EvaluationPixelFinding, TagFinding } from '../evaluate/types.js';
import { DeidError, DicomFile, type DeidMessage } from '../file.js';
import { applyProposal, type ApplyResult } from '../learn/apply.js';
import { formatProposal } from '../learn/format.js';
import { technicalValues } from '../learn/harmless.js';
import { proposeRules } from '../learn/propose.js';
import { learnFindingsFrom } from '../learn/read-findings.js';
import type { RulesProposal } from '../learn/types.js';
import { deidentifyMetadata } from '../steps/deidentify-metadata.js';
import { gatherIdentity } from '../metadata/identity.js';
import { decodeFrames } from '../pixels/decode.js';
import { toPng, type LabelledBox } from '../pixels/png.js';
import { renderFrame } from '../pixels/render.js';
import { writeEvaluationReports, type EvaluationReportPaths } from '../reports/evaluation-report.js';
import { toTsv } from '../reports/tsv.js';
import { writeReportFile } from '../reports/write.js';
import { loadRules, type Rules } from '../rules/index.js';
import { openStateStore, type StateStore } from '../state/index.js';
import { parseDicom } from '../steps/parse.js';
import { detectPixelPhi, redactPixelPhi, type PixelFinding } from '../steps/pixels.js';
import { saveDeidentified, SAVE } from '../steps/save.js';
import { DEFAULT_ENGINE, DEFAULT_PADDING, DEFAULT_STATE_DIR, recipeEvaluationPhiDetector, recipePixelPhiDetector, recipeTextDetector } from '../pipeline/recipe.js';
import { createLocalStorage } from '../storage/local.js';
import type { ObjectStorage } from '../storage/types.js';
import { findingBoxes } from './finding-boxes.js';
import { tagRows } from './tag-rows.js';

/** The project root: the folder above `lib/` (found from this file's real path, symlinks resolved). */
export const PROJECT_ROOT = path.resolve(path.dirname(realpathSync(fileURLToPath(import.meta.url))), '..', '..');

/** Options of {@link createProcessor}. */
export interface ProcessorOptions {
  /** The rules YAML (source format or extended), e.g. `../configs/de-id/de_id_rules_auto.yaml`. */
  rulesPath: string;
  /** `local` (tesseract.js and the local PHI detector, offline) or `aws` (Rekognition, Comprehend Medical) (default: `local`). */
  engine?: EngineName;
  /**
   * The state folder: project secret, UID and Patient ID maps (default: `.deid-state` at the project root).
   * It links pseudonyms back to identities: never put it under `images/` or `output/` folders that are shared.
   */
  stateDir?: string;
  /** Folder for the evaluation TSV reports and audit records (default: `output/report` at the project root). */
  reportDir?: string;
  /** Pixels added around each redaction box (default: 3). */
  padding?: number;
  /** How to reach AWS with `engine: 'aws'`: profile, region, retries (default: the SDK's chain and environment). */
  aws?: AwsSessionOptions;
  /** Text detector to use instead of the engine's (tests; the processor does not close it). */
  textDetector?: TextDetector;
  /** PHI detector for burned-in text instead of the engine's (tests; not closed by the processor). */
  phiDetector?: PhiDetector;
  /** PHI detector for the evaluation instead of the engine's (tests; not closed by the processor). */
  evaluationPhiDetector?: PhiDetector;
  /**
   * Accept rules that leave Basic Profile attributes identifying (default: false: `deIdentifyDicom`
   * refuses them, listing what is missing); outputs are then marked Patient Identity Removed = NO.
   */
  allowIncompleteRules?: boolean;
}

/** Options of {@link DicomProcessor.parseDicomFile}. */
export interface ParseOptions {
  /**
   * Evaluation mode, as the source's `is_evaluation`: the file is a de-identified output to check.
   * Its original's identity is looked for: the one recorded when this processor saved it, or `original`.
   */
  evaluate?: boolean;
  /** The original input of a de-identified file (evaluation mode), whose identifying values are looked for (optional). */
  original?: string;
}

/** What {@link DicomProcessor.updateRulesInConfigs} did. */
export interface LearnResult {
  proposal: RulesProposal;
  /** The proposal as a unified diff of the rules YAML (no PHI: tags, patterns and counts only). */
  diff: string;
  /** The rules file the proposal is for. */
  rulesPath: string;
  /** What was written (`written: false` when nothing was proposed or `apply` was false). */
  applied: ApplyResult;
}

/** Options of {@link DicomProcessor.drawImage}. */
export interface DrawOptions {
  /** Boxes to draw, e.g. `findingBoxes(findings)`; pixel findings are accepted too and labelled with type and score. */
  boxes?: ReadonlyArray<LabelledBox | PixelFinding>;
  /** Draw the file as parsed, before any step changed it (default: the current dataset). */
  original?: boolean;
  /** Frame index (default: 0). */
  frame?: number;
}

const isFinding = (b: LabelledBox | PixelFinding): b is PixelFinding => 'category' in b && 'score' in b;

/**
 * The `ProcessMedImage`-like processor: `parseDicomFile`, `deIdentifyDicom`, `detectIdInImg`,
 * `redactIdInImage`, `saveDeIdDicom`, `detectIdInTags`, `redactTags`, `writeReports`,
 * `updateRulesInConfigs`, `close`. Each step works on the current file ({@link file}).
 * Make one with {@link createProcessor}.
 */
export class DicomProcessor {
  /** The rules in use (reloaded after learning is applied). */
  rules: Rules;
  /** The rules file in use. */
  rulesPath: string;
  readonly engine: EngineName;
  readonly state: StateStore;
  readonly reportDir: string;
  /** The current file: the one the steps work on. */
  file?: DicomFile;
  /** The current frame 0 as displayed (modality LUT, window), refreshed after each pixel change; undefined without pixel data. */
  imageData?: DisplayImage;
  /** Why the image could not be rendered, when it could not. */
  imageError?: string;
  /** Files parsed in evaluation mode, for the reports and for learning. */
  readonly evaluatedFiles: DicomFile[] = [];

  private readonly options: ProcessorOptions;
  private evaluating = false;
  private closed = false;
  private textDetector?: TextDetector;
  private phiDetector?: PhiDetector;
  private evaluationDetector?: PhiDetector;
  /** Identities of originals, by the SOP Instance UID of their saved de-identified copies. */
  private readonly identities = new Map<string, IdentityContext>();
  /** The AWS session of the `aws` engine (makes no call until an engine works). */
  private readonly awsSession?: AwsSession;

  constructor(options: ProcessorOptions) {
    assertProcessorOptions(options);
    this.options = options;
    this.rulesPath = options.rulesPath;
    this.rules = loadRules(options.rulesPath);
    this.engine = options.engine ?? DEFAULT_ENGINE;
    this.state = openStateStore(path.resolve(options.stateDir ?? path.join(PROJECT_ROOT, DEFAULT_STATE_DIR)));
    this.reportDir = path.resolve(options.reportDir ?? path.join(PROJECT_ROOT, 'output', 'report'));
    if (this.engine === 'aws') this.awsSession = new AwsSession(options.aws);
  }

  /**
   * What the `aws` engine sends, to which services and region, as a notice to show before the first
   * pixel or text step (empty with the `local` engine, which sends nothing).
   */
  awsNotice(): string {
    if (!this.awsSession) return '';
    return awsEgressNotice({ pixelText: true, phiText: 'comprehend-medical', headerText: true }, this.awsSession);
  }

  /** Calls, characters, billing units and estimated cost of what the `aws` engine sent so far (undefined with `local`). */
  awsUsage(): AwsUsageSummary | undefined {
    return this.awsSession?.usage.summary();
  }

  /** The current dataset (after the steps so far). */
  get dataset(): DicomDataset | undefined {
    return this.file?.dataset;
  }
  /** The current file's dataset as parsed. */
  get original(): DicomDataset | undefined {
    return this.file?.original;
  }
  /** Patient ID of the current dataset (the pseudonym after `deIdentifyDicom`). */
  get patientId(): string | undefined {
    return this.dataset ? getString(this.dataset.dict, 'PatientID') : undefined;
  }
  /** Study Instance UID of the current dataset (the new UID after `deIdentifyDicom`). */
  get studyInstanceUID(): string | undefined {
    return this.dataset ? getString(this.dataset.dict, 'StudyInstanceUID') : undefined;
  }
  /** Series Instance UID of the current dataset (the new UID after `deIdentifyDicom`). */
  get seriesInstanceUID(): string | undefined {
    return this.dataset ? getString(this.dataset.dict, 'SeriesInstanceUID') : undefined;
  }
  /** SOP Instance UID of the current dataset. */
  get sopInstanceUID(): string | undefined {
    return this.dataset ? getString(this.dataset.dict, 'SOPInstanceUID') : undefined;
  }
  /** The engines started so far (they start on first use), for inspection. */
  get engines(): { text?: TextDetector; pixelPhi?: PhiDetector; evaluationPhi?: PhiDetector } {
    return { text: this.textDetector, pixelPhi: this.phiDetector, evaluationPhi: this.evaluationDetector };
  }
  /** True when the current file was parsed in evaluation mode. */
  get isEvaluation(): boolean {
    return this.evaluating;
  }

  /**
   * Reads and parses a DICOM file and makes it the current file; renders its first frame into
   * {@link imageData}. With `{ evaluate: true }` the file is a de-identified output to evaluate.
   * @throws DeidError naming the file when it is not DICOM or is truncated.
   */
  async parseDicomFile(filePath: string, options: ParseOptions = {}): Promise<DicomFile> {
    this.assertOpen('parseDicomFile');
    const bytes = new Uint8Array(await readFile(filePath));
    const file = new DicomFile(filePath, bytes);
    await parseDicom()(file);
    this.file = file;
    this.evaluating = Boolean(options.evaluate);
    if (this.evaluating) {
      const identity = options.original ? gatherIdentity(readDicom(new Uint8Array(await readFile(options.original)), options.original)) : this.identities.get(this.sopInstanceUID ?? '');
      if (identity) file.data.sourceIdentity = identity;
      this.evaluatedFiles.push(file);
    }
    await this.refreshImage();
    return file;
  }

  /**
   * De-identifies the current file's header by the rules (`deidentifyMetadata`): names to
   * placeholders, Patient ID to its pseudonym, UIDs remapped, dates per policy, free text cleaned,
   * private tags removed except the safe list. Returns the messages it recorded (one per action, no PHI).
   */
  async deIdentifyDicom(): Promise<DeidMessage[]> {
    const file = this.current('deIdentifyDicom');
    const first = file.messages.length;
    await deidentifyMetadata({ rules: this.rules, state: this.state, allowIncompleteRules: this.options.allowIncompleteRules })(file);
    this.state.compact();
    return file.messages.slice(first);
  }

  /**
   * Finds burned-in PHI in every frame (`detectPixelPhi`), or, in evaluation mode, looks again at
   * the de-identified pixels (`evaluatePixels`). Returns the findings with their boxes.
   */
  async detectIdInImg(): Promise<PixelFinding[]> {
    const file = this.current('detectIdInImg');
    const textDetector = await this.text();
    if (this.evaluating) {
      await evaluatePixels({ textDetector, phiDetector: await this.evaluationPhi(), unreadLines: this.rules.pixelUnreadLines === 'fill' })(file);
      return file.data.evaluationPixelFindings ?? [];
    }
    await detectPixelPhi({ textDetector, phiDetector: await this.pixelPhi(), unreadLines: this.rules.pixelUnreadLines === 'fill' })(file);
    return file.data.pixelFindings ?? [];
  }

  /**
   * Fills the boxes of the findings (default: those of the last `detectIdInImg`) in every frame, in
   * the original encoding (`redactPixelPhi`; in evaluation mode `redactRemaining`), and re-renders
   * {@link imageData}. Outside evaluation mode this also clears overlays and sets Burned In Annotation.
   */
  async redactIdInImage(findings?: readonly PixelFinding[]): Promise<void> {
    const file = this.current('redactIdInImage');
    if (this.evaluating) {
      await this.redactRemainingOnly(file, { tags: [], pixels: findings ?? file.data.evaluationPixelFindings ?? [] });
    } else {
      if (findings) file.data.pixelFindings = [...findings];
      await redactPixelPhi({ padding: this.options.padding ?? DEFAULT_PADDING })(file);
    }
    await this.refreshImage();
  }

  /**
   * Looks for PHI left in the current file's header (`evaluateMetadata`): every string value,
   * sequences and private tags included, with the evaluation detector and the original's values.
   */
  async detectIdInTags(): Promise<TagFinding[]> {
    const file = this.current('detectIdInTags');
    await evaluateMetadata({ phiDetector: await this.evaluationPhi(), rules: this.rules, state: this.state })(file);
    return file.data.tagFindings ?? [];
  }

  /**
   * Redacts the elements of the tag findings (default: those of the last `detectIdInTags`) as the
   * rules say (`redactRemaining`): names get their placeholder, others are emptied or removed.
   */
  async redactTags(findings?: readonly TagFinding[]): Promise<RemainingAction[]> {
    const file = this.current('redactTags');
    return this.redactRemainingOnly(file, { tags: findings ?? file.data.tagFindings ?? [], pixels: [] });
  }

  /**
   * Writes the current dataset atomically into a folder (or an {@link ObjectStorage}), as the source:
   * `<folder>/test/<patient>/<study>/<series>/<SOP Instance UID>.dcm`, named from de-identified
   * values only (never from the input's name, which often holds the patient's). Fails closed: refuses
   * a file a step failed, a header not de-identified, pixels not checked (unless `allowUncheckedPixels`),
   * and in evaluation mode findings not redacted. Never writes over the input. Returns where it was written.
   */
  async saveDeIdDicom(target: string | ObjectStorage, options: { prefix?: string; allowUncheckedPixels?: boolean } = {}): Promise<string> {
    const file = this.current('saveDeIdDicom');
    if (typeof target === 'string' && /\.dcm$/i.test(target)) {
      throw new DeidError(`saveDeIdDicom: give a folder, not a file name (${target}): outputs are named <patient>/<study>/<series>/<SOP UID>.dcm, never after inputs`, 'save:file-name');
    }
    this.assertReleasable(file, options.allowUncheckedPixels ?? false);
    const storage = typeof target === 'string' ? createLocalStorage({ root: target, protectedPaths: new Set([realpathSync(file.path)]) }) : target;
    await saveDeidentified({ storage, prefix: options.prefix ?? 'test', state: this.state })(file);
    const where = typeof target === 'string' ? path.join(path.resolve(target), file.data.outputPath!) : `${storage.name}:${file.data.outputPath}`;
    file.data.outputPath = where;
    // Remember whose identity this output carries, so its evaluation looks for the original's values.
    if (!this.evaluating && this.sopInstanceUID) {
      this.identities.set(this.sopInstanceUID, file.data.identity ?? gatherIdentity(file.original ?? file.requireDataset('saveDeIdDicom')));
    }
    this.state.compact();
    return where;
  }

  /**
   * Writes the evaluation reports of the files evaluated so far into {@link reportDir}
   * (`writeEvaluationReports`): `tags_de_id_evaluation_report_<stamp>.tsv`, `img_…`, the summary
   * TSV and one JSON audit record per file. The TSVs hold PHI text and are owner-only.
   */
  async writeReports(): Promise<EvaluationReportPaths> {
    if (this.evaluatedFiles.length === 0) throw new DeidError('writeReports: no file was evaluated yet; parse a de-identified file with { evaluate: true } and run detectIdInTags / detectIdInImg', 'pipeline:order');
    return writeEvaluationReports(this.reportDir, this.evaluatedFiles.map((file) => ({ file })), {
      rules: { source: this.rules.source, hash: this.rules.hash },
      keyedHash: (text) => this.state.keyedHash(text),
      engine: this.engine,
      technicalValues: this.technical(),
      harmlessLines: [...new Set(this.evaluatedFiles.flatMap((f) => f.data.evaluationHarmlessLines ?? []))],
      harmlessText: [...new Set(this.evaluatedFiles.flatMap((f) => f.data.evaluationHarmlessText ?? []))],
    });
  }

  /**
   * Self-learning: turns the evaluation findings into a proposal for the rules YAML (`proposeRules`),
   * shows it as a diff, and (unless `apply: false`) applies it with a backup of the previous file
   * (`applyProposal`), then uses the learned rules. A `rulesPath` other than the processor's
   * receives a copy of its rules first when it does not exist, so the configured file stays as it is.
   */
  updateRulesInConfigs(rulesPath: string = this.rulesPath, options: { apply?: boolean } = {}): LearnResult {
    if (path.resolve(rulesPath) !== path.resolve(this.rulesPath) && !existsSync(rulesPath)) {
      mkdirSync(path.dirname(rulesPath), { recursive: true });
      copyFileSync(this.rulesPath, rulesPath);
    }
    const rules = path.resolve(rulesPath) === path.resolve(this.rulesPath) ? this.rules : loadRules(rulesPath);
    const findings = this.evaluatedFiles.flatMap((f) => learnFindingsFrom(f.data.tagFindings ?? [], f.data.evaluationPixelFindings ?? []));
    const proposal = proposeRules(findings, rules, { harmless: this.harmless() });
    const diff = formatProposal(proposal, readFileSync(rulesPath, 'utf8'));
    const applied: ApplyResult = options.apply === false ? { written: false, mode: 'none' } : applyProposal(rulesPath, proposal);
    if (applied.written || rulesPath !== this.rulesPath) {
      this.rulesPath = rulesPath;
      this.rules = loadRules(rulesPath);
    }
    return { proposal, diff, rulesPath, applied };
  }

  /**
   * Renders a frame of the current file (or, with `original`, of the file as parsed) to PNG bytes
   * for `nb.showImage`, with boxes drawn over it; pixel findings are labelled `<letter> <type> <score>`.
   */
  async drawImage(options: DrawOptions = {}): Promise<Uint8Array> {
    const file = this.current('drawImage');
    const dataset = options.original ? file.original : file.dataset;
    if (!dataset) throw new DeidError(`${file.path}: drawImage has no dataset to draw`, 'pipeline:order');
    const frame = options.frame ?? 0;
    const decoded = await decodeFrames(dataset, { only: [frame] });
    if (!decoded.frames[frame]) throw new DeidError(`${file.path}: drawImage: no frame ${frame}`, 'pixel:no-frame');
    const findings = (options.boxes ?? []).filter(isFinding);
    const boxes = [...(options.boxes ?? []).filter((b): b is LabelledBox => !isFinding(b)), ...findingBoxes(findings, { frame })];
    return new Uint8Array(await toPng(renderFrame(decoded.module, decoded.frames[frame]), boxes));
  }

  /**
   * Writes every element of the current dataset (or of the original, `{ original: true }`) as a TSV
   * (path, tag, keyword, VR, value), as the source's `dump_object_to_text`. It may hold PHI: written owner-only.
   */
  async dumpTags(filePath: string, options: { original?: boolean } = {}): Promise<string> {
    const file = this.current('dumpTags');
    const dataset = options.original ? file.original : file.dataset;
    if (!dataset) throw new DeidError(`${file.path}: dumpTags has no dataset`, 'pipeline:order');
    await writeReportFile(filePath, toTsv(['path', 'tag', 'keyword', 'vr', 'value'], tagRows(dataset).map((r) => ({ ...r }))), { sensitive: true });
    return filePath;
  }

  /** Stops the OCR worker and the engine clients the processor started, and writes the state. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const owned = [this.options.textDetector ? undefined : this.textDetector, this.options.phiDetector ? undefined : this.phiDetector, this.options.evaluationPhiDetector ? undefined : this.evaluationDetector];
    this.textDetector = this.phiDetector = this.evaluationDetector = undefined;
    try {
      for (const engine of owned) await engine?.close?.();
    } finally {
      this.state.compact();
    }
  }

  /** The orchestration checks of {@link saveDeIdDicom}: each step that makes a file safe must have run. */
  private assertReleasable(file: DicomFile, allowUncheckedPixels: boolean): void {
    const dataset = file.requireDataset('saveDeIdDicom');
    const refuse = (ruleId: string, reason: string) => file.fail({ ruleId, step: SAVE, reason: `not saved: ${reason}` });
    // De-identified: by this processor's metadata step (it marks Patient Identity Removed YES, or NO when
    // incomplete rules were allowed), or, for a file under evaluation, by an earlier run that said so.
    const removed = getString(dataset.dict, 'PatientIdentityRemoved');
    const deidentified = this.evaluating
      ? removed === 'YES' || (removed === 'NO' && this.options.allowIncompleteRules === true)
      : file.messages.some((m) => m.ruleId === 'deid:method' || m.ruleId === 'deid:incomplete-rules');
    if (!deidentified) refuse('save:not-deidentified', 'the header was not de-identified; call deIdentifyDicom() first');
    if (this.evaluating) {
      if (file.data.tagFindings === undefined) refuse('save:not-evaluated', 'the header was not evaluated; call detectIdInTags() first');
      const redacted = new Set((file.data.remainingActions ?? []).map((a) => a.path));
      if ((file.data.tagFindings ?? []).some((f) => !redacted.has(f.path))) refuse('save:leak-remains', 'PHI was found in the header and not redacted; call redactTags() first');
      const boxes = (file.data.evaluationPixelFindings ?? []).length;
      if (boxes > (file.data.remainingPixelBoxes ?? 0)) refuse('save:leak-remains', 'PHI was found in the pixels and not redacted; call redactIdInImage() first');
    } else if (dataset.dict['7FE00010'] && file.data.pixelsChecked !== true && !allowUncheckedPixels) {
      refuse('save:pixels-not-checked', 'the pixels were not checked for burned-in text; call detectIdInImg() and redactIdInImage() (also when nothing was found)');
    }
  }

  private assertOpen(step: string): void {
    if (this.closed) throw new DeidError(`${step}: the processor was closed; create a new one with createProcessor()`, 'pipeline:closed');
  }

  private current(step: string): DicomFile {
    this.assertOpen(step);
    if (!this.file) throw new DeidError(`${step}: no current file; call parseDicomFile(path) first`, 'pipeline:order');
    return this.file;
  }

  private async text(): Promise<TextDetector> {
    this.textDetector ??= this.options.textDetector ?? (await recipeTextDetector(this.engine, this.rules, { session: this.awsSession }));
    return this.textDetector;
  }

  /** The detector for burned-in text: the rules' regexes and keep-list locally, Comprehend Medical with AWS. */
  private async pixelPhi(): Promise<PhiDetector> {
    this.phiDetector ??= this.options.phiDetector ?? (await recipePixelPhiDetector(this.engine, this.rules, { session: this.awsSession }));
    return this.phiDetector;
  }

  /** The evaluation detector: independent of the rules' regexes (so it does not share their blind spots), or Comprehend Medical. */
  private async evaluationPhi(): Promise<PhiDetector> {
    this.evaluationDetector ??= this.options.evaluationPhiDetector ?? (await recipeEvaluationPhiDetector(this.engine, this.rules, { session: this.awsSession }));
    return this.evaluationDetector;
  }

  /** Runs `redactRemaining` on a subset of the findings (tags or pixels, as the source's two calls), keeping the full lists for reports and learning. */
  private async redactRemainingOnly(file: DicomFile, subset: { tags: readonly TagFinding[]; pixels: readonly EvaluationPixelFinding[] }): Promise<RemainingAction[]> {
    const all = { tags: file.data.tagFindings, pixels: file.data.evaluationPixelFindings, actions: file.data.remainingActions ?? [], boxes: file.data.remainingPixelBoxes ?? 0 };
    file.data.tagFindings = [...subset.tags];
    file.data.evaluationPixelFindings = [...subset.pixels];
    try {
      await redactRemaining({ rules: this.rules, padding: this.options.padding })(file);
    } finally {
      const done = file.data.remainingActions ?? [];
      file.data.tagFindings = all.tags;
      file.data.evaluationPixelFindings = all.pixels;
      file.data.remainingActions = [...all.actions, ...done];
      file.data.remainingPixelBoxes = all.boxes + (file.data.remainingPixelBoxes ?? 0);
    }
    return file.data.remainingActions.slice(all.actions.length);
  }

  private technical(): string[] {
    return [...new Set(this.evaluatedFiles.flatMap((f) => (f.dataset ? technicalValues(f.dataset) : [])))];
  }

  /** Everything the evaluation judged harmless: technical values, pixel lines and worded header text (learning's negatives). */
  private harmless(): string[] {
    const judged = this.evaluatedFiles.flatMap((f) => [...(f.data.evaluationHarmlessLines ?? []), ...(f.data.evaluationHarmlessText ?? [])]);
    return [...new Set([...this.technical(), ...judged])];
  }

  private async refreshImage(): Promise<void> {
    this.imageData = undefined;
    this.imageError = undefined;
    const dataset = this.file?.dataset;
    if (!dataset?.dict['7FE00010']) return;
    try {
      const decoded = await decodeFrames(dataset, { only: [0] });
      this.imageData = renderFrame(decoded.module, decoded.frames[0]);
    } catch (error) {
      // Only the preview is missing; the pixel steps fail the file closed on their own.
      this.imageError = (error as Error).message;
    }
  }
}

function assertProcessorOptions(options: ProcessorOptions): void {
  if (!options || typeof options.rulesPath !== 'string' || options.rulesPath === '') {
    throw new TypeError('[deid] [processor] createProcessor needs { rulesPath }: the rules YAML, e.g. configs/de-id/de_id_rules_auto.yaml');
  }
  if (options.engine !== undefined && !isEngineName(options.engine)) {
    throw new TypeError(`[deid] [processor] engine must be 'local' or 'aws', got ${JSON.stringify(options.engine)}`);
  }
  if (options.stateDir) {
    const state = path.resolve(options.stateDir);
    for (const shared of ['images', 'output'].map((d) => path.join(PROJECT_ROOT, d))) {
      if (state === shared || state.startsWith(shared + path.sep)) {
        throw new TypeError(`[deid] [processor] stateDir ${state} is inside ${shared}, a folder meant to be shared; the state links pseudonyms to identities: keep it apart (default: .deid-state)`);
      }
    }
  }
}

/**
 * Creates the processor façade over the library's steps, with the step names of the source
 * workflow's `ProcessMedImage`. Engines start on first use; call `close()` at the end.
 *
 * @example
 * const processor = createProcessor({ rulesPath: '../configs/de-id/de_id_rules_auto.yaml', engine: 'local' });
 * await processor.parseDicomFile('../images/med_phi_img/us_abdomen_rgb_explicit_le.dcm');
 * await processor.deIdentifyDicom();
 * await processor.redactIdInImage(await processor.detectIdInImg());
 * const saved = await processor.saveDeIdDicom('../images/med_de_id_img/');
 * await processor.close();
 */
export function createProcessor(options: ProcessorOptions): DicomProcessor {
  return new DicomProcessor(options);
}
