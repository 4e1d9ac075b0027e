/** Longest message text that reaches a user (a log line, a manifest error, a usage error). */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * Caps a message at `max` characters (default {@link MAX_MESSAGE_LENGTH}), saying how much was cut,
 * so a hostile input or rules file cannot make a run print or store megabytes.
 */
export function capMessage(text: string, max = MAX_MESSAGE_LENGTH): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters cut)`;
}
