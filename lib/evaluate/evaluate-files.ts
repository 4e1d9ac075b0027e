import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readDicom } from '../dicom/adapter.js';
import { getString } from '../dicom/elements.js';
import { createLocalPhiDetector } from '../engines/phi-local.js';
import { createPhiDetector, createTextDetector, type EngineName } from '../engines/index.js';
import type { IdentityContext, PhiDetector, TextDetector } from '../engines/types.js';
import { DicomFile, type Step } from '../file.js';
import { technicalValues } from '../learn/harmless.js';
import { gatherIdentity } from '../metadata/identity.js';
import { expandInputs, realPaths } from '../pipeline/inputs.js';
import { processFile } from '../pipeline/process-file.js';
import { writeEvaluationReports, type EvaluatedFile, type EvaluationReportPaths } from '../reports/evaluation-report.js';
import { loadRules, type Rules } from '../rules/index.js';
import { openStateStore, type StateStore } from '../state/index.js';
import { parseDicom } from '../steps/parse.js';
import { saveDeidentified } from '../steps/save.js';
import { createLocalStorage } from '../storage/local.js';
import { evaluateMetadata } from './evaluate-metadata.js';
import { evaluatePixels } from './evaluate-pixels.js';
import { redactRemaining } from './redact-remaining.js';
import { scanMetadata } from './scan-metadata.js';
import type { EvaluationPixelFinding, TagFinding } from './types.js';

/** Options of {@link evaluateFiles}. */
export interface EvaluateFilesOptions {
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
}

/** Identities of the originals by the SOP Instance UID their de-identified copies carry. */
async function originalIdentities(originals: string[], state: StateStore): Promise<Map<string, IdentityContext>> {
  const byUid = new Map<string, IdentityContext>();
  for (const entry of await expandInputs(originals)) {
    if (entry.error) throw new Error(`[evaluate] original ${entry.path}: ${entry.error}`);
    let dataset;
    try {
      dataset = readDicom(new Uint8Array(await readFile(entry.path)), entry.path);
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
 * Fails a file that still holds PHI after redaction, in its header or, when the evaluation filled
 * pixel boxes, in its pixels (read again with every filled box masked): it is not released.
 */
function verifyClean(options: { phiDetector: PhiDetector; rules: Rules; state: StateStore; textDetector?: TextDetector }): Step {
  const pixels = options.textDetector ? evaluatePixels({ textDetector: options.textDetector, phiDetector: options.phiDetector }) : undefined;
  return async function verifyCleanStep(file) {
    const residual: TagFinding[] = await scanMetadata(file.requireDataset('verify-clean'), { ...options, known: file.data.sourceIdentity as IdentityContext | undefined });
    if (residual.length > 0) {
      return file.fail({ ruleId: 'evaluate:leak-remains', step: 'verify-clean', location: residual[0].path, reason: `${residual.length} leak(s) remain after redaction; the file is not released` });
    }
    // Pixels the evaluation left as they were were just read and judged clean; pixels it redacted are read again.
    if (!pixels || !((file.data.remainingPixelBoxes as number | undefined) ?? 0)) return;
    const found = file.data.evaluationPixelFindings;
    await pixels(file);
    const left = (file.data.evaluationPixelFindings as EvaluationPixelFinding[] | undefined) ?? [];
    file.data.verifiedPixelFindings = left;
    file.data.evaluationPixelFindings = found;
    if (file.failed) return;
    if (left.length > 0) {
      file.fail({ ruleId: 'evaluate:pixel-leak-remains', step: 'verify-clean', location: `frame ${left[0].frame}`, reason: `${left.length} burned-in PHI finding(s) remain after redaction; the file is not released` });
    }
  };
}

/**
 * Evaluates de-identified files and folders: re-parses each, judges header and pixels for PHI
 * (with the originals' values when given), redacts what remains, checks the header again, saves
 * to `options.out` (`<patient>/<study>/<series>/<sop>.dcm`), and writes the TSV reports and audit
 * records into `options.reportDir`. Inputs are never modified.
 */
export async function evaluateFiles(inputs: string[], options: EvaluateFilesOptions): Promise<EvaluateFilesResult> {
  const rules = options.rules ?? loadRules(options.rulesPath ?? 'configs/de-id/de_id_rules_auto.yaml');
  const state = openStateStore(path.resolve(options.stateDir ?? '.deid-state'));
  const out = path.resolve(options.out);
  const reportDir = path.resolve(options.reportDir);
  const identities = options.originals?.length ? await originalIdentities(options.originals, state) : undefined;
  const entries = await expandInputs(inputs, [out, reportDir]);
  const storage = createLocalStorage({ root: out, protectedPaths: await realPaths(entries) });
  const engine = options.engine ?? 'local';

  const owned: Array<{ close?: () => Promise<void> }> = [];
  const phiDetector = options.phiDetector ?? (engine === 'aws' ? await createPhiDetector({ engine: 'aws', confidenceThreshold: rules.confidenceThreshold }) : createLocalPhiDetector({ keepList: rules.pixelKeepList }));
  if (!options.phiDetector) owned.push(phiDetector);
  const steps: Step[] = [
    parseDicom(),
    (file) => {
      if (!identities) return;
      const sop = getString(file.requireDataset('evaluate').dict, 'SOPInstanceUID');
      const identity = sop ? identities.get(sop) : undefined;
      if (identity) file.data.sourceIdentity = identity;
      else file.message({ ruleId: 'evaluate:original-not-found', step: 'evaluate-metadata', severity: 'warning', reason: 'no original among --original matches this file (by its mapped SOP Instance UID)' });
    },
    evaluateMetadata({ phiDetector, rules, state }),
  ];
  let textDetector: TextDetector | undefined;
  if (options.pixels !== false) {
    textDetector = options.textDetector ?? (await createTextDetector(engine === 'aws' ? { engine: 'aws' } : {}));
    if (!options.textDetector) owned.push(textDetector);
    steps.push(evaluatePixels({ textDetector, phiDetector }));
  }
  steps.push(redactRemaining({ rules }), verifyClean({ phiDetector, rules, state, textDetector }), saveDeidentified({ storage }));

  const files: EvaluatedFile[] = [];
  const technical = new Set<string>();
  try {
    for (const [index, entry] of entries.entries()) {
      const started = performance.now();
      let file: DicomFile;
      if (entry.error) {
        file = new DicomFile(entry.path);
        file.message({ ruleId: 'evaluate:unreadable', step: 'read', severity: 'fatal', reason: entry.error });
      } else {
        const bytes = await readFile(entry.path).then((b) => new Uint8Array(b), (error: NodeJS.ErrnoException) => error);
        file = new DicomFile(entry.path, bytes instanceof Uint8Array ? bytes : undefined);
        if (bytes instanceof Uint8Array) await processFile(file, steps);
        else file.message({ ruleId: 'evaluate:unreadable', step: 'read', severity: 'fatal', reason: `cannot read: ${bytes.code ?? bytes.message}` });
      }
      if (file.dataset) for (const v of technicalValues(file.dataset)) technical.add(v);
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
  });
  return {
    files,
    reports,
    failed: files.filter((e) => e.file.failed).length,
    tagFindings: files.reduce((n, e) => n + ((e.file.data.tagFindings as unknown[] | undefined)?.length ?? 0), 0),
    pixelFindings: files.reduce((n, e) => n + ((e.file.data.evaluationPixelFindings as unknown[] | undefined)?.length ?? 0), 0),
  };
}
