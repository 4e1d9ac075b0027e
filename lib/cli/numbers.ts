import { UsageError } from './errors.js';

/** A whole-number option from `min` to `max`; a UsageError naming the option otherwise. */
export function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}
