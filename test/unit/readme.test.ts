import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { badInputs } from '../e2e/bad-inputs.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const english = read('README.md');
const chinese = read('README.zh-CN.md');

/** Every command with its sub-action and flags as the README shows them in code: what a reader copies. */
const commandsIn = (text: string) => new Set(text.match(/kafka-dev (?:up|down|status|doctor|render|topic \w+|smoke|init|lint|logs)(?: --?[a-z-]+)*/g));

describe('README', () => {
  test('lists every bad input the end-to-end suite tries', () => {
    for (const input of badInputs) expect(english, input.name).toContain(`| ${input.name} |`);
  });

  test('the Chinese translation has the same sections and shows the same commands', () => {
    const sections = (text: string) => text.match(/^#{2,3} /gm)?.length;
    expect(sections(chinese)).toBe(sections(english));
    expect([...commandsIn(english)].filter((command) => !commandsIn(chinese).has(command))).toEqual([]);
    for (const input of badInputs) expect(chinese, input.name).toContain(`\`kafka-dev ${input.args.join(' ')}`.split(' -p ')[0]!);
  });
});
