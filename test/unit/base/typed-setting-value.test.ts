import { describe, expect, test } from 'vitest';
import { typedSettingValue } from '../../../src/base/typed-setting-value.js';

describe('typedSettingValue', () => {
  test.each([
    ['true', true],
    ['false', false],
    ['0', 0],
    ['3600000', 3_600_000],
    ['-1', -1],
  ])('reads %j as %j', (text, value) => {
    expect(typedSettingValue(text)).toBe(value);
  });

  test.each(['True', 'compact', '007', '-01', '0644', '1.5', '1e3', '0x3', ' 3', '', '9223372036854775807'])('keeps %j as text', (text) => {
    expect(typedSettingValue(text)).toBe(text);
  });
});
