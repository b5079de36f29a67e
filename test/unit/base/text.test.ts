import { describe, expect, test } from 'vitest';
import { describeThrown, describeValue, shortText } from '../../../src/base/text.js';

describe('describeValue: any value, as a message may show it', () => {
  test.each<[string, unknown, string]>([
    ['a string, quoted', 'kraft', "'kraft'"],
    ['quotes and backslashes, escaped', "it's \\ here", "'it\\'s \\\\ here'"],
    ['terminal escapes and newlines, escaped', '\x1b[31mred\nnext\ttab\u2028', "'\\x1b[31mred\\nnext\\ttab\\u2028'"],
    ['a lone surrogate, escaped', '\ud800', "'\\ud800'"],
    ['a long string, cut with its length', 'a'.repeat(200_000), `'${'a'.repeat(72)}…' (200000 characters)`],
    ['nothing', undefined, 'nothing'],
    ['null', null, 'null'],
    ['a number', 1.5, '1.5'],
    ['a bigint', 10n, '10n'],
    ['a list', [1], 'a list'],
    ['a plain object', { a: 1 }, 'an object'],
    ['an object without prototype', Object.create(null), 'an object'],
    ['a Map', new Map(), 'a Map'],
    ['a Date', new Date(0), 'a date'],
    ['a class instance', new (class Settings {})(), 'an instance of Settings'],
    ['a function, never its source', () => 'secret', 'code'],
    ['bytes', new Uint8Array(3), 'binary data'],
    ['a Proxy whose traps throw', new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); } }), 'an object'],
  ])('%s', (_, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  test('shortText escapes and shortens a key without quoting it', () => {
    expect(shortText('key\x1b')).toBe('key\\x1b');
    expect(shortText('k'.repeat(100))).toBe(`${'k'.repeat(72)}… (100 characters)`);
  });
});

describe('describeThrown: what a config threw, never [object Object]', () => {
  test.each<[string, unknown, string]>([
    ['an Error', new Error('boom'), 'boom'],
    ['a multi-line message, escaped line by line', new Error('line one\n\x1b[2Kline two'), 'line one\n    \\x1b[2Kline two'],
    ['an object with a code', { code: 'E' }, "an object with code 'E'"],
    ['a string', 'oops', "'oops'"],
    ['undefined', undefined, 'nothing'],
    ['an object whose message getter throws', { get message() { throw new Error('no'); } }, 'an object'],
  ])('%s', (_, thrown, expected) => {
    expect(describeThrown(thrown)).toBe(expected);
  });

  test('a huge message is cut', () => {
    expect(describeThrown(new Error('x'.repeat(5000)))).toMatch(/^x{400}… \(5000 characters\)$/);
  });
});
