import path from 'node:path';
import { readDicom } from '../dicom/adapter.js';
import { getString } from '../dicom/elements.js';
import type { EngineName } from '../engines/index.js';
import type { IdentityContext, PhiDetector, TextDetector } from '../engines/types.js';
import { DicomFile } from '../file.js';
import { technicalValues } from '../learn/harmless.js';
import { gatherIdentity } from '../metadata/identity.js';
import { startAwsRun, type AwsRunOptions } from './aws-run.js';
import { writeEvaluationReports, type EvaluatedFile, type EvaluationReportPaths } from '../reports/evaluation-report.js';
import { loadRules, type Rules } from '../rules/index.js';
import { openStateStore, type StateStore } from '../state/index.js';
import { createLocalStorage } from '../storage/local.js';
import { expandInputs, InputReadError, readRegularFile, realPaths } from './inputs.js';
import { assertRunPathsApart } from './run-paths.js';
import { processFile } from './process-file.js';
import { DEFAULT_ENGINE, DEFAULT_RULES_PATH, DEFAULT_STATE_DIR, evaluationSteps, recipeEvaluationPhiDetector, recipeTextDetector, type RecipeAws } from './recipe.js';

/** Options of {@link evaluateFiles}. The AWS ones (`aws`, `onNotice`, …) matter only with `engine: 'aws'`. */
export interface EvaluateFilesOptions extends AwsRunOptions {
  /** Folder for the evaluated (and, where needed, further redacted) files, same layout as `deid run`. */
  out: string;
  /** Folder for the TSV reports and audit records (e.g. `output/report`); sensitive. */
  reportDir: string;
  /** The original inputs of the de-identified files: their values are looked for (optional but recommended). */
  originals?: string[];
  /** Rules YAML used for de-identification (default: `configs/de-id/de_id_rules_auto.yaml`). */
  rulesPath?: string;
  rules?: Rules;
  /** State folder of the de-identification run: pairs files with their originals, hashes audit texts (default: `.deid-state`). */
  stateDir?: string;
  /** Engine: `local` (offline) or `aws` (Comprehend Medical for text, Rekognition for pixels) (default: `local`). */
  engine?: EngineName;
  /** Check the pixels again (default: true). */
  pixels?: boolean;
  /** Detectors to use instead of the engine's (tests, notebooks). */
  phiDetector?: PhiDetector;
  textDetector?: TextDetector;
  /** Called after each file. */
  onFile?: (entry: EvaluatedFile, done: number, total: number) => void;
}

/** What an evaluation run did. */
export interface EvaluateFilesResult {
  files: EvaluatedFile[];
  reports: EvaluationReportPaths;
  /** Files that failed (not readable, detection failed, leaks could not be redacted). */
  failed: number;
  tagFindings: number;
  pixelFindings: number;
  /** What was sent to AWS and its estimated cost, with `engine: 'aws'`. */
  awsUsage?: import('../engines/aws/usage.js').AwsUsageSummary;
}

/** Identities of the originals by the SOP Instance UID their de-identified copies carry. */
async function originalIdentities(originals: string[], state: StateStore): Promise<Map<string, IdentityContext>> {
  const byUid = new Map<string, IdentityContext>();
  const entries = await expandInputs(originals);
  for (const [index, entry] of entries.entries()) {
    if (entry.skipped) continue;
    if (entry.error) throw new Error(`[evaluate] original ${index + 1} of ${entries.length}: ${entry.error}`);
    let dataset;
    try {
      dataset = readDicom(await readRegularFile(entry.path), entry.path);
    } catch (error) {
      if (entry.fromFolder) continue; // a stray non-DICOM file in a folder
      throw error;
    }
    const sop = getString(dataset.dict, 'SOPInstanceUID') ?? getString(dataset.meta, 'MediaStorageSOPInstanceUID');
    if (!sop) continue;
    byUid.set(state.uidMap.get(sop) ?? state.mapUid(sop), gatherIdentity(dataset));
  }
  return byUid;
}

/**
 * Evaluates de-identified files and folders: re-parses each, judges header and pixels for PHI
 * (with the originals' values when given), redacts what remains, checks the header again, saves
 * to `options.out` (`<patient>/<study>/<series>/<sop>.dcm`), and writes the TSV reports and audit
 * records into `options.reportDir`. Inputs are never modified.
 */
export async function evaluateFiles(inputs: string[], options: EvaluateFilesOptions): Promise<EvaluateFilesResult> {
  const out = path.resolve(options.out);
  const reportDir = path.resolve(options.reportDir);
  const stateDir = path.resolve(options.stateDir ?? DEFAULT_STATE_DIR);
  await assertRunPathsApart({
    inputs: [...inputs, ...(options.originals ?? [])],
    out,
    sensitive: [
      { what: 'the report folder (it holds PHI text)', path: reportDir },
      { what: 'the state folder (secret and identity maps)', path: stateDir },
    ],
  });
  const rules = options.rules ?? loadRules(options.rulesPath ?? DEFAULT_RULES_PATH);
  const state = openStateStore(stateDir);
  const identities = options.originals?.length ? await originalIdentities(options.originals, state) : undefined;
  const entries = (await expandInputs(inputs, { exclude: [out, reportDir] })).filter((entry) => !entry.skipped);
  const storage = createLocalStorage({ root: out, protectedPaths: realPaths(entries) });
  const engine = options.engine ?? DEFAULT_ENGINE;
  // Local outputs only here; the notice and the preflight concern the services the engine calls.
  const aws: RecipeAws = engine === 'aws' ? await startAwsRun({ engine, pixels: options.pixels !== false, headerText: true, inputs: [] }, { ...options, rekognitionStaging: options.rekognitionStaging ?? false }) : {};
  const session = aws.session;

  const owned: Array<{ close?: () => Promise<void> }> = [];
  const phiDetector = options.phiDetector ?? (await recipeEvaluationPhiDetector(engine, rules, aws));
  if (!options.phiDetector) owned.push(phiDetector);
  let textDetector: TextDetector | false = false;
  if (options.pixels !== false) {
    textDetector = options.textDetector ?? (await recipeTextDetector(engine, rules, aws));
    if (!options.textDetector) owned.push(textDetector);
  }
  const steps = evaluationSteps({ rules, state, storage, phiDetector, textDetector, identities });

  const files: EvaluatedFile[] = [];
  const technical = new Set<string>();
  const harmlessLines = new Set<string>();
  const harmlessText = new Set<string>();
  try {
    for (const [index, entry] of entries.entries()) {
      const started = performance.now();
      session?.usage.startFile(String(index));
      let file: DicomFile;
      if (entry.error) {
        file = new DicomFile(entry.path);
        file.message({ ruleId: 'evaluate:unreadable', step: 'read', severity: 'fatal', reason: entry.error });
      } else {
        const bytes = await readRegularFile(entry.path).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
        file = new DicomFile(entry.path, bytes instanceof Uint8Array ? bytes : undefined);
        if (bytes instanceof Uint8Array) await processFile(file, steps);
        else file.message({ ruleId: 'evaluate:unreadable', step: 'read', severity: 'fatal', reason: bytes instanceof InputReadError ? bytes.message : `cannot read: ${(bytes as NodeJS.ErrnoException).code ?? bytes.message}` });
      }
      if (file.dataset) for (const v of technicalValues(file.dataset)) technical.add(v);
      for (const line of file.data.evaluationHarmlessLines ?? []) harmlessLines.add(line);
      for (const text of file.data.evaluationHarmlessText ?? []) harmlessText.add(text);
      const evaluated: EvaluatedFile = { file, seconds: (performance.now() - started) / 1000, output: file.data.outputPath ? path.join(out, file.data.outputPath) : undefined };
      files.push(evaluated);
      options.onFile?.(evaluated, index + 1, entries.length);
    }
  } finally {
    for (const o of owned) await o.close?.();
  }
  const reports = await writeEvaluationReports(reportDir, files, {
    rules: { source: rules.source, hash: rules.hash },
    keyedHash: (t) => state.keyedHash(t),
    engine: `${engine}:${phiDetector.name}`,
    technicalValues: [...technical],
    ...(session ? { awsUsage: session.usage.summary() } : {}),
    harmlessLines: [...harmlessLines],
    harmlessText: [...harmlessText],
  });
  return {
    files,
    reports,
    failed: files.filter((e) => e.file.failed).length,
    tagFindings: files.reduce((n, e) => n + (e.file.data.tagFindings?.length ?? 0), 0),
    pixelFindings: files.reduce((n, e) => n + (e.file.data.evaluationPixelFindings?.length ?? 0), 0),
    ...(session ? { awsUsage: session.usage.summary() } : {}),
  };
}
