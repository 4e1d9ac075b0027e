/**
 * What a run sent to AWS and what it is likely to cost: calls per API, characters, images, bytes,
 * Comprehend's 100-character billing units, at the list prices below (the one place they are kept).
 */

/**
 * List prices in US dollars, us-east-1, first volume tier, as published on the AWS pricing pages on the
 * date below. They change: check the pricing pages before budgeting, and update this table (and its date).
 */
export const AWS_LIST_PRICES = {
  asOf: '2026-11-30',
  currency: 'USD',
  region: 'us-east-1',
  /** Rekognition Image, DetectText (a "Group 2" API): per image, first million images a month. */
  rekognitionDetectTextPerImage: 0.001,
  /** Comprehend Medical, PHI detection: per unit of 100 characters, 1 unit minimum per request. */
  comprehendMedicalPhiPerUnit: 0.0014,
  /** Comprehend, PII detection (DetectPiiEntities): per unit of 100 characters, 3 units minimum per request. */
  comprehendPiiPerUnit: 0.0001,
  /** S3 Standard: PUT, COPY, POST, LIST requests, per 1,000 (a multipart upload is one per part plus two). */
  s3WritePer1000: 0.005,
  /** S3 Standard: GET and other requests, per 1,000. */
  s3ReadPer1000: 0.0004,
} as const;

/** Comprehend bills text in units of 100 characters, with a minimum per request. */
export function billingUnits(characters: number, minimumUnits: number): number {
  return Math.max(minimumUnits, Math.ceil(characters / 100));
}

/** Counts for one API, e.g. `comprehendmedical:DetectPHI`. */
export interface ApiUsage {
  calls: number;
  /** Characters of text sent (Comprehend, Comprehend Medical). */
  characters: number;
  /** Billing units of 100 characters (Comprehend, Comprehend Medical). */
  units: number;
  /** Images sent (Rekognition). */
  images: number;
  /** Bytes sent (images, objects written). */
  bytes: number;
}

/** A summary of a run's AWS usage, for the run summary and the reports. */
export interface AwsUsageSummary {
  apis: Record<string, ApiUsage>;
  /** Files that made at least one AWS call. */
  files: number;
  /** Comprehend Medical DetectPHI calls per file that called it (the source made one per tag value). */
  comprehendMedicalCallsPerFile: number;
  /** Spans of text (tag values, OCR lines) judged by Comprehend Medical: what the source would have sent one call each. */
  comprehendMedicalSpans: number;
  /** Estimated cost in `AWS_LIST_PRICES.currency`, by API, at the list prices of `AWS_LIST_PRICES.asOf`. */
  estimatedCost: Record<string, number>;
  estimatedTotal: number;
  pricesAsOf: string;
}

const MIN_UNITS: Record<string, number> = { 'comprehendmedical:DetectPHI': 1, 'comprehend:DetectPiiEntities': 3 };

/** The usage meter of an {@link AwsSession}: engines and storage record each call they send. */
export class AwsUsage {
  private readonly apis = new Map<string, ApiUsage>();
  private readonly filesCalling = new Set<string>();
  private readonly filesCallingCm = new Set<string>();
  private spansJudged = 0;
  private current?: string;

  /** Marks the file the next calls belong to (the runner calls this; a file is named by its position, never its path). */
  startFile(id: string): void {
    this.current = id;
  }

  /** Records one call of `api` (`service:Operation`). Characters are counted in billing units where the API bills so. */
  record(api: string, sent: { characters?: number; images?: number; bytes?: number; spans?: number } = {}): void {
    const u = this.apis.get(api) ?? { calls: 0, characters: 0, units: 0, images: 0, bytes: 0 };
    u.calls++;
    u.characters += sent.characters ?? 0;
    if (sent.characters !== undefined && MIN_UNITS[api] !== undefined) u.units += billingUnits(sent.characters, MIN_UNITS[api]);
    u.images += sent.images ?? 0;
    u.bytes += sent.bytes ?? 0;
    this.apis.set(api, u);
    if (api === 'comprehendmedical:DetectPHI') this.spansJudged += sent.spans ?? 0;
    if (this.current !== undefined) {
      this.filesCalling.add(this.current);
      if (api === 'comprehendmedical:DetectPHI') this.filesCallingCm.add(this.current);
    }
  }

  /** Counts per API so far (a copy). */
  get byApi(): Record<string, ApiUsage> {
    return Object.fromEntries([...this.apis].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { ...v }]));
  }

  /** The summary: counts, calls per file, and the estimated cost at {@link AWS_LIST_PRICES}. */
  summary(): AwsUsageSummary {
    const apis = this.byApi;
    const p = AWS_LIST_PRICES;
    const estimatedCost: Record<string, number> = {};
    for (const [api, u] of Object.entries(apis)) {
      if (api === 'rekognition:DetectText') estimatedCost[api] = u.images * p.rekognitionDetectTextPerImage;
      else if (api === 'comprehendmedical:DetectPHI') estimatedCost[api] = u.units * p.comprehendMedicalPhiPerUnit;
      else if (api === 'comprehend:DetectPiiEntities') estimatedCost[api] = u.units * p.comprehendPiiPerUnit;
      else if (/^s3:(Put|Create|Upload|Complete|List|Copy)/.test(api)) estimatedCost[api] = (u.calls / 1000) * p.s3WritePer1000;
      else if (api.startsWith('s3:')) estimatedCost[api] = (u.calls / 1000) * p.s3ReadPer1000;
    }
    const cm = apis['comprehendmedical:DetectPHI'];
    return {
      apis,
      files: this.filesCalling.size,
      comprehendMedicalCallsPerFile: cm && this.filesCallingCm.size ? cm.calls / this.filesCallingCm.size : 0,
      comprehendMedicalSpans: this.spansJudged,
      estimatedCost,
      estimatedTotal: Object.values(estimatedCost).reduce((a, b) => a + b, 0),
      pricesAsOf: p.asOf,
    };
  }
}

/** The usage summary as lines of text for the CLI and the reports. */
export function formatUsage(summary: AwsUsageSummary): string {
  const rows = Object.entries(summary.apis);
  if (rows.length === 0) return 'AWS usage: no calls were made.';
  const money = (n: number) => `$${n < 0.01 && n > 0 ? n.toFixed(5) : n.toFixed(2)}`;
  const lines = [`AWS usage (estimated at ${AWS_LIST_PRICES.region} list prices of ${summary.pricesAsOf}; check the AWS pricing pages):`];
  for (const [api, u] of rows) {
    const parts = [`${u.calls} call${u.calls === 1 ? '' : 's'}`];
    if (u.images) parts.push(`${u.images} image${u.images === 1 ? '' : 's'}`);
    if (u.characters) parts.push(`${u.characters} characters`);
    if (u.units) parts.push(`${u.units} units of 100 characters`);
    if (u.bytes) parts.push(u.bytes >= 1024 * 1024 ? `${(u.bytes / 1024 / 1024).toFixed(1)} MiB sent` : `${Math.ceil(u.bytes / 1024)} KiB sent`);
    const cost = summary.estimatedCost[api];
    lines.push(`  ${api}: ${parts.join(', ')}${cost !== undefined ? ` ≈ ${money(cost)}` : ''}`);
  }
  if (summary.comprehendMedicalSpans > 0) {
    lines.push(
      `  Comprehend Medical: ${summary.comprehendMedicalCallsPerFile.toFixed(1)} call(s) per file for ${summary.comprehendMedicalSpans} text spans (one call per tag value would have made ${summary.comprehendMedicalSpans})`,
    );
  }
  lines.push(`  estimated total ≈ ${money(summary.estimatedTotal)}`);
  return lines.join('\n');
}
