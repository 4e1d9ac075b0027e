export { toTsv, parseTsv, escapeTsvValue, unescapeTsvValue, TsvError, type TsvRow } from './tsv.js';
export { writeReportFile, reportTimestamp, freeReportStamp, type WriteReportOptions } from './write.js';
export {
  TAG_REPORT_COLUMNS,
  IMG_REPORT_COLUMNS,
  SUMMARY_COLUMNS,
  reportNames,
  tagReportRows,
  pixelReportRows,
  summaryRow,
  auditRecord,
  writeEvaluationReports,
  type EvaluatedFile,
  type AuditContext,
  type EvaluationReportPaths,
} from './evaluation-report.js';
