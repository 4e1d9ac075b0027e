import type { RunResult } from '../pipeline/deidentify-files.js';
import { SAFE_HARBOR_IDENTIFIERS, type SafeHarborCategory } from '../safe-harbor.js';

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The lines `deid run` prints after its counts: inputs an earlier run had done, findings per Safe
 * Harbor identifier, files whose pixels were redacted, time, throughput, threads and peak memory.
 * @example runStatsLines(result)
 *   // 'findings: A (names) 40, C (dates) 36, …\npixels redacted in 3 files\n8 files in 12.4 s: 0.6 files/s, 0.2 MB/s; 2 threads; peak memory 402 MB\n'
 */
export function runStatsLines(result: RunResult): string {
  const { stats, tally } = result;
  const lines: string[] = [];
  if (result.resumed) lines.push(`${result.resumed} already done by an earlier run into this output (skipped)`);
  const found = (Object.entries(tally.identifiers) as Array<[SafeHarborCategory, number]>).sort(([a], [b]) => a.localeCompare(b));
  if (found.length) lines.push(`findings by Safe Harbor identifier: ${found.map(([c, n]) => `${c} (${shortName(c)}) ${n}`).join(', ')}`);
  if (tally.pixelsChecked > 0) lines.push(`pixels redacted in ${plural(tally.pixelsRedacted, 'file')}`);
  const { files } = tally;
  const seconds = Math.max(stats.seconds, 1e-3);
  lines.push(
    `${plural(files, 'file')} in ${stats.seconds.toFixed(1)} s: ${(files / seconds).toFixed(1)} files/s, ${mb(stats.bytesRead / seconds)}/s read; ` +
      `${plural(stats.threads, 'thread')}${stats.textEngine ? ` (OCR: ${stats.textEngine})` : ''}; peak memory ${mb(stats.peakMemoryBytes)}`,
  );
  return lines.map((line) => `${line}\n`).join('');
}

/** Short names of the identifiers for one summary line (`SAFE_HARBOR_IDENTIFIERS` has the full ones). */
const SHORT_NAMES: Record<SafeHarborCategory, string> = {
  A: 'names', B: 'places', C: 'dates', D: 'phones', E: 'faxes', F: 'e-mails', G: 'SSNs', H: 'record numbers', I: 'health plan numbers',
  J: 'accounts', K: 'licences', L: 'vehicle IDs', M: 'device IDs', N: 'URLs', O: 'IP addresses', P: 'biometrics', Q: 'faces', R: 'other IDs',
};

function shortName(category: SafeHarborCategory): string {
  return SHORT_NAMES[category] ?? SAFE_HARBOR_IDENTIFIERS[category];
}
