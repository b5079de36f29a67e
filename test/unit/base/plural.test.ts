import { describe, expect, test } from 'vitest';
import { plural, pluralForm } from '../../../src/base/plural.js';

describe('plural', () => {
  test.each([
    [0, 'broker', undefined, '0 brokers'],
    [1, 'broker', undefined, '1 broker'],
    [3, 'broker', undefined, '3 brokers'],
    [2, 'copy', 'copies', '2 copies'],
    [1, 'copy', 'copies', '1 copy'],
  ])('%d %s (%s): %s', (count, noun, many, text) => {
    expect(plural(count, noun, many)).toBe(text);
  });

  test('pluralForm leaves the count out and takes any pair of words', () => {
    expect([pluralForm(1, 'volume'), pluralForm(2, 'volume')]).toEqual(['volume', 'volumes']);
    expect([pluralForm(1, 'it', 'them'), pluralForm(0, 'it', 'them')]).toEqual(['it', 'them']);
    expect([pluralForm(1, 'volume is', 'volumes are'), pluralForm(2, 'volume is', 'volumes are')]).toEqual(['volume is', 'volumes are']);
  });
});
