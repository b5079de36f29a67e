import type { BrowseRequest } from '../api.js';
import { quoteText } from '../base/text.js';
import { wholeNumber } from '../base/whole-number.js';

/**
 * The messages page's question, read from its URL: `?partition=0&from=offset&offset=42&limit=50`,
 * `from=timestamp&timestamp=2026-01-01T10:00:00Z` (or milliseconds), `from=beginning` or
 * `from=newest`. A wrong value is refused naming the parameter, the value and what it takes.
 */

export const browseLimits = { default: 100, max: 1000 } as const;
const starts = ['beginning', 'newest', 'offset', 'timestamp'] as const;

/** The request, or what is wrong with the query. */
export function browseQuery(query: URLSearchParams): BrowseRequest | string {
  const count = (name: string, fallback: number, least: number, most = Number.MAX_SAFE_INTEGER): number | string => {
    const text = query.get(name);
    if (text === null || text === '') return fallback;
    const number = wholeNumber(text);
    return number !== undefined && number >= least && number <= most ? number : `${name}: got ${quoteText(text)}, expected a whole number ${most === Number.MAX_SAFE_INTEGER ? `of at least ${least}` : `from ${least} to ${most}`}`;
  };
  const partition = count('partition', 0, 0);
  if (typeof partition === 'string') return partition;
  const limit = count('limit', browseLimits.default, 1, browseLimits.max);
  if (typeof limit === 'string') return limit;
  const from = query.get('from') || 'beginning';
  if (!(starts as readonly string[]).includes(from)) return `from: got ${quoteText(from)}, expected one of ${starts.join(', ')}`;
  if (from === 'beginning' || from === 'newest') return { partition, limit, start: { from } };
  if (from === 'offset') {
    const offset = count('offset', -1, 0);
    if (typeof offset === 'string') return offset;
    if (offset < 0) return 'offset: missing, expected a whole number (from=offset reads from it)';
    return { partition, limit, start: { from, offset: BigInt(offset) } };
  }
  const text = query.get('timestamp') ?? '';
  const timestamp = wholeNumber(text) ?? (/^\d{4}-\d\d-\d\d/.test(text) ? Date.parse(text) : Number.NaN);
  if (Number.isNaN(timestamp)) return `timestamp: got ${quoteText(text)}, expected milliseconds since 1970 or a date and time such as 2026-01-31T09:30:00Z`;
  return { partition, limit, start: { from: 'timestamp', timestamp: BigInt(timestamp) } };
}
