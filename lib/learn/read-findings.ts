import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EvaluationPixelFinding, TagFinding } from '../evaluate/types.js';
import { parseTsv } from '../reports/tsv.js';
import { isSafeHarborCategory } from '../safe-harbor.js';
import type { LearnFinding } from './types.js';

/** Findings and harmless technical values read from evaluation reports. */
export interface ReportFindings {
  findings: LearnFinding[];
  /** Technical values of the evaluated datasets (from `evaluation_context_<stamp>.json`). */
  technicalValues: string[];
  /** Pixel text lines the evaluation read and judged harmless (from the same context file). */
  harmlessLines: string[];
  /** Worded header text (descriptions, comments) the evaluation judged harmless: values it found nothing in. */
  harmlessText: string[];
  /** The report files read. */
  files: string[];
}

const TAGS = /^tags_de_id_evaluation_report_(.+)\.tsv$/;
const IMG = /^img_de_id_evaluation_report_(.+)\.tsv$/;

/** The newest report set in a folder: the tags and img TSVs and the context of the latest timestamp. */
function latestInFolder(dir: string): string[] {
  const names = readdirSync(dir);
  const stamps = names.map((n) => TAGS.exec(n)?.[1] ?? IMG.exec(n)?.[1]).filter((s): s is string => Boolean(s));
  if (stamps.length === 0) throw new Error(`[learn] ${dir}: no tags_/img_de_id_evaluation_report_*.tsv here; run deid evaluate first`);
  // Stamps sort by time, then by their collision suffix (`-2`, `-3`…).
  const key = (s: string) => [s.slice(0, 16), Number(s.slice(17) || 1)] as const;
  const latest = stamps.sort((a, b) => key(a)[0].localeCompare(key(b)[0]) || key(a)[1] - key(b)[1]).at(-1)!;
  return [`tags_de_id_evaluation_report_${latest}.tsv`, `img_de_id_evaluation_report_${latest}.tsv`, `evaluation_context_${latest}.json`]
    .filter((n) => names.includes(n))
    .map((n) => path.join(dir, n));
}

function category(value: string, where: string) {
  if (!isSafeHarborCategory(value)) throw new Error(`[learn] ${where}: safe_harbor "${value}" is not a Safe Harbor letter A to R`);
  return value;
}

/**
 * Reads the findings of evaluation reports: tag and img TSVs (strictly parsed), or report
 * folders (their newest set), and the technical values written beside them.
 *
 * @example const { findings, technicalValues } = readReportFindings(['output/report']);
 */
export function readReportFindings(inputs: readonly string[]): ReportFindings {
  const files = inputs.flatMap((p) => (statSync(p).isDirectory() ? latestInFolder(p) : [p]));
  const findings: LearnFinding[] = [];
  const technicalValues: string[] = [];
  const harmlessLines: string[] = [];
  const harmlessText: string[] = [];
  for (const file of files) {
    const name = path.basename(file);
    if (name.endsWith('.json')) {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { technicalValues?: unknown; harmlessLines?: unknown; harmlessText?: unknown };
      if (Array.isArray(data.technicalValues)) technicalValues.push(...data.technicalValues.filter((v): v is string => typeof v === 'string'));
      if (Array.isArray(data.harmlessLines)) harmlessLines.push(...data.harmlessLines.filter((v): v is string => typeof v === 'string'));
      if (Array.isArray(data.harmlessText)) harmlessText.push(...data.harmlessText.filter((v): v is string => typeof v === 'string'));
      continue;
    }
    const { columns, rows } = parseTsv(readFileSync(file, 'utf8'), file);
    const isTags = columns.includes('element_path');
    rows.forEach((r, i) => {
      const where = `${file} row ${i + 2}`;
      if (isTags) {
        findings.push({
          source: 'tag',
          tag: r.tag.replace(/[(),]/g, '').toUpperCase(),
          keyword: r.keyword || undefined,
          name: r.name || undefined,
          vr: r.vr || undefined,
          privateCreator: r.private_creator || undefined,
          text: r.detected_text,
          scope: r.scope === 'part' ? 'part' : 'whole',
          type: r.type,
          category: category(r.safe_harbor, where),
          verdict: r.verdict || undefined,
        });
      } else {
        findings.push({ source: 'pixel', text: r.detected_text, scope: 'part', type: r.type, category: category(r.safe_harbor, where), verdict: r.verdict || undefined });
      }
    });
  }
  return { findings, technicalValues, harmlessLines, harmlessText, files };
}

/** Everything the evaluation judged harmless (technical values, pixel lines, worded header text): the texts learned patterns are tested against. */
export function judgedHarmless(read: Pick<ReportFindings, 'technicalValues' | 'harmlessLines' | 'harmlessText'>): string[] {
  return [...new Set([...read.technicalValues, ...read.harmlessLines, ...read.harmlessText])];
}

/** Learning findings from in-memory evaluation results (the notebook's path, without TSVs). */
export function learnFindingsFrom(tagFindings: readonly TagFinding[], pixelFindings: readonly EvaluationPixelFinding[] = []): LearnFinding[] {
  return [
    ...tagFindings.map((f): LearnFinding => ({ source: 'tag', tag: f.tag, keyword: f.keyword, name: f.name, vr: f.vr, privateCreator: f.privateCreator, text: f.text, scope: f.scope, type: f.type, category: f.category })),
    ...pixelFindings.map((f): LearnFinding => ({ source: 'pixel', text: f.text, scope: 'part', type: f.type, category: f.category })),
  ];
}
