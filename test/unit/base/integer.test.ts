import { describe, expect, test } from 'vitest';
import { integer } from '../../../src/base/integer.js';

describe('integer', () => {
  test.each([
    ['0', 0],
    ['-0', 0],
    ['3', 3],
    ['-1', -1],
    ['-9007199254740991', -Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d', (text, number) => {
    expect(integer(text)).toBe(number);
  });

  test.each(['', '-', '--1', '+3', ' -1', '- 1', '-1.0', '-1e0', '-0x3', '-9007199254740993'])('refuses %j', (text) => {
    expect(integer(text)).toBeUndefined();
  });
});
