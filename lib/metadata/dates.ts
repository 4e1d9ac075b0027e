import type { DatePolicy } from '../rules/types.js';

/** Parses DA `YYYYMMDD` (and the legacy `YYYY.MM.DD`) into a UTC date; undefined when malformed. */
export function parseDicomDate(value: string): Date | undefined {
  const m = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 ? date : undefined;
}

const formatDate = (d: Date) => `${d.getUTCFullYear().toString().padStart(4, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;

/**
 * Applies the date policy to one DA, DT or TM value. Returns the new value, or `''` to empty it.
 * - `year_only`: DA → `YYYY0101`, DT → `YYYY0101` (time dropped), TM → empty (time of day is a date element).
 * - `shift`: DA and the date part of DT moved by `shiftDays`; TM kept.
 * - `remove`: empty.
 * A value that cannot be parsed is emptied: we cannot vouch for it.
 */
export function applyDatePolicy(value: string, vr: string, policy: DatePolicy, shiftDays: number): string {
  const v = value.trim();
  if (v === '' || policy === 'remove') return '';
  if (vr === 'TM') return policy === 'shift' && /^\d{2}(\d{2}(\d{2}(\.\d{1,6})?)?)?$/.test(v) ? v : '';
  const datePart = vr === 'DT' ? v.slice(0, 8) : v;
  const rest = vr === 'DT' ? v.slice(8) : '';
  if (vr === 'DT' && /^\d{4}$/.test(datePart)) return policy === 'year_only' ? datePart : '';
  const date = parseDicomDate(datePart);
  if (!date) return '';
  if (policy === 'year_only') return `${date.getUTCFullYear().toString().padStart(4, '0')}0101`;
  const shifted = new Date(date.getTime() + shiftDays * 86_400_000);
  return formatDate(shifted) + (vr === 'DT' && /^[\d.+-]*$/.test(rest) ? rest : '');
}

/** An Age String (`065Y`, `018M`, …) in years; undefined when malformed. */
export function ageStringYears(value: string): number | undefined {
  const m = /^(\d{1,3})([DWMY])$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return { D: n / 365.25, W: n / 52.18, M: n / 12, Y: n }[m[2] as 'D' | 'W' | 'M' | 'Y'];
}

/** Safe Harbor aggregates ages over 89 into one category: returns `090Y` for those, the value otherwise. */
export function capAge(value: string): { value: string; capped: boolean; malformed: boolean } {
  const years = ageStringYears(value);
  if (years === undefined) return { value: '', capped: false, malformed: value.trim() !== '' };
  return years > 89 ? { value: '090Y', capped: true, malformed: false } : { value, capped: false, malformed: false };
}
