import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { browseQuery } from '../../../src/ui/browse-query.js';

const query = (text: string) => browseQuery(new URLSearchParams(text));

describe('browseQuery', () => {
  test('reads each way to start, with the partition and limit', () => {
    expect(query('')).toEqual({ partition: 0, limit: 100, start: { from: 'beginning' } });
    expect(query('partition=2&from=newest&limit=5')).toEqual({ partition: 2, limit: 5, start: { from: 'newest' } });
    expect(query('partition=1&from=offset&offset=42&timestamp=')).toEqual({ partition: 1, limit: 100, start: { from: 'offset', offset: 42n } });
    expect(query('from=timestamp&timestamp=1700000000000')).toEqual({ partition: 0, limit: 100, start: { from: 'timestamp', timestamp: 1700000000000n } });
    expect(query('from=timestamp&timestamp=2026-01-31T09:30:00Z')).toEqual({ partition: 0, limit: 100, start: { from: 'timestamp', timestamp: BigInt(Date.parse('2026-01-31T09:30:00Z')) } });
  });

  test.each([
    ['partition=-1', "partition: got '-1', expected a whole number of at least 0"],
    ['partition=x', "partition: got 'x', expected a whole number of at least 0"],
    ['limit=0', "limit: got '0', expected a whole number from 1 to 1000"],
    ['limit=1001', "limit: got '1001', expected a whole number from 1 to 1000"],
    ['from=end', "from: got 'end', expected one of beginning, newest, offset, timestamp"],
    ['from=offset', 'offset: missing, expected a whole number'],
    ['from=offset&offset=1.5', "offset: got '1.5', expected a whole number of at least 0"],
    ['from=timestamp&timestamp=yesterday', "timestamp: got 'yesterday', expected milliseconds since 1970 or a date and time"],
    ['from=timestamp&timestamp=2026-99-99', "timestamp: got '2026-99-99', expected milliseconds since 1970 or a date and time"],
  ])('refuses %s naming the parameter, the value and what it takes', (text, problem) => {
    expect(query(text)).toContain(problem);
  });

  test('any query is either a request within the limits or a problem naming one of the parameters', () => {
    const value = fc.oneof(fc.constantFrom('', '0', '1', '1000', '1001', '-1', 'beginning', 'newest', 'offset', 'timestamp', '2026-01-31T09:30:00Z'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.record({ partition: value, from: value, offset: value, timestamp: value, limit: value }, { requiredKeys: [] }), (params) => {
        const answer = browseQuery(new URLSearchParams(params as Record<string, string>));
        if (typeof answer === 'string') expect(answer).toMatch(/^(partition|from|offset|timestamp|limit): /);
        else {
          expect(answer.limit).toBeGreaterThanOrEqual(1);
          expect(answer.limit).toBeLessThanOrEqual(1000);
          expect(answer.partition).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
