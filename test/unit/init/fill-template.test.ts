import { describe, expect, test } from 'vitest';
import { fillTemplate } from '../../../src/init/fill-template.js';

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
