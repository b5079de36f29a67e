import { describe, expect, test } from 'vitest';
import { lineToMessage } from '../../../src/kafka/console.js';

describe('lineToMessage', () => {
  test.each([
    { line: 'hello', separator: undefined, message: { value: 'hello' } },
    { line: 'user-1:signed up', separator: ':', message: { key: 'user-1', value: 'signed up' } },
    { line: 'a:b:c', separator: ':', message: { key: 'a', value: 'b:c' } },
    { line: 'no separator here', separator: ':', message: { value: 'no separator here' } },
    { line: 'k=>v', separator: '=>', message: { key: 'k', value: 'v' } },
  ])('$line with separator $separator', ({ line, separator, message }) => {
    expect(lineToMessage(line, separator)).toEqual(message);
  });
});
