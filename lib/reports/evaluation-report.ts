/**
 * The evaluation's reports: the tag and pixel finding TSVs (sensitive: they hold the detected
 * text), the run summary TSV, and one JSON audit record per file (no PHI: texts only as keyed hashes).
 */
import path from 'node:path';
import { getString } from '../dicom/elements.js';
import { formatUsage, type AwsUsageSummary } from '../engines/aws/usage.js';
import type { EvaluationPixelFinding, TagFinding } from '../evaluate/types.js';
import type { DicomFile } from '../file.js';
import '../steps/evaluate-metadata.js';
import '../steps/evaluate-pixels.js';
import { REDACT_REMAINING } from '../steps/redact-remaining.js';
import '../steps/save.js';
import { SAFE_HARBOR_IDENTIFIERS, type SafeHarborCategory } from '../safe-harbor.js';
import { toTsv, type TsvRow } from './tsv.js';
import { freeReportStamp, writeReportFile } from './write.js';

/** Columns of `tags_de_id_evaluation_report_<timestamp>.tsv`. `verdict` is left empty for a reviewer (`harmless` marks a false positive). */
export const TAG_REPORT_COLUMNS = [
  'file', 'element_path', 'tag', 'keyword', 'name', 'vr', 'private_creator', 'value_index', 'detected_text', 'scope',
  'type', 'safe_harbor', 'safe_harbor_identifier', 'score', 'engine', 'action', 'rule', 'verdict',
] as const;

/** Columns of `img_de_id_evaluation_report_<timestamp>.tsv`. */
export const IMG_REPORT_COLUMNS = [
  'file', 'frame', 'left', 'top', 'width', 'height', 'detected_text', 'type', 'safe_harbor', 'safe_harbor_identifier', 'score', 'engine', 'action', 'verdict',
] as const;

const LETTERS = Object.keys(SAFE_HARBOR_IDENTIFIERS) as SafeHarborCategory[];

/** Columns of `de_id_evaluation_summary_<timestamp>.tsv`: one row per file. */
export const SUMMARY_COLUMNS = ['file', 'output', 'status', 'error', 'tag_findings', 'pixel_findings', ...LETTERS, 'actions', 'pixel_boxes', 'engine', 'seconds'] as const;

/** One evaluated file and what is known of its run. */
export interface EvaluatedFile {
  file: DicomFile;
  /** Wall-clock seconds spent on the file (optional). */
  seconds?: number;
  /** Where the evaluated file was saved (optional; default: `file.data.outputPath`). */
  output?: string;
}

/** What the audit record needs besides the file. */
export interface AuditContext {
  /** The rules file and its sha256 (Rules.source, Rules.hash). */
  rules?: { source: string; hash: string };
  /** Keyed hash for texts (StateStore.keyedHash): the record holds no text. */
  keyedHash: (text: string) => string;
  /** Engine names (default: `file.data.evaluationEngine`). */
  engine?: string;
}

/** The report file names for one timestamp. */
export function reportNames(stamp: string): { tags: string; img: string; summary: string; audit: string; context: string; awsUsage: string } {
  return {
    awsUsage: `aws_usage_${stamp}.json`,
    tags: `tags_de_id_evaluation_report_${stamp}.tsv`,
    img: `img_de_id_evaluation_report_${stamp}.tsv`,
    summary: `de_id_evaluation_summary_${stamp}.tsv`,
    audit: `audit_${stamp}`,
    context: `evaluation_context_${stamp}.json`,
  };
}

const tagFindings = (file: DicomFile): TagFinding[] => file.data.tagFindings ?? [];
const pixelFindings = (file: DicomFile): EvaluationPixelFinding[] => file.data.evaluationPixelFindings ?? [];

/** What was done to a finding's element, from the redaction step's messages. */
function actionAt(file: DicomFile, location: string | undefined): { action: string; rule: string } {
  const m = file.messages.find((x) => x.step === REDACT_REMAINING && x.location === location && x.action);
  return m ? { action: m.action!, rule: m.ruleId } : { action: '', rule: '' };
}

/** Rows of the tag report for one file, one per finding. */
export function tagReportRows(file: DicomFile): TsvRow[] {
  return tagFindings(file).map((f) => ({
    file: file.path,
    element_path: f.path,
    tag: `(${f.tag.slice(0, 4)},${f.tag.slice(4)})`,
    keyword: f.keyword,
    name: f.name,
    vr: f.vr,
    private_creator: f.privateCreator ?? '',
    value_index: f.valueIndex,
    detected_text: f.text,
    scope: f.scope,
    type: f.type,
    safe_harbor: f.category,
    safe_harbor_identifier: SAFE_HARBOR_IDENTIFIERS[f.category],
    score: f.score.toFixed(3),
    engine: f.engine,
    ...actionAt(file, f.path),
    verdict: '',
  }));
}

/** Rows of the pixel report for one file, one per finding. */
export function pixelReportRows(file: DicomFile): TsvRow[] {
  const redacted = file.messages.some((m) => m.step === REDACT_REMAINING && m.action === 'fill');
  return pixelFindings(file).map((f) => ({
    file: file.path,
    frame: f.frame,
    left: f.box?.left,
    top: f.box?.top,
    width: f.box?.width,
    height: f.box?.height,
    detected_text: f.text,
    type: f.type,
    safe_harbor: f.category,
    safe_harbor_identifier: SAFE_HARBOR_IDENTIFIERS[f.category],
    score: f.score.toFixed(3),
    engine: f.engine,
    action: redacted && f.box ? 'fill' : '',
    verdict: '',
  }));
}

/** The summary row of one file: counts per Safe Harbor letter, actions, pixel boxes, engine, time. */
export function summaryRow(e: EvaluatedFile): TsvRow {
  const { file } = e;
  const counts = Object.fromEntries(LETTERS.map((l) => [l, 0])) as Record<SafeHarborCategory, number>;
  for (const f of [...tagFindings(file), ...pixelFindings(file)]) counts[f.category]++;
  const actions: Record<string, number> = {};
  for (const m of file.messages) if (m.step === REDACT_REMAINING && m.action) actions[m.action] = (actions[m.action] ?? 0) + 1;
  const fatal = file.messages.find((m) => m.severity === 'fatal');
  return {
    file: file.path,
    output: e.output ?? file.data.outputPath ?? '',
    status: fatal ? 'error' : 'ok',
    error: fatal?.reason ?? '',
    tag_findings: tagFindings(file).length,
    pixel_findings: pixelFindings(file).length,
    ...counts,
    actions: Object.entries(actions).map(([a, n]) => `${a}:${n}`).join(' '),
    pixel_boxes: file.data.remainingPixelBoxes ?? 0,
    engine: file.data.evaluationEngine ?? '',
    seconds: e.seconds === undefined ? '' : e.seconds.toFixed(2),
  };
}

/**
 * The JSON audit record of one file: every action (element path, rule, action, step), every pixel
 * box with a keyed hash of its text (never the text), every tag finding likewise, and the rules' hash.
 */
export function auditRecord(e: EvaluatedFile, context: AuditContext): Record<string, unknown> {
  const { file } = e;
  const fatal = file.messages.find((m) => m.severity === 'fatal');
  return {
    version: 1,
    file: file.path,
    output: e.output ?? file.data.outputPath ?? null,
    status: fatal ? 'error' : 'ok',
    error: fatal?.reason,
    sopInstanceUid: file.dataset ? getString(file.dataset.dict, 'SOPInstanceUID') ?? null : null,
    rules: context.rules ? { source: context.rules.source, sha256: context.rules.hash } : null,
    engine: context.engine ?? file.data.evaluationEngine ?? null,
    seconds: e.seconds ?? null,
    actions: file.messages
      .filter((m) => m.action)
      .map((m) => ({ step: m.step, location: m.location ?? null, rule: m.ruleId, action: m.action, category: m.category ?? null })),
    tagFindings: tagFindings(file).map((f) => ({
      path: f.path, tag: f.tag, keyword: f.keyword, scope: f.scope, type: f.type, category: f.category, score: f.score, engine: f.engine, textHash: context.keyedHash(f.text),
    })),
    pixelBoxes: pixelFindings(file).map((f) => ({
      frame: f.frame, box: f.box ?? null, type: f.type, category: f.category, score: f.score, engine: f.engine, textHash: context.keyedHash(f.text),
    })),
    messages: file.messages.filter((m) => m.severity !== 'info').map((m) => ({ step: m.step, rule: m.ruleId, severity: m.severity, location: m.location ?? null, reason: m.reason })),
  };
}

/** Paths of the reports written by {@link writeEvaluationReports}. */
export interface EvaluationReportPaths {
  stamp: string;
  tags: string;
  img: string;
  summary: string;
  /** One per file. */
  audit: string[];
  /** Technical values of the evaluated datasets (no PHI), the harmless samples learning tests its regexes on. */
  context: string;
  /** Calls, characters, billing units and estimated cost of the AWS services used, when the run used any. */
  awsUsage?: string;
}

/**
 * Writes the reports of one evaluation run into `dir` (e.g. `output/report`) under one
 * collision-safe timestamp. The two finding TSVs hold PHI text and are owner-only (0600, folder
 * 0700); every write is atomic.
 */
export async function writeEvaluationReports(
  dir: string,
  files: EvaluatedFile[],
  context: AuditContext & { technicalValues?: string[]; harmlessLines?: string[]; harmlessText?: string[]; awsUsage?: AwsUsageSummary },
  date = new Date(),
): Promise<EvaluationReportPaths> {
  const stamp = freeReportStamp(dir, (s) => Object.values(reportNames(s)), date);
  const names = reportNames(stamp);
  const p = (name: string) => path.join(dir, name);
  await writeReportFile(p(names.tags), toTsv(TAG_REPORT_COLUMNS, files.flatMap((e) => tagReportRows(e.file))), { sensitive: true });
  await writeReportFile(p(names.img), toTsv(IMG_REPORT_COLUMNS, files.flatMap((e) => pixelReportRows(e.file))), { sensitive: true });
  await writeReportFile(p(names.summary), toTsv(SUMMARY_COLUMNS, files.map(summaryRow)), { sensitive: true });
  await writeReportFile(p(names.context), JSON.stringify({ version: 1, stamp, technicalValues: context.technicalValues ?? [], harmlessLines: context.harmlessLines ?? [], harmlessText: context.harmlessText ?? [] }, null, 2) + '\n', { sensitive: true });
  const audit: string[] = [];
  for (const [i, e] of files.entries()) {
    const record = auditRecord(e, context);
    const id = String(record.sopInstanceUid ?? `file-${i + 1}`).replace(/[^A-Za-z0-9._-]/g, '_');
    const file = path.join(p(names.audit), `${String(i + 1).padStart(4, '0')}_${id}.json`);
    await writeReportFile(file, JSON.stringify(record, null, 2) + '\n', { sensitive: true });
    audit.push(file);
  }
  let awsUsage: string | undefined;
  if (context.awsUsage) {
    awsUsage = p(names.awsUsage);
    await writeReportFile(awsUsage, JSON.stringify({ version: 1, stamp, ...context.awsUsage, text: formatUsage(context.awsUsage) }, null, 2) + '\n');
  }
  return { stamp, tags: p(names.tags), img: p(names.img), summary: p(names.summary), audit, context: p(names.context), ...(awsUsage ? { awsUsage } : {}) };
}
