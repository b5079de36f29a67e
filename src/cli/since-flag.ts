import { decimalNumber } from '../base/decimal-number.js';
import { InvalidArgumentsError } from '../base/errors.js';
import { quoteText } from '../base/text.js';

const secondsPer: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 };
const duration = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const durations = new RegExp(`^(?:${duration.source})+$`);

/**
 * `--since` as Docker takes it, in Unix seconds: a duration back from now (`90s`, `5m`, `1h30m`,
 * `2d`), a date (`2026-01-31`, `2026-01-31T12:00:00Z`) or Unix seconds.
 */
export function sinceFlag(value: string | number, nowMs: number): number {
  const text = String(value).trim();
  if (durations.test(text)) {
    const seconds = [...text.matchAll(duration)].reduce((total, [, amount, unit]) => total + Number(amount) * secondsPer[unit!]!, 0);
    return Math.floor(nowMs / 1000 - seconds);
  }
  const unixSeconds = decimalNumber(text);
  if (unixSeconds !== undefined) return Math.floor(unixSeconds);
  const date = Date.parse(text);
  if (!Number.isNaN(date)) return Math.floor(date / 1000);
  throw new InvalidArgumentsError('logs', [
    { path: '--since', message: `got ${quoteText(text)}, expected a duration such as 90s, 5m or 1h30m, a date such as 2026-01-31T12:00:00Z, or Unix seconds` },
  ]);
}
