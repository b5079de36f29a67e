import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { configOverrides } from '../../../src/api.js';
import { ConfigError, InvalidArgumentsError } from '../../../src/base/errors.js';
import { parseCommandLine } from '../../../src/cli/command-line.js';
import { commands, globalFlags } from '../../../src/cli/commands.js';
import { loadOptions } from '../../../src/cli/options.js';

const parse = (...argv: string[]) => parseCommandLine(argv, commands, globalFlags);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentsError || error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('parseCommandLine', () => {
  test('flag values stay the text typed; no-smoke turns smoke off; topic --config repeats', () => {
    expect(parse('up', '--brokers', '3', '-p', '123', '--no-smoke')).toMatchObject({ kind: 'run', flags: { brokers: '3', projectName: '123', smoke: false } });
    expect(parse('topic', 'add', 'x', '--config', 'a=1', '-c', 'b=2')).toMatchObject({ args: ['add', 'x'], flags: { config: ['a=1', 'b=2'] } });
    expect(parse('up', '--brokers', '-1')).toMatchObject({ flags: { brokers: '-1' } });
  });

  test('help and --help are help, not errors', () => {
    expect(parse('help')).toEqual({ kind: 'help', command: undefined });
    expect(parse('help', 'up')).toMatchObject({ kind: 'help', command: { name: 'up' } });
    expect(parse('down', '--help')).toMatchObject({ kind: 'help', command: { name: 'down' } });
    expect(parse()).toEqual({ kind: 'help' });
    expect(parse('--version')).toEqual({ kind: 'version' });
  });

  test('flags without a command are refused, not answered with help and exit 0', () => {
    expect(refusal(() => parse('--brokers', '3'))).toMatch(/missing command; expected one of: up, down/);
  });

  test('unknown commands and flags are echoed as typed, with a did-you-mean', () => {
    expect(refusal(() => parse('stauts'))).toMatch(/unknown command 'stauts'; did you mean 'status'\?/);
    expect(refusal(() => parse('up', '--bogusFlag'))).toMatch(/Unknown option `--bogusFlag`/);
    expect(refusal(() => parse('up', '--brokres', '3'))).toMatch(/Unknown option `--brokres`; did you mean `--brokers`\?/);
  });

  test('a repeated single-value flag, a missing value and a value on a switch are refused naming the flag', () => {
    expect(refusal(() => parse('up', '-c', 'a', '-c', 'b'))).toMatch(/--config: given 2 times \('a', 'b'\); expected once/);
    expect(refusal(() => parse('render', '--output'))).toMatch(/--output: value is missing/);
    expect(refusal(() => parse('status', '--json=yes'))).toMatch(/--json: got 'yes', but the flag takes no value/);
    expect(refusal(() => parse('produce'))).toMatch(/topic: missing/);
  });
});

describe('flags as config overrides', () => {
  test('judged like the file: text that is not decimal digits is not a number, a name may be digits', () => {
    expect(configOverrides('kafka-dev up', { brokers: '3', name: '123' }, (field) => `--${field}`)).toEqual({ brokers: 3, name: '123' });
    for (const text of ['0x3', '1e0', ' 3', '3.0', '']) {
      expect(refusal(() => configOverrides('kafka-dev up', { brokers: text }, () => '--brokers'))).toContain(`--brokers: got '${text}', expected a number of brokers`);
    }
    expect(refusal(() => configOverrides('kafka-dev up', { brokers: '-1' }, () => '--brokers'))).toContain('--brokers: got -1, expected at least 1 broker');
  });

  test('an empty --config is refused instead of falling back to the nearest config', () => {
    expect(refusal(() => loadOptions('up', { config: '' }))).toMatch(/--config: got '', expected the path of a config file/);
  });

  /**
   * The last value typed for each flag that takes one, as a user writes them: `-p a`, `-pa`,
   * `--mode kraft`, `--mode=kraft` (a flag's value is the next word even when it starts with '-').
   */
  function typedValues(words: readonly string[]): Map<string, string> {
    const longNames: Record<string, string> = { '--project-name': '-p', '--config': '-c', '--brokers': '--brokers', '--controllers': '--controllers', '--mode': '--mode', '--timeout': '--timeout' };
    const typed = new Map<string, string>();
    for (let index = 0; index < words.length; index += 1) {
      const word = words[index]!;
      const [name, attached] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
      const key = longNames[name] ?? (['-p', '-c'].includes(word.slice(0, 2)) ? word.slice(0, 2) : undefined);
      if (key === undefined) continue;
      if (attached !== undefined) typed.set(key, attached);
      else if (word.length > 2 && !word.startsWith('--')) typed.set(key, word.slice(2));
      else if (index + 1 < words.length) typed.set(key, words[(index += 1)]!);
    }
    return typed;
  }

  test('any argv: a validated override or a refusal naming the flag, never a TypeError or a silent coercion', () => {
    const flag = fc.constantFrom('--brokers', '--controllers', '--mode', '-p', '--project-name', '-c', '--timeout', '--bogus', '--json');
    const value = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -20, max: 20 }).map(String), fc.constantFrom('0x3', '1e0', '', '-1', '3', 'kraft'));
    const argv = fc.array(fc.tuple(flag, value), { maxLength: 4 }).map((pairs) => ['up', ...pairs.flat()]);
    fc.assert(
      fc.property(argv, (args) => {
        let options;
        try {
          const line = parseCommandLine(args, commands, globalFlags);
          if (line.kind !== 'run') return;
          options = loadOptions('up', line.flags);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentsError);
          expect((error as InvalidArgumentsError).issues.every((issue) => /^-|^$/.test(issue.path) && issue.message.length > 0)).toBe(true);
          return;
        }
        // Accepted: every override is exactly what was typed, or its decimal digits as a number.
        const typed = typedValues(args.slice(1));
        for (const [field, given] of Object.entries(options.overrides ?? {})) {
          const value = typed.get({ name: '-p', brokers: '--brokers', controllers: '--controllers', mode: '--mode' }[field]!)!;
          expect(typeof given === 'number' ? /^-?\d+$/.test(value) && Number(value) === given : given === value).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
