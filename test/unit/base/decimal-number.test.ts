import { describe, expect, test } from 'vitest';
import { decimalNumber } from '../../../src/base/decimal-number.js';

describe('decimalNumber', () => {
  test.each([
    ['0', 0],
    ['90', 90],
    ['2.5', 2.5],
    ['0.001', 0.001],
  ])('reads %j as %d', (text, number) => {
    expect(decimalNumber(text)).toBe(number);
  });

  test.each(['', ' 2', '2 ', '-2', '+2', '.5', '5.', '1e3', '0x10', 'Infinity', '1,5'])('refuses %j', (text) => {
    expect(decimalNumber(text)).toBeUndefined();
  });
});
