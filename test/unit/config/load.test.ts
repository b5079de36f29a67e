import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/base/errors.js';

/** Writes one file into a fresh folder and loads it; returns the message of the ConfigError it must give. */
async function refusal(name: string, content: string | Buffer, configFile?: string): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'kd-load-'));
  await writeFile(join(cwd, name), content);
  const error = await loadConfig({ cwd, configFile: configFile ?? name, env: {} }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `${name} must be refused`).toBeInstanceOf(ConfigError);
  const message = (error as ConfigError).message;
  expect(message).toContain(configFile === undefined ? join(cwd, name) : configFile);
  return message.slice(message.indexOf('\n') + 1);
}

describe('a config file that does not hold a config object is refused, naming the file and what it held', () => {
  test.each([
    ['empty TypeScript file', 'kafka-dev.config.ts', '', 'the default export is missing'],
    ['TypeScript without ESM syntax (run as CommonJS)', 'kafka-dev.config.ts', 'const brokers: number = 3;\n', 'the default export is missing'],
    ['named export only', 'kafka-dev.config.ts', 'export const config = { brokers: 1 };\n', 'the default export is missing'],
    ['CommonJS exporting nothing', 'kafka-dev.config.js', 'const brokers = 3;\n', 'the default export is missing'],
    ['default export undefined', 'kafka-dev.config.mjs', 'export default undefined;\n', 'got nothing, expected the config object'],
    ['default export null', 'kafka-dev.config.mjs', 'export default null;\n', 'got null, expected the config object'],
    ['a Map', 'kafka-dev.config.mjs', 'export default new Map([["brokers", 3]]);\n', 'got a Map, expected plain data'],
    ['a Date', 'kafka-dev.config.mjs', 'export default new Date();\n', 'got a date, expected plain data'],
    ['a list', 'kafka-dev.config.mjs', 'export default [{ brokers: 3 }];\n', 'got a list, expected the config object'],
    ['a class instance', 'kafka-dev.config.mjs', 'class Config { brokers = 3 }\nexport default new Config();\n', 'got an instance of Config, expected plain data'],
    ['a function', 'kafka-dev.config.mjs', 'export default () => ({ brokers: 3 });\n', 'got code, expected plain data'],
    ['a nested promise', 'kafka-dev.config.mjs', 'export default { brokers: Promise.resolve(3) };\n', 'brokers: got a promise (was an await missing?)'],
    ['a nested Map', 'kafka-dev.config.mjs', 'export default { listeners: new Map() };\n', 'listeners: got a Map, expected plain data'],
    ['JSON null', 'kafka-dev.config.json', 'null\n', 'got null, expected the config object'],
    ['empty JSON', 'kafka-dev.config.json', '', 'the file is empty'],
    ['empty YAML', 'kafka-dev.config.yaml', '# nothing yet\n', 'the file holds no YAML value'],
    ['YAML scalar', 'kafka-dev.config.yaml', 'brokers\n', "got 'brokers', expected the config object"],
  ])('%s', async (_, name, content, expected) => {
    expect(await refusal(name, content)).toContain(expected);
  });

  test('a file that is not a config file, by extension or kind, is refused', async () => {
    expect(await refusal('settings.conf', '{"brokers": 3}')).toContain("has the extension '.conf'; expected one of .ts, .mts, .cts, .js, .mjs, .cjs, .json, .yaml, .yml");
    expect(await refusal('kafka-dev', 'brokers: 3')).toContain('has the extension none');
    expect(await refusal('x.yaml', 'brokers: 3', '/dev/null')).toContain('is not a regular file');
    expect(await refusal('x.yaml', 'brokers: 3', '/tmp')).toContain('is a folder');
  });

  test("an empty --config is refused, not taken as 'look for the nearest file'", async () => {
    await expect(loadConfig({ configFile: '' })).rejects.toThrow(/--config[\s\S]*got '', expected the path of a config file/);
  });
});

describe('what a config throws while loading is reported with the file, never as [object Object]', () => {
  test.each([
    ['an Error', 'throw new Error("boom");\n', 'cannot be loaded: boom'],
    ['a plain object with a code', 'throw { code: "E" };\n', "cannot be loaded: an object with code 'E'"],
    ['a string', 'throw "\\u001b[31mred";\n', "cannot be loaded: '\\x1b[31mred'"],
    ['a getter that throws', 'export default { get brokers() { throw new Error("no brokers") } };\n', 'brokers: cannot be read: its getter threw no brokers'],
    ['a getter that throws an object', 'export default { listeners: { get inside() { throw { code: 42 } } } };\n', 'listeners.inside: cannot be read: its getter threw an object with code 42'],
  ])('%s', async (_, content, expected) => {
    const message = await refusal('kafka-dev.config.mjs', content);
    expect(message).toContain(expected);
    expect(message).not.toMatch(/\[object|\x1b/);
  });
});

describe('JSON and YAML as editors write them', () => {
  const load = async (name: string, content: string) => {
    const cwd = await mkdtemp(join(tmpdir(), 'kd-load-'));
    await writeFile(join(cwd, name), content);
    return loadConfig({ cwd, env: {} });
  };

  test('a leading byte-order mark is ignored', async () => {
    expect((await load('kafka-dev.config.json', '\uFEFF{ "brokers": 2 }')).brokers).toBe(2);
    expect((await load('kafka-dev.config.yaml', '\uFEFFbrokers: 2\n')).brokers).toBe(2);
  });

  test('YAML merge keys are applied, not refused as an unknown key', async () => {
    const text = 'x-port: &port\n  port: 19092\nlisteners:\n  outside:\n    <<: *port\n    host: localhost\n';
    // x-port is an extension field, as in Compose: the anchor's home, which configures nothing itself.
    expect((await load('kafka-dev.config.yaml', text)).listeners.outside.port).toBe(19092);
    await expect(load('kafka-dev.config.yaml', 'y-port: 1\n')).rejects.toThrow(/unknown key 'y-port'/);
    const merged = await load('kafka-dev.config.yaml', 'topics:\n  - &base { name: a, partitions: 3 }\n  - <<: *base\n    name: b\n');
    expect(merged.topics.map((topic) => [topic.name, topic.partitions])).toEqual([['a', 3], ['b', 3]]);
  });

  test('a YAML file of several documents says how many it found', async () => {
    const message = await refusal('kafka-dev.config.yaml', 'brokers: 1\n---\nbrokers: 2\n');
    expect(message).toContain('expected one YAML document, found 2');
  });

  test('a binary file is refused with its bytes escaped and shortened', async () => {
    const bytes = Buffer.from(Array.from({ length: 4000 }, (_, index) => index % 256));
    const message = await refusal('kafka-dev.config.json', bytes);
    expect(message).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(message.length).toBeLessThan(1000);
  });
});
