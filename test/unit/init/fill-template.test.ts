import { describe, expect, test } from 'vitest';
import { fillTemplate, tsLiteral } from '../../../src/init/fill-template.js';

describe('fillTemplate', () => {
  test('fills placeholders and leaves out the lines whose value is undefined', () => {
    const template = 'start\n  mode: {{mode}}, // why\n  controllers: {{controllers}},\nend';
    expect(fillTemplate(template, { mode: "'kraft'", controllers: undefined })).toBe("start\n  mode: 'kraft', // why\nend");
  });

  test('indents a value of several lines like its line, keeping a comment marker', () => {
    expect(fillTemplate('  list: {{list}},\n// {{note}}', { list: '[\n  1,\n]', note: 'one\ntwo' })).toBe('  list: [\n    1,\n  ],\n// one\n// two');
  });

  test('a placeholder without an entry is a bug in the template', () => {
    expect(() => fillTemplate('{{missing}}', {})).toThrow('template placeholder {{missing}} has no value');
  });
});

describe('tsLiteral', () => {
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
    expect(tsLiteral(value)).toBe(literal);
  });

  test('breaks what does not fit on one line into one entry a line', () => {
    const topics = ['orders', 'payments', 'shipments', 'invoices'].map((name) => ({ name, partitions: 3, replicationFactor: 1 }));
    expect(tsLiteral(topics)).toBe(
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
});
