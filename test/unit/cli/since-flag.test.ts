import { describe, expect, test } from 'vitest';
import { sinceFlag } from '../../../src/cli/since-flag.js';
import { InvalidArgumentsError } from '../../../src/base/errors.js';

const now = Date.parse('2026-01-31T12:00:00Z');
const nowSeconds = now / 1000;

describe('sinceFlag', () => {
  test.each([
    { value: '90s', seconds: nowSeconds - 90 },
    { value: '5m', seconds: nowSeconds - 300 },
    { value: '1h30m', seconds: nowSeconds - 5400 },
    { value: '2d', seconds: nowSeconds - 172_800 },
    { value: '1.5h', seconds: nowSeconds - 5400 },
    { value: '2026-01-31T11:00:00Z', seconds: nowSeconds - 3600 },
    { value: '2026-01-31', seconds: Date.parse('2026-01-31') / 1000 },
    { value: 1769857200, seconds: 1769857200 },
  ])('reads $value', ({ value, seconds }) => {
    expect(sinceFlag(value, now)).toBe(seconds);
  });

  test('refuses what is no time, naming the forms it takes', () => {
    expect(() => sinceFlag('yesterday', now)).toThrow(InvalidArgumentsError);
    expect(() => sinceFlag('yesterday', now)).toThrow("--since: got 'yesterday', expected a duration such as 90s, 5m or 1h30m");
  });
});
