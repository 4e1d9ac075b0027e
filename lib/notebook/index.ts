// Notebook helpers for tslab. Each `show*` displays inline (and does nothing outside a kernel);
// each `*Html` / `asPng` builder returns what would be shown, for tests and scripts.
export { inNotebook, display, newDisplayHandle, type DisplayMime, type DisplayHandle } from './display.js';
export { escapeHtml, jsonForScript } from './html.js';
export { asPng, pngImgTag, showImage, sideBySideHtml, showSideBySide, type ImageInput, type SideBySideOptions } from './images.js';
export {
  diffTagRows, tagTableHtml, showTagTable, recordTableHtml, showTable, tsvTableHtml, showTsv,
  type TagRow, type TagChange, type TagChangeKind, type TagTableOptions, type RecordTableOptions,
} from './tag-table.js';
export {
  plotlyChartHtml, showPlotly, plotlyLibrary, resetPlotlyEmbedding,
  type ChartSpec, type PlotlyTrace, type PlotlyLayout, type PlotlyConfig, type PlotlyChartOptions,
} from './plotly.js';
export { tagRows } from './tag-rows.js';
export {
  safeHarborChart, countsChart, countByCategory, messageKind, countByKindAndCategory, safeHarborChartByKind,
  headerActionsPerTag, headerActionsByCode, pixelFillsPerFrame, MESSAGE_KINDS, type CategoryCounts, type MessageKind,
} from './charts.js';
export { ruleEffect, type RuleEffect } from './rule-effects.js';
export { progress, type Progress, type ProgressOptions } from './progress.js';
export { findingBoxes, type BoxedFinding } from './finding-boxes.js';
export {
  createProcessor, DicomProcessor, PROJECT_ROOT,
  type ProcessorOptions, type ParseOptions, type LearnResult, type DrawOptions,
} from './processor.js';
export { whereIdentifiersHide, type IdentifierRow, type HidingPlace } from './where-identifiers.js';
// What the aws engine sends (shown before any call) and what it used (after).
export { awsEgressNotice, type EgressPlan } from '../engines/aws/egress.js';
export { formatUsage, type AwsUsageSummary } from '../engines/aws/usage.js';
