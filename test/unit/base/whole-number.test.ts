import { describe, expect, test } from 'vitest';
import { wholeNumber } from '../../../src/base/whole-number.js';

describe('wholeNumber', () => {
  test.each([
    ['0', 0],
    ['3', 3],
    ['007', 7],
    ['9092', 9092],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d', (text, number) => {
    expect(wholeNumber(text)).toBe(number);
  });

  test.each(['', ' 3', '3 ', '\t3\n', '+3', '-3', '3.0', '3.', '.5', '1e0', '0x3', '0b1', '0o7', '1_000', 'Infinity', 'NaN', '٣', '9007199254740993'])(
    'refuses %j',
    (text) => {
      expect(wholeNumber(text)).toBeUndefined();
    },
  );
});
