/**
 * Text that a user typed as a whole number that may be negative: a Kafka setting such as
 * `retention.ms=-1`, or a flag value read as a number so that `--brokers -1` hears "at least 1"
 * rather than "not a number".
 */
import { wholeNumber } from './whole-number.js';

/** The number `text` spells as decimal digits after an optional minus sign, or undefined for anything else (as `wholeNumber`). */
export function integer(text: string): number | undefined {
  const negative = text.startsWith('-');
  const magnitude = wholeNumber(negative ? text.slice(1) : text);
  if (magnitude === undefined) return undefined;
  // 0 - magnitude, not -magnitude: '-0' reads as 0, not as -0.
  return negative ? 0 - magnitude : magnitude;
}
