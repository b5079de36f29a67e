import { describe, expect, test } from 'vitest';
import { jsLiteral } from '../../../src/base/js-literal.js';

describe('jsLiteral', () => {
  test.each([
    { value: "it's", literal: "'it\\'s'" },
    { value: 3, literal: '3' },
    { value: false, literal: 'false' },
    { value: [], literal: '[]' },
    { value: {}, literal: '{}' },
    { value: { host: 'kafka', port: 9093 }, literal: "{ host: 'kafka', port: 9093 }" },
    { value: { 'log.retention.hours': 1 }, literal: "{ 'log.retention.hours': 1 }" },
    { value: [{ name: 'orders' }], literal: "[{ name: 'orders' }]" },
  ])('writes $literal', ({ value, literal }) => {
    expect(jsLiteral(value)).toBe(literal);
  });

  test('breaks what does not fit on one line into one entry a line', () => {
    const topics = ['orders', 'payments', 'shipments', 'invoices'].map((name) => ({ name, partitions: 3, replicationFactor: 1 }));
    expect(jsLiteral(topics)).toBe(
      [
        '[',
        "  { name: 'orders', partitions: 3, replicationFactor: 1 },",
        "  { name: 'payments', partitions: 3, replicationFactor: 1 },",
        "  { name: 'shipments', partitions: 3, replicationFactor: 1 },",
        "  { name: 'invoices', partitions: 3, replicationFactor: 1 },",
        ']',
      ].join('\n'),
    );
  });

  test.each([
    { value: { 'cleanup.policy': "it's" }, style: { quote: '"' as const }, literal: '{ "cleanup.policy": "it\'s" }' },
    { value: 'a"b\\c', style: { quote: '"' as const }, literal: '"a\\"b\\\\c"' },
    { value: 'a"b\\c\'d', style: {}, literal: "'a\"b\\\\c\\'d'" },
    { value: 'line\nnext\u001b', style: {}, literal: "'line\\nnext\\u001b'" },
  ])('writes $value in $style as $literal', ({ value, style, literal }) => {
    expect(jsLiteral(value, style)).toBe(literal);
  });

  test('each string literal reads back as the string it came from', () => {
    for (const text of ['plain', "it's", 'say "hi"', 'back\\slash\\', 'new\nline\ttab', '\\"', "\\'"]) {
      for (const quote of ["'", '"'] as const) expect(new Function(`return ${jsLiteral(text, { quote })}`)()).toBe(text);
    }
  });

  test('keeps everything on one line when told to', () => {
    const topics = Array.from({ length: 10 }, (_, index) => ({ name: `topic-${index}`, partitions: 3 }));
    expect(jsLiteral(topics, { maxInlineLength: Infinity })).not.toContain('\n');
  });
});
